import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions, type DatabaseTarget } from '../src/core/db/orm-config';

/**
 * Generates the next migration for both databases from the entities, writes
 * `Migration<timestamp>.ts` and registers it in the folder's index.ts.
 * Usage: npm run migration:create -w @wuye/gateway
 * It diffs the entities against the committed .schema-snapshot.json (for MySQL a scratch database
 * $MIGRATION_DATABASE_URL or mysql://root@127.0.0.1:3306/wuye_migrations is opened, not migrated).
 * SQLite migrations get no generated down(): write it by hand.
 */
async function createFor(target: DatabaseTarget, folder: string) {
  const dir = path.resolve(__dirname, '..', 'src', 'migrations', folder);
  // Diff against a committed schema snapshot, not the live database: MikroORM's mysql driver
  // reads MariaDB's defaults and JSON checks back differently and would emit noise.
  const migrations = { ...(ormOptions(target).migrations as object), path: dir, pathTs: dir, emit: 'ts', snapshot: true, snapshotName: '.schema-snapshot', fileName: (ts: string) => `Migration${ts}` };
  const orm = await MikroORM.init({ ...ormOptions(target), migrations } as never);
  try {
    // The diff starts from the committed snapshot (the entities as of the last migration), never
    // from a database: running migrations would overwrite the snapshot with an introspected schema.
    if (!fs.existsSync(path.join(dir, '.schema-snapshot.json'))) throw new Error(`${dir}/.schema-snapshot.json is missing`);
    const result = await orm.getMigrator().createMigration(dir, false, false);
    if (!result.fileName) {
      process.stdout.write(`${folder}: no changes\n`);
      return;
    }
    const name = result.fileName.replace(/\.ts$/, '');
    const index = path.join(dir, 'index.ts');
    let text = fs.readFileSync(index, 'utf8');
    text = text.replace(/^(import type .*\n)/, `$1import { ${name} } from './${name}';\n`);
    text = text.replace(/\n\];\n$/, `\n  { name: '${name}', class: ${name} },\n];\n`);
    fs.writeFileSync(index, text);
    process.stdout.write(`${folder}: wrote ${result.fileName}\n`);
  } finally {
    await orm.close(true);
  }
}

async function main() {
  const mysqlUrl = process.env.MIGRATION_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/wuye_migrations';
  const { createConnection } = await import('mysql2/promise');
  const admin = await createConnection(mysqlUrl.replace(/\/[^/]*$/, '/'));
  const db = new URL(mysqlUrl).pathname.slice(1);
  await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await admin.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  await createFor({ kind: 'mysql', url: mysqlUrl }, 'mysql');
  const sqliteFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wuye-mig-')), 'scratch.sqlite');
  await createFor({ kind: 'sqlite', url: sqliteFile }, 'sqlite');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
