import { createHmac } from 'node:crypto';
import type { Logger } from '../../core/logger';

/** Where SMS go. The gateway only knows this interface; providers are chosen in config. */
export interface SmsProvider {
  send(phone: string, text: string): Promise<void>;
}

/**
 * Development and demo: the message goes to the gateway log. At warn level, so LOG_LEVEL=warn
 * (quiet request logs) still shows the codes: without them nobody can sign in by SMS.
 */
export class ConsoleSmsProvider implements SmsProvider {
  constructor(private readonly logger: Logger) {}
  async send(phone: string, text: string): Promise<void> {
    this.logger.warn({ phone, sms: text }, `SMS to ${phone} (console provider, not sent): ${text}`);
  }
}

/**
 * A generic HTTP SMS gateway: POST JSON {phone, text, sign, timestamp} with an HMAC-SHA256
 * signature of `timestamp\nbody` in `X-Signature`. Real providers (阿里云, 腾讯云) sign in a
 * similar way; the tests run it against a fake on loopback that verifies the signature.
 */
export class HttpSmsProvider implements SmsProvider {
  constructor(
    private readonly url: string,
    private readonly key: string,
    private readonly signName: string,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const body = JSON.stringify({ phone, text, sign: this.signName, timestamp });
    const signature = createHmac('sha256', this.key).update(`${timestamp}\n${body}`).digest('hex');
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signature, 'x-timestamp': timestamp },
      body,
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`SMS provider answered ${res.status}`);
  }
}
