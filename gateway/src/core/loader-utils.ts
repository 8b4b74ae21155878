import DataLoader from 'dataloader';
import type { EntityManager, EntityName } from '@mikro-orm/core';

/**
 * Loads rows by id through the request's scoped EntityManager, one statement per batch. A row
 * outside the viewer's scope comes back as null, exactly as if it did not exist.
 */
export function byIdLoader<T extends { id: string }>(em: EntityManager, entity: EntityName<T>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Groups rows of one statement by a key, for one-to-many fields (room → bindings). */
export function groupedLoader<T>(load: (keys: string[]) => Promise<T[]>, keyOf: (row: T) => string): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await load([...keys]);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const list = groups.get(key);
      if (list) list.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}
