import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for WeChat's servers on loopback (they cannot be reached from development machines
 * or CI). It issues login codes as wx.login would, and answers `sns/jscode2session` the way
 * WeChat does: codes are single-use and live 5 minutes, wrong appid/secret are refused.
 */
export class FakeWechatServer {
  private server?: http.Server;
  private readonly codes = new Map<string, { openid: string; expiresAt: number }>();
  /** Demo only: codes this server never issued (a real wx.login) sign in as this openid. */
  unknownCodeOpenid?: string;

  constructor(
    private readonly appId: string,
    private readonly appSecret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** What wx.login gives the mini-program for a user with this openid. */
  issueCode(openid: string): string {
    const code = randomBytes(16).toString('hex');
    this.codes.set(code, { openid, expiresAt: this.now() + 5 * 60_000 });
    return code;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('fake WeChat server is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections(); // keep-alive sockets of our client would hold close() open
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/sns/jscode2session') {
      res.writeHead(404).end();
      return;
    }
    const q = url.searchParams;
    if (q.get('appid') !== this.appId || q.get('secret') !== this.appSecret) {
      reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      return;
    }
    if (q.get('grant_type') !== 'authorization_code') {
      reply({ errcode: 40002, errmsg: 'invalid grant_type' });
      return;
    }
    const code = q.get('js_code') ?? '';
    const issued = this.codes.get(code);
    this.codes.delete(code);
    let openid: string | undefined;
    if (issued && issued.expiresAt > this.now()) openid = issued.openid;
    else if (!issued && this.unknownCodeOpenid && /^[A-Za-z0-9_-]{10,64}$/.test(code)) openid = this.unknownCodeOpenid;
    if (!openid) {
      reply({ errcode: 40029, errmsg: 'invalid code' });
      return;
    }
    reply({ openid, session_key: randomBytes(16).toString('base64') });
  }
}
