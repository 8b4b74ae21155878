import fs from 'node:fs';
import path from 'node:path';

/** Configuration read from the environment once, validated, typed. */
export interface Config {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** mysql://… ; undefined means the embedded SQLite file under dataDir */
  databaseUrl?: string;
  dataDir: string;
  tokenSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  wechat: { appId: string; appSecret: string; apiBaseUrl?: string };
  sms: { provider: 'console' | 'http'; apiUrl?: string; apiKey?: string; signName: string };
  /** 微信支付 v3 merchant; with no WECHAT_PAY_BASE outside production a fake server on loopback is used. */
  wechatPay: {
    baseUrl?: string;
    mchId: string;
    merchantSerial: string;
    privateKeyPem?: string;
    apiV3Key: string;
    platformKeys: Record<string, string>;
    /** Public base URL of this gateway, for the notify URL WeChat calls. */
    publicUrl?: string;
  };
  fakeWechatPay: boolean;
  /** How often unsettled orders are reconciled with WeChat (0: never, e.g. in tests). */
  reconcileEveryMs: number;
  redisUrl?: string;
  /** Seed the demo estate when the database is empty. */
  demoSeed: boolean;
  /** Start a fake WeChat server on loopback (demo only) when no WECHAT_API_BASE is given. */
  fakeWechat: boolean;
  portalDir: string;
  logLevel: string;
  limits: {
    bodyBytes: string;
    maxDepth: number;
    maxCost: number;
    loginPerMinutePerIp: number;
    loginPerMinutePerAccount: number;
  };
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** A PEM given inline or as a file path. */
function readPem(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return value.includes('-----BEGIN') ? value : fs.readFileSync(value, 'utf8');
}

/** WECHAT_PAY_PLATFORM_KEYS: JSON {"PUB_KEY_ID_…": "-----BEGIN PUBLIC KEY-----…"}. */
function platformKeys(value: string | undefined): Record<string, string> {
  if (!value) return {};
  try {
    return JSON.parse(value) as Record<string, string>;
  } catch {
    throw new ConfigError('WECHAT_PAY_PLATFORM_KEYS must be JSON {serial: publicKeyPem}');
  }
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = (env.NODE_ENV ?? 'development') as Config['nodeEnv'];
  if (!['development', 'test', 'production'].includes(nodeEnv)) throw new ConfigError(`NODE_ENV "${nodeEnv}" is not known`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^mysql:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must start with mysql://');

  const tokenSecret = env.TOKEN_SECRET ?? (nodeEnv === 'production' ? '' : 'dev-only-token-secret-change-me-0123456789');
  if (tokenSecret.length < 32) throw new ConfigError('TOKEN_SECRET must be at least 32 characters');

  const smsProvider = (env.SMS_PROVIDER ?? 'console') as Config['sms']['provider'];
  if (!['console', 'http'].includes(smsProvider)) throw new ConfigError(`SMS_PROVIDER "${smsProvider}" is not known`);
  if (smsProvider === 'http' && (!env.SMS_API_URL || !env.SMS_API_KEY)) {
    throw new ConfigError('SMS_PROVIDER=http needs SMS_API_URL and SMS_API_KEY');
  }
  if (nodeEnv === 'production' && smsProvider === 'console') throw new ConfigError('the console SMS provider is for development only');
  if (env.WECHAT_PAY_BASE && (!env.WECHAT_PAY_PRIVATE_KEY || !env.WECHAT_PAY_SERIAL || (env.WECHAT_PAY_API_V3_KEY ?? '').length !== 32 || !env.WECHAT_PAY_PLATFORM_KEYS || !env.PUBLIC_URL)) {
    throw new ConfigError('WECHAT_PAY_BASE needs WECHAT_PAY_PRIVATE_KEY, WECHAT_PAY_SERIAL, a 32-byte WECHAT_PAY_API_V3_KEY, WECHAT_PAY_PLATFORM_KEYS and PUBLIC_URL');
  }

  const repoRoot = path.resolve(__dirname, '..', '..');
  const wechatBase = env.WECHAT_API_BASE || undefined;
  // The demo's accounts share a known password: never seeded in production unless asked for.
  const demoSeed = bool(env, 'DEMO_SEED', !databaseUrl && nodeEnv !== 'production');
  return {
    nodeEnv,
    port: int(env, 'PORT', 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    tokenSecret,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL', 15 * 60),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL', 30 * 24 * 3600),
    wechat: {
      appId: env.WECHAT_APP_ID ?? 'wx0000000000demo',
      appSecret: env.WECHAT_APP_SECRET ?? 'demo-wechat-app-secret',
      apiBaseUrl: wechatBase,
    },
    sms: { provider: smsProvider, apiUrl: env.SMS_API_URL, apiKey: env.SMS_API_KEY, signName: env.SMS_SIGN_NAME ?? '物业服务' },
    wechatPay: {
      baseUrl: env.WECHAT_PAY_BASE || undefined,
      mchId: env.WECHAT_PAY_MCH_ID ?? '1900000001',
      merchantSerial: env.WECHAT_PAY_SERIAL ?? '',
      privateKeyPem: readPem(env.WECHAT_PAY_PRIVATE_KEY),
      apiV3Key: env.WECHAT_PAY_API_V3_KEY ?? '',
      platformKeys: platformKeys(env.WECHAT_PAY_PLATFORM_KEYS),
      publicUrl: env.PUBLIC_URL || undefined,
    },
    fakeWechatPay: !env.WECHAT_PAY_BASE && nodeEnv !== 'production',
    reconcileEveryMs: int(env, 'RECONCILE_EVERY_MS', nodeEnv === 'test' ? 0 : 60_000),
    redisUrl: env.REDIS_URL || undefined,
    demoSeed,
    fakeWechat: !wechatBase && nodeEnv !== 'production',
    portalDir: path.resolve(env.PORTAL_DIR ?? path.join(repoRoot, 'portal', 'dist')),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    limits: {
      bodyBytes: env.BODY_LIMIT ?? '2mb',
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', 10),
      maxCost: int(env, 'GRAPHQL_MAX_COST', 20000),
      loginPerMinutePerIp: int(env, 'LOGIN_RATE_PER_IP', 30),
      loginPerMinutePerAccount: int(env, 'LOGIN_RATE_PER_ACCOUNT', 10),
    },
  };
}
