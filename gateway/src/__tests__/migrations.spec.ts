import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from '../core/db/orm-config';

/** Every committed migration can be applied, rolled back to nothing, and applied again (SQLite here; MariaDB in test/). */
test('SQLite migrations are reversible', async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-mig-')), 'db.sqlite');
  const orm = await MikroORM.init({ ...ormOptions({ kind: 'sqlite', url: file }), debug: false });
  try {
    const migrator = orm.getMigrator();
    const applied = await migrator.up();
    expect(applied.length).toBeGreaterThanOrEqual(2);
    await migrator.down({ to: 0 });
    const tables = await orm.em.getConnection().execute(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != 'mikro_orm_migrations'`);
    expect(tables).toEqual([]);
    expect((await migrator.up()).length).toBe(applied.length);
  } finally {
    await orm.close(true);
  }
});
