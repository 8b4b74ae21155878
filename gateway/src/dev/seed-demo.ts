import type { EntityManager } from '@mikro-orm/core';
import { hashPassword } from '../core/auth/passwords';
import { Role } from '../core/auth/roles';
import type { Logger } from '../core/logger';
import { Building, Estate, Floor, ParkingSpace, Room, Unit } from '../modules/property/entities';
import { parkingCode } from '../modules/property/parking';
import { RoomStatus } from '../modules/property/enums';
import { roomSlots } from '../modules/property/room-codes';
import { Customer, RoomBinding } from '../modules/customer/entities';
import { BindingRelation, FamilyPermission } from '../modules/customer/enums';
import { RoleGrant, User } from '../modules/identity/entities';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_OWNER_OPENID = 'o_demo_owner_zhangwei';

/** The demo accounts listed in the README. */
export const DEMO_ACCOUNTS = {
  owner: { phone: '13800000001', name: '张伟', room: 'A-2-1503' },
  neighbour: { phone: '13800000002', name: '李娜', room: 'A-2-1504' },
  family: { phone: '13800000003', name: '张小明', room: 'A-2-1503' },
  tenant: { phone: '13800000004', name: '王芳', room: 'B-1-0801' },
  landlord: { phone: '13800000005', name: '赵强', room: 'B-1-0801' },
  staff: [
    { account: 'agent', name: '客服刘敏', role: Role.CS_AGENT },
    { account: 'supervisor', name: '客服主管陈静', role: Role.CS_SUPERVISOR },
    { account: 'technician', name: '维修技工王师傅', role: Role.TECHNICIAN },
    { account: 'cashier', name: '收费员周丽', role: Role.CASHIER },
    { account: 'manager', name: '管理处经理孙强', role: Role.MANAGER },
    { account: 'committee', name: '业委会主任吴涛', role: Role.COMMITTEE },
  ],
  hq: { account: 'hq', name: '总部管理员' },
  otherEstateManager: { account: 'manager2', name: '翠湖苑经理郑凯' },
} as const;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建文斌宇浩凯健俊帆帅旭宁龙林欣琳佳怡晨阳雪梅婷倩颖'.split('');
/** Charge areas of rooms 01–04 on each floor: the areas of DOMAIN.md's worked example (A-2-1503 is 89.50). */
const AREAS = [12000, 6025, 8950, 8950];

function personName(i: number): string {
  return SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 === 0 ? GIVEN[(i * 13 + 5) % GIVEN.length] : '');
}

async function buildEstate(em: EntityManager, code: string, name: string, address: string, buildings: string[], units: number, floors: number, perFloor: number) {
  const estate = em.create(Estate, { code, name, address });
  const rooms = new Map<string, Room>();
  for (const b of buildings) {
    const building = em.create(Building, { estate, code: b, name: `${b}栋` });
    const unitMap = new Map<string, Unit>();
    const floorMap = new Map<string, Floor>();
    for (const slot of roomSlots(b, units, floors, perFloor)) {
      let unit: Unit | null = null;
      if (slot.unit) {
        unit = unitMap.get(slot.unit) ?? em.create(Unit, { estate, building, code: slot.unit });
        unitMap.set(slot.unit, unit);
      }
      const fk = `${slot.unit}/${slot.floor}`;
      const floor = floorMap.get(fk) ?? em.create(Floor, { estate, building, unit, level: slot.floor });
      floorMap.set(fk, floor);
      const charge = AREAS[(slot.room - 1) % AREAS.length];
      rooms.set(
        slot.code,
        em.create(Room, { estate, building, unit, floor, floorLevel: slot.floor, code: slot.code, chargeAreaCenti: charge, buildingAreaCenti: Math.round(charge * 1.18), layout: charge >= 12000 ? '三室两厅' : charge >= 8950 ? '两室两厅' : '一室一厅', orientation: slot.room <= 2 ? '南' : '南北' }),
      );
    }
  }
  return { estate, rooms };
}

/**
 * Seeds the demo estate 阳光花园 (3 buildings × 2 units × 25 floors × 4 rooms = 600 rooms) and a
 * small second estate 翠湖苑, with owners, family, a tenant, one staff member of each role and the
 * committee — only when the database has no estate yet. Returns whether it seeded.
 */
