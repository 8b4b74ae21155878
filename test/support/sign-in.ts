import type { GqlResult, TestGateway } from './gateway';

/** What the identity tests read back from every sign-in mutation. */
export const AUTH_FIELDS = 'accessToken refreshToken expiresIn viewer { id displayName phone account hasPassword isStaff roles { role } rooms { code } }';

export interface Auth {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  viewer: { id: string; displayName: string; phone: string | null; account: string | null; hasPassword: boolean; isStaff: boolean; roles: { role: string }[]; rooms: { code: string }[] };
}

export const REQUEST_SMS = 'mutation($phone: String!) { requestSmsCode(phone: $phone) { sent retryAfterSeconds } }';
export const LOGIN_SMS = `mutation($phone: String!, $code: String!) { loginWithSmsCode(phone: $phone, code: $code) { ${AUTH_FIELDS} } }`;
export const LOGIN_WECHAT = `mutation($code: String!) { loginWithWechat(code: $code) { ${AUTH_FIELDS} } }`;
export const LOGIN_PASSWORD = `mutation($account: String!, $password: String!) { loginWithPassword(account: $account, password: $password) { ${AUTH_FIELDS} } }`;
export const REFRESH = `mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { ${AUTH_FIELDS} } }`;
export const ME = '{ me { id displayName phone account hasPassword isStaff roles { role } rooms { code } } }';

/** Fails the test with the server's answer when a mutation that must succeed did not. */
export function ok<T>(res: GqlResult<T>): T {
  if (res.errors || !res.data) throw new Error(`expected success, got ${res.status} ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** Requests a code and signs in with it, as the mini-program's phone sign-in does. */
export async function smsLogin(t: TestGateway, phone: string): Promise<Auth> {
  ok(await t.gql(REQUEST_SMS, { phone }));
  const code = t.sms.lastCode(phone);
  if (!code) throw new Error(`no SMS code was sent to ${phone}`);
  return ok(await t.gql<{ loginWithSmsCode: Auth }>(LOGIN_SMS, { phone, code })).loginWithSmsCode;
}

/** Signs in through the fake WeChat server, as wx.login + loginWithWechat does. */
export async function wechatLogin(t: TestGateway, openid: string): Promise<Auth> {
  return ok(await t.gql<{ loginWithWechat: Auth }>(LOGIN_WECHAT, { code: t.wechat.issueCode(openid) })).loginWithWechat;
}

/** The field names of a typed BAD_USER_INPUT error. */
export function errorFields(res: GqlResult): string[] {
  return (res.errors?.[0]?.extensions?.fieldErrors ?? []).map((e) => e.field);
}

export const MINUTE = 60_000;
