import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { makeEstate, uniquePhone } from '../../support/factories';
import { Customer, RoomBinding } from '../../../gateway/src/modules/customer/entities';
import { BindingRelation } from '../../../gateway/src/modules/customer/enums';
import { Session, User } from '../../../gateway/src/modules/identity/entities';
import { LOGIN_SMS, ME, MINUTE, REQUEST_SMS, errorFields, ok, smsLogin } from '../../support/sign-in';

/** Phone sign-in (手机号+短信验证码): the code through the provider, and what a code can be used for. */
let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

test('requestSmsCode sends one signed 6-digit SMS through the provider', async () => {
  const phone = uniquePhone();
  const before = t.sms.sent.length;
  const res = await t.gql(REQUEST_SMS, { phone });
  expect(res.data).toEqual({ requestSmsCode: { sent: true, retryAfterSeconds: 60 } });
  const sent = t.sms.sent.slice(before);
  expect(sent).toHaveLength(1);
  expect(sent[0].phone).toBe(phone);
  expect(sent[0].text).toMatch(/^【物业服务】您的登录验证码是\d{6}，5分钟内有效。/);
  expect(t.sms.rejected).toBe(0);
});

test('loginWithSmsCode creates the account once, and `me` answers with its access token', async () => {
  const phone = uniquePhone();
  const first = await smsLogin(t, phone);
  expect(first.viewer).toMatchObject({ phone, displayName: `用户${phone.slice(-4)}`, isStaff: false, hasPassword: false, roles: [], rooms: [] });
  expect(first.expiresIn).toBe(900);

  const me = await t.gql(ME, {}, first.accessToken);
  expect(me.errors).toBeUndefined();
  expect(me.data.me).toMatchObject({ id: first.viewer.id, phone });

  t.clock.advance(MINUTE);
  const second = await smsLogin(t, phone);
  expect(second.viewer.id).toBe(first.viewer.id);
  expect(second.accessToken).not.toBe(first.accessToken);
  expect(await t.em().count(User, { phone })).toBe(1);
  expect(await t.em().count(Session, { user: first.viewer.id })).toBe(2);
});

test('a phone that staff recorded as a customer is linked to the new account: its rooms show in myRooms', async () => {
  const em = t.em();
  const home = await makeEstate(em, { rooms: 2 });
  const shop = await makeEstate(em, { rooms: 3, name: '商业街' });
  const phone = uniquePhone();
  const owner = em.create(Customer, { estate: home.estate, name: '王建国', phone });
  em.create(RoomBinding, { estate: home.estate, room: home.rooms[1], customer: owner, relation: BindingRelation.OWNER, startDate: '2024-01-01', isBillingParty: true, permissions: [] });
  const tenant = em.create(Customer, { estate: shop.estate, name: '王建国', phone });
  em.create(RoomBinding, { estate: shop.estate, room: shop.rooms[2], customer: tenant, relation: BindingRelation.TENANT, startDate: '2024-01-01', endDate: '2027-12-31', isBillingParty: true, permissions: [] });
  await em.flush();

  const auth = await smsLogin(t, phone);
  expect(auth.viewer.displayName).toBe('王建国');
  expect(auth.viewer.rooms).toHaveLength(2);
  expect(auth.viewer.roles.map((r) => r.role).sort()).toEqual(['OWNER', 'TENANT']);

  const mine = await t.gql('{ myRooms { code myRelation estate { name } } }', {}, auth.accessToken);
  expect(mine.errors).toBeUndefined();
  expect(mine.data.myRooms.map((r: any) => `${r.estate.name}/${r.code}/${r.myRelation}`).sort()).toEqual(['商业街/A-1-1503/TENANT', '测试小区/A-1-1502/OWNER']);
  for (const id of [owner.id, tenant.id]) expect((await t.em().findOneOrFail(Customer, id)).user?.id).toBe(auth.viewer.id);
});

