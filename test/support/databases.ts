/** Each jest worker gets its own MariaDB database, so test files in parallel never share rows. */
export const BASE_URL = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';
export const MAX_WORKERS = Number(process.env.TEST_WORKERS ?? 2);

export function workerDatabaseUrl(worker = process.env.JEST_WORKER_ID ?? '1'): string {
  return `${BASE_URL.replace(/\/$/, '')}/wuye_test_${worker}`;
}
