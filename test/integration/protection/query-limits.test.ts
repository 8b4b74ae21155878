import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { makeAccessScenario } from '../../support/factories';
import { RoomBinding, Customer } from '../../../gateway/src/modules/customer/entities';

/** Depth and cost limits: an expensive operation is refused before any resolver runs. */
let t: TestGateway;
let s: Awaited<ReturnType<typeof makeAccessScenario>>;

beforeAll(async () => {
  t = await startTestGateway();
  s = await makeAccessScenario(t);
});
afterAll(() => t.close());

/** room { bindings { room { bindings { … { id } } } } }, `levels` fields deep below `room`. */
function nested(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = i % 2 === 0 ? `bindings { ${inner} }` : `room { ${inner} }`;
  return inner;
}

test('a query nested 50 deep is refused with HTTP 400 and a typed error, and nothing runs', async () => {
  const res = await t.gql(`query($id: ID!) { room(id: $id) { ${nested(49)} } }`, { id: s.e1.rooms[0].id }, s.tokens.manager);
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]).toMatchObject({ message: '查询嵌套过深（最多10层）', extensions: { code: 'BAD_USER_INPUT' } });
});

test('the same shape within the depth limit runs', async () => {
  const res = await t.gql(`query($id: ID!) { room(id: $id) { ${nested(7)} } }`, { id: s.e1.rooms[0].id }, s.tokens.manager);
  expect(res.errors).toBeUndefined();
  expect(res.data.room.bindings.length).toBe(3);
});

test('a deeply nested mutation is refused before it writes anything', async () => {
  const em = t.em();
  const before = { bindings: await em.count(RoomBinding), customers: await em.count(Customer) };
  const res = await t.gql(
    `mutation($room: ID!) { addFamilyMember(input: { roomId: $room, name: "深层嵌套", phone: "13912345678", permissions: [] }) { room { ${nested(40)} } } }`,
    { room: s.e1.rooms[0].id },
    s.tokens.ownerA,
  );
  expect(res.status).toBe(400);
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect({ bindings: await em.count(RoomBinding), customers: await em.count(Customer) }).toEqual(before);

  // The same mutation with a shallow selection does write: the refusal above was the depth.
  const shallow = await t.gql(
    `mutation($room: ID!) { addFamilyMember(input: { roomId: $room, name: "深层嵌套", phone: "13912345678", permissions: [] }) { relation } }`,
    { room: s.e1.rooms[0].id },
    s.tokens.ownerA,
  );
  expect(shallow.data).toEqual({ addFamilyMember: { relation: 'FAMILY' } });
  expect({ bindings: await em.count(RoomBinding), customers: await em.count(Customer) }).toEqual({ bindings: before.bindings + 1, customers: before.customers + 1 });
});

test('depth through fragments counts too', async () => {
  const res = await t.gql(
    `query($id: ID!) { room(id: $id) { ...R } } fragment R on Room { bindings { ...B } } fragment B on RoomBinding { room { ${nested(20)} } }`,
    { id: s.e1.rooms[0].id },
    s.tokens.manager,
  );
  expect(res.status).toBe(400);
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
});

test('a too costly query is refused', async () => {
  const res = await t.gql(`{ rooms(first: 100) { nodes { bindings { customer { bindings { room { code } } } } } } }`, {}, s.tokens.manager);
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(res.errors![0]).toMatchObject({ message: '查询过于复杂，请减少字段或分页条数', extensions: { code: 'BAD_USER_INPUT' } });
});

test('the page size given in a variable counts as well', async () => {
  const q = `query($n: Int!) { rooms(first: $n) { nodes { bindings { customer { bindings { room { code } } } } } } }`;
  expect(errorCode(await t.gql(q, { n: 100 }, s.tokens.manager))).toBe('BAD_USER_INPUT');
  const small = await t.gql(q, { n: 2 }, s.tokens.manager);
  expect(small.errors).toBeUndefined();
  expect(small.data.rooms.nodes).toHaveLength(2);
});

test('many aliases of a cheap field add up to a costly query', async () => {
  const aliases = Array.from({ length: 30 }, (_, i) => `r${i}: rooms(first: 100) { nodes { code bindings { id } } }`).join(' ');
  expect(errorCode(await t.gql(`{ ${aliases} }`, {}, s.tokens.manager))).toBe('BAD_USER_INPUT');
});

test('an ordinary page of rooms with their households is allowed', async () => {
  const res = await t.gql(`{ rooms(first: 20) { totalCount nodes { code bindings { relation customer { name } } } } }`, {}, s.tokens.manager);
  expect(res.errors).toBeUndefined();
  expect(res.data.rooms.totalCount).toBe(4);
});
