import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { RefreshToken, Session, User } from '../../../gateway/src/modules/identity/entities';
import { signAccessToken } from '../../../gateway/src/core/auth/tokens';
import { ME, MINUTE, REFRESH, ok, wechatLogin, type Auth } from '../../support/sign-in';

/** Sessions: short access tokens, rotating refresh tokens, logout, and tokens that are not ours. */
let t: TestGateway;
let seq = 0;

beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

const signIn = () => wechatLogin(t, `openid-session-${++seq}`);
const refresh = (refreshToken: string) => t.gql<{ refreshSession: Auth }>(REFRESH, { refreshToken });
const me = (token: string) => t.gql(ME, {}, token);

test('refreshSession rotates: the new refresh token works once, the old one is refused', async () => {
  const auth = await signIn();
  const next = ok(await refresh(auth.refreshToken)).refreshSession;
  expect(next.viewer.id).toBe(auth.viewer.id);
  expect(next.refreshToken).not.toBe(auth.refreshToken);
  expect(next.expiresIn).toBe(900);
  expect((await me(next.accessToken)).data.me.id).toBe(auth.viewer.id);

  const third = ok(await refresh(next.refreshToken)).refreshSession;
  expect((await me(third.accessToken)).data.me.id).toBe(auth.viewer.id);

  const sessionId = (await t.em().findOneOrFail(Session, { user: auth.viewer.id })).id;
  expect(await t.em().count(RefreshToken, { session: sessionId })).toBe(3);
  expect(await t.em().count(RefreshToken, { session: sessionId, usedAt: null })).toBe(1);
});

test('reusing a rotated refresh token revokes the whole session', async () => {
  const auth = await signIn();
  const next = ok(await refresh(auth.refreshToken)).refreshSession;
  expect((await me(next.accessToken)).data.me.id).toBe(auth.viewer.id);

  // Someone replays the old token (stolen, or a second device): the session ends for everyone.
  const replay = await refresh(auth.refreshToken);
  expect(errorCode(replay)).toBe('UNAUTHENTICATED');
  expect(replay.data).toBeNull();

  const session = await t.em().findOneOrFail(Session, { user: auth.viewer.id });
  expect(session.revokedAt).not.toBeNull();
  expect(errorCode(await me(next.accessToken))).toBe('UNAUTHENTICATED');
  expect(errorCode(await me(auth.accessToken))).toBe('UNAUTHENTICATED');
  expect(errorCode(await refresh(next.refreshToken))).toBe('UNAUTHENTICATED');
});

test('the same refresh token used twice in a row: the second use is refused and revokes the session', async () => {
  const auth = await signIn();
  const next = ok(await refresh(auth.refreshToken)).refreshSession;
  const again = ok(await refresh(next.refreshToken)).refreshSession;
  expect(errorCode(await refresh(next.refreshToken))).toBe('UNAUTHENTICATED');
  expect(errorCode(await me(again.accessToken))).toBe('UNAUTHENTICATED');
  expect(errorCode(await refresh(again.refreshToken))).toBe('UNAUTHENTICATED');
});

test('logout makes the access token and the refresh token useless, and only this session’s', async () => {
  const auth = await signIn();
  const otherDevice = await wechatLogin(t, `openid-session-${seq}`);
  expect(otherDevice.viewer.id).toBe(auth.viewer.id);

  expect((await t.gql('mutation { logout }', {}, auth.accessToken)).data).toEqual({ logout: true });
  expect(errorCode(await me(auth.accessToken))).toBe('UNAUTHENTICATED');
  expect(errorCode(await refresh(auth.refreshToken))).toBe('UNAUTHENTICATED');
  expect(errorCode(await t.gql('mutation { logout }', {}, auth.accessToken))).toBe('UNAUTHENTICATED');

  expect((await me(otherDevice.accessToken)).data.me.id).toBe(auth.viewer.id);
  ok(await refresh(otherDevice.refreshToken));
});

test('an access token expires after 15 minutes; the refresh token still gets a new one', async () => {
  const auth = await signIn();
  t.clock.advance(15 * MINUTE - 1000);
  expect((await me(auth.accessToken)).data.me.id).toBe(auth.viewer.id);
  t.clock.advance(2000);
  const expired = await me(auth.accessToken);
  expect(errorCode(expired)).toBe('UNAUTHENTICATED');
  expect(expired.errors![0].message).toBe('请先登录');

  const next = ok(await refresh(auth.refreshToken)).refreshSession;
  expect((await me(next.accessToken)).data.me.id).toBe(auth.viewer.id);
});

test('a refresh token expires after 30 days', async () => {
  const auth = await signIn();
  t.clock.advance(30 * 24 * 3600_000 + 1000);
  expect(errorCode(await refresh(auth.refreshToken))).toBe('UNAUTHENTICATED');
});

test('a disabled account loses its access token and cannot refresh', async () => {
  const auth = await signIn();
  await t.em().nativeUpdate(User, { id: auth.viewer.id }, { disabled: true });
  expect(errorCode(await me(auth.accessToken))).toBe('UNAUTHENTICATED');
  const res = await refresh(auth.refreshToken);
  expect(errorCode(res)).toBe('UNAUTHENTICATED');
  expect(res.data).toBeNull();
});

test('a tampered, forged or garbage token is UNAUTHENTICATED', async () => {
  const auth = await signIn();
  const victim = await signIn();
  const [header, payload, signature] = auth.accessToken.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const forged = [
    `${header}.${b64({ ...claims, sub: victim.viewer.id })}.${signature}`, // someone else's id, old signature
    `${header}.${b64({ ...claims, exp: claims.exp + 86400 })}.${signature}`, // longer life, old signature
    `${header}.${payload}.${flip(signature, 10)}`,
    `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
    signAccessToken({ ...claims }, 'not-the-gateway-secret-0123456789abcdef'),
    `${header}.${payload}`,
    'garbage',
  ];
  for (const token of forged) {
    const res = await me(token);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  }
  // The untouched token still works: the refusals above are about the tampering.
  expect((await me(auth.accessToken)).data.me.id).toBe(auth.viewer.id);
});

test('a garbage refresh token is UNAUTHENTICATED, an over-long one BAD_USER_INPUT', async () => {
  expect(errorCode(await refresh('not-a-token'))).toBe('UNAUTHENTICATED');
  expect(errorCode(await refresh('x'.repeat(500)))).toBe('BAD_USER_INPUT');
});
