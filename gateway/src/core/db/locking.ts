import { LockMode, type EntityManager } from '@mikro-orm/core';

/**
 * Row locks for money: `SELECT … FOR UPDATE` on MySQL/MariaDB. SQLite has no row locks; its
 * write transactions are serialised as a whole, which gives the same guarantee there.
 */
export function forUpdate(em: EntityManager): { lockMode?: LockMode.PESSIMISTIC_WRITE } {
  return em.getPlatform().constructor.name.toLowerCase().includes('sqlite') ? {} : { lockMode: LockMode.PESSIMISTIC_WRITE };
}
