import http from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/** An SMS provider on loopback: verifies the gateway's HMAC signature and keeps what was sent. */
export class FakeSmsServer {
  readonly sent: { phone: string; text: string }[] = [];
  rejected = 0;
  private server?: http.Server;

  constructor(private readonly key: string) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** The last code sent to this phone. */
  lastCode(phone: string): string | undefined {
    const msg = [...this.sent].reverse().find((m) => m.phone === phone);
    return msg?.text.match(/验证码是(\d{6})/)?.[1];
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const timestamp = String(req.headers['x-timestamp'] ?? '');
        const expected = createHmac('sha256', this.key).update(`${timestamp}\n${body}`).digest();
        const given = Buffer.from(String(req.headers['x-signature'] ?? ''), 'hex');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          this.rejected++;
          res.writeHead(401).end();
          return;
        }
        const { phone, text } = JSON.parse(body);
        this.sent.push({ phone, text });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
