import type http from 'node:http';
import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { User } from '../../../gateway/src/modules/identity/entities';
import { AUTH_FIELDS, LOGIN_WECHAT, ME, REFRESH, errorFields, ok, wechatLogin } from '../../support/sign-in';

/** Mini-program sign-in (wx.login code → jscode2session → openid). */
let t: TestGateway;
/** Every session_key the fake WeChat server handed to the gateway: none may reach a client. */
const sessionKeys: string[] = [];
/** Every response body the gateway sent in this file. */
const bodies: string[] = [];

beforeAll(async () => {
  t = await startTestGateway();
  const fake = t.wechat as unknown as { handle(req: http.IncomingMessage, res: http.ServerResponse): void };
  const handle = fake.handle.bind(t.wechat);
  fake.handle = (req, res) => {
    const end = res.end.bind(res) as (body?: unknown) => http.ServerResponse;
    res.end = ((body?: unknown) => {
      if (typeof body === 'string' && body.includes('session_key')) sessionKeys.push(JSON.parse(body).session_key);
      return end(body);
    }) as typeof res.end;
    handle(req, res);
  };
  const gql = t.gql.bind(t);
  t.gql = async (query, variables, token) => {
    const res = await gql(query, variables, token);
    bodies.push(JSON.stringify(res));
    return res;
  };
});
afterAll(() => t.close());

test('the first sign-in creates a user, the next sign-in with a new code is the same user', async () => {
  const users = await t.em().count(User);
  const first = await wechatLogin(t, 'openid-x');
  expect(first.viewer).toMatchObject({ displayName: '微信用户', phone: null, account: null, isStaff: false, roles: [], rooms: [] });
  expect(await t.em().count(User)).toBe(users + 1);
  expect((await t.em().findOneOrFail(User, first.viewer.id)).wechatOpenid).toBe('openid-x');

  const me = await t.gql(ME, {}, first.accessToken);
  expect(me.data.me.id).toBe(first.viewer.id);

  const second = await wechatLogin(t, 'openid-x');
  expect(second.viewer.id).toBe(first.viewer.id);
  expect(second.refreshToken).not.toBe(first.refreshToken);
  expect(await t.em().count(User)).toBe(users + 1);

  const other = await wechatLogin(t, 'openid-y');
  expect(other.viewer.id).not.toBe(first.viewer.id);
});

test('a code can be exchanged once: reusing it is a typed error on `code`', async () => {
  const code = t.wechat.issueCode('openid-reuse');
  ok(await t.gql(LOGIN_WECHAT, { code }));
  const users = await t.em().count(User);
  const again = await t.gql(LOGIN_WECHAT, { code });
  expect(errorCode(again)).toBe('BAD_USER_INPUT');
  expect(errorFields(again)).toEqual(['code']);
  expect(again.errors![0].message).toBe('微信登录凭证无效或已过期，请重试');
  expect(await t.em().count(User)).toBe(users);
});

test.each([
  ['never issued', '0123456789abcdef0123456789abcdef'],
  ['with characters a code never has', '../../sns?x=1'],
  ['too long', 'a'.repeat(129)],
  ['empty', ''],
])('an unknown code (%s) is a typed error on `code` and creates no user', async (_what, code) => {
  const users = await t.em().count(User);
  const res = await t.gql(LOGIN_WECHAT, { code });
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(errorFields(res)).toEqual(['code']);
  expect(res.data).toBeNull();
  expect(await t.em().count(User)).toBe(users);
});

test('the session_key from WeChat never appears in any response', async () => {
  const auth = await wechatLogin(t, 'openid-key');
  await t.gql(ME, {}, auth.accessToken);
  await t.gql(REFRESH, { refreshToken: auth.refreshToken });
  await t.gql(`mutation($code: String!) { loginWithWechat(code: $code) { ${AUTH_FIELDS} } }`, { code: t.wechat.issueCode('openid-key') });

  expect(sessionKeys.length).toBeGreaterThanOrEqual(4);
  const all = bodies.join('\n');
  for (const key of sessionKeys) expect(all).not.toContain(key);
  expect(all).not.toMatch(/session_?key/i);
});

test('the schema offers no field that could carry the session_key', async () => {
  const res = await t.gql('{ __type(name: "Viewer") { fields { name } } }');
  const names = res.data.__type.fields.map((f: { name: string }) => f.name);
  expect(names.some((n: string) => /session|openid/i.test(n))).toBe(false);
});
