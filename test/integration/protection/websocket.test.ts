import { startTestGateway, type TestGateway } from '../../support/gateway';
import { makeAccessScenario } from '../../support/factories';
import { CHINESE, ERROR_CODES } from '../../support/http';
import { overWebSocket, type WsOutcome } from '../../support/ws';

/**
 * graphql-ws runs operations outside Apollo's pipeline: the same limits, introspection rule and
 * error shape must hold there, or the socket is a way around all of them.
 */
let t: TestGateway;
let prod: TestGateway;
let s: Awaited<ReturnType<typeof makeAccessScenario>>;

beforeAll(async () => {
  t = await startTestGateway();
  prod = await startTestGateway({ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(40) });
  s = await makeAccessScenario(t);
});
afterAll(async () => {
  await prod?.close();
  await t?.close();
});

/** The operation was refused before it ran, with typed, Chinese, internal-free errors. */
function refused(out: WsOutcome, code = 'BAD_USER_INPUT') {
  expect(out.results).toEqual([]);
  expect(out.errors?.length).toBeGreaterThan(0);
  for (const e of out.errors!) {
    expect(e.extensions?.code).toBe(code);
    expect(e.message).toMatch(CHINESE);
  }
  expect(JSON.stringify(out)).not.toMatch(/stacktrace|Did you mean|\bat \S+ \(/);
}

/** me { rooms { estate { buildings { estate { buildings … } } } } }: deep, but only one row per level. */
function deep(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = i % 2 === 0 ? `buildings { ${inner} }` : `estate { ${inner} }`;
  return `{ me { rooms { estate { ${inner} } } } }`;
}

test('an ordinary query runs over the socket', async () => {
  const out = await overWebSocket(t, '{ me { displayName rooms { code } } }', {}, s.tokens.ownerA);
  expect(out.errors).toBeUndefined();
  expect(out.results).toEqual([{ data: { me: { displayName: '业主甲', rooms: [{ code: 'A-1-1501' }] } } }]);
});

test('a query nested 50 deep is refused over the socket as over HTTP', async () => {
  refused(await overWebSocket(t, deep(47), {}, s.tokens.ownerA));
  const http = await t.gql(deep(47), {}, s.tokens.ownerA);
  expect(http.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  // Within the limit the same shape runs: the refusal is about depth.
  const ok = await overWebSocket(t, deep(5), {}, s.tokens.ownerA);
  expect(ok.errors).toBeUndefined();
  expect(ok.results[0].data.me.rooms).toHaveLength(1);
});

test('a deep subscription is refused too', async () => {
  let inner = 'id';
  for (let i = 0; i < 30; i++) inner = i % 2 === 0 ? `bindings { ${inner} }` : `room { ${inner} }`;
  refused(await overWebSocket(t, `subscription { myBindingsChanged { room { ${inner} } } }`, {}, s.tokens.ownerA));
});

test('a too costly query is refused over the socket, with the page size from a variable', async () => {
  const q = 'query($n: Int!) { rooms(first: $n) { nodes { bindings { customer { bindings { room { code } } } } } } }';
  const out = await overWebSocket(t, q, { n: 100 }, s.tokens.manager);
  refused(out);
  expect(out.errors![0].message).toBe('查询过于复杂，请减少字段或分页条数');
});

test('request errors over the socket are typed BAD_USER_INPUT', async () => {
  refused(await overWebSocket(t, '{ me { id ', {}, s.tokens.ownerA));
  refused(await overWebSocket(t, '{ me { passwordHash } }', {}, s.tokens.ownerA));
  refused(await overWebSocket(t, 'query($n: Int!) { rooms(first: $n) { totalCount } }', { n: 'many' }, s.tokens.manager));
  refused(await overWebSocket(t, 'query($n: Int!) { rooms(first: $n) { totalCount } }', {}, s.tokens.manager));
});

test('resolver errors over the socket keep their codes; an unexpected one is INTERNAL without its text', async () => {
  const anon = await overWebSocket(t, '{ me { id } }');
  expect(anon.results[0].errors![0]).toMatchObject({ message: '请先登录', extensions: { code: 'UNAUTHENTICATED' } });
  const bad = await overWebSocket(t, '{ room(id: "1 OR 1=1") { code } }', {}, s.tokens.ownerA);
  expect(bad.results[0].errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'id', message: '编号格式不正确' }] });

  const identity = t.gateway.services.identity;
  const findUser = identity.findUser;
  identity.findUser = async () => {
    throw new Error('select * from `user` where secret');
  };
  try {
    const out = await overWebSocket(t, '{ me { id } }', {}, s.tokens.ownerA);
    expect(out.results[0].errors).toEqual([{ message: '系统繁忙，请稍后再试', locations: [{ line: 1, column: 3 }], path: ['me'], extensions: { code: 'INTERNAL' } }]);
    for (const e of out.results[0].errors!) expect(ERROR_CODES).toContain(e.extensions!.code);
  } finally {
    identity.findUser = findUser;
  }
});

test('introspection over the socket works in test mode and is refused in production', async () => {
  const dev = await overWebSocket(t, '{ __schema { queryType { name } } }');
  expect(dev.results).toEqual([{ data: { __schema: { queryType: { name: 'Query' } } } }]);
  refused(await overWebSocket(prod, '{ __schema { types { name } } }'));
  refused(await overWebSocket(prod, '{ __type(name: "Room") { name } }'));
  const hint = await overWebSocket(prod, '{ me { phon } }');
  refused(hint);
  expect(JSON.stringify(hint)).not.toContain('"phone"');
});
