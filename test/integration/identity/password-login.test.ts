import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { makeStaff, makeUser, makeEstate, tokenFor } from '../../support/factories';
import { Role } from '../../../gateway/src/core/auth/roles';
import { hashPassword } from '../../../gateway/src/core/auth/passwords';
import { Session, User } from '../../../gateway/src/modules/identity/entities';
import { Estate } from '../../../gateway/src/modules/property/entities';
import { LOGIN_PASSWORD, ME, MINUTE, errorFields, ok } from '../../support/sign-in';

/** Account (or phone) + password sign-in, setting a password, and the per-account rate limit. */
let t: TestGateway;
let estateId: string;

beforeAll(async () => {
  t = await startTestGateway();
  estateId = (await makeEstate(t.em(), { rooms: 1 })).estate.id;
});
afterAll(() => t.close());

const SET_PASSWORD = 'mutation($n: String!, $c: String) { setPassword(newPassword: $n, currentPassword: $c) }';

async function staffWithPassword(password: string): Promise<User> {
  const em = t.em();
  const staff = await makeStaff(em, Role.CASHIER, em.getReference(Estate, estateId), '收费员小李');
  staff.passwordHash = await hashPassword(password);
  await em.flush();
  return staff;
}

function login(account: string, password: string) {
  return t.gql(LOGIN_PASSWORD, { account, password });
}

test('a staff account signs in with its password, in any letter case', async () => {
  const staff = await staffWithPassword('Shoufei2026');
  const auth = ok(await login(staff.account!, 'Shoufei2026')).loginWithPassword;
  expect(auth.viewer).toMatchObject({ id: staff.id, account: staff.account, displayName: '收费员小李', isStaff: true, hasPassword: true, roles: [{ role: 'CASHIER' }] });
  expect((await t.gql(ME, {}, auth.accessToken)).data.me.id).toBe(staff.id);
  expect(ok(await login(staff.account!.toUpperCase(), 'Shoufei2026')).loginWithPassword.viewer.id).toBe(staff.id);
  expect(await t.em().count(Session, { user: staff.id, method: 'password' })).toBe(2);
});

test('a resident signs in with phone number and password', async () => {
  const user = await makeUser(t.em(), '业主老张', { passwordHash: await hashPassword('Laozhang88') });
  const auth = ok(await login(user.phone!, 'Laozhang88')).loginWithPassword;
  expect(auth.viewer).toMatchObject({ id: user.id, phone: user.phone, isStaff: false });
});

test('a wrong password and an unknown account get the same UNAUTHENTICATED answer, and no session', async () => {
  const staff = await staffWithPassword('Right2026pw');
  const noPassword = await makeUser(t.em(), '没设密码');
  const sessions = await t.em().count(Session);
  const answers = [
    await login(staff.account!, 'Wrong2026pw'),
    await login('nobody-here', 'Wrong2026pw'),
    await login('13000000000', 'Wrong2026pw'),
    await login(noPassword.phone!, 'Whatever2026'),
  ];
  for (const res of answers) {
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toBe('账号或密码错误');
    expect(res.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(res.data).toBeNull();
  }
  expect(await t.em().count(Session)).toBe(sessions);
});

test('a disabled account cannot sign in even with the right password', async () => {
  const staff = await staffWithPassword('Disabled2026');
  const em = t.em();
  await em.nativeUpdate(User, { id: staff.id }, { disabled: true });
  const res = await login(staff.account!, 'Disabled2026');
  expect(errorCode(res)).toBe('UNAUTHENTICATED');
  expect(res.errors![0].message).toBe('账号或密码错误');
});

test('setPassword: the first one needs no current password, every later one does', async () => {
  const user = await makeUser(t.em(), '新用户');
  const token = await tokenFor(t, user);
  expect((await t.gql(ME, {}, token)).data.me.hasPassword).toBe(false);

  expect((await t.gql(SET_PASSWORD, { n: 'First2026' }, token)).data).toEqual({ setPassword: true });
  expect((await t.gql(ME, {}, token)).data.me.hasPassword).toBe(true);
  const hash = (await t.em().findOneOrFail(User, user.id)).passwordHash;

  for (const c of [undefined, 'Guess2026']) {
    const res = await t.gql(SET_PASSWORD, { n: 'Second2026', c }, token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(['currentPassword']);
  }
  expect((await t.em().findOneOrFail(User, user.id)).passwordHash).toBe(hash);
  expect(ok(await login(user.phone!, 'First2026')).loginWithPassword.viewer.id).toBe(user.id);

  expect((await t.gql(SET_PASSWORD, { n: 'Second2026', c: 'First2026' }, token)).data).toEqual({ setPassword: true });
  expect(errorCode(await login(user.phone!, 'First2026'))).toBe('UNAUTHENTICATED');
  expect(ok(await login(user.phone!, 'Second2026')).loginWithPassword.viewer.id).toBe(user.id);
});

test.each([
  ['shorter than 8', 'abc123', '密码至少8位'],
  ['letters only', 'abcdefghij', '密码需同时包含字母和数字'],
  ['digits only', '1234567890', '密码需同时包含字母和数字'],
  ['longer than 128', `a1${'x'.repeat(127)}`, '密码最多128位'],
])('setPassword refuses a weak password (%s) and stores nothing', async (_what, password, message) => {
  const user = await makeUser(t.em(), '弱密码');
  const res = await t.gql(SET_PASSWORD, { n: password }, await tokenFor(t, user));
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.errors![0].extensions!.fieldErrors).toContainEqual({ field: 'newPassword', message });
  expect((await t.em().findOneOrFail(User, user.id)).passwordHash).toBeNull();
});

test('setPassword needs a signed-in user', async () => {
  expect(errorCode(await t.gql(SET_PASSWORD, { n: 'Anon2026pw' }))).toBe('UNAUTHENTICATED');
});

test('more than 10 tries a minute on one account are RATE_LIMITED, even with the right password', async () => {
  const staff = await staffWithPassword('Limit2026pw');
  for (let i = 0; i < 10; i++) expect(errorCode(await login(staff.account!, `Wrong${i}2026`))).toBe('UNAUTHENTICATED');
  t.clock.advance(20_000);

  // The account name is matched in any case, so changing the case does not buy more tries.
  const limited = await login(staff.account!.toUpperCase(), 'Limit2026pw');
  expect(limited.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 40 });
  expect(limited.errors![0].message).toMatch(/[\u4e00-\u9fa5]/);

  // Another account is not held back.
  const other = await staffWithPassword('Other2026pw');
  ok(await login(other.account!, 'Other2026pw'));

  t.clock.advance(40_000);
  expect(ok(await login(staff.account!, 'Limit2026pw')).loginWithPassword.viewer.id).toBe(staff.id);
});
