import { MikroORM } from '@mikro-orm/core';
import { ormOptions, type DatabaseTarget } from './orm-config';

export async function openDatabase(target: DatabaseTarget, { migrate = true, debug = false } = {}): Promise<MikroORM> {
  if (target.kind === 'mysql') await ensureMysqlDatabase(target.url);
  const orm = await MikroORM.init(ormOptions(target, debug));
  if (migrate) await orm.getMigrator().up();
  return orm;
}

/** Creates the MySQL database named in the URL if it is missing, so a fresh server just works. */
async function ensureMysqlDatabase(url: string): Promise<void> {
  const { createConnection } = await import('mysql2/promise');
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unsupported database name "${name}"`);
  parsed.pathname = '/';
  const conn = await createConnection(parsed.toString());
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}