test('before the phone is proven, the recorded customer is nobody’s', async () => {
  const em = t.em();
  const { estate, rooms } = await makeEstate(em, { rooms: 1 });
  const phone = uniquePhone();
  const customer = em.create(Customer, { estate, name: '未登录的业主', phone });
  em.create(RoomBinding, { estate, room: rooms[0], customer, relation: BindingRelation.OWNER, startDate: '2024-01-01', isBillingParty: true, permissions: [] });
  await em.flush();
  ok(await t.gql(REQUEST_SMS, { phone }));
  expect(errorCode(await t.gql(LOGIN_SMS, { phone, code: t.sms.lastCode(phone) === '000000' ? '000001' : '000000' }))).toBe('BAD_USER_INPUT');
  expect((await t.em().findOneOrFail(Customer, customer.id)).user).toBeNull();
});

test('a new code voids the previous one', async () => {
  const phone = uniquePhone();
  ok(await t.gql(REQUEST_SMS, { phone }));
  const old = t.sms.lastCode(phone)!;
  t.clock.advance(MINUTE);
  ok(await t.gql(REQUEST_SMS, { phone }));
  const fresh = t.sms.lastCode(phone)!;
  if (fresh !== old) {
    const res = await t.gql(LOGIN_SMS, { phone, code: old });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(['code']);
  }
  expect(ok(await t.gql(LOGIN_SMS, { phone, code: fresh })).loginWithSmsCode.viewer.phone).toBe(phone);
});

test('an expired code (older than 5 minutes) is refused, and creates no account', async () => {
  const phone = uniquePhone();
  ok(await t.gql(REQUEST_SMS, { phone }));
  const code = t.sms.lastCode(phone)!;
  t.clock.advance(5 * MINUTE + 1000);
  const res = await t.gql(LOGIN_SMS, { phone, code });
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.errors![0].extensions!.fieldErrors).toEqual([{ field: 'code', message: '验证码已失效，请重新获取' }]);
  expect(res.data).toBeNull();
  expect(await t.em().count(User, { phone })).toBe(0);
});

test('a code cannot be used twice', async () => {
  const phone = uniquePhone();
  ok(await t.gql(REQUEST_SMS, { phone }));
  const code = t.sms.lastCode(phone)!;
  const first = ok(await t.gql(LOGIN_SMS, { phone, code })).loginWithSmsCode;
  const sessions = await t.em().count(Session, { user: first.viewer.id });
  const again = await t.gql(LOGIN_SMS, { phone, code });
  expect(errorCode(again)).toBe('BAD_USER_INPUT');
  expect(errorFields(again)).toEqual(['code']);
  expect(await t.em().count(Session, { user: first.viewer.id })).toBe(sessions);
});

test('the same code sent twice at once signs in only once', async () => {
  const phone = uniquePhone();
  ok(await t.gql(REQUEST_SMS, { phone }));
  const code = t.sms.lastCode(phone)!;
  const answers = await Promise.all([t.gql(LOGIN_SMS, { phone, code }), t.gql(LOGIN_SMS, { phone, code })]);
  expect(answers.map((res) => (res.errors ? errorCode(res) : 'OK')).sort()).toEqual(['BAD_USER_INPUT', 'OK']);
  expect(await t.em().count(User, { phone })).toBe(1);
  expect(await t.em().count(Session, { user: { phone } })).toBe(1);
});

test.each([
  ['too short', '1380013800'],
  ['not a mainland mobile', '12800138000'],
  ['letters', '1380013800a'],
  ['too long for the field', '1'.repeat(40)],
])('a malformed phone (%s) is a typed error on `phone`, and nothing is sent', async (_what, phone) => {
  const before = t.sms.sent.length;
  for (const [query, vars] of [
    [REQUEST_SMS, { phone }],
    [LOGIN_SMS, { phone, code: '123456' }],
  ] as const) {
    const res = await t.gql(query, vars);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(['phone']);
    expect(res.errors![0].message).toBe('请输入正确的11位手机号');
  }
  expect(t.sms.sent.length).toBe(before);
  expect(await t.em().count(User, { phone })).toBe(0);
});
