import { Utils, type EntityManager, type EntityName, type EntityProperty, type FilterQuery, type QueryOrderMap, type Ref } from '@mikro-orm/core';

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
  rows: Iterable<Record<string, unknown>>,
): Promise<number> {
  if (!estateId) throw new Error('insertIgnoringDuplicates needs an estate');
  const insertChunk = async (chunk: Record<string, unknown>[]) => {
    const qb = (em as unknown as { createQueryBuilder: (e: EntityName<T>) => any }).createQueryBuilder(entity);
    const result = await qb.insert(toColumns(em, entity, chunk)).onConflict(conflictKey).ignore().execute('run');
    return Number(result.affectedRows ?? 0);
  };
  const checked = (chunk: Record<string, unknown>[]) => {
    for (const row of chunk) if (row.estate !== estateId) throw new Error('a bulk row belongs to another estate');
    return chunk;
  };
  // SQLite compiles a multi-row insert into a compound SELECT of at most 500 terms.
  if (!em.isInTransaction()) {
    const all = checked([...rows]);
    let inserted = 0;
    for (let i = 0; i < all.length; i += BULK_CHUNK) inserted += await insertChunk(all.slice(i, i + BULK_CHUNK));
    return inserted;
  }
  // In a transaction each chunk is sent as soon as it is made: the chunks queue on the
  // transaction's one connection and run in order while the next ones are still being made. A bad
  // row fails its chunk before it is sent, and the error rolls the whole transaction back.
  const sent: Promise<number>[] = [];
  let chunk: Record<string, unknown>[] = [];
  const send = async () => {
    const insert = insertChunk(checked(chunk));
    insert.catch(() => undefined); // awaited below with the others
    sent.push(insert);
    chunk = [];
    await new Promise((resolve) => setImmediate(resolve)); // let the statement go out
  };
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === BULK_CHUNK) await send();
  }
  if (chunk.length > 0) await send();
  return (await Promise.all(sent)).reduce((sum, n) => sum + n, 0);
}

const BULK_CHUNK = 400;

/**
 * Rows keyed by column, with values converted exactly as the QueryBuilder would
 * (`mapDataToFieldNames`): it renames keys with `Utils.renameKey`, which rebuilds the whole row for
 * every renamed key — most of the CPU of a 100,000-room bill run's inserts. Keys it would not rename
 * (column = property) and anything unusual (embedded, SQL-converted, composite) are left to it.
 */
function toColumns<T>(em: EntityManager, entity: EntityName<T>, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const props = em.getMetadata().get<T>(Utils.className(entity)).properties as Record<string, EntityProperty<T> | undefined>;
  const platform = em.getPlatform();
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(row)) {
      const value = row[key];
      const prop = props[key];
      const column = prop?.fieldNames?.length === 1 ? prop.fieldNames[0] : undefined;
      const simple = value === null || typeof value !== 'object' || value instanceof Date;
      if (!prop || !column || column === key || column in row || prop.embeddedProps || prop.hasConvertToDatabaseValueSQL || !simple) {
        out[key] = value;
        continue;
      }
      out[column] = prop.customType && !platform.isRaw(value) ? prop.customType.convertToDatabaseValue(value, platform, { fromQuery: true, key, mode: 'query-data' }) : value;
    }
    return out;
  });
}

/** A row as the driver maps it: a relation is its primary key. */
export type EstateRow<T, F extends keyof T> = { [K in F]: NonNullable<T[K]> extends Ref<object> ? string | Extract<T[K], null | undefined> : T[K] };

/**
 * Rows of one estate as plain objects, for bulk jobs: a bill run reads a few rows for each of
 * 100,000 rooms, and entities cost ten times the query (1000 rooms' charges: 5 ms of CPU as rows,
 * 55 ms as entities, which the batch's commit then also checks for changes). This reads below the
 * EntityManager, so below the scope filter: every row must belong to the estate. Runs in `em`'s
 * transaction when it has one.
 */
export async function findEstateRows<T extends { estate: unknown }, F extends keyof T & string>(
  em: EntityManager,
  estateId: string,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  fields: F[],
  options: { orderBy?: QueryOrderMap<T>; limit?: number } = {},
): Promise<EstateRow<T, F>[]> {
  if (!estateId) throw new Error('findEstateRows needs an estate');
  const rows = (await em.getDriver().find(Utils.className(entity), where as never, { fields: [...new Set([...fields, 'estate'])] as never, ...options, ctx: em.getTransactionContext() } as never)) as Record<string, unknown>[];
  for (const row of rows) if (row.estate !== estateId) throw new Error('a bulk row belongs to another estate');
  return rows as unknown as EstateRow<T, F>[];
}
