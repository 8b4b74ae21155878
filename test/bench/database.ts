import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createConnection, type Connection } from 'mysql2/promise';

/** The bench's own database, created at the start and dropped at the end of every run. */
export const BENCH_SERVER = (process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/$/, '');
export const BENCH_DB = 'wuye_bench';
export const BENCH_URL = `${BENCH_SERVER}/${BENCH_DB}`;

export async function connect(database?: string): Promise<Connection> {
  // dateStrings: rows read back are written again exactly as they were.
  return createConnection({ uri: `${BENCH_SERVER}/${database ?? ''}`, dateStrings: true, multipleStatements: false });
}

export async function dropBenchDatabase(): Promise<void> {
  const admin = await connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${BENCH_DB}\``);
  } finally {
    await admin.end();
  }
}

/** A fresh wuye_bench with the committed migrations, applied in a child process as the tests do. */
export async function createBenchDatabase(): Promise<void> {
  await dropBenchDatabase();
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'scripts/migrate.ts'], {
    cwd: path.resolve(__dirname, '..', '..', 'gateway'),
    env: { ...process.env, DATABASE_URL: BENCH_URL, NODE_ENV: 'test', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Multi-row INSERTs of `per` rows each (mysql2 expands `VALUES ?` from an array of arrays). */
export async function insertRows(conn: Connection, table: string, columns: string[], rows: unknown[][], per = 2000): Promise<void> {
  const sql = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`;
  for (let i = 0; i < rows.length; i += per) await conn.query(sql, [rows.slice(i, i + per)]);
}
