import express, { type Express } from 'express';
import type { Config } from '../../config';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { FakeWechatPayServer } from '../../dev/fake-wechatpay';
import { WechatPayClient } from './wechatpay/client';
import type { PaymentService } from './service';

/**
 * Connects the payment service to WeChat Pay once the gateway knows its own URL (the notify URL).
 * Outside production with no WECHAT_PAY_BASE, a fake WeChat Pay server on loopback with freshly
 * generated keys stands in, and `/dev/wechatpay/pay` lets the web portal "confirm" a payment.
 */
export async function connectWechatPay(config: Config, payments: PaymentService, gatewayUrl: string, clock: Clock, logger: Logger): Promise<FakeWechatPayServer | undefined> {
  const notifyUrl = `${config.wechatPay.publicUrl ?? gatewayUrl}/payments/wechat/notify`;
  const now = () => clock.now();
  if (!config.fakeWechatPay) {
    if (!config.wechatPay.baseUrl) return undefined; // production without WeChat Pay: online payment is off
    payments.client = new WechatPayClient({ baseUrl: config.wechatPay.baseUrl, mchId: config.wechatPay.mchId, appId: config.wechat.appId, merchantSerial: config.wechatPay.merchantSerial, merchantPrivateKeyPem: config.wechatPay.privateKeyPem!, apiV3Key: config.wechatPay.apiV3Key, platformKeys: config.wechatPay.platformKeys, notifyUrl, now });
    return undefined;
  }
  const merchant = FakeWechatPayServer.generateMerchant();
  const fake = await new FakeWechatPayServer({ mchId: merchant.mchId, appId: config.wechat.appId, merchantPublicKeyPem: merchant.publicKeyPem, apiV3Key: merchant.apiV3Key, merchantSerial: merchant.merchantSerial, now }).start();
  payments.client = new WechatPayClient({ baseUrl: fake.url, mchId: merchant.mchId, appId: config.wechat.appId, merchantSerial: merchant.merchantSerial, merchantPrivateKeyPem: merchant.privateKeyPem, apiV3Key: merchant.apiV3Key, platformKeys: { [fake.platformSerial]: fake.platformPublicKey }, notifyUrl, now });
  payments.fallbackOpenid = 'o_demo_web_payer';
  logger.info({ url: fake.url }, 'fake WeChat Pay server on loopback (development): keys generated at start');
  return fake;
}

/**
 * Demo routes of the fake: registered before the portal's history fallback (so they are not
 * answered with index.html), answering 404 until a fake is running.
 */
export function fakeWechatPayRoutes(app: Express, fake: () => FakeWechatPayServer | undefined): void {
  app.get('/dev/wechatpay', (_req, res) => void (fake() ? res.json({ fake: true }) : res.status(404).json({ fake: false })));
  app.post('/dev/wechatpay/pay', express.json(), async (req, res) => {
    const server = fake();
    const outTradeNo = String(req.body?.outTradeNo ?? '');
    if (!server || !server.order(outTradeNo)) return void res.status(404).json({ ok: false });
    const status = await server.pay(outTradeNo);
    res.json({ ok: status >= 200 && status < 300, notifyStatus: status });
  });
}
