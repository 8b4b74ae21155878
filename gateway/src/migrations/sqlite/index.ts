import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122092720 } from './Migration20261122092720';
import { Migration20261122091329 } from './Migration20261122091329';
import { Migration20261122090626 } from './Migration20261122090626';
import { Migration20261122090145 } from './Migration20261122090145';
import { Migration20261122085619 } from './Migration20261122085619';
import { Migration20261122082807 } from './Migration20261122082807';

/** Generated migrations, in order (scripts/migration-create.ts appends here). Never edit one once committed. */
export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261122082807', class: Migration20261122082807 },
  { name: 'Migration20261122085619', class: Migration20261122085619 },
  { name: 'Migration20261122090145', class: Migration20261122090145 },
  { name: 'Migration20261122090626', class: Migration20261122090626 },
  { name: 'Migration20261122091329', class: Migration20261122091329 },
  { name: 'Migration20261122092720', class: Migration20261122092720 },
];
