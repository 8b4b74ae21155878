/** What `sns/jscode2session` answers for a valid code. session_key never leaves the gateway. */
export interface WechatSession {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

export class WechatCodeRejected extends Error {}

/** The mini-program sign-in exchange: wx.login code → openid (WeChat 小程序登录). */
export class WechatClient {
  constructor(
    private readonly baseUrl: () => string,
    private readonly appId: string,
    private readonly appSecret: string,
  ) {}

  async code2Session(code: string): Promise<WechatSession> {
    const url = new URL('/sns/jscode2session', this.baseUrl());
    url.searchParams.set('appid', this.appId);
    url.searchParams.set('secret', this.appSecret);
    url.searchParams.set('js_code', code);
    url.searchParams.set('grant_type', 'authorization_code');
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`jscode2session answered HTTP ${res.status}`);
    const body = (await res.json()) as { openid?: string; session_key?: string; unionid?: string; errcode?: number; errmsg?: string };
    // 40029 invalid code, 40163 code used, 40226 risky user: the code is the caller's problem.
    if (body.errcode && [40029, 40163, 40226].includes(body.errcode)) throw new WechatCodeRejected(body.errmsg ?? String(body.errcode));
    if (body.errcode || !body.openid || !body.session_key) throw new Error(`jscode2session failed: ${body.errcode} ${body.errmsg}`);
    return { openid: body.openid, sessionKey: body.session_key, unionid: body.unionid };
  }
}
