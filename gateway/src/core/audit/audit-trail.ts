import { wrap, type EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer';
import { AuditEntry } from './entities';

export interface AuditRecord {
  action: string;
  estateId: string | null;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** A plain copy of an entity's scalar state, for the before/after columns. */
export function snapshot(entity: object | null | undefined): Record<string, unknown> | null {
  if (!entity) return null;
  return JSON.parse(JSON.stringify(wrap(entity).toPOJO()));
}

/**
 * Per-request audit trail. Entries are persisted in the EntityManager that makes the change, so
 * they are written in the same flush (and transaction) as the change they describe, or not at all.
 */
export class AuditTrail {
  /** Set when a resolver acted with a staff permission; a mutation that did so must record. */
  actedAsStaff = false;
  recorded = 0;

  constructor(
    private readonly viewer: Viewer | null,
    private readonly requestId: string,
  ) {}

  /** Persists the entry in `em`: pass the transaction's EntityManager that makes the change. */
  record(em: EntityManager, entry: AuditRecord): void {
    if (!this.viewer) throw new Error('audit entries need a signed-in actor');
    const row = em.create(AuditEntry, {
      actorUserId: this.viewer.userId,
      actorName: this.viewer.displayName,
      estateId: entry.estateId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: this.requestId,
    });
    em.persist(row);
    this.recorded++;
  }
}
