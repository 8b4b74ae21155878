import type { TestGateway } from './gateway';
import { makeResident, makeStaff, tokenFor, uniqueCode } from './factories';
import { Role } from '../../gateway/src/core/auth/roles';
import { BindingRelation, FamilyPermission } from '../../gateway/src/modules/customer/enums';
import { Building, Estate, Floor, Room, Unit } from '../../gateway/src/modules/property/entities';

/**
 * DOMAIN.md's worked example as an estate: A-2-1503 (89.50 ㎡) and two rooms of 120.00 and
 * 60.25 ㎡ sharing a public meter; an owner, family with and without the bills permission, a
 * cashier and a manager of the estate, and a cashier of another estate.
 */
export async function makeBillingEstate(t: TestGateway) {
  const em = t.em();
  const estate = em.create(Estate, { code: uniqueCode('B'), name: '收费测试小区' });
  const building = em.create(Building, { estate, code: 'A', name: 'A栋' });
  const unit = em.create(Unit, { estate, building, code: '2' });
  const floor = em.create(Floor, { estate, building, unit, level: 15 });
  const room = (code: string, area: number) => em.create(Room, { estate, building, unit, floor, floorLevel: 15, code, chargeAreaCenti: area, buildingAreaCenti: area + 1000 });
  const r1503 = room('A-2-1503', 8950);
  const r1504 = room('A-2-1504', 12000);
  const r1505 = room('A-2-1505', 6025);
  const other = em.create(Estate, { code: uniqueCode('O'), name: '别的小区' });
  await em.flush();
  const owner = await makeResident(em, r1503, BindingRelation.OWNER, { name: '张伟' });
  const familyPay = await makeResident(em, r1503, BindingRelation.FAMILY, { name: '张小明', permissions: [FamilyPermission.VIEW_BILLS, FamilyPermission.PAY] });
  const familyNone = await makeResident(em, r1503, BindingRelation.FAMILY, { name: '张奶奶', permissions: [] });
  const neighbour = await makeResident(em, r1504, BindingRelation.OWNER, { name: '李娜' });
  await makeResident(em, r1505, BindingRelation.OWNER, { name: '王五' });
  const cashier = await makeStaff(em, Role.CASHIER, estate, '收费员');
  const manager = await makeStaff(em, Role.MANAGER, estate, '经理');
  const otherCashier = await makeStaff(em, Role.CASHIER, other, '别的收费员');
  const committee = await makeStaff(em, Role.COMMITTEE, estate, '业委会');
  return {
    estate,
    rooms: { r1503, r1504, r1505 },
    owner,
    familyPay,
    familyNone,
    neighbour,
    users: { cashier, manager },
    tokens: {
      owner: await tokenFor(t, owner.user),
      familyPay: await tokenFor(t, familyPay.user),
      familyNone: await tokenFor(t, familyNone.user),
      neighbour: await tokenFor(t, neighbour.user),
      cashier: await tokenFor(t, cashier),
      manager: await tokenFor(t, manager),
      otherCashier: await tokenFor(t, otherCashier),
      committee: await tokenFor(t, committee),
    },
  };
}

const ITEM = `mutation($input: ChargeItemInput!) { createChargeItem(input: $input) { id code } }`;

/**
 * Sets up the worked example's items, meters and readings through the API, as a cashier would.
 * 物业管理费 charges no late fee unless asked (0.05 in the worked example), so other tests' sums
 * stay independent of the day they pay on.
 */
export async function setUpWorkedExample(t: TestGateway, b: Awaited<ReturnType<typeof makeBillingEstate>>, opts: { lateFeeRatePercent?: string } = {}) {
  const c = b.tokens.cashier;
  const gql = async (q: string, v: Record<string, unknown>) => {
    const res = await t.gql(q, v, c);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const e = b.estate.id;
  const fee = (await gql(ITEM, { input: { estateId: e, code: 'WYF', name: '物业管理费', kind: 'PERIODIC_AREA', price: '2.80', dueDay: 15, lateFeeRatePercent: opts.lateFeeRatePercent ?? '0' } })).createChargeItem;
  const water = (await gql(ITEM, { input: { estateId: e, code: 'SF', name: '水费', kind: 'METERED', price: '4.20', dueDay: 15, lateFeeRatePercent: '0' } })).createChargeItem;
  const elec = (await gql(ITEM, { input: { estateId: e, code: 'GTDF', name: '公摊电费', kind: 'SHARED', price: '0.62', dueDay: 15, lateFeeRatePercent: '0' } })).createChargeItem;
  await gql(`mutation($input: AssignChargeInput!) { assignCharge(input: $input) }`, { input: { itemId: fee.id, roomIds: [b.rooms.r1503.id, b.rooms.r1504.id, b.rooms.r1505.id], startDate: '2026-01-01' } });
  const waterMeter = (await gql(`mutation($input: MeterInput!) { createMeter(input: $input) { id } }`, { input: { itemId: water.id, code: 'W-1503', roomId: b.rooms.r1503.id, baseReading: '12.3', basePeriod: '2026-09' } })).createMeter;
  const publicMeter = (await gql(`mutation($input: MeterInput!) { createMeter(input: $input) { id } }`, { input: { itemId: elec.id, code: 'E-PUB-2', sharedRoomIds: [b.rooms.r1503.id, b.rooms.r1504.id, b.rooms.r1505.id], baseReading: '5000', basePeriod: '2026-09' } })).createMeter;
  await gql(`mutation($r: [ReadingInput!]!) { recordMeterReadings(readings: $r) { id } }`, {
    r: [
      { meterId: waterMeter.id, period: '2026-10', reading: '25.8' },
      { meterId: publicMeter.id, period: '2026-10', reading: '6000' },
    ],
  });
  return { fee, water, elec, waterMeter, publicMeter };
}

/** Starts a bill run and waits for it to finish. */
export async function runBills(t: TestGateway, token: string, estateId: string, period: string) {
  const res = await t.gql(`mutation($e: ID!, $p: String!) { startBillRun(estateId: $e, period: $p) { id } }`, { e: estateId, p: period }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  await t.gateway.services.billRuns.wait(res.data.startBillRun.id);
  const run = await t.gql(`query($id: ID!) { billRun(id: $id) { status roomsDone roomsTotal linesCreated error } }`, { id: res.data.startBillRun.id }, token);
  return run.data.billRun;
}
