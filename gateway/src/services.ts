import type { MikroORM } from '@mikro-orm/core';
import type { Config } from './config';
import type { Clock } from './core/clock';
import type { Logger } from './core/logger';
import type { GatewayPubSub } from './core/pubsub';
import { RateLimiter } from './core/rate-limit';
import { IdentityService } from './modules/identity/service';
import { ConsoleSmsProvider, HttpSmsProvider, type SmsProvider } from './modules/identity/sms';
import { WechatClient } from './modules/identity/wechat';
import { BackgroundJobs } from './core/background-jobs';
import { PaymentService } from './modules/payment/service';

/** Long-lived collaborators, made once at start-up and shared by every request. */
export interface Services {
  orm: MikroORM;
  identity: IdentityService;
  billRuns: BackgroundJobs;
  payments: PaymentService;
  pubSub: GatewayPubSub;
  sms: SmsProvider;
}

export function createServices(deps: {
  orm: MikroORM;
  config: Config;
  clock: Clock;
  logger: Logger;
  pubSub: GatewayPubSub;
  wechatBaseUrl: () => string;
}): Services {
  const { config, logger } = deps;
  const sms: SmsProvider =
    config.sms.provider === 'http'
      ? new HttpSmsProvider(config.sms.apiUrl!, config.sms.apiKey!, config.sms.signName)
      : new ConsoleSmsProvider(logger);
  const wechat = new WechatClient(deps.wechatBaseUrl, config.wechat.appId, config.wechat.appSecret);
  const identity = new IdentityService(deps.orm, config, deps.clock, new RateLimiter(deps.clock), sms, wechat, logger);
  const payments = new PaymentService(deps.orm, deps.clock, logger);
  return { orm: deps.orm, identity, pubSub: deps.pubSub, sms, billRuns: new BackgroundJobs(), payments };
}
