import { startTestGateway, errorCode, type GqlResult, type TestGateway } from '../../support/gateway';
import { makeAccessScenario } from '../../support/factories';
import { errorFields } from '../../support/sign-in';
import { Customer, RoomBinding } from '../../../gateway/src/modules/customer/entities';
import { AuditEntry } from '../../../gateway/src/core/audit/entities';

/** Arguments a client controls: page sizes, cursors, ids and string lengths are checked, typed. */
let t: TestGateway;
let s: Awaited<ReturnType<typeof makeAccessScenario>>;

beforeAll(async () => {
  t = await startTestGateway();
  s = await makeAccessScenario(t);
});
afterAll(() => t.close());

function expectBadInput(res: GqlResult, field: string) {
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(errorFields(res)).toContain(field);
  expect(res.errors![0].message).toMatch(/[\u4e00-\u9fa5]/);
  expect(res.data ?? null).toBeNull();
}

const ROOMS = 'query($first: Int!, $after: String, $search: String) { rooms(first: $first, after: $after, search: $search) { totalCount pageInfo { endCursor hasNextPage } nodes { code } } }';
const CUSTOMERS = 'query($e: ID!, $search: String) { customers(estateId: $e, first: 50, search: $search) { totalCount nodes { name } } }';

test.each([101, 1000, 0, -1])('a page size of %i is refused on `first`', async (first) => {
  expectBadInput(await t.gql(ROOMS, { first }, s.tokens.manager), 'first');
});

test('page sizes 1 and 100 are accepted, and the cursor of a page leads to the next', async () => {
  const first = await t.gql(ROOMS, { first: 3 }, s.tokens.manager);
  expect(first.data.rooms.nodes.map((n: { code: string }) => n.code)).toEqual(['A-1-1501', 'A-1-1502', 'A-1-1503']);
  expect(first.data.rooms.pageInfo.hasNextPage).toBe(true);
  const next = await t.gql(ROOMS, { first: 100, after: first.data.rooms.pageInfo.endCursor }, s.tokens.manager);
  expect(next.data.rooms.nodes).toEqual([{ code: 'A-1-1504' }]);
  expect(next.data.rooms.pageInfo.hasNextPage).toBe(false);
});

test.each([
  ['garbage', 'not-a-cursor!!'],
  ['base64 of text', Buffer.from('hello').toString('base64url')],
  ['an operator object', Buffer.from(JSON.stringify([{ $ne: null }, 'x'])).toString('base64url')],
  ['the wrong number of keys', Buffer.from(JSON.stringify(['A-1-1501'])).toString('base64url')],
  ['an over-long value', Buffer.from(JSON.stringify(['x'.repeat(100), 'y'])).toString('base64url')],
  ['longer than 512 characters', 'a'.repeat(600)],
])('an `after` cursor that is %s is refused on `after`', async (_what, after) => {
  expectBadInput(await t.gql(ROOMS, { first: 10, after }, s.tokens.manager), 'after');
});

test.each([
  ['room', 'query($id: ID!) { room(id: $id) { code } }', 'abc', 'id'],
  ['customer', 'query($id: ID!) { customer(id: $id) { name } }', '1 OR 1=1', 'id'],
  ['customer', "query($id: ID!) { customer(id: $id) { name } }", "' OR ''='", 'id'],
  ['estate', 'query($id: ID!) { estate(id: $id) { name } }', '../../etc/passwd', 'estateId'],
  ['rooms', 'query($id: ID) { rooms(estateId: $id) { totalCount } }', '1; DROP TABLE room', 'estateId'],
  ['rooms', 'query($id: ID) { rooms(buildingId: $id) { totalCount } }', '0', 'buildingId'],
])('%s with a malformed id (%#) is refused on the field', async (_name, query, id, field) => {
  expectBadInput(await t.gql(query, { id }, s.tokens.manager), field);
});

test('an id literal in the query is checked the same way', async () => {
  expectBadInput(await t.gql('{ room(id: "abc") { code } }', {}, s.tokens.manager), 'id');
  expectBadInput(await t.gql('{ customer(id: "1 OR 1=1") { name } }', {}, s.tokens.manager), 'id');
  expectBadInput(await t.gql('{ room(id: 12345) { code } }', {}, s.tokens.manager), 'id');
});

test('a well-formed id that does not exist is NOT_FOUND, not a bad input', async () => {
  const res = await t.gql('query($id: ID!) { room(id: $id) { code } }', { id: '01900000-0000-7000-8000-000000000000' }, s.tokens.manager);
  expect(errorCode(res)).toBe('NOT_FOUND');
});

test('addFamilyMember with a 500-character name is refused on `name`, and nothing is written', async () => {
  const em = t.em();
  const before = { customers: await em.count(Customer), bindings: await em.count(RoomBinding), audit: await em.count(AuditEntry) };
  const res = await t.gql(
    'mutation($input: AddFamilyMemberInput!) { addFamilyMember(input: $input) { id } }',
    { input: { roomId: s.e1.rooms[0].id, name: '张'.repeat(500), phone: '13912340000', permissions: ['PAY'] } },
    s.tokens.ownerA,
  );
  expectBadInput(res, 'name');
  expect(res.errors![0].message).toBe('姓名为1-64个字');
  expect({ customers: await em.count(Customer), bindings: await em.count(RoomBinding), audit: await em.count(AuditEntry) }).toEqual(before);
  expect(await em.count(Customer, { phone: '13912340000' })).toBe(0);
});

test('addFamilyMember with a malformed phone or an empty name is refused and writes nothing', async () => {
  const em = t.em();
  const before = await em.count(RoomBinding);
  const add = (input: object) =>
    t.gql('mutation($input: AddFamilyMemberInput!) { addFamilyMember(input: $input) { id } }', { input: { roomId: s.e1.rooms[0].id, permissions: [], ...input } }, s.tokens.ownerA);
  expectBadInput(await add({ name: '李四', phone: '1391234' }), 'phone');
  expectBadInput(await add({ name: '', phone: '13912340001' }), 'name');
  expectBadInput(await add({ name: '李四', phone: '13912340001', roomId: 'abc' }), 'roomId');
  expect(await em.count(RoomBinding)).toBe(before);
});

test('a 1000-character search is refused on `search` (rooms and customers)', async () => {
  expectBadInput(await t.gql(ROOMS, { first: 10, search: 'A'.repeat(1000) }, s.tokens.manager), 'search');
  expectBadInput(await t.gql(CUSTOMERS, { e: s.e1.estate.id, search: '张'.repeat(1000) }, s.tokens.agent), 'search');
});

test('LIKE wildcards in a search are matched literally', async () => {
  const rooms = await t.gql(ROOMS, { first: 10, search: '%' }, s.tokens.manager);
  expect(rooms.data.rooms.totalCount).toBe(0);
  const byPrefix = await t.gql(ROOMS, { first: 10, search: 'A-1-150' }, s.tokens.manager);
  expect(byPrefix.data.rooms.totalCount).toBe(4);
  const customers = await t.gql(CUSTOMERS, { e: s.e1.estate.id, search: '_' }, s.tokens.agent);
  expect(customers.data.customers.totalCount).toBe(0);
  const byName = await t.gql(CUSTOMERS, { e: s.e1.estate.id, search: '业主' }, s.tokens.agent);
  expect(byName.data.customers.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['业主甲', '业主乙'].sort());
});
