import express, { type Router } from 'express';
import type { Logger } from '../../core/logger';
import { notifyFailureBody, WechatPayVerificationError } from './wechatpay/client';
import { SettlementRefused, type PaymentService } from './service';

/**
 * POST /payments/wechat/notify. The signature is over the raw body, so this route reads it raw
 * (never through the JSON parser). Answers: 204 when settled or already settled (WeChat stops
 * retrying), 401/400 for forged or mismatched notifies (nothing changes), 500 for our own failures
 * (WeChat retries for about a day; reconciliation covers the rest).
 */
export function wechatNotifyRouter(payments: PaymentService, logger: Logger): Router {
  const router = express.Router();
  router.post('/payments/wechat/notify', express.raw({ type: '*/*', limit: '64kb' }), async (req, res) => {
    const client = payments.client;
    if (!client) return void res.status(503).type('json').send(notifyFailureBody('未配置'));
    let notify;
    try {
      notify = client.parseNotify(req.headers, req.body as Buffer);
    } catch (err) {
      const reason = err instanceof WechatPayVerificationError ? err.reason : 'MALFORMED';
      logger.warn({ reason }, 'WeChat Pay notify refused');
      return void res.status(401).type('json').send(notifyFailureBody('签名验证失败'));
    }
    if (notify.kind !== 'transaction') return void res.status(204).end(); // refund results: nothing to do yet
    try {
      await payments.settle(notify.transaction);
      res.status(204).end();
    } catch (err) {
      if (err instanceof SettlementRefused) return void res.status(400).type('json').send(notifyFailureBody(err.reason));
      logger.error({ err }, 'WeChat Pay notify could not be settled');
      res.status(500).type('json').send(notifyFailureBody('系统繁忙'));
    }
  });
  return router;
}
