import 'reflect-metadata';
import { loadConfig, type Config } from '../../gateway/src/config';
import { startGateway, type Gateway } from '../../gateway/src/app';
import { FakeWechatServer } from '../../gateway/src/dev/fake-wechat';
import { FixedClock } from '../../gateway/src/core/clock';
import { systemEm } from '../../gateway/src/context';
import { workerDatabaseUrl } from './databases';
import { FakeSmsServer } from './fake-sms';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; fieldErrors?: { field: string; message: string }[]; reason?: string } }[];
}

export interface TestGateway {
  gateway: Gateway;
  url: string;
  config: Config;
  wechat: FakeWechatServer;
  sms: FakeSmsServer;
  clock: FixedClock;
  em: () => ReturnType<typeof systemEm>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/** 2026-11-22 10:00 in Shanghai: tests run on a fixed clock so dates in them never drift. */
export const TEST_NOW = new Date('2026-11-22T02:00:00Z');

/**
 * The real gateway, in this process, on a free port, on this worker's MariaDB database, talking to
 * fake WeChat and SMS servers on loopback.
 */
export async function startTestGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const sms = await new FakeSmsServer('test-sms-key').start();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: workerDatabaseUrl(),
    DEMO_SEED: 'false',
    WECHAT_APP_ID: 'wxtestappid000001',
    WECHAT_APP_SECRET: 'test-wechat-secret',
    WECHAT_API_BASE: 'http://127.0.0.1:9', // replaced below by the fake's real address
    SMS_PROVIDER: 'http',
    SMS_API_URL: `${sms.url}/send`,
    SMS_API_KEY: 'test-sms-key',
    LOGIN_RATE_PER_IP: '1000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const wechat = await new FakeWechatServer(config.wechat.appId, config.wechat.appSecret).start();
  const clock = new FixedClock(TEST_NOW);
  const gateway = await startGateway(config, { clock, wechatBaseUrl: wechat.url });
  const url = gateway.url;
  return {
    gateway,
    url,
    config,
    wechat,
    sms,
    clock,
    em: () => systemEm(gateway.orm),
    async gql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResult;
      return { status: res.status, data: body.data, errors: body.errors };
    },
    async close() {
      await gateway.close();
      await wechat.stop();
      await sms.stop();
    },
  };
}

/** The one error code of a failed result (fails loudly when the shape is not one typed error). */
export function errorCode(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
