import type { EntityManager } from '@mikro-orm/core';
import type { GatewayContext } from '../../context';
import { addDays, isLocalDate } from '../../core/clock';
import { Permission } from '../../core/auth/roles';
import { requireStaffPermission, requireViewer } from '../../core/auth/require';
import { snapshot } from '../../core/audit/audit-trail';
import { badInput, conflict, forbidden, notFound } from '../../core/errors';
import { parseId } from '../../core/ids';
import { activeOn } from '../../core/scope/load-scope';
import { bindingTopic } from '../../core/pubsub';
import { getEstate, getRoom } from '../property/service';
import { RoomStatus } from '../property/enums';
import type { Estate, Room } from '../property/entities';
import { User } from '../identity/entities';
import { Customer, RoomBinding } from './entities';
import { BindingEndReason, BindingRelation, CustomerKind, FamilyPermission } from './enums';
import type { AddFamilyMemberInput, CreateCustomerInput, MoveInInput, TenantMoveInInput, TransferRoomInput } from './inputs';

export { Customer, RoomBinding };

function assertDate(value: string, field: string): string {
  if (!isLocalDate(value)) throw badInput([{ field, message: '日期无效' }]);
  return value;
}

export async function getCustomer(ctx: GatewayContext, id: string, field = 'id'): Promise<Customer> {
  const customer = await ctx.loaders.customer.load(parseId(id, field));
  if (!customer) throw notFound('客户不存在');
  return customer;
}

export async function getBinding(ctx: GatewayContext, id: string): Promise<RoomBinding> {
  const binding = await ctx.em.findOne(RoomBinding, { id: parseId(id, 'bindingId') });
  if (!binding) throw notFound('关系记录不存在');
  return binding;
}

/** Finds the estate's customer with this phone, or creates one; links a signed-up account by phone. */
export async function findOrCreateCustomer(
  em: EntityManager,
  estate: Estate,
  data: { name: string; phone?: string | null; kind?: CustomerKind },
): Promise<{ customer: Customer; created: boolean }> {
  if (data.phone) {
    const existing = await em.findOne(Customer, { estate, phone: data.phone }, { filters: false });
    if (existing) return { customer: existing, created: false };
  }
  const user = data.phone ? await em.findOne(User, { phone: data.phone }) : null;
  const customer = em.create(Customer, { estate, name: data.name, phone: data.phone ?? null, kind: data.kind ?? CustomerKind.PERSON, user });
  em.persist(customer);
  return { customer, created: true };
}

/** Active bindings of a room on `day`, read without the viewer's scope (the room itself was scope-checked). */
async function roomBindings(em: EntityManager, roomId: string, day: string): Promise<RoomBinding[]> {
  return em.find(RoomBinding, { room: roomId, ...activeOn(day) }, { filters: false, orderBy: { startDate: 'asc', id: 'asc' } });
}

/**
 * Exactly one active binding of a room is the billing party (收费对象). When the current one ends,
 * billing falls back to an owner (DOMAIN.md §3: on tenant move-out billing returns to the owner).
 */
function settleBillingParty(bindings: RoomBinding[], preferred?: RoomBinding): void {
  const active = bindings.filter((b) => !b.endReason);
  const target = preferred ?? active.find((b) => b.isBillingParty) ?? active.find((b) => b.relation === BindingRelation.OWNER);
  for (const b of bindings) b.isBillingParty = b === target;
}

/**
 * After a binding changed: tell those who may see it — the room's owners and the person bound
 * (subscriptions) — and re-resolve this request's scope, since the change may have widened or
 * narrowed what the viewer sees.
 */
async function afterBindingChange(ctx: GatewayContext, room: Room, binding: RoomBinding): Promise<void> {
  const owners = await ctx.em.find(RoomBinding, { room, relation: BindingRelation.OWNER, ...activeOn(ctx.today) }, { filters: false, populate: ['customer'] });
  const audience = [...owners.map((b) => b.customer), binding.customer];
  const customers = await ctx.em.find(Customer, { id: { $in: audience.map((c) => c.id) } }, { filters: false });
  const userIds = new Set(customers.map((c) => c.user?.id).filter((id): id is string => Boolean(id)));
  for (const userId of userIds) ctx.services.pubSub.publish(bindingTopic(userId), { bindingId: binding.id, roomId: room.id });
  await ctx.refresh();
}

export async function createCustomer(ctx: GatewayContext, input: CreateCustomerInput): Promise<Customer> {
  const estate = await getEstate(ctx, input.estateId);
  requireStaffPermission(ctx, estate.id, Permission.CUSTOMER_WRITE);
  return ctx.em.transactional(async (em) => {
    const { customer, created } = await findOrCreateCustomer(em, estate, input);
    if (!created) throw conflict('该手机号的客户已存在', 'CUSTOMER_PHONE_TAKEN');
    ctx.audit.record(em, { action: 'customer.create', estateId: estate.id, entityType: 'Customer', entityId: customer.id, after: snapshot(customer) });
    return customer;
  });
}

