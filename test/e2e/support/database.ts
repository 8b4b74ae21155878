import { createConnection } from 'mysql2/promise';
import { BASE_URL, DB_PREFIX } from '../../support/databases';

/** The e2e run's own database, beside the integration workers' `${prefix}_1`, `${prefix}_2`. */
export const E2E_DATABASE = `${DB_PREFIX}_e2e`;
export const E2E_DATABASE_URL = `${BASE_URL.replace(/\/$/, '')}/${E2E_DATABASE}`;

async function admin<T>(fn: (conn: Awaited<ReturnType<typeof createConnection>>) => Promise<T>): Promise<T> {
  const conn = await createConnection(`${BASE_URL.replace(/\/$/, '')}/`);
  try {
    return await fn(conn);
  } finally {
    await conn.end();
  }
}

/** Drops what an earlier run left and creates the database empty, so DEMO_SEED seeds it. */
export async function recreateE2eDatabase(): Promise<void> {
  await admin(async (conn) => {
    await conn.query(`DROP DATABASE IF EXISTS \`${E2E_DATABASE}\``);
    await conn.query(`CREATE DATABASE \`${E2E_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  });
}

export async function dropE2eDatabase(): Promise<void> {
  await admin((conn) => conn.query(`DROP DATABASE IF EXISTS \`${E2E_DATABASE}\``));
}

/** The id of a room of the demo estate 阳光花园, read straight from the database. */
export async function demoRoomId(code: string): Promise<string> {
  const conn = await createConnection(E2E_DATABASE_URL);
  try {
    const [rows] = await conn.query(
      'SELECT r.id FROM room r JOIN estate e ON e.id = r.estate_id WHERE e.code = ? AND r.code = ?',
      ['YGHY', code],
    );
    const row = (rows as { id: string | number }[])[0];
    if (!row) throw new Error(`room ${code} is not in the demo estate`);
    return String(row.id);
  } finally {
    await conn.end();
  }
}
