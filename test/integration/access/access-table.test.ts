import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { makeAccessScenario, type Persona } from '../../support/factories';
import { ParkingSpace } from '../../../gateway/src/modules/property/entities';

/**
 * Who may read what, for every type exposed so far, laid out by who is asking (STYLE.md).
 * Expected: a value the data must show, or the error code. Another's row is NOT_FOUND, never
 * FORBIDDEN, so ids cannot be probed.
 */
let t: TestGateway;
let s: Awaited<ReturnType<typeof makeAccessScenario>>;

beforeAll(async () => {
  t = await startTestGateway();
  s = await makeAccessScenario(t);
  const em = t.em();
  for (const [estate, code] of [[s.e1.estate, 'P-001'], [s.e1.estate, 'P-002'], [s.e2.estate, 'P-001']] as const) {
    em.create(ParkingSpace, { estate, garage: '地下车库', code, areaCenti: 1250 });
  }
  await em.flush();
});
afterAll(() => t.close());

const PERSONAS: Persona[] = ['ownerA', 'ownerB', 'familyWith', 'familyWithout', 'tenant', 'agent', 'manager', 'otherManager', 'committee', 'anonymous'];
type Expect = string | number | string[] | boolean;

async function outcome(query: string, variables: Record<string, unknown>, persona: Persona, pick: (data: any) => Expect): Promise<Expect> {
  const res = await t.gql(query, variables, s.tokens[persona]);
  if (res.errors) return errorCode(res)!;
  return pick(res.data);
}

async function table(query: string, variables: () => Record<string, unknown>, pick: (data: any) => Expect, expected: Record<Persona, Expect>) {
  const actual: Record<string, Expect> = {};
  for (const p of PERSONAS) actual[p] = await outcome(query, variables(), p, pick);
  expect(actual).toEqual(expected);
}

test('room(id) of owner A’s room', () =>
  table('query($id: ID!) { room(id: $id) { code } }', () => ({ id: s.e1.rooms[0].id }), (d) => d.room.code, {
    ownerA: 'A-1-1501', familyWith: 'A-1-1501', familyWithout: 'A-1-1501', ownerB: 'NOT_FOUND', tenant: 'NOT_FOUND',
    agent: 'A-1-1501', manager: 'A-1-1501', otherManager: 'NOT_FOUND', committee: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED',
  }));

test('rooms(estateId) lists only what each may see', () =>
  table('query($e: ID!) { rooms(estateId: $e, first: 50) { totalCount nodes { code } } }', () => ({ e: s.e1.estate.id }), (d) => d.rooms.nodes.map((n: any) => n.code), {
    ownerA: ['A-1-1501'], familyWith: ['A-1-1501'], familyWithout: ['A-1-1501'], ownerB: ['A-1-1502'], tenant: ['A-1-1503'],
    agent: ['A-1-1501', 'A-1-1502', 'A-1-1503', 'A-1-1504'], manager: ['A-1-1501', 'A-1-1502', 'A-1-1503', 'A-1-1504'],
    otherManager: [], committee: [], anonymous: 'UNAUTHENTICATED',
  }));

test('myRooms', () =>
  table('{ myRooms { code myRelation myPermissions } }', () => ({}), (d) => d.myRooms.map((r: any) => `${r.code}:${r.myRelation}:${r.myPermissions.join('+')}`), {
    ownerA: ['A-1-1501:OWNER:VIEW_BILLS+PAY+FILE_REPAIRS'], familyWith: ['A-1-1501:FAMILY:VIEW_BILLS+PAY'], familyWithout: ['A-1-1501:FAMILY:'],
    ownerB: ['A-1-1502:OWNER:VIEW_BILLS+PAY+FILE_REPAIRS'], tenant: ['A-1-1503:TENANT:FILE_REPAIRS'],
    agent: [], manager: [], otherManager: [], committee: [], anonymous: 'UNAUTHENTICATED',
  }));

test('estate(id): residents, staff and committee of the estate', () =>
  table('query($id: ID!) { estate(id: $id) { name buildings { code } } }', () => ({ id: s.e1.estate.id }), (d) => `${d.estate.name}/${d.estate.buildings.length}`, {
    ownerA: '测试小区/1', familyWith: '测试小区/1', familyWithout: '测试小区/1', ownerB: '测试小区/1', tenant: '测试小区/1',
    agent: '测试小区/1', manager: '测试小区/1', otherManager: 'NOT_FOUND', committee: '测试小区/1', anonymous: 'UNAUTHENTICATED',
  }));

test('estates lists own estates only', () =>
  table('{ estates { id } }', () => ({}), (d) => d.estates.map((e: any) => (e.id === s.e1.estate.id ? 'E1' : e.id === s.e2.estate.id ? 'E2' : 'OTHER')), {
    ownerA: ['E1'], familyWith: ['E1'], familyWithout: ['E1'], ownerB: ['E1'], tenant: ['E1'],
    agent: ['E1'], manager: ['E1'], otherManager: ['E2'], committee: ['E1'], anonymous: 'UNAUTHENTICATED',
  }));

test('room.bindings (nested): an owner sees the household, family and tenants only themselves', () =>
  table('query($id: ID!) { room(id: $id) { bindings { relation customer { name } } } }', () => ({ id: s.e1.rooms[0].id }), (d) => d.room.bindings.map((b: any) => b.customer.name), {
    ownerA: ['业主甲', '家属有权限', '家属无权限'], familyWith: ['家属有权限'], familyWithout: ['家属无权限'], ownerB: 'NOT_FOUND', tenant: 'NOT_FOUND',
    agent: ['业主甲', '家属有权限', '家属无权限'], manager: ['业主甲', '家属有权限', '家属无权限'], otherManager: 'NOT_FOUND', committee: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED',
  }));