/** 入伙: the customer becomes an owner of the room from `date`; the room counts as occupied. */
export async function moveIn(ctx: GatewayContext, input: MoveInInput): Promise<RoomBinding> {
  const room = await getRoom(ctx, input.roomId, 'roomId');
  requireStaffPermission(ctx, room.estate.id, Permission.CUSTOMER_WRITE);
  const customer = await getCustomer(ctx, input.customerId, 'customerId');
  if (customer.estate.id !== room.estate.id) throw badInput([{ field: 'customerId', message: '客户不属于该小区' }]);
  const date = assertDate(input.date ?? ctx.today, 'date');
  const binding = await ctx.em.transactional(async (em) => {
    const current = await roomBindings(em, room.id, date);
    if (current.some((b) => b.customer.id === customer.id && b.relation === BindingRelation.OWNER)) {
      throw conflict('该客户已是此房间的业主');
    }
    const before = snapshot(room);
    const binding = em.create(RoomBinding, { estate: room.estate, room, customer, relation: BindingRelation.OWNER, startDate: date });
    em.persist(binding);
    settleBillingParty([...current, binding]);
    if (room.status === RoomStatus.VACANT) room.status = RoomStatus.OCCUPIED;
    ctx.audit.record(em, { action: 'room.moveIn', estateId: room.estate.id, entityType: 'Room', entityId: room.id, before, after: { ...snapshot(room), binding: snapshot(binding) } });
    return binding;
  });
  await afterBindingChange(ctx, room, binding);
  return binding;
}

/** 租户迁入 for a lease period; the tenant may take over billing. */
export async function tenantMoveIn(ctx: GatewayContext, input: TenantMoveInInput): Promise<RoomBinding> {
  const room = await getRoom(ctx, input.roomId, 'roomId');
  requireStaffPermission(ctx, room.estate.id, Permission.CUSTOMER_WRITE);
  const customer = await getCustomer(ctx, input.customerId, 'customerId');
  if (customer.estate.id !== room.estate.id) throw badInput([{ field: 'customerId', message: '客户不属于该小区' }]);
  const start = assertDate(input.startDate, 'startDate');
  const end = assertDate(input.endDate, 'endDate');
  if (end < start) throw badInput([{ field: 'endDate', message: '租期结束日期不能早于开始日期' }]);
  const binding = await ctx.em.transactional(async (em) => {
    const current = await roomBindings(em, room.id, start);
    if (current.some((b) => b.relation === BindingRelation.TENANT && b.customer.id === customer.id)) throw conflict('该客户已是此房间的租户');
    const binding = em.create(RoomBinding, {
      estate: room.estate,
      room,
      customer,
      relation: BindingRelation.TENANT,
      startDate: start,
      endDate: end,
      permissions: [...new Set(input.permissions)],
    });
    em.persist(binding);
    settleBillingParty([...current, binding], input.isBillingParty ? binding : undefined);
    ctx.audit.record(em, { action: 'room.tenantMoveIn', estateId: room.estate.id, entityType: 'RoomBinding', entityId: binding.id, after: snapshot(binding) });
    return binding;
  });
  await afterBindingChange(ctx, room, binding);
  return binding;
}

/** 租户迁出: the lease ends on `date`; billing falls back to the owner. */
export async function tenantMoveOut(ctx: GatewayContext, bindingId: string, date: string): Promise<RoomBinding> {
  const binding = await getBinding(ctx, bindingId);
  requireStaffPermission(ctx, binding.estate.id, Permission.CUSTOMER_WRITE);
  if (binding.relation !== BindingRelation.TENANT) throw badInput([{ field: 'bindingId', message: '该记录不是租户' }]);
  if (binding.endReason) throw conflict('该租户已迁出');
  const end = assertDate(date, 'date');
  if (end < binding.startDate) throw badInput([{ field: 'date', message: '迁出日期不能早于迁入日期' }]);
  const room = await getRoom(ctx, binding.room.id);
  await ctx.em.transactional(async (em) => {
    const before = snapshot(binding);
    binding.endDate = end;
    binding.endReason = BindingEndReason.MOVED_OUT;
    // The lease may end before today, so the ended binding is settled along with today's ones.
    const current = (await roomBindings(em, room.id, ctx.today)).filter((b) => b !== binding);
    settleBillingParty([...current, binding]);
    ctx.audit.record(em, { action: 'room.tenantMoveOut', estateId: binding.estate.id, entityType: 'RoomBinding', entityId: binding.id, before, after: snapshot(binding) });
  });
  await afterBindingChange(ctx, room, binding);
  return binding;
}

/**
 * 过户: the old owners' (and their family's) bindings end the day before `date` and stay as their
 * history; the new owner is bound from `date` and becomes the billing party.
 */
