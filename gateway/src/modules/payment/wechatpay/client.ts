import { createPrivateKey, type KeyObject } from 'node:crypto';
import { WechatPayVerificationError, buildAuthorization, decryptResource, hasSignatureHeaders, nonceStr, paySign, platformKeyMap } from './signing';
import { rfc3339Shanghai, unixSeconds, verifySignedMessage, type EncryptedResource, type HeaderBag } from './signing';

export { WechatPayVerificationError } from './signing';
export type { VerificationFailure, HeaderBag } from './signing';

export interface WechatPayClientOptions {
  /** `https://api.mch.weixin.qq.com` in production; the fake's URL in development and tests. */
  baseUrl: string;
  mchId: string;
  appId: string;
  /** Serial of the merchant API certificate (商户API证书序列号), sent as serial_no. */
  merchantSerial: string;
  /** apiclient_key.pem (PKCS#8). */
  merchantPrivateKeyPem: string;
  apiV3Key: string;
  /** Platform certificate serials and/or WeChat Pay public key ids (`PUB_KEY_ID_…`) → public key PEM. */
  platformKeys: Record<string, string>;
  notifyUrl: string;
  refundNotifyUrl?: string;
  now?: () => Date;
  timeoutMs?: number;
}

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';
export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';
const TRADE_STATES: readonly string[] = ['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR'];
const REFUND_STATUSES: readonly string[] = ['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL'];

/** A transaction as the query API and TRANSACTION.* notifies describe it. Amounts are integer fen. */
export interface WechatPayTransaction {
  mchid: string;
  appid: string;
  outTradeNo: string;
  tradeState: TradeState;
  tradeStateDesc?: string;
  transactionId?: string;
  /** amount.total: what the order asked for; compare this with our order, not payer_total. */
  amountFen?: number;
  /** amount.payer_total: what the payer paid after coupons (may be less than total). */
  payerTotalFen?: number;
  payerOpenid?: string;
  successTime?: Date;
  raw: Record<string, unknown>;
}

export interface WechatPayRefund {
  refundId: string;
  outRefundNo: string;
  outTradeNo: string;
  transactionId?: string;
  /** `status` in the refund API answer, `refund_status` in REFUND.* notifies. */
  status: RefundStatus;
  refundFen: number;
  totalFen: number;
  payerRefundFen?: number;
  successTime?: Date;
  mchid?: string;
  raw: Record<string, unknown>;
}

/** The object the mini-program passes to wx.requestPayment (appId is signed but not passed). */
export interface RequestPaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export type WechatPayNotify =
  | { kind: 'transaction'; id: string; eventType: string; transaction: WechatPayTransaction }
  | { kind: 'refund'; id: string; eventType: string; refund: WechatPayRefund };

/** A non-2xx answer: `{code, message, detail}` (e.g. ORDERPAID, ORDER_NOT_EXIST, SIGN_ERROR, NOT_ENOUGH). */
export class WechatPayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Error answers are signed only sometimes (401 SIGN_ERROR never is): treat unverified ones as hints, query to know. */
    readonly verified: boolean,
    readonly detail?: unknown,
  ) {
    super(`WeChat Pay ${status} ${code}: ${message}`);
    this.name = 'WechatPayApiError';
  }
}

/** What a notify handler answers on failure: HTTP 4xx/5xx with this body makes WeChat retry; 200/204 stops it. */
export const notifyFailureBody = (message = '失败') => JSON.stringify({ code: 'FAIL', message });

// out_trade_no: 6-32 of [0-9A-Za-z_-|*]; out_refund_no may also use @ and run to 64.
const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;
const malformed = (what: string) => new WechatPayVerificationError('MALFORMED', what);

