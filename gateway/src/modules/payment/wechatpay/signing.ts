import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

/**
 * The cryptography of WeChat Pay APIv3 (微信支付 APIv3 签名/验签/回调解密), on node:crypto alone.
 * Formats follow the official rules (pay.weixin.qq.com/docs/merchant/development/interface-rules/)
 * and TheNorthMemory/wechatpay-axios-plugin `lib/formatter.js`, `lib/aes.js`, `lib/decorator.js`.
 */

export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';
/** WeChat and its SDKs refuse a Wechatpay-Timestamp more than ±300 s away from the local clock. */
export const MAX_CLOCK_SKEW_SECONDS = 300;
export const AES_GCM_ALGORITHM = 'AEAD_AES_256_GCM';

export type VerificationFailure = 'BAD_SIGNATURE' | 'UNKNOWN_SERIAL' | 'STALE_TIMESTAMP' | 'DECRYPT_FAILED' | 'MALFORMED';

/** A response or notify that must not be trusted. `reason` is for logs and tests; never act on the payload. */
export class WechatPayVerificationError extends Error {
  constructor(
    readonly reason: VerificationFailure,
    message: string,
  ) {
    super(`${reason}: ${message}`);
    this.name = 'WechatPayVerificationError';
  }
}

export type KeyInput = string | KeyObject;
const privateKeyOf = (key: KeyInput) => (typeof key === 'string' ? createPrivateKey(key) : key);
const publicKeyOf = (key: KeyInput) => (typeof key === 'string' ? createPublicKey(key) : key);

const NONCE_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A 32-character alphanumeric nonce (WeChat allows up to 32 for nonce_str / nonceStr). */
export function nonceStr(length = 32): string {
  return Array.from(randomBytes(length), (b) => NONCE_CHARS[b % NONCE_CHARS.length]).join('');
}

/** Seconds since the epoch as a string: every WeChat timestamp is seconds, never milliseconds. */
export function unixSeconds(at: Date): string {
  return String(Math.floor(at.getTime() / 1000));
}

/** rfc3339 in Beijing time, `2018-06-08T10:34:56+08:00`, the form WeChat shows and expects (time_expire). */
export function rfc3339Shanghai(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

type Body = string | Buffer;

/** Every line, the last included, ends in "\n"; the body is the exact bytes sent (empty for GET and 204). */
function lines(...parts: Body[]): Buffer {
  return Buffer.concat(parts.flatMap((p) => [Buffer.isBuffer(p) ? p : Buffer.from(p, 'utf8'), Buffer.from('\n')]));
}

/** `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n`: the path without the host, with the query as sent. */
export function requestMessage(method: string, pathAndQuery: string, timestamp: string, nonce: string, body: Body = ''): Buffer {
  return lines(method.toUpperCase(), pathAndQuery, timestamp, nonce, body);
}

/** `TIMESTAMP\nNONCE\nBODY\n` from the Wechatpay-* headers and the raw body, for responses and notifies alike. */
export function responseMessage(timestamp: string, nonce: string, body: Body = ''): Buffer {
  return lines(timestamp, nonce, body);
}

/** SHA256withRSA, PKCS#1 v1.5 (node's default RSA padding for sign), base64. */
export function rsaSign(message: Body, privateKey: KeyInput): string {
  return createSign('RSA-SHA256').update(message).sign(privateKeyOf(privateKey), 'base64');
}

export function rsaVerify(message: Body, signatureBase64: string, publicKey: KeyInput): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKeyOf(publicKey), signatureBase64, 'base64');
  } catch {
    return false;
  }
}

export interface AuthorizationInput {
  mchId: string;
  serialNo: string;
  privateKey: KeyInput;
  method: string;
  pathAndQuery: string;
  body?: Body;
  timestamp: string;
  nonce: string;
}

/** The `Authorization` header; WeChat reads the fields by name, the plugin's order is kept for readable logs. */
export function buildAuthorization(a: AuthorizationInput): string {
  const signature = rsaSign(requestMessage(a.method, a.pathAndQuery, a.timestamp, a.nonce, a.body ?? ''), a.privateKey);
  return `${AUTH_SCHEMA} mchid="${a.mchId}",nonce_str="${a.nonce}",signature="${signature}",timestamp="${a.timestamp}",serial_no="${a.serialNo}"`;
}

export interface AuthorizationFields {
  mchid: string;
  nonce_str: string;
  signature: string;
  timestamp: string;
  serial_no: string;
}

