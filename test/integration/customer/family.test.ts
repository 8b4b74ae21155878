import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { makeAccessScenario, uniquePhone } from '../../support/factories';
import { RoomBinding } from '../../../gateway/src/modules/customer/entities';
import { AuditEntry } from '../../../gateway/src/core/audit/entities';

/** An owner manages the family of their room; nobody else can, and nobody can reach another's. */
let t: TestGateway;
let s: Awaited<ReturnType<typeof makeAccessScenario>>;

beforeAll(async () => {
  t = await startTestGateway();
  s = await makeAccessScenario(t);
});
afterAll(() => t.close());

const ADD = `mutation($input: AddFamilyMemberInput!) { addFamilyMember(input: $input) { id relation permissions active customer { name phone } room { code } } }`;
const SET = `mutation($id: ID!, $p: [FamilyPermission!]!) { setFamilyPermissions(bindingId: $id, permissions: $p) { id permissions } }`;
const REMOVE = `mutation($id: ID!) { removeFamilyMember(bindingId: $id) { id active endDate } }`;

async function bindingCount(roomId: string) {
  return t.em().count(RoomBinding, { room: roomId });
}

test('the owner adds a family member with chosen permissions; the member signs in and sees the room', async () => {
  const phone = uniquePhone();
  const res = await t.gql(ADD, { input: { roomId: s.e1.rooms[0].id, name: '新家属', phone, permissions: ['VIEW_BILLS'] } }, s.tokens.ownerA);
  expect(res.errors).toBeUndefined();
  expect(res.data.addFamilyMember).toMatchObject({ relation: 'FAMILY', permissions: ['VIEW_BILLS'], active: true, customer: { name: '新家属', phone }, room: { code: 'A-1-1501' } });

  await t.gql('mutation($p: String!) { requestSmsCode(phone: $p) { sent } }', { p: phone });
  const login = await t.gql('mutation($p: String!, $c: String!) { loginWithSmsCode(phone: $p, code: $c) { accessToken viewer { rooms { code myRelation myPermissions } } } }', { p: phone, c: t.sms.lastCode(phone) });
  expect(login.data.loginWithSmsCode.viewer.rooms).toEqual([{ code: 'A-1-1501', myRelation: 'FAMILY', myPermissions: ['VIEW_BILLS'] }]);

  const audit = await t.em().findOne(AuditEntry, { action: 'family.add', entityId: res.data.addFamilyMember.id });
  expect(audit?.actorName).toBe('业主甲');
});

test('owner B cannot add family to owner A’s room: NOT_FOUND, nothing written', async () => {
  const before = await bindingCount(s.e1.rooms[0].id);
  const res = await t.gql(ADD, { input: { roomId: s.e1.rooms[0].id, name: '冒充', phone: uniquePhone(), permissions: [] } }, s.tokens.ownerB);
  expect(errorCode(res)).toBe('NOT_FOUND');
  expect(await bindingCount(s.e1.rooms[0].id)).toBe(before);
});

test('family members and tenants cannot manage family (FORBIDDEN on a room they see)', async () => {
  const res = await t.gql(ADD, { input: { roomId: s.e1.rooms[0].id, name: '某人', phone: uniquePhone(), permissions: [] } }, s.tokens.familyWith);
  expect(errorCode(res)).toBe('FORBIDDEN');
  const own = await t.gql(SET, { id: s.familyWith.binding.id, p: ['VIEW_BILLS', 'PAY', 'FILE_REPAIRS'] }, s.tokens.familyWith);
  expect(errorCode(own)).toBe('FORBIDDEN');
  const tenant = await t.gql(ADD, { input: { roomId: s.e1.rooms[2].id, name: '某人', phone: uniquePhone(), permissions: [] } }, s.tokens.tenant);
  expect(errorCode(tenant)).toBe('FORBIDDEN');
});

test('the owner changes permissions; owner B gets NOT_FOUND for the same binding', async () => {
  const other = await t.gql(SET, { id: s.familyWithout.binding.id, p: ['PAY'] }, s.tokens.ownerB);
  expect(errorCode(other)).toBe('NOT_FOUND');
  const res = await t.gql(SET, { id: s.familyWithout.binding.id, p: ['PAY', 'PAY', 'FILE_REPAIRS'] }, s.tokens.ownerA);
  expect(res.data.setFamilyPermissions.permissions).toEqual(['PAY', 'FILE_REPAIRS']);
  const stored = await t.em().findOneOrFail(RoomBinding, s.familyWithout.binding.id);
  expect(stored.permissions).toEqual(['PAY', 'FILE_REPAIRS']);
});

test('an owner cannot change an owner or tenant binding through the family mutations', async () => {
  const res = await t.gql(SET, { id: s.ownerA.binding.id, p: [] }, s.tokens.ownerA);
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
});

test('removing a family member ends the binding (kept as history); the member loses the room at once', async () => {
  const added = await t.gql(ADD, { input: { roomId: s.e1.rooms[0].id, name: '待移除', phone: uniquePhone(), permissions: ['PAY'] } }, s.tokens.ownerA);
  const id = added.data.addFamilyMember.id;
  const res = await t.gql(REMOVE, { id }, s.tokens.ownerA);
  expect(res.data.removeFamilyMember).toEqual({ id, active: false, endDate: '2026-11-21' });
  expect(await t.em().findOne(RoomBinding, id)).not.toBeNull();
  const again = await t.gql(REMOVE, { id }, s.tokens.ownerA);
  expect(errorCode(again)).toBe('CONFLICT');
  const room = await t.gql('query($id: ID!) { room(id: $id) { bindings { customer { name } } } }', { id: s.e1.rooms[0].id }, s.tokens.ownerA);
  expect(room.data.room.bindings.map((b: any) => b.customer.name)).not.toContain('待移除');
});

test('bad input: malformed ids and phones are typed errors and write nothing', async () => {
  const before = await bindingCount(s.e1.rooms[0].id);
  const badId = await t.gql(ADD, { input: { roomId: 'not-an-id', name: '某人', phone: uniquePhone(), permissions: [] } }, s.tokens.ownerA);
  expect(errorCode(badId)).toBe('BAD_USER_INPUT');
  expect(badId.errors![0].extensions!.fieldErrors![0].field).toBe('roomId');
  const badPhone = await t.gql(ADD, { input: { roomId: s.e1.rooms[0].id, name: '某人', phone: '123', permissions: [] } }, s.tokens.ownerA);
  expect(errorCode(badPhone)).toBe('BAD_USER_INPUT');
  expect(badPhone.errors![0].message).toMatch(/手机号/);
  expect(await bindingCount(s.e1.rooms[0].id)).toBe(before);
});