export async function seedDemoIfEmpty(em: EntityManager, logger: Logger): Promise<boolean> {
  if ((await em.count(Estate, {})) > 0) return false;
  const started = Date.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { estate, rooms } = await buildEstate(em, 'YGHY', '阳光花园', '上海市浦东新区阳光路188号', ['A', 'B', 'C'], 2, 25, 4);
  const other = await buildEstate(em, 'CHY', '翠湖苑', '杭州市西湖区翠湖路6号', ['1'], 1, 6, 2);

  const user = (fields: Partial<User> & { displayName: string }) => em.create(User, { passwordHash, ...fields });
  const bind = (room: Room, customer: Customer, relation: BindingRelation, extra: Partial<RoomBinding> = {}) =>
    em.create(RoomBinding, { estate: room.estate, room, customer, relation, startDate: '2024-06-01', ...extra });

  for (let n = 1; n <= 60; n++) em.create(ParkingSpace, { estate, garage: '地下车库B1', code: parkingCode('B1-', n), areaCenti: 1250 });

  // Named demo residents.
  const a = DEMO_ACCOUNTS;
  const zhang = user({ displayName: a.owner.name, phone: a.owner.phone, wechatOpenid: DEMO_OWNER_OPENID });
  const li = user({ displayName: a.neighbour.name, phone: a.neighbour.phone });
  const xiaoming = user({ displayName: a.family.name, phone: a.family.phone });
  const wangfang = user({ displayName: a.tenant.name, phone: a.tenant.phone });
  const zhao = user({ displayName: a.landlord.name, phone: a.landlord.phone });
  const cust = (name: string, phone: string | null, u?: User) => em.create(Customer, { estate, name, phone, user: u ?? null });
  const cZhang = cust(a.owner.name, a.owner.phone, zhang);
  const cLi = cust(a.neighbour.name, a.neighbour.phone, li);
  const cXiaoming = cust(a.family.name, a.family.phone, xiaoming);
  const cGrandma = cust('张奶奶', null);
  const cWang = cust(a.tenant.name, a.tenant.phone, wangfang);
  const cZhao = cust(a.landlord.name, a.landlord.phone, zhao);
  const named = new Set<string>([a.owner.room, a.neighbour.room, a.tenant.room]);
  const r1503 = rooms.get(a.owner.room)!;
  bind(r1503, cZhang, BindingRelation.OWNER, { isBillingParty: true });
  bind(r1503, cXiaoming, BindingRelation.FAMILY, { permissions: [FamilyPermission.VIEW_BILLS, FamilyPermission.PAY] });
  bind(r1503, cGrandma, BindingRelation.FAMILY, { permissions: [] });
  bind(rooms.get(a.neighbour.room)!, cLi, BindingRelation.OWNER, { isBillingParty: true });
  const r0801 = rooms.get(a.tenant.room)!;
  bind(r0801, cZhao, BindingRelation.OWNER);
  bind(r0801, cWang, BindingRelation.TENANT, { startDate: '2025-03-01', endDate: '2027-02-28', isBillingParty: true, permissions: [FamilyPermission.VIEW_BILLS, FamilyPermission.PAY, FamilyPermission.FILE_REPAIRS] });
  for (const r of [r1503, rooms.get(a.neighbour.room)!, r0801]) r.status = RoomStatus.OCCUPIED;

  // About 70% of the other rooms have an owner (customers without sign-in accounts), some with family.
  let i = 0;
  for (const [code, room] of rooms) {
    i++;
    if (named.has(code) || i % 10 >= 7) continue;
    const owner = cust(personName(i), `139${String(10_000_000 + i * 37).slice(-8)}`);
    bind(room, owner, BindingRelation.OWNER, { isBillingParty: true, startDate: `20${18 + (i % 6)}-0${1 + (i % 9)}-15` });
    room.status = i % 17 === 0 ? RoomStatus.RENOVATING : RoomStatus.OCCUPIED;
    if (i % 4 === 0) bind(room, cust(personName(i + 1000), null), BindingRelation.FAMILY, { permissions: [FamilyPermission.VIEW_BILLS], startDate: '2024-01-01' });
  }

  // Staff of 阳光花园, one per role; HQ; the committee; a manager of the other estate.
  for (const s of a.staff) {
    const u = user({ displayName: s.name, account: s.account });
    em.create(RoleGrant, { user: u, role: s.role, estate });
  }
  em.create(RoleGrant, { user: user({ displayName: a.hq.name, account: a.hq.account }), role: Role.HQ_ADMIN, estate: null });
  em.create(RoleGrant, { user: user({ displayName: a.otherEstateManager.name, account: a.otherEstateManager.account }), role: Role.MANAGER, estate: other.estate });

  await em.flush();
  logger.info({ rooms: rooms.size + other.rooms.size, ms: Date.now() - started }, 'demo estate seeded: 阳光花园 and 翠湖苑');
  return true;
}
