import { startTestGateway, errorCode, type GqlResult, type TestGateway } from '../../support/gateway';
import { makeAccessScenario, uniquePhone } from '../../support/factories';
import { CHINESE, ERROR_CODES, postRaw } from '../../support/http';

/**
 * The one shape of every error a client sees: a code from the fixed set, a Chinese message, and
 * nothing of the inside (stack traces, SQL, library messages).
 */
let t: TestGateway;
let s: Awaited<ReturnType<typeof makeAccessScenario>>;
const seen: { name: string; res: GqlResult }[] = [];

beforeAll(async () => {
  t = await startTestGateway();
  s = await makeAccessScenario(t);
});
afterAll(() => t.close());

/** Runs an operation that must fail, checks the shape of its errors, and keeps it for the sweep below. */
async function failing(name: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult> {
  const res = await t.gql(query, variables, token);
  seen.push({ name, res });
  expect(res.errors?.length).toBeGreaterThan(0);
  for (const e of res.errors!) {
    expect(ERROR_CODES).toContain(e.extensions?.code);
    expect(e.message).toMatch(CHINESE);
  }
  const text = JSON.stringify(res);
  expect(text).not.toMatch(/stacktrace/i);
  expect(text.toLowerCase()).not.toContain('select ');
  // graphql-js may say `invalid value "x" at "p[0]"`; a stack frame reads `at fn (file:line)`.
  expect(text).not.toMatch(/\bat \S+ \(|\bat \/|node_modules|\.[jt]s:\d+|\bER_[A-Z_]+/);
  return res;
}

test('an unknown field is BAD_USER_INPUT, never INTERNAL', async () => {
  const res = await failing('unknown field', '{ me { id passwordHash } }', {}, s.tokens.ownerA);
  expect(res.status).toBe(400);
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message).toBe('请求不符合接口定义');
  expect(JSON.stringify(res)).not.toContain(' at ');
});

test.each([
  ['syntax error', '{ me { id ', {}],
  ['unknown argument', '{ rooms(orderBy: "code") { totalCount } }', {}],
  ['argument of the wrong type', '{ rooms(first: "ten") { totalCount } }', {}],
  ['missing variable', 'query($id: ID!) { room(id: $id) { code } }', {}],
  ['variable of the wrong type', 'query($n: Int!) { rooms(first: $n) { totalCount } }', { n: 'x' }],
  ['integer out of range', 'query($n: Int!) { rooms(first: $n) { totalCount } }', { n: 2 ** 40 }],
  ['unknown enum value', 'mutation($p: [FamilyPermission!]!) { setFamilyPermissions(bindingId: "x", permissions: $p) { id } }', { p: ['DROP'] }],
  ['selection missing on an object', '{ me }', {}],
  ['two errors at once', '{ me { nope } estates { nada } }', {}],
])('a request error (%s) is a typed BAD_USER_INPUT', async (name, query, variables) => {
  const res = await failing(name, query, variables, s.tokens.manager);
  expect(res.status).toBe(400);
  for (const e of res.errors!) expect(e.extensions!.code).toBe('BAD_USER_INPUT');
});

test('two operations without an operationName, or a name that is not there, are typed errors', async () => {
  for (const body of [
    { query: 'query A { me { id } } query B { me { id } }' },
    { query: 'query A { me { id } }', operationName: 'Nope' },
  ]) {
    const res = await postRaw(t, JSON.stringify(body));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.json.errors[0].message).toMatch(CHINESE);
  }
});

test('errors of our own rules keep their codes', async () => {
  expect(errorCode(await failing('anonymous', '{ me { id } }'))).toBe('UNAUTHENTICATED');
  expect(errorCode(await failing('forbidden', `{ auditLog(estateId: "${s.e1.estate.id}") { totalCount } }`, {}, s.tokens.agent))).toBe('FORBIDDEN');
  expect(errorCode(await failing('not found', `{ room(id: "${s.e2.rooms[0].id}") { code } }`, {}, s.tokens.ownerA))).toBe('NOT_FOUND');
  expect(errorCode(await failing('bad id', '{ room(id: "1 OR 1=1") { code } }', {}, s.tokens.ownerA))).toBe('BAD_USER_INPUT');

  const phone = uniquePhone();
  await t.gql('mutation($p: String!) { requestSmsCode(phone: $p) { sent } }', { p: phone });
  expect(errorCode(await failing('rate limited', 'mutation($p: String!) { requestSmsCode(phone: $p) { sent } }', { p: phone }))).toBe('RATE_LIMITED');

  const add = `mutation($r: ID!) { addFamilyMember(input: { roomId: $r, name: "重复的人", phone: "13812349999", permissions: [] }) { id } }`;
  expect((await t.gql(add, { r: s.e1.rooms[0].id }, s.tokens.ownerA)).errors).toBeUndefined();
  expect(errorCode(await failing('conflict', add, { r: s.e1.rooms[0].id }, s.tokens.ownerA))).toBe('CONFLICT');
});

test('an unexpected failure inside is INTERNAL with the generic Chinese message, never its own text', async () => {
  const identity = t.gateway.services.identity;
  const findUser = identity.findUser;
  identity.findUser = async () => {
    const err = new Error("ER_PARSE_ERROR: You have an error in your SQL syntax near 'select `u0`.* from `user` as `u0`'");
    Object.assign(err, { sql: 'select `u0`.* from `user` as `u0` where `u0`.`id` = ?', code: 'ER_PARSE_ERROR' });
    throw err;
  };
  try {
    const res = await failing('internal', '{ me { id } }', {}, s.tokens.ownerA);
    expect(res.errors).toEqual([{ message: '系统繁忙，请稍后再试', locations: [{ line: 1, column: 3 }], path: ['me'], extensions: { code: 'INTERNAL' } }]);
  } finally {
    identity.findUser = findUser;
  }
});

test('a WeChat outage is INTERNAL and tells nothing about the upstream answer', async () => {
  const fake = t.wechat as unknown as { handle: (req: unknown, res: { writeHead(s: number, h: object): { end(b: string): void } }) => void };
  const handle = fake.handle;
  fake.handle = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":-1,"errmsg":"system error, select * from secret"}');
  try {
    const res = await failing('wechat down', 'mutation($c: String!) { loginWithWechat(code: $c) { accessToken } }', { c: t.wechat.issueCode('openid-outage') });
    expect(errorCode(res)).toBe('INTERNAL');
    expect(JSON.stringify(res)).not.toContain('errcode');
  } finally {
    fake.handle = handle;
  }
});

test('sweep: every error seen in this file has a known code and a Chinese message', () => {
  expect(seen.length).toBeGreaterThanOrEqual(16);
  const codes = new Set(seen.flatMap(({ res }) => res.errors!.map((e) => e.extensions!.code)));
  expect([...codes].sort()).toEqual(['BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN', 'INTERNAL', 'NOT_FOUND', 'RATE_LIMITED', 'UNAUTHENTICATED']);
});
