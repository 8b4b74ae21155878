/**
 * Each jest worker gets its own MariaDB database, so test files in parallel never share rows.
 * TEST_DB_PREFIX keeps two test runs on one server (two developers, CI and a developer) apart.
 */
export const BASE_URL = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';
export const MAX_WORKERS = Number(process.env.TEST_WORKERS ?? 2);
export const DB_PREFIX = process.env.TEST_DB_PREFIX ?? 'wuye_test';

export function workerDatabaseName(worker = process.env.JEST_WORKER_ID ?? '1'): string {
  return `${DB_PREFIX}_${worker}`;
}

export function workerDatabaseUrl(worker = process.env.JEST_WORKER_ID ?? '1'): string {
  return `${BASE_URL.replace(/\/$/, '')}/${workerDatabaseName(worker)}`;
}
