import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import { BASE_URL, MAX_WORKERS, workerDatabaseName, workerDatabaseUrl } from './databases';

/**
 * Fresh databases for every worker, with the committed migrations applied once each. Migrations
 * run in a child process: MikroORM initialised here would leave its metadata in jest's parent
 * realm and break the tests that run in band (mikro-orm issue #3783).
 */
export default async function globalSetup(): Promise<void> {
  const admin = await createConnection(`${BASE_URL.replace(/\/$/, '')}/`);
  try {
    for (let w = 1; w <= MAX_WORKERS; w++) await admin.query(`DROP DATABASE IF EXISTS \`${workerDatabaseName(String(w))}\``);
  } finally {
    await admin.end();
  }
  const gateway = path.resolve(__dirname, '..', '..', 'gateway');
  for (let w = 1; w <= MAX_WORKERS; w++) {
    execFileSync(process.execPath, ['-r', '@swc-node/register', 'scripts/migrate.ts'], {
      cwd: gateway,
      env: { ...process.env, DATABASE_URL: workerDatabaseUrl(String(w)), NODE_ENV: 'test', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}
