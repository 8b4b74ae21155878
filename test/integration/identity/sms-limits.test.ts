import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { uniquePhone } from '../../support/factories';
import { Session, SmsCode, User } from '../../../gateway/src/modules/identity/entities';
import { LOGIN_SMS, MINUTE, REQUEST_SMS, errorFields, ok } from '../../support/sign-in';

/** SMS limits: 1 code a minute and 10 a day per phone; 5 wrong tries void a code. */
let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

test('at most one code a minute per phone, with the seconds left to wait', async () => {
  const phone = uniquePhone();
  ok(await t.gql(REQUEST_SMS, { phone }));
  const sent = t.sms.sent.length;

  const again = await t.gql(REQUEST_SMS, { phone });
  expect(errorCode(again)).toBe('RATE_LIMITED');
  expect(again.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 60 });
  expect(again.errors![0].message).toBe('验证码发送过于频繁，请稍后再试');

  t.clock.advance(25_000);
  expect((await t.gql(REQUEST_SMS, { phone })).errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 35 });
  expect(t.sms.sent.length).toBe(sent);

  // Another phone is not held back by this one.
  ok(await t.gql(REQUEST_SMS, { phone: uniquePhone() }));

  t.clock.advance(35_000);
  ok(await t.gql(REQUEST_SMS, { phone }));
  expect(t.sms.sent.length).toBe(sent + 2);
  expect(await t.em().count(SmsCode, { phone })).toBe(2);
});

test('at most 10 codes a day per phone; the 11th waits until the first is a day old', async () => {
  const phone = uniquePhone();
  for (let i = 0; i < 10; i++) {
    ok(await t.gql(REQUEST_SMS, { phone }));
    t.clock.advance(MINUTE);
  }
  const eleventh = await t.gql(REQUEST_SMS, { phone });
  expect(errorCode(eleventh)).toBe('RATE_LIMITED');
  expect(eleventh.errors![0].message).toBe('今日验证码次数已用完，请明天再试');
  // The first code was sent 10 minutes ago: a day minus 10 minutes to wait.
  expect(eleventh.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 24 * 3600 - 600 });
  expect(t.sms.sent.filter((m) => m.phone === phone)).toHaveLength(10);

  t.clock.advance(12 * 3600_000);
  expect(errorCode(await t.gql(REQUEST_SMS, { phone }))).toBe('RATE_LIMITED');

  t.clock.advance(12 * 3600_000 - 10 * MINUTE);
  ok(await t.gql(REQUEST_SMS, { phone }));
  expect(t.sms.sent.filter((m) => m.phone === phone)).toHaveLength(11);
  expect(t.sms.rejected).toBe(0);
});

test('5 wrong tries void the code: each is a typed error on `code`, then even the right code is refused', async () => {
  const phone = uniquePhone();
  ok(await t.gql(REQUEST_SMS, { phone }));
  const code = t.sms.lastCode(phone)!;
  const wrong = code === '000000' ? '111111' : '000000';
  const users = await t.em().count(User);
  const sessions = await t.em().count(Session);

  const messages: string[] = [];
  for (let i = 0; i < 6; i++) {
    const res = await t.gql(LOGIN_SMS, { phone, code: wrong });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(['code']);
    expect(res.data).toBeNull();
    messages.push(res.errors![0].message);
  }
  expect(messages).toEqual([
    '验证码错误，还可尝试4次',
    '验证码错误，还可尝试3次',
    '验证码错误，还可尝试2次',
    '验证码错误，还可尝试1次',
    '验证码错误次数过多，请重新获取',
    '验证码已失效，请重新获取',
  ]);

  const right = await t.gql(LOGIN_SMS, { phone, code });
  expect(errorCode(right)).toBe('BAD_USER_INPUT');
  expect(errorFields(right)).toEqual(['code']);

  expect(await t.em().count(User)).toBe(users);
  expect(await t.em().count(User, { phone })).toBe(0);
  expect(await t.em().count(Session)).toBe(sessions);
  const row = await t.em().findOneOrFail(SmsCode, { phone });
  expect(row.failedAttempts).toBe(5);
  expect(row.voidedAt).not.toBeNull();
  expect(row.consumedAt).toBeNull();
});

test('wrong tries sent in parallel each count: a burst of guesses cannot get past the 5-try limit', async () => {
  const phone = uniquePhone();
  ok(await t.gql(REQUEST_SMS, { phone }));
  const code = t.sms.lastCode(phone)!;
  const guesses = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
  const answers = await Promise.all(guesses.map((guess) => t.gql(LOGIN_SMS, { phone, code: guess })));
  for (const res of answers) expect(errorCode(res)).toBe('BAD_USER_INPUT');
  // Only 5 guesses may ever be compared with the code; the others find it void.
  const checked = answers.filter((res) => res.errors![0].message !== '验证码已失效，请重新获取');
  expect(checked.length).toBeLessThanOrEqual(5);

  const row = await t.em().findOneOrFail(SmsCode, { phone });
  expect(row.failedAttempts).toBe(5);
  expect(row.voidedAt).not.toBeNull();
  expect(errorCode(await t.gql(LOGIN_SMS, { phone, code }))).toBe('BAD_USER_INPUT');
  expect(await t.em().count(User, { phone })).toBe(0);
});

test('wrong tries on one code do not carry over to the next code', async () => {
  const phone = uniquePhone();
  ok(await t.gql(REQUEST_SMS, { phone }));
  const first = t.sms.lastCode(phone)!;
  const wrong = first === '999999' ? '888888' : '999999';
  for (let i = 0; i < 5; i++) expect(errorCode(await t.gql(LOGIN_SMS, { phone, code: wrong }))).toBe('BAD_USER_INPUT');

  t.clock.advance(MINUTE);
  ok(await t.gql(REQUEST_SMS, { phone }));
  const auth = ok(await t.gql(LOGIN_SMS, { phone, code: t.sms.lastCode(phone)! })).loginWithSmsCode;
  expect(auth.viewer.phone).toBe(phone);
});

test('a code of the wrong shape counts as a wrong try and is refused', async () => {
  const phone = uniquePhone();
  ok(await t.gql(REQUEST_SMS, { phone }));
  for (const code of ['', '12345', 'abcdef', '1234567']) {
    const res = await t.gql(LOGIN_SMS, { phone, code });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(['code']);
  }
  expect((await t.em().findOneOrFail(SmsCode, { phone })).failedAttempts).toBe(4);
  expect(await t.em().count(User, { phone })).toBe(0);
});
