import type { EntityManager } from '@mikro-orm/core';
import { forUpdate } from '../../core/db/locking';
import { ReceiptCounter } from './entities';

/**
 * The next receipt number of an estate's year, e.g. 2026-000124. The counter row is locked for
 * the rest of the payment's transaction, so numbers are sequential with no gaps: a payment that
 * rolls back gives its number back.
 */
export async function takeReceiptNo(em: EntityManager, estateId: string, year: number): Promise<string> {
  let counter = await em.findOne(ReceiptCounter, { estateId, year }, forUpdate(em));
  if (!counter) {
    // First receipt of the year: insert the row (a concurrent first payment hits the unique key and
    // retries its whole transaction), then lock it like any other.
    const row = Object.assign(new ReceiptCounter(), { estateId, year, last: 0 });
    await em.insert(row);
    counter = await em.findOneOrFail(ReceiptCounter, { estateId, year }, { ...forUpdate(em), refresh: true });
  }
  counter.last += 1;
  return `${year}-${String(counter.last).padStart(6, '0')}`;
}