/** The inverse of buildAuthorization, for the fake server; null when the header is not this schema. */
export function parseAuthorization(header: string | undefined): AuthorizationFields | null {
  if (!header?.startsWith(`${AUTH_SCHEMA} `)) return null;
  const fields: Record<string, string> = {};
  for (const m of header.slice(AUTH_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields[m[1]] = m[2];
  const { mchid, nonce_str, signature, timestamp, serial_no } = fields;
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return null;
  return { mchid, nonce_str, signature, timestamp, serial_no };
}

/** wx.requestPayment's paySign (signType RSA, the merchant key): `appId\ntimeStamp\nnonceStr\nprepay_id=…\n`. */
export function paySign(appId: string, timeStamp: string, nonce: string, pkg: string, privateKey: KeyInput): string {
  return rsaSign(lines(appId, timeStamp, nonce, pkg), privateKey);
}

export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const bag = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(bag).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : bag[key];
  return Array.isArray(value) ? value[0] : value;
}

export interface WechatpaySignatureHeaders {
  serial: string;
  signature: string;
  timestamp: string;
  nonce: string;
}

export function readSignatureHeaders(headers: HeaderBag): WechatpaySignatureHeaders {
  const serial = header(headers, 'wechatpay-serial');
  const signature = header(headers, 'wechatpay-signature');
  const timestamp = header(headers, 'wechatpay-timestamp');
  const nonce = header(headers, 'wechatpay-nonce');
  if (!serial || !signature || !timestamp || !nonce || !/^\d{1,12}$/.test(timestamp)) {
    throw new WechatPayVerificationError('MALFORMED', 'Wechatpay-Serial/Signature/Timestamp/Nonce missing or invalid');
  }
  return { serial, signature, timestamp, nonce };
}

export function hasSignatureHeaders(headers: HeaderBag): boolean {
  return ['wechatpay-serial', 'wechatpay-signature', 'wechatpay-timestamp', 'wechatpay-nonce'].every((n) => header(headers, n));
}

/**
 * Verifies a WeChat response or notify against the platform key its `Wechatpay-Serial` names: a platform
 * certificate serial (hex) or a WeChat Pay public key id (`PUB_KEY_ID_…`). During a certificate → public
 * key migration notifies switch over gradually, so both kinds may be configured at once.
 * The signature is checked before the clock, so STALE_TIMESTAMP always means "genuine but outside ±5 min"
 * (a replay, or our clock drifting) and is worth telling apart from a forgery in the logs.
 * Probe traffic signed `WECHATPAY/SIGNTEST/…` (WeChat testing that merchants verify) fails as BAD_SIGNATURE.
 */
export function verifySignedMessage(
  headers: HeaderBag,
  body: Body,
  platformKeys: ReadonlyMap<string, KeyObject>,
  now: Date,
): WechatpaySignatureHeaders {
  const h = readSignatureHeaders(headers);
  const key = platformKeys.get(h.serial);
  if (!key) throw new WechatPayVerificationError('UNKNOWN_SERIAL', `no platform key for serial ${h.serial}`);
  if (!rsaVerify(responseMessage(h.timestamp, h.nonce, body), h.signature, key)) {
    throw new WechatPayVerificationError('BAD_SIGNATURE', `signature does not verify with ${h.serial}`);
  }
  if (Math.abs(now.getTime() / 1000 - Number(h.timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    throw new WechatPayVerificationError('STALE_TIMESTAMP', `Wechatpay-Timestamp ${h.timestamp} is more than 5 minutes from now`);
  }
  return h;
}

export function platformKeyMap(keys: Record<string, KeyInput>): Map<string, KeyObject> {
  return new Map(Object.entries(keys).map(([serial, pem]) => [serial, publicKeyOf(pem)]));
}

/** Signs a response or notify as WeChat does (fake only). */
export function signAsWechatpay(body: Body, serial: string, privateKey: KeyInput, now: Date): Record<string, string> {
  const timestamp = unixSeconds(now);
  const nonce = nonceStr();
  return {
    'Wechatpay-Serial': serial,
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': rsaSign(responseMessage(timestamp, nonce, body), privateKey),
    'Wechatpay-Signature-Type': AUTH_SCHEMA,
  };
}

/** The encrypted `resource` of a notify (also used by the certificate download API). */
export interface EncryptedResource {
  algorithm: string;
  ciphertext: string;
  nonce: string;
  associated_data?: string;
  original_type?: string;
}

const TAG_BYTES = 16;

/** The APIv3 key is a 32-character string used as its UTF-8 bytes, not hex or base64. */
function aesKey(apiV3Key: string): Buffer {
  const key = Buffer.from(apiV3Key, 'utf8');
  if (key.length !== 32) throw new Error('the APIv3 key must be exactly 32 bytes');
  return key;
}

/** AEAD_AES_256_GCM: base64(ciphertext ‖ 16-byte tag); nonce (12 chars) and associated_data used as UTF-8. */
export function decryptResource(resource: EncryptedResource, apiV3Key: string): string {
  const key = aesKey(apiV3Key);
  if (resource?.algorithm !== AES_GCM_ALGORITHM || typeof resource.ciphertext !== 'string' || typeof resource.nonce !== 'string') {
    throw new WechatPayVerificationError('MALFORMED', `unsupported resource algorithm ${resource?.algorithm}`);
  }
  const data = Buffer.from(resource.ciphertext, 'base64');
  if (data.length <= TAG_BYTES) throw new WechatPayVerificationError('DECRYPT_FAILED', 'ciphertext shorter than its tag');
  try {
    // authTagLength pins the tag to 16 bytes; without it GCM would accept a truncated tag.
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(resource.nonce, 'utf8'), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new WechatPayVerificationError('DECRYPT_FAILED', 'AES-GCM authentication failed (wrong APIv3 key or tampered resource)');
  }
}

export function encryptResource(plaintext: string, apiV3Key: string, associatedData: string, originalType: string): EncryptedResource {
  const nonce = nonceStr(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey(apiV3Key), Buffer.from(nonce, 'utf8'), { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { original_type: originalType, algorithm: AES_GCM_ALGORITHM, ciphertext: data.toString('base64'), associated_data: associatedData, nonce };
}
