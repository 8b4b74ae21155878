import { Filter, type FilterQuery } from '@mikro-orm/core';

/**
 * What one viewer may read, as lists of ids. Built once per request from the viewer's role grants
 * and room bindings (core/scope/load-scope.ts), and handed to the `scope` filter of the request's
 * em.fork(), so every find, findOne, count and cursor query is narrowed by construction.
 */
export interface ScopeParams {
  /** Everything: system work (login, seeding, jobs) and HQ admins. Never set from a client value. */
  all: boolean;
  /** Estates where the viewer holds a staff role: staff see rooms, customers and bindings there. */
  staffEstateIds: string[];
  /** Estates whose public tree (estate, buildings) the viewer may read: staff, committee, residents. */
  memberEstateIds: string[];
  /** Rooms the viewer is bound to today, as owner, family or tenant. */
  roomIds: string[];
  /** Of those, the rooms the viewer owns: an owner sees everyone bound to them. */
  ownerRoomIds: string[];
  /** Rooms whose bills the viewer may read: owned, or family/tenant granted VIEW_BILLS. */
  billRoomIds: string[];
  /** The viewer's own customer records (one per estate). */
  customerIds: string[];
  /** Own customers plus the customers bound to the viewer's owned rooms. */
  visibleCustomerIds: string[];
  /** Estates whose audit log the viewer may read (managers). */
  auditEstateIds: string[];
}

export const SCOPE_FILTER = 'scope';

export const EMPTY_SCOPE: ScopeParams = Object.freeze({
  all: false,
  staffEstateIds: [],
  memberEstateIds: [],
  roomIds: [],
  ownerRoomIds: [],
  billRoomIds: [],
  customerIds: [],
  visibleCustomerIds: [],
  auditEstateIds: [],
}) as ScopeParams;

export const SYSTEM_SCOPE: ScopeParams = Object.freeze({ ...EMPTY_SCOPE, all: true }) as ScopeParams;

const LIST_KEYS = Object.keys(EMPTY_SCOPE).filter((k) => k !== 'all') as (keyof ScopeParams)[];

/** A dropped or partial parameter object must never turn into "no condition". */
export function assertScope(params: unknown): asserts params is ScopeParams {
  const p = params as ScopeParams | undefined;
  if (!p || typeof p.all !== 'boolean' || LIST_KEYS.some((k) => !Array.isArray(p[k]))) {
    throw new Error('scope filter used without complete parameters');
  }
}

/** Never matches an id (ids are UUIDs), so `$in: [NO_ID]` selects nothing. */
const NO_ID = '';

/**
 * MikroORM turns an empty `$in` into `1 = 0` in a WHERE, but into `in ()` (invalid SQL) when the
 * filter is applied to a joined relation (populate); an impossible id selects nothing in both.
 */
function noEmptyIn<T>(cond: T): T {
  if (Array.isArray(cond)) return cond.map(noEmptyIn) as T;
  if (!cond || typeof cond !== 'object') return cond;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cond)) out[key] = key === '$in' && Array.isArray(value) && value.length === 0 ? [NO_ID] : noEmptyIn(value);
  return out as T;
}

/**
 * Class decorator: the entity is narrowed by the viewer's scope in every query of a request's
 * EntityManager. The filter is on by default and its condition throws without parameters, so a
 * fork that forgot to set them fails instead of returning everything.
 */
export function ScopedBy<T>(condition: (scope: ScopeParams) => FilterQuery<T>) {
  return Filter<T>({
    name: SCOPE_FILTER,
    default: true,
    cond: (params: ScopeParams) => {
      assertScope(params);
      return params.all ? {} : noEmptyIn(condition(params));
    },
  });
}

/** Money rows (lines, payments, orders…): staff of the estate, residents with the bills permission on the room, and the billing party named on the row (their history stays theirs). */
export function billingScope(s: ScopeParams) {
  return { $or: [{ estate: { $in: s.staffEstateIds } }, { room: { $in: s.billRoomIds } }, { customer: { $in: s.customerIds } }] };
}