test('customer(id) of owner A', () =>
  table('query($id: ID!) { customer(id: $id) { name bindings { relation room { code } } } }', () => ({ id: s.ownerA.customer.id }), (d) => `${d.customer.name}:${d.customer.bindings.map((b: any) => b.room.code).join()}`, {
    ownerA: '业主甲:A-1-1501', familyWith: 'NOT_FOUND', familyWithout: 'NOT_FOUND', ownerB: 'NOT_FOUND', tenant: 'NOT_FOUND',
    agent: '业主甲:A-1-1501', manager: '业主甲:A-1-1501', otherManager: 'NOT_FOUND', committee: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED',
  }));

test('customer(id) of a family member: the room’s owner sees them, their binding and room', () =>
  table('query($id: ID!) { customer(id: $id) { name bindings { permissions room { code } } } }', () => ({ id: s.familyWith.customer.id }), (d) => `${d.customer.name}:${d.customer.bindings.map((b: any) => `${b.room.code}:${b.permissions.join('+')}`).join()}`, {
    ownerA: '家属有权限:A-1-1501:VIEW_BILLS+PAY', familyWith: '家属有权限:A-1-1501:VIEW_BILLS+PAY', familyWithout: 'NOT_FOUND', ownerB: 'NOT_FOUND', tenant: 'NOT_FOUND',
    agent: '家属有权限:A-1-1501:VIEW_BILLS+PAY', manager: '家属有权限:A-1-1501:VIEW_BILLS+PAY', otherManager: 'NOT_FOUND', committee: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED',
  }));

test('customers(estateId): staff with the permission only', () =>
  table('query($e: ID!) { customers(estateId: $e, first: 50) { totalCount } }', () => ({ e: s.e1.estate.id }), (d) => d.customers.totalCount, {
    ownerA: 'FORBIDDEN', familyWith: 'FORBIDDEN', familyWithout: 'FORBIDDEN', ownerB: 'FORBIDDEN', tenant: 'FORBIDDEN',
    agent: 6, manager: 6, otherManager: 'NOT_FOUND', committee: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED',
  }));

test('auditLog(estateId): managers of the estate only', () =>
  table('query($e: ID!) { auditLog(estateId: $e) { totalCount } }', () => ({ e: s.e1.estate.id }), (d) => typeof d.auditLog.totalCount, {
    ownerA: 'FORBIDDEN', familyWith: 'FORBIDDEN', familyWithout: 'FORBIDDEN', ownerB: 'FORBIDDEN', tenant: 'FORBIDDEN',
    agent: 'FORBIDDEN', manager: 'number', otherManager: 'NOT_FOUND', committee: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED',
  }));

test('me: roles follow grants and bindings', () =>
  table('{ me { displayName isStaff roles { role } } }', () => ({}), (d) => d.me.roles.map((r: any) => r.role).sort(), {
    ownerA: ['OWNER'], familyWith: ['FAMILY'], familyWithout: ['FAMILY'], ownerB: ['OWNER'], tenant: ['TENANT'],
    agent: ['CS_AGENT'], manager: ['MANAGER'], otherManager: ['MANAGER'], committee: ['COMMITTEE'], anonymous: 'UNAUTHENTICATED',
  }));

test('a tenant sees their rented room and only their own binding', () =>
  table('query($id: ID!) { room(id: $id) { bindings { relation isBillingParty } } }', () => ({ id: s.e1.rooms[2].id }), (d) => d.room.bindings.map((b: any) => `${b.relation}:${b.isBillingParty}`), {
    ownerA: 'NOT_FOUND', familyWith: 'NOT_FOUND', familyWithout: 'NOT_FOUND', ownerB: 'NOT_FOUND', tenant: ['TENANT:true'],
    agent: ['OWNER:false', 'TENANT:true'], manager: ['OWNER:false', 'TENANT:true'], otherManager: 'NOT_FOUND', committee: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED',
  }));

test('parkingSpaces(estateId): staff of the estate', () =>
  table('query($e: ID!) { parkingSpaces(estateId: $e) { nodes { code area garage } } }', () => ({ e: s.e1.estate.id }), (d) => d.parkingSpaces.nodes.map((p: any) => `${p.code}/${p.area}`), {
    ownerA: 'FORBIDDEN', familyWith: 'FORBIDDEN', familyWithout: 'FORBIDDEN', ownerB: 'FORBIDDEN', tenant: 'FORBIDDEN',
    agent: ['P-001/12.50', 'P-002/12.50'], manager: ['P-001/12.50', 'P-002/12.50'], otherManager: 'NOT_FOUND', committee: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED',
  }));

test('a staff mutation leaves an audit entry with before and after that the manager reads', async () => {
  const res = await t.gql('mutation($input: GenerateParkingSpacesInput!) { generateParkingSpaces(input: $input) }', { input: { estateId: s.e1.estate.id, garage: '地面', codePrefix: 'G-', count: 3, area: '12.5' } }, s.tokens.manager);
  expect(res.data.generateParkingSpaces).toBe(3);
  const log = await t.gql('query($e: ID!) { auditLog(estateId: $e, first: 5) { nodes { action actorName entityType after at } } }', { e: s.e1.estate.id }, s.tokens.manager);
  expect(log.data.auditLog.nodes[0]).toMatchObject({ action: 'parking.generate', actorName: '本小区经理', entityType: 'ParkingSpace', after: { garage: '地面', created: 3, first: 'G-001' } });
  const other = await t.gql('query($e: ID!) { auditLog(estateId: $e) { totalCount } }', { e: s.e2.estate.id }, s.tokens.manager);
  expect(errorCode(other)).toBe('NOT_FOUND');
});
