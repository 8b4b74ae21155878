import fs from 'node:fs';
import path from 'node:path';
import type { Options } from '@mikro-orm/core';
import { MySqlDriver } from '@mikro-orm/mysql';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { Migrator } from '@mikro-orm/migrations';
import { allEntities } from '../../entities';
import { mysqlMigrations } from '../../migrations/mysql';
import { sqliteMigrations } from '../../migrations/sqlite';
import { CountingLogger } from './query-log';

export type DatabaseKind = 'mysql' | 'sqlite';

export interface DatabaseTarget {
  kind: DatabaseKind;
  /** mysql://user:pass@host:port/db, or the SQLite file path */
  url: string;
}

export function databaseTarget(databaseUrl: string | undefined, dataDir: string): DatabaseTarget {
  if (databaseUrl) return { kind: 'mysql', url: databaseUrl };
  return { kind: 'sqlite', url: path.join(dataDir, 'wuye.sqlite') };
}

/** One set of entities for both databases; each database has its own generated migrations. */
export function ormOptions(target: DatabaseTarget, debug = false): Options {
  const common: Options = {
    entities: allEntities,
    extensions: [Migrator],
    debug,
    loggerFactory: (options) => new CountingLogger(options),
    // Scope filters stay on the entity queried; no implicit joins to check related rows' filters.
    autoJoinRefsForFilters: false,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    ignoreUndefinedInQuery: false,
    discovery: { warnWhenNoEntities: true },
  };
  if (target.kind === 'mysql') {
    const url = new URL(target.url);
    return {
      ...common,
      driver: MySqlDriver,
      clientUrl: target.url,
      dbName: url.pathname.replace(/^\//, '') || 'test',
      charset: 'utf8mb4',
      collate: 'utf8mb4_unicode_ci',
      pool: { min: 0, max: 10 },
      // MySQL commits DDL implicitly, so a migration cannot be wrapped in a transaction there.
      migrations: { migrationsList: mysqlMigrations, transactional: false, allOrNothing: false, snapshot: false, silent: true },
    } as Options;
  }
  fs.mkdirSync(path.dirname(target.url), { recursive: true });
  return {
    ...common,
    driver: BetterSqliteDriver,
    dbName: target.url,
    migrations: { migrationsList: sqliteMigrations, transactional: true, allOrNothing: true, snapshot: false, silent: true },
  } as Options;
}
