import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { Role } from '../../gateway/src/core/auth/roles';
import { signAccessToken } from '../../gateway/src/core/auth/tokens';
import { Building, Estate, Floor, Room, Unit } from '../../gateway/src/modules/property/entities';
import { Customer, RoomBinding } from '../../gateway/src/modules/customer/entities';
import { BindingRelation, FamilyPermission } from '../../gateway/src/modules/customer/enums';
import { RoleGrant, Session, User } from '../../gateway/src/modules/identity/entities';
import type { TestGateway } from './gateway';

let phoneSeq = Math.floor(Math.random() * 1_000_000);
/** A phone number no other test uses (databases are shared by the files of one worker). */
export function uniquePhone(): string {
  phoneSeq = (phoneSeq + 1) % 100_000_000;
  return `15${process.env.JEST_WORKER_ID ?? '1'}${String(phoneSeq).padStart(8, '0')}`;
}

export function uniqueCode(prefix: string): string {
  return `${prefix}${randomBytes(4).toString('hex')}`.toUpperCase().slice(0, 16);
}

/** An access token for a user, signed exactly as sign-in does (tests of sign-in itself use the real mutations). */
export async function tokenFor(t: TestGateway, user: User): Promise<string> {
  const em = t.em();
  const session = em.create(Session, { user: em.getReference(User, user.id), method: 'test' });
  await em.persistAndFlush(session);
  const now = Math.floor(t.clock.now().getTime() / 1000);
  return signAccessToken({ sub: user.id, sid: session.id, iat: now, exp: now + 900 }, t.config.tokenSecret);
}

export async function makeEstate(em: EntityManager, opts: { rooms?: number; name?: string } = {}) {
  const estate = em.create(Estate, { code: uniqueCode('E'), name: opts.name ?? '测试小区' });
  const building = em.create(Building, { estate, code: 'A', name: 'A栋' });
  const unit = em.create(Unit, { estate, building, code: '1' });
  const floor = em.create(Floor, { estate, building, unit, level: 15 });
  const rooms: Room[] = [];
  for (let i = 1; i <= (opts.rooms ?? 4); i++) {
    rooms.push(
      em.create(Room, { estate, building, unit, floor, floorLevel: 15, code: `A-1-15${String(i).padStart(2, '0')}`, buildingAreaCenti: 10000, chargeAreaCenti: 8950 }),
    );
  }
  await em.flush();
  return { estate, building, rooms };
}

export async function makeUser(em: EntityManager, name: string, fields: Partial<User> = {}): Promise<User> {
  const user = em.create(User, { displayName: name, phone: uniquePhone(), ...fields });
  await em.flush();
  return user;
}

export async function makeStaff(em: EntityManager, role: Role, estate: Estate | null, name = `员工${role}`): Promise<User> {
  const user = em.create(User, { displayName: name, account: uniqueCode('s').toLowerCase() });
  em.create(RoleGrant, { user, role, estate });
  await em.flush();
  return user;
}

/** A resident: a sign-in account, its customer record in the estate, and a binding to the room. */
export async function makeResident(
  em: EntityManager,
  room: Room,
  relation: BindingRelation,
  opts: { name?: string; permissions?: FamilyPermission[]; billing?: boolean; startDate?: string; endDate?: string | null } = {},
) {
  const name = opts.name ?? `住户${relation}`;
  const user = await makeUser(em, name);
  const customer = em.create(Customer, { estate: room.estate, name, phone: user.phone, user });
  const binding = em.create(RoomBinding, {
    estate: room.estate,
    room,
    customer,
    relation,
    startDate: opts.startDate ?? '2024-01-01',
    endDate: opts.endDate ?? null,
    isBillingParty: opts.billing ?? relation === BindingRelation.OWNER,
    permissions: opts.permissions ?? [],
  });
  await em.flush();
  return { user, customer, binding };
}

/**
 * The scenario of the access tables: estate E1 with owner A (room 1, with family members with and
 * without permissions), owner B (room 2), a landlord and tenant (room 3), staff and committee of
 * E1; estate E2 with its own manager and owner. One token per persona.
 */
export async function makeAccessScenario(t: TestGateway) {
  const em = t.em();
  const e1 = await makeEstate(em, { rooms: 4 });
  const e2 = await makeEstate(em, { rooms: 2, name: '另一小区' });
  const ownerA = await makeResident(em, e1.rooms[0], BindingRelation.OWNER, { name: '业主甲' });
  const familyWith = await makeResident(em, e1.rooms[0], BindingRelation.FAMILY, { name: '家属有权限', permissions: [FamilyPermission.VIEW_BILLS, FamilyPermission.PAY] });
  const familyWithout = await makeResident(em, e1.rooms[0], BindingRelation.FAMILY, { name: '家属无权限', permissions: [] });
  const ownerB = await makeResident(em, e1.rooms[1], BindingRelation.OWNER, { name: '业主乙' });
  const landlord = await makeResident(em, e1.rooms[2], BindingRelation.OWNER, { name: '房东', billing: false });
  const tenant = await makeResident(em, e1.rooms[2], BindingRelation.TENANT, { name: '租户', billing: true, endDate: '2027-12-31', permissions: [FamilyPermission.FILE_REPAIRS] });
  const otherOwner = await makeResident(em, e2.rooms[0], BindingRelation.OWNER, { name: '别的小区业主' });
  const agent = await makeStaff(em, Role.CS_AGENT, e1.estate, '本小区客服');
  const manager = await makeStaff(em, Role.MANAGER, e1.estate, '本小区经理');
  const otherManager = await makeStaff(em, Role.MANAGER, e2.estate, '别的小区经理');
  const committee = await makeStaff(em, Role.COMMITTEE, e1.estate, '业委会委员');
  const tokens = {
    ownerA: await tokenFor(t, ownerA.user),
    ownerB: await tokenFor(t, ownerB.user),
    familyWith: await tokenFor(t, familyWith.user),
    familyWithout: await tokenFor(t, familyWithout.user),
    tenant: await tokenFor(t, tenant.user),
    agent: await tokenFor(t, agent),
    manager: await tokenFor(t, manager),
    otherManager: await tokenFor(t, otherManager),
    committee: await tokenFor(t, committee),
    anonymous: undefined as string | undefined,
  };
  return { e1, e2, ownerA, ownerB, familyWith, familyWithout, landlord, tenant, otherOwner, agent, manager, otherManager, committee, tokens };
}

export type Persona = keyof Awaited<ReturnType<typeof makeAccessScenario>>['tokens'];
