import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { makeEstate, makeStaff, makeResident, tokenFor, uniquePhone } from '../../support/factories';
import { Role } from '../../../gateway/src/core/auth/roles';
import { BindingRelation } from '../../../gateway/src/modules/customer/enums';
import { RoomBinding } from '../../../gateway/src/modules/customer/entities';
import { AuditEntry } from '../../../gateway/src/core/audit/entities';

/** 入伙, tenant move-in and move-out, 过户: bindings, the billing party, history and audit. */
let t: TestGateway;
let agent: string;
let otherAgent: string;
let estate: Awaited<ReturnType<typeof makeEstate>>;

beforeAll(async () => {
  t = await startTestGateway();
  const em = t.em();
  estate = await makeEstate(em, { rooms: 4 });
  const other = await makeEstate(em, { rooms: 1 });
  agent = await tokenFor(t, await makeStaff(em, Role.CS_AGENT, estate.estate));
  otherAgent = await tokenFor(t, await makeStaff(em, Role.CS_AGENT, other.estate));
});
afterAll(() => t.close());

const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name phone } }`;
const MOVE_IN = `mutation($input: MoveInInput!) { moveIn(input: $input) { id relation isBillingParty startDate room { status } } }`;
const TENANT_IN = `mutation($input: TenantMoveInInput!) { tenantMoveIn(input: $input) { id relation isBillingParty endDate } }`;
const TENANT_OUT = `mutation($id: ID!, $date: String!) { tenantMoveOut(bindingId: $id, date: $date) { id endDate endReason isBillingParty } }`;
const TRANSFER = `mutation($input: TransferRoomInput!) { transferRoom(input: $input) { id startDate isBillingParty } }`;
const BINDINGS = `query($id: ID!) { room(id: $id) { bindings { relation isBillingParty customer { name } } } }`;

async function customer(name: string, token = agent) {
  const res = await t.gql(CREATE, { input: { estateId: estate.estate.id, name, phone: uniquePhone() } }, token);
  expect(res.errors).toBeUndefined();
  return res.data.createCustomer.id as string;
}

test('move-in makes an owner, the billing party, and the room occupied; it is audited with before/after', async () => {
  const owner = await customer('入伙业主');
  const res = await t.gql(MOVE_IN, { input: { roomId: estate.rooms[0].id, customerId: owner, date: '2026-11-01' } }, agent);
  expect(res.data.moveIn).toMatchObject({ relation: 'OWNER', isBillingParty: true, startDate: '2026-11-01', room: { status: 'OCCUPIED' } });
  const audit = await t.em().findOneOrFail(AuditEntry, { action: 'room.moveIn', entityId: estate.rooms[0].id });
  expect(audit.estateId).toBe(estate.estate.id);
  expect((audit.before as any).status).toBe('VACANT');
  expect((audit.after as any).status).toBe('OCCUPIED');
  const again = await t.gql(MOVE_IN, { input: { roomId: estate.rooms[0].id, customerId: owner } }, agent);
  expect(errorCode(again)).toBe('CONFLICT');
});

test('a tenant who pays takes over billing; on move-out billing falls back to the owner', async () => {
  const owner = await customer('房东');
  await t.gql(MOVE_IN, { input: { roomId: estate.rooms[1].id, customerId: owner, date: '2025-01-01' } }, agent);
  const tenant = await customer('租客');
  const moved = await t.gql(TENANT_IN, { input: { roomId: estate.rooms[1].id, customerId: tenant, startDate: '2026-01-01', endDate: '2026-12-31', isBillingParty: true } }, agent);
  expect(moved.data.tenantMoveIn).toMatchObject({ relation: 'TENANT', isBillingParty: true, endDate: '2026-12-31' });
  let room = await t.gql(BINDINGS, { id: estate.rooms[1].id }, agent);
  expect(room.data.room.bindings.map((b: any) => `${b.customer.name}:${b.isBillingParty}`)).toEqual(['房东:false', '租客:true']);

  const out = await t.gql(TENANT_OUT, { id: moved.data.tenantMoveIn.id, date: '2026-11-21' }, agent);
  expect(out.data.tenantMoveOut).toMatchObject({ endDate: '2026-11-21', endReason: 'MOVED_OUT', isBillingParty: false });
  room = await t.gql(BINDINGS, { id: estate.rooms[1].id }, agent);
  expect(room.data.room.bindings.map((b: any) => `${b.customer.name}:${b.isBillingParty}`)).toEqual(['房东:true']);
});

test('tenant move-in refuses an end before the start, and writes nothing', async () => {
  const tenant = await customer('日期错的租客');
  const before = await t.em().count(RoomBinding, { room: estate.rooms[1].id });
  const res = await t.gql(TENANT_IN, { input: { roomId: estate.rooms[1].id, customerId: tenant, startDate: '2026-12-01', endDate: '2026-01-01' } }, agent);
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.errors![0].extensions!.fieldErrors![0].field).toBe('endDate');
  expect(await t.em().count(RoomBinding, { room: estate.rooms[1].id })).toBe(before);
});

test('transfer: the old owner and family end the day before, keep their history, and lose the room; the new owner pays', async () => {
  const em = t.em();
  const old = await makeResident(em, estate.rooms[2], BindingRelation.OWNER, { name: '原业主' });
  await makeResident(em, estate.rooms[2], BindingRelation.FAMILY, { name: '原业主家属' });
  const oldToken = await tokenFor(t, old.user);
  const buyer = await customer('新业主');
  const res = await t.gql(TRANSFER, { input: { roomId: estate.rooms[2].id, newOwnerCustomerId: buyer, date: '2026-11-22' } }, agent);
  expect(res.data.transferRoom).toMatchObject({ startDate: '2026-11-22', isBillingParty: true });

  const room = await t.gql(BINDINGS, { id: estate.rooms[2].id }, agent);
  expect(room.data.room.bindings.map((b: any) => b.customer.name)).toEqual(['新业主']);
  // The old owner no longer reaches the room, but still sees their own (ended) binding as history.
  expect(errorCode(await t.gql(BINDINGS, { id: estate.rooms[2].id }, oldToken))).toBe('NOT_FOUND');
  const history = await t.gql(`query($id: ID!) { customer(id: $id) { bindings { endDate endReason active room { code } } } }`, { id: old.customer.id }, oldToken);
  expect(history.data.customer.bindings).toEqual([{ endDate: '2026-11-21', endReason: 'TRANSFERRED', active: false, room: null }]);
});

test('staff of another estate cannot act on this estate’s rooms: NOT_FOUND and nothing written', async () => {
  const before = await t.em().count(RoomBinding, { room: estate.rooms[3].id });
  const owner = await customer('某业主');
  const res = await t.gql(MOVE_IN, { input: { roomId: estate.rooms[3].id, customerId: owner } }, otherAgent);
  expect(errorCode(res)).toBe('NOT_FOUND');
  const create = await t.gql(CREATE, { input: { estateId: estate.estate.id, name: '越权', phone: uniquePhone() } }, otherAgent);
  expect(errorCode(create)).toBe('NOT_FOUND');
  expect(await t.em().count(RoomBinding, { room: estate.rooms[3].id })).toBe(before);
});

test('residents cannot use staff mutations', async () => {
  const em = t.em();
  const r = await makeResident(em, estate.rooms[3], BindingRelation.OWNER, { name: '普通业主' });
  const res = await t.gql(CREATE, { input: { estateId: estate.estate.id, name: '越权', phone: uniquePhone() } }, await tokenFor(t, r.user));
  expect(errorCode(res)).toBe('FORBIDDEN');
});