function assertFen(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer number of fen`);
}

function assertOutNo(value: string, name: string, pattern: RegExp): void {
  if (!pattern.test(value)) throw new RangeError(`${name} has characters or a length WeChat refuses`);
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

function str(o: Json, key: string): string;
function str(o: Json, key: string, optional: true): string | undefined;
function str(o: Json, key: string, optional = false): string | undefined {
  const v = o[key];
  if (typeof v === 'string' && v !== '') return v;
  if (optional && (v === undefined || v === null || v === '')) return undefined;
  throw malformed(`${key} missing or not a string`);
}

/** Fen arrive as JSON integers; anything else (a float, a string) is refused rather than rounded. */
function fen(o: Json, key: string, optional = false): number | undefined {
  const v = o[key];
  if (Number.isSafeInteger(v) && (v as number) >= 0) return v as number;
  if (optional && v === undefined) return undefined;
  throw malformed(`${key} is not an integer amount`);
}

function time(o: Json, key: string): Date | undefined {
  const v = str(o, key, true);
  if (v === undefined) return undefined;
  const at = new Date(v);
  if (Number.isNaN(at.getTime())) throw malformed(`${key} is not an rfc3339 time`);
  return at;
}

function toTransaction(raw: Json): WechatPayTransaction {
  const amount = obj(raw.amount);
  const tradeState = str(raw, 'trade_state');
  if (!TRADE_STATES.includes(tradeState)) throw malformed(`unknown trade_state ${tradeState}`);
  return {
    mchid: str(raw, 'mchid'),
    appid: str(raw, 'appid'),
    outTradeNo: str(raw, 'out_trade_no'),
    tradeState: tradeState as TradeState,
    tradeStateDesc: str(raw, 'trade_state_desc', true),
    transactionId: str(raw, 'transaction_id', true),
    amountFen: fen(amount, 'total', true),
    payerTotalFen: fen(amount, 'payer_total', true),
    payerOpenid: str(obj(raw.payer), 'openid', true),
    successTime: time(raw, 'success_time'),
    raw,
  };
}

function toRefund(raw: Json): WechatPayRefund {
  const amount = obj(raw.amount);
  const status = str(raw, raw.status === undefined ? 'refund_status' : 'status');
  if (!REFUND_STATUSES.includes(status)) throw malformed(`unknown refund status ${status}`);
  return {
    refundId: str(raw, 'refund_id'),
    outRefundNo: str(raw, 'out_refund_no'),
    outTradeNo: str(raw, 'out_trade_no'),
    transactionId: str(raw, 'transaction_id', true),
    status: status as RefundStatus,
    refundFen: fen(amount, 'refund')!,
    totalFen: fen(amount, 'total')!,
    payerRefundFen: fen(amount, 'payer_refund', true),
    successTime: time(raw, 'success_time'),
    mchid: str(raw, 'mchid', true),
    raw,
  };
}

function parseJson(bytes: Buffer | string, what: string): Json {
  try {
    const v = JSON.parse(bytes.toString());
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Json;
  } catch {
    /* fall through */
  }
  throw malformed(`${what} is not a JSON object`);
}

/**
 * WeChat Pay APIv3 for the mini-program (JSAPI) flow: prepay, the wx.requestPayment parameters, query,
 * close, refund and notifies. Every 2xx answer and every notify is signature-verified before use.
 */
export class WechatPayClient {
  private readonly privateKey: KeyObject;
  private readonly platformKeys: Map<string, KeyObject>;
  private readonly now: () => Date;
  /** Sent as the request's Wechatpay-Serial so WeChat signs answers with that public key (migration rule). */
  private readonly publicKeyId?: string;

  constructor(private readonly options: WechatPayClientOptions) {
    this.privateKey = createPrivateKey(options.merchantPrivateKeyPem);
    this.platformKeys = platformKeyMap(options.platformKeys);
    if (this.platformKeys.size === 0) throw new Error('at least one WeChat Pay platform key is required');
    if (Buffer.byteLength(options.apiV3Key, 'utf8') !== 32) throw new Error('the APIv3 key must be exactly 32 bytes');
    this.now = options.now ?? (() => new Date());
    this.publicKeyId = [...this.platformKeys.keys()].find((s) => s.startsWith('PUB_KEY_ID_'));
  }

  /**
   * JSAPI/小程序下单 → prepay_id (valid 2 h). Re-posting an out_trade_no with exactly the same fields, the
   * same expiresAt included (time_expire cannot change), returns a fresh prepay_id; anything else is refused.
   */
  async jsapiPrepay(input: { outTradeNo: string; description: string; amountFen: number; payerOpenid: string; expiresAt?: Date; attach?: string }): Promise<string> {
    assertOutNo(input.outTradeNo, 'outTradeNo', OUT_TRADE_NO);
    assertFen(input.amountFen, 'amountFen');
    if (!input.description || [...input.description].length > 127) throw new RangeError('description must be 1-127 characters');
    const answer = await this.call('POST', '/v3/pay/transactions/jsapi', {
      appid: this.options.appId,
      mchid: this.options.mchId,
      description: input.description,
      out_trade_no: input.outTradeNo,
      ...(input.expiresAt ? { time_expire: rfc3339Shanghai(input.expiresAt) } : {}),
      ...(input.attach ? { attach: input.attach } : {}),
      notify_url: this.options.notifyUrl,
      amount: { total: input.amountFen, currency: 'CNY' },
      payer: { openid: input.payerOpenid },
    });
    return str(obj(answer), 'prepay_id');
  }

  /** The object for wx.requestPayment; timeStamp is a string of seconds, package is literally `prepay_id=…`. */
  requestPaymentParams(prepayId: string): RequestPaymentParams {
    const timeStamp = unixSeconds(this.now());
    const nonce = nonceStr();
    const pkg = `prepay_id=${prepayId}`;
    const sign = paySign(this.options.appId, timeStamp, nonce, pkg, this.privateKey);
    return { appId: this.options.appId, timeStamp, nonceStr: nonce, package: pkg, signType: 'RSA', paySign: sign };
  }

  /** 商户订单号查询 (reconciliation). ORDER_NOT_EXIST comes back as a 404 WechatPayApiError. */
  async queryByOutTradeNo(outTradeNo: string): Promise<WechatPayTransaction> {
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.options.mchId)}`;
    return toTransaction(obj(await this.call('GET', path)));
  }

  /** 关闭订单: 204 on success; a paid order answers 400 ORDERPAID. */
  async closeOrder(outTradeNo: string): Promise<void> {
    await this.call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: this.options.mchId });
  }

  /** 申请退款. The answer is usually PROCESSING; the outcome arrives as a REFUND.* notify (or by querying). */
  async refund(input: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason?: string }): Promise<WechatPayRefund> {
    assertOutNo(input.outRefundNo, 'outRefundNo', OUT_REFUND_NO);
    assertFen(input.refundFen, 'refundFen');
    assertFen(input.totalFen, 'totalFen');
    if (input.refundFen > input.totalFen) throw new RangeError('refundFen cannot exceed totalFen');
    const answer = await this.call('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: input.outTradeNo,
      out_refund_no: input.outRefundNo,
      ...(input.reason ? { reason: input.reason } : {}),
      notify_url: this.options.refundNotifyUrl ?? this.options.notifyUrl,
      amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' },
    });
    return toRefund(obj(answer));
  }

  /**
   * Verifies and decrypts a notify. `rawBody` must be the bytes as received: mount the route with a raw
   * body parser, since re-serialised JSON does not verify. Throws WechatPayVerificationError; answer
   * those with 4xx (and notifyFailureBody) and everything accepted with 204 within 5 s.
   */
  parseNotify(headers: HeaderBag, rawBody: Buffer | string): WechatPayNotify {
    verifySignedMessage(headers, rawBody, this.platformKeys, this.now());
    const envelope = parseJson(rawBody, 'notify body');
    const eventType = str(envelope, 'event_type');
    const id = str(envelope, 'id');
    const plaintext = decryptResource(obj(envelope.resource) as unknown as EncryptedResource, this.options.apiV3Key);
    const data = parseJson(plaintext, 'decrypted resource');
    if (eventType.startsWith('TRANSACTION.')) return { kind: 'transaction', id, eventType, transaction: toTransaction(data) };
    if (eventType.startsWith('REFUND.')) return { kind: 'refund', id, eventType, refund: toRefund(data) };
    throw malformed(`unexpected event_type ${eventType}`);
  }

  /** What differs between a verified transaction and our order; null when it belongs to it. */
  orderMismatch(tx: WechatPayTransaction, order: { outTradeNo: string; amountFen: number }): 'MCHID' | 'APPID' | 'OUT_TRADE_NO' | 'AMOUNT' | null {
    if (tx.mchid !== this.options.mchId) return 'MCHID';
    if (tx.appid !== this.options.appId) return 'APPID';
    if (tx.outTradeNo !== order.outTradeNo) return 'OUT_TRADE_NO';
    if (tx.amountFen !== order.amountFen) return 'AMOUNT';
    return null;
  }

  private async call(method: 'GET' | 'POST', path: string, payload?: object): Promise<unknown> {
    const url = new URL(path, this.options.baseUrl);
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const headers: Record<string, string> = {
      Authorization: buildAuthorization({
        mchId: this.options.mchId,
        serialNo: this.options.merchantSerial,
        privateKey: this.privateKey,
        method,
        pathAndQuery: url.pathname + url.search,
        body,
        timestamp: unixSeconds(this.now()),
        nonce: nonceStr(),
      }),
      Accept: 'application/json',
      // WeChat refuses requests without a User-Agent.
      'User-Agent': 'wuye-gateway/0.1 (node)',
    };
    if (body) headers['Content-Type'] = 'application/json';
    if (this.publicKeyId) headers['Wechatpay-Serial'] = this.publicKeyId;

    let res: Response;
    let raw: Buffer;
    try {
      res = await fetch(url, { method, headers, body: body || undefined, signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
      raw = Buffer.from(await res.arrayBuffer());
    } catch (e) {
      throw new WechatPayApiError(0, 'NETWORK_ERROR', (e as Error).message, false);
    }
    if (res.status >= 200 && res.status < 300) {
      verifySignedMessage(res.headers, raw, this.platformKeys, this.now());
      return raw.length === 0 ? undefined : parseJson(raw, 'answer');
    }
    let verified = false;
    if (hasSignatureHeaders(res.headers)) {
      try {
        verifySignedMessage(res.headers, raw, this.platformKeys, this.now());
        verified = true;
      } catch {
        /* an unverified error stays usable as a hint */
      }
    }
    let error: Json = {};
    try {
      error = obj(JSON.parse(raw.toString()));
    } catch {
      /* non-JSON error page from a proxy */
    }
    const code = typeof error.code === 'string' ? error.code : `HTTP_${res.status}`;
    const message = typeof error.message === 'string' ? error.message : raw.toString().slice(0, 200);
    throw new WechatPayApiError(res.status, code, message, verified, error.detail);
  }
}
