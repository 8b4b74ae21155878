import type { EntityManager } from '@mikro-orm/core';
import { Role, STAFF_ROLES } from '../auth/roles';
import type { ActiveBinding, Grant } from '../auth/viewer';
import { BindingRelation, ALL_FAMILY_PERMISSIONS, FamilyPermission } from '../../modules/customer/enums';
import { Customer, RoomBinding } from '../../modules/customer/entities';
import { RoleGrant } from '../../modules/identity/entities';
import { Estate } from '../../modules/property/entities';
import { SYSTEM_SCOPE, type ScopeParams } from './scope';

/** A binding is active on `today` when start ≤ today ≤ end (dates as 'YYYY-MM-DD'). */
export function activeOn(today: string) {
  return { startDate: { $lte: today }, $or: [{ endDate: null }, { endDate: { $gte: today } }] };
}

/**
 * Resolves what a user may see: their grants and today's bindings, turned into the id lists of
 * ScopeParams. Runs on a system-scoped EntityManager (it is what decides the scope), in at most
 * four statements.
 */
export async function loadScope(
  systemEm: EntityManager,
  userId: string,
  today: string,
): Promise<{ grants: Grant[]; bindings: ActiveBinding[]; scope: ScopeParams }> {
  const opts = { filters: { scope: SYSTEM_SCOPE } } as const;
  const [grantRows, customerRows] = await Promise.all([
    systemEm.find(RoleGrant, { user: userId }, opts),
    // All of the user's customer records, bound today or not: their history stays theirs.
    systemEm.find(Customer, { user: userId }, { ...opts, fields: ['id'] }),
  ]);
  const customerIds = customerRows.map((c) => c.id);
  const bindingRows = customerIds.length
    ? await systemEm.find(RoomBinding, { customer: { $in: customerIds }, ...activeOn(today) }, opts)
    : [];
  const grants: Grant[] = grantRows.map((g) => ({ role: g.role, estateId: g.estate?.id ?? null }));
  const bindings: ActiveBinding[] = bindingRows.map((b) => ({
    bindingId: b.id,
    roomId: b.room.id,
    estateId: b.estate.id,
    customerId: b.customer.id,
    relation: b.relation,
    // An owner holds every permission on their room; family and tenants what was granted.
    permissions: b.relation === BindingRelation.OWNER ? [...ALL_FAMILY_PERMISSIONS] : b.permissions,
  }));

  const isHq = grants.some((g) => g.role === Role.HQ_ADMIN);
  const staffEstateIds = unique(grants.filter((g) => STAFF_ROLES.includes(g.role) && g.estateId).map((g) => g.estateId!));
  const committeeEstateIds = grants.filter((g) => g.role === Role.COMMITTEE && g.estateId).map((g) => g.estateId!);
  const auditEstateIds = grants.filter((g) => g.role === Role.MANAGER && g.estateId).map((g) => g.estateId!);
  const ownerRoomIds = unique(bindings.filter((b) => b.relation === BindingRelation.OWNER).map((b) => b.roomId));

  // HQ spans every estate: expand to the list instead of `all`, so HQ still goes through the
  // same conditions (and never sees identity rows, which have no filter).
  const allEstateIds = isHq ? (await systemEm.find(Estate, {}, { ...opts, fields: ['id'] })).map((e) => e.id) : [];

  let coResidentCustomerIds: string[] = [];
  if (ownerRoomIds.length > 0) {
    const rows = await systemEm.find(
      RoomBinding,
      { room: { $in: ownerRoomIds }, ...activeOn(today) },
      { ...opts, fields: ['customer'] },
    );
    coResidentCustomerIds = rows.map((r) => r.customer.id);
  }

  const scope: ScopeParams = {
    all: false,
    staffEstateIds: isHq ? allEstateIds : staffEstateIds,
    memberEstateIds: unique([...(isHq ? allEstateIds : staffEstateIds), ...committeeEstateIds, ...bindings.map((b) => b.estateId)]),
    roomIds: unique(bindings.map((b) => b.roomId)),
    ownerRoomIds,
    billRoomIds: unique(bindings.filter((b) => b.permissions.includes(FamilyPermission.VIEW_BILLS)).map((b) => b.roomId)),
    customerIds,
    visibleCustomerIds: unique([...customerIds, ...coResidentCustomerIds]),
    auditEstateIds: isHq ? allEstateIds : unique(auditEstateIds),
  };
  return { grants, bindings, scope };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
