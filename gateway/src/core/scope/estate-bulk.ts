import type { EntityManager, EntityName } from '@mikro-orm/core';

/**
 * Bulk insert that skips rows whose unique key already exists (MySQL `INSERT IGNORE`, SQLite
 * `ON CONFLICT DO NOTHING`): re-running a bill run inserts nothing twice. Raw QueryBuilder lives
 * here, behind an explicit estate: every row must belong to it, so a bad caller cannot write into
 * another estate. Returns how many rows were inserted.
 */
export async function insertIgnoringDuplicates<T extends { estate: unknown }>(
  em: EntityManager,
  estateId: string,
  entity: EntityName<T>,
  conflictKey: string,
  rows: Record<string, unknown>[],
): Promise<number> {
  if (!estateId) throw new Error('insertIgnoringDuplicates needs an estate');
  if (rows.length === 0) return 0;
  for (const row of rows) if (row.estate !== estateId) throw new Error('a bulk row belongs to another estate');
  let inserted = 0;
  // SQLite compiles a multi-row insert into a compound SELECT of at most 500 terms.
  for (let i = 0; i < rows.length; i += BULK_CHUNK) {
    const qb = (em as unknown as { createQueryBuilder: (e: EntityName<T>) => any }).createQueryBuilder(entity);
    const result = await qb.insert(rows.slice(i, i + BULK_CHUNK)).onConflict(conflictKey).ignore().execute('run');
    inserted += Number(result.affectedRows ?? 0);
  }
  return inserted;
}

const BULK_CHUNK = 400;
