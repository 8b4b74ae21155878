import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { createConnection } from 'mysql2/promise';
import { ormOptions } from '../../../gateway/src/core/db/orm-config';
import { BASE_URL, DB_PREFIX } from '../../support/databases';

/** The committed MySQL migrations apply to an empty MariaDB, roll back to nothing, and apply again. */
test('MariaDB migrations are reversible', async () => {
  const name = `${DB_PREFIX}_migrations_${process.env.JEST_WORKER_ID ?? '1'}`;
  const admin = await createConnection(`${BASE_URL.replace(/\/$/, '')}/`);
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const orm = await MikroORM.init(ormOptions({ kind: 'mysql', url: `${BASE_URL.replace(/\/$/, '')}/${name}` }));
  try {
    const migrator = orm.getMigrator();
    const applied = await migrator.up();
    expect(applied.length).toBeGreaterThanOrEqual(2);
    await migrator.down({ to: 0 });
    const [tables] = (await admin.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name != 'mikro_orm_migrations'`, [name])) as any;
    expect(tables).toEqual([]);
    expect((await migrator.up()).length).toBe(applied.length);
  } finally {
    await orm.close(true);
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
});
