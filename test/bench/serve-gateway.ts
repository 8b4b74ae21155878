import 'reflect-metadata';
import { loadConfig } from '../../gateway/src/config';
import { startGateway, type Gateway } from '../../gateway/src/app';
import { exitWithParent } from './children';

/**
 * Child process: the real gateway as production runs it (NODE_ENV=production, request log at
 * info), on the bench database, on a free loopback port. WeChat and SMS point at a closed port:
 * the owner's query calls neither.
 */
async function main() {
  const config = loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: process.env.BENCH_URL,
    DEMO_SEED: 'false',
    TOKEN_SECRET: process.env.BENCH_TOKEN_SECRET,
    SMS_PROVIDER: 'http',
    SMS_API_URL: 'http://127.0.0.1:9/send',
    SMS_API_KEY: 'bench',
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    RECONCILE_EVERY_MS: '0',
    LOG_LEVEL: process.env.BENCH_GATEWAY_LOG_LEVEL ?? 'info',
  });
  let gateway: Gateway | undefined;
  exitWithParent(async () => gateway?.close()); // before the start: a bench gone meanwhile leaves nothing behind
  gateway = await startGateway(config);
  if (!process.connected) return void (await gateway.close());
  process.send!({ url: gateway.url });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
