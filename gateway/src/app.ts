import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { MikroORM } from '@mikro-orm/core';
import type { Config } from './config';
import { systemClock, type Clock } from './core/clock';
import { createLogger, type Logger } from './core/logger';
import { openDatabase } from './core/db/orm';
import { databaseTarget } from './core/db/orm-config';
import { createFormatError } from './core/errors/format-error';
import { ErrorCode } from './core/errors';
import { queryLimitsPlugin } from './core/protection/query-limits';
import { wsGuard } from './core/protection/ws-guard';
import { auditGuardPlugin } from './core/audit/require-audit';
import { createGatewayPubSub } from './core/pubsub';
import { requestIdFrom } from './core/request-id';
import { buildContext, systemEm, type ContextDeps, type GatewayContext } from './context';
import { buildGatewaySchema } from './schema';
import { createServices, type Services } from './services';
import { servePortal } from './http/static-portal';
import { FakeWechatServer } from './dev/fake-wechat';
import { seedDemoIfEmpty, DEMO_OWNER_OPENID } from './dev/seed-demo';
import { seedDemoBilling } from './dev/seed-billing';
import type { FakeWechatPayServer } from './dev/fake-wechatpay';
import { connectWechatPay, fakeWechatPayRoutes } from './modules/payment/setup';
import { wechatNotifyRouter } from './modules/payment/notify-route';

export interface Gateway {
  url: string;
  orm: MikroORM;
  services: Services;
  logger: Logger;
  fakeWechat?: FakeWechatServer;
  fakeWechatPay?: FakeWechatPayServer;
  close(): Promise<void>;
}

export interface GatewayOptions {
  clock?: Clock;
  logger?: Logger;
  /** Overrides config: where jscode2session lives (tests pass their own fake). */
  wechatBaseUrl?: string;
}

function errorBody(code: ErrorCode, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** Wires one HTTP server: the portal at `/`, GraphQL over HTTP and WebSocket at `/graphql`, `/healthz`. */
export async function startGateway(config: Config, options: GatewayOptions = {}): Promise<Gateway> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const orm = await openDatabase(databaseTarget(config.databaseUrl, config.dataDir));

  let fakeWechat: FakeWechatServer | undefined;
  let wechatBaseUrl = options.wechatBaseUrl ?? config.wechat.apiBaseUrl;
  if (!wechatBaseUrl && config.fakeWechat) {
    fakeWechat = await new FakeWechatServer(config.wechat.appId, config.wechat.appSecret).start();
    fakeWechat.unknownCodeOpenid = DEMO_OWNER_OPENID;
    wechatBaseUrl = fakeWechat.url;
    logger.info({ url: fakeWechat.url }, 'fake WeChat server on loopback (demo): any wx.login code signs in as the demo owner');
  }
  if (config.demoSeed && (await seedDemoIfEmpty(systemEm(orm), logger))) await seedDemoBilling(orm, systemEm(orm), logger, clock.now());

  const { pubSub, close: closePubSub } = createGatewayPubSub(config.redisUrl);
  const services = createServices({ orm, config, clock, logger, pubSub, wechatBaseUrl: () => wechatBaseUrl ?? 'https://api.weixin.qq.com' });
  const schema = await buildGatewaySchema(pubSub);
  const deps: ContextDeps = { orm, services, clock, tokenSecret: config.tokenSecret, logger };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  const httpServer = http.createServer(app);

  const formatError = createFormatError(logger);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<{ authorization?: string }>(
    {
      schema,
      ...wsGuard({ schema, production: config.nodeEnv === 'production', maxDepth: config.limits.maxDepth, maxCost: config.limits.maxCost, formatError }),
      context: (ctx) =>
        buildContext(deps, {
          requestId: requestIdFrom(undefined),
          ip: ctx.extra.request.socket.remoteAddress ?? '',
          authorization: typeof ctx.connectionParams?.authorization === 'string' ? ctx.connectionParams.authorization : undefined,
        }),
    },
    wsServer,
  );

  const apollo = new ApolloServer<GatewayContext>({
    schema,
    formatError,
    introspection: config.nodeEnv !== 'production',
    // "Did you mean …?" in validation errors would give back, field by field, what introspection hides.
    hideSchemaDetailsFromClientErrors: config.nodeEnv === 'production',
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      queryLimitsPlugin(config.limits.maxDepth, config.limits.maxCost),
      auditGuardPlugin(config.nodeEnv !== 'production'),
      ...(config.nodeEnv === 'production' ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        { requestId, method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
        'request',
      );
    });
    next();
  });

  app.get('/healthz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok', database: 'ok' });
    } catch (err) {
      logger.error({ err }, 'health check failed');
      res.status(503).json({ status: 'error', database: 'unreachable' });
    }
  });

  app.use(wechatNotifyRouter(services.payments, logger));

  app.use(
    '/graphql',
    express.json({ limit: config.limits.bodyBytes }),
    (req, res, next) => {
      // One operation per request: batched arrays multiply work past every per-operation limit.
      if (Array.isArray(req.body)) {
        res.status(400).json(errorBody(ErrorCode.BAD_USER_INPUT, '不支持批量请求'));
        return;
      }
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        buildContext(deps, { requestId: res.locals.requestId, ip: req.ip ?? '', authorization: req.headers.authorization }),
    }),
  );

  let fakeWechatPay: FakeWechatPayServer | undefined;
  fakeWechatPayRoutes(app, () => fakeWechatPay);

  if (!servePortal(app, config.portalDir)) {
    logger.warn({ portalDir: config.portalDir }, 'web portal not built: only the API is served');
  }

  // Errors from body parsing (too large, malformed JSON) and anything else that escaped.
  app.use((err: { type?: string; status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (err.type === 'entity.too.large') {
      res.status(413).json(errorBody(ErrorCode.BAD_USER_INPUT, '请求内容过大'));
    } else if (err.type === 'entity.parse.failed') {
      res.status(400).json(errorBody(ErrorCode.BAD_USER_INPUT, '请求格式错误'));
    } else {
      logger.error({ err }, 'unhandled HTTP error');
      res.status(500).json(errorBody(ErrorCode.INTERNAL, '系统繁忙，请稍后再试'));
    }
  });

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${address.port}`;
  fakeWechatPay = await connectWechatPay(config, services.payments, url, clock, logger);
  const reconcileTimer = config.reconcileEveryMs > 0 ? setInterval(() => void services.payments.reconcile().catch((err) => logger.error({ err }, 'reconciliation failed')), config.reconcileEveryMs) : undefined;
  reconcileTimer?.unref();

  return {
    url,
    orm,
    services,
    logger,
    fakeWechat,
    fakeWechatPay,
    async close() {
      if (reconcileTimer) clearInterval(reconcileTimer);
      // WebSocket clients first: open subscriptions would otherwise hold the HTTP drain open.
      await wsCleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      await apollo.stop();
      await services.billRuns.waitAll();
      await closePubSub();
      await fakeWechat?.stop();
      await fakeWechatPay?.stop();
      await orm.close(true);
    },
  };
}
