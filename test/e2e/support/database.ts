import { createConnection } from 'mysql2/promise';
import { BASE_URL, DB_PREFIX } from '../../support/databases';

/**
 * An e2e test file's own database, beside the integration workers' `${prefix}_1`, `${prefix}_2`.
 * Files run in parallel (one per jest worker), each with its own gateway, so each needs its own
 * database: `e2eDatabase('pay')` is `${prefix}_e2e_pay`.
 */
export interface E2eDatabase {
  name: string;
  url: string;
  /** drops what an earlier run left and creates the database empty, so DEMO_SEED seeds it */
  recreate(): Promise<void>;
  drop(): Promise<void>;
  /** the id of a room of the demo estate 阳光花园, read straight from the database */
  demoRoomId(code: string): Promise<string>;
}

async function admin<T>(fn: (conn: Awaited<ReturnType<typeof createConnection>>) => Promise<T>): Promise<T> {
  const conn = await createConnection(`${BASE_URL.replace(/\/$/, '')}/`);
  try {
    return await fn(conn);
  } finally {
    await conn.end();
  }
}

export function e2eDatabase(suffix?: string): E2eDatabase {
  const name = suffix ? `${DB_PREFIX}_e2e_${suffix}` : `${DB_PREFIX}_e2e`;
  const url = `${BASE_URL.replace(/\/$/, '')}/${name}`;
  return {
    name,
    url,
    async recreate() {
      await admin(async (conn) => {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      });
    },
    async drop() {
      await admin((conn) => conn.query(`DROP DATABASE IF EXISTS \`${name}\``));
    },
    async demoRoomId(code) {
      const conn = await createConnection(url);
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
    },
  };
}

// portal.test.ts's database (`${prefix}_e2e`)
const portalDatabase = e2eDatabase();
export const E2E_DATABASE = portalDatabase.name;
export const E2E_DATABASE_URL = portalDatabase.url;
export const recreateE2eDatabase = (): Promise<void> => portalDatabase.recreate();
export const dropE2eDatabase = (): Promise<void> => portalDatabase.drop();
export const demoRoomId = (code: string): Promise<string> => portalDatabase.demoRoomId(code);