export async function transferRoom(ctx: GatewayContext, input: TransferRoomInput): Promise<RoomBinding> {
  const room = await getRoom(ctx, input.roomId, 'roomId');
  requireStaffPermission(ctx, room.estate.id, Permission.CUSTOMER_WRITE);
  const customer = await getCustomer(ctx, input.newOwnerCustomerId, 'newOwnerCustomerId');
  if (customer.estate.id !== room.estate.id) throw badInput([{ field: 'newOwnerCustomerId', message: '客户不属于该小区' }]);
  const date = assertDate(input.date, 'date');
  const binding = await ctx.em.transactional(async (em) => {
    const current = await roomBindings(em, room.id, date);
    const owners = current.filter((b) => b.relation === BindingRelation.OWNER);
    if (owners.length === 0) throw conflict('该房间尚无业主，请办理入伙');
    if (owners.some((b) => b.customer.id === customer.id)) throw conflict('该客户已是此房间的业主');
    const ended = current.filter((b) => b.relation !== BindingRelation.TENANT);
    const before = ended.map((b) => snapshot(b));
    for (const b of ended) {
      b.endDate = addDays(date, -1);
      b.endReason = BindingEndReason.TRANSFERRED;
      b.isBillingParty = false;
    }
    const binding = em.create(RoomBinding, { estate: room.estate, room, customer, relation: BindingRelation.OWNER, startDate: date });
    em.persist(binding);
    const tenantPays = current.find((b) => b.relation === BindingRelation.TENANT && b.isBillingParty);
    settleBillingParty([...current.filter((b) => !ended.includes(b)), binding], tenantPays ?? binding);
    ctx.audit.record(em, { action: 'room.transfer', estateId: room.estate.id, entityType: 'Room', entityId: room.id, before, after: { newOwner: snapshot(binding), ended: ended.map((b) => b.id) } });
    return binding;
  });
  await afterBindingChange(ctx, room, binding);
  return binding;
}

/** The viewer must own the room today (the room was loaded through scope first). */
function requireOwner(ctx: GatewayContext, roomId: string): void {
  const viewer = requireViewer(ctx);
  if (!viewer.scope.ownerRoomIds.includes(roomId)) throw forbidden('只有业主可以管理家庭成员');
}

export async function addFamilyMember(ctx: GatewayContext, input: AddFamilyMemberInput): Promise<RoomBinding> {
  const room = await getRoom(ctx, input.roomId, 'roomId');
  requireOwner(ctx, room.id);
  const estate = await getEstate(ctx, room.estate.id);
  const binding = await ctx.em.transactional(async (em) => {
    const { customer } = await findOrCreateCustomer(em, estate, { name: input.name, phone: input.phone });
    const current = await roomBindings(em, room.id, ctx.today);
    if (current.some((b) => b.customer.id === customer.id)) throw conflict('此人已与该房间绑定');
    const binding = em.create(RoomBinding, {
      estate,
      room,
      customer,
      relation: BindingRelation.FAMILY,
      startDate: ctx.today,
      permissions: [...new Set(input.permissions)],
    });
    em.persist(binding);
    ctx.audit.record(em, { action: 'family.add', estateId: estate.id, entityType: 'RoomBinding', entityId: binding.id, after: snapshot(binding) });
    return binding;
  });
  await afterBindingChange(ctx, room, binding);
  return binding;
}

async function ownFamilyBinding(ctx: GatewayContext, bindingId: string): Promise<RoomBinding> {
  const binding = await getBinding(ctx, bindingId);
  requireOwner(ctx, binding.room.id);
  if (binding.relation !== BindingRelation.FAMILY) throw badInput([{ field: 'bindingId', message: '只能管理家庭成员' }]);
  if (binding.endReason) throw conflict('该家庭成员已移除');
  return binding;
}

export async function setFamilyPermissions(ctx: GatewayContext, bindingId: string, permissions: FamilyPermission[]): Promise<RoomBinding> {
  const binding = await ownFamilyBinding(ctx, bindingId);
  await ctx.em.transactional(async (em) => {
    const before = snapshot(binding);
    binding.permissions = [...new Set(permissions)];
    ctx.audit.record(em, { action: 'family.permissions', estateId: binding.estate.id, entityType: 'RoomBinding', entityId: binding.id, before, after: snapshot(binding) });
  });
  await afterBindingChange(ctx, await getRoom(ctx, binding.room.id), binding);
  return binding;
}

/** Ends the family member's binding as of yesterday, so it is gone from today on and kept as history. */
export async function removeFamilyMember(ctx: GatewayContext, bindingId: string): Promise<RoomBinding> {
  const binding = await ownFamilyBinding(ctx, bindingId);
  const room = await getRoom(ctx, binding.room.id);
  await ctx.em.transactional(async (em) => {
    const before = snapshot(binding);
    binding.endDate = addDays(ctx.today, -1);
    binding.endReason = BindingEndReason.REMOVED;
    ctx.audit.record(em, { action: 'family.remove', estateId: binding.estate.id, entityType: 'RoomBinding', entityId: binding.id, before, after: snapshot(binding) });
  });
  await afterBindingChange(ctx, room, binding);
  return binding;
}
