import http from 'node:http';
import { createPublicKey, generateKeyPairSync, randomBytes, randomInt, randomUUID, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { MAX_CLOCK_SKEW_SECONDS, encryptResource, nonceStr, parseAuthorization, requestMessage } from '../modules/payment/wechatpay/signing';
import { rfc3339Shanghai, rsaSign, rsaVerify, signAsWechatpay } from '../modules/payment/wechatpay/signing';
import type { RefundStatus, TradeState } from '../modules/payment/wechatpay/client';

export interface MerchantCredentials {
  mchId: string; appId: string; merchantSerial: string; privateKeyPem: string; publicKeyPem: string; apiV3Key: string;
}

export interface FakeWechatPayOptions {
  mchId: string;
  appId: string;
  merchantPublicKeyPem: string;
  apiV3Key: string;
  /** When set, requests must carry this serial_no. */
  merchantSerial?: string;
  now?: () => Date;
}

export interface FakeRefund {
  outRefundNo: string; refundId: string; refundFen: number; status: RefundStatus; notifyUrl?: string; createTime: Date; successTime?: Date;
}

export interface FakeOrder {
  outTradeNo: string; description: string; amountFen: number; notifyUrl: string; payerOpenid: string; expiresAt?: Date; attach?: string;
  state: TradeState; prepayIds: string[]; transactionId?: string; successTime?: Date; refunds: FakeRefund[];
}

/** Ways to forge or spoil a notify, each matching one check the merchant must make. */
export interface NotifyOptions {
  badSignature?: boolean;
  unknownSerial?: boolean;
  staleSeconds?: number;
  /** Ciphertext altered before signing: the signature holds, decryption fails (as with a wrong APIv3 key). */
  tamperCiphertext?: boolean;
  /** WeChat's probe traffic, signed `WECHATPAY/SIGNTEST/…`, which merchants must refuse. */
  signatureProbe?: boolean;
  omitSignatureHeaders?: boolean;
  amountFen?: number;
  mchid?: string;
  appid?: string;
  url?: string;
}

export type ResponseTamper = 'body' | 'signature' | 'serial' | 'timestamp';

type Json = Record<string, any>;
type Reply = { status: number; body?: Json };
const fail = (status: number, code: string, message: string): Reply => ({ status, body: { code, message } });
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
const STATE_DESC: Record<TradeState, string> = {
  SUCCESS: '支付成功', REFUND: '转入退款', NOTPAY: '未支付', CLOSED: '已关闭', REVOKED: '已撤销', USERPAYING: '用户支付中', PAYERROR: '支付失败',
};
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/**
 * WeChat Pay's servers on loopback (they cannot be reached from development machines or CI): JSAPI prepay,
 * query, close and refund with an in-memory order table; every request's Authorization is verified with the
 * merchant public key, every answer and notify is signed with a platform key generated here (a
 * `PUB_KEY_ID_…` WeChat Pay public key) and notify resources are AES-256-GCM encrypted with the APIv3 key.
 */
export class FakeWechatPayServer {
  private server?: http.Server;
  private readonly platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly serial = `PUB_KEY_ID_${digits(34)}`;
  private stranger?: KeyObject;
  private readonly merchantKey: KeyObject;
  private readonly now: () => Date;
  private readonly orders = new Map<string, FakeOrder>();
  private tamper?: ResponseTamper;
  readonly requests: { method: string; path: string; status: number }[] = [];
  readonly notifications: { url: string; eventType: string; status: number }[] = [];

  constructor(private readonly options: FakeWechatPayOptions) {
    this.merchantKey = createPublicKey(options.merchantPublicKeyPem);
    this.now = options.now ?? (() => new Date());
  }

  /** A merchant as the WeChat Pay merchant platform would issue one: ids, API key pair (PKCS#8), APIv3 key. */
  static generateMerchant(): MerchantCredentials {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    return {
      mchId: `16${digits(8)}`,
      appId: `wx${randomBytes(8).toString('hex')}`,
      merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
      privateKeyPem: privateKey,
      publicKeyPem: publicKey,
      apiV3Key: nonceStr(32),
    };
  }

  get platformSerial(): string {
    return this.serial;
  }

  get platformPublicKey(): string {
    return this.platform.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('fake WeChat Pay server is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  order(outTradeNo: string): Readonly<FakeOrder> | undefined {
    return this.orders.get(outTradeNo);
  }

  /** The payer pays: SUCCESS, then the TRANSACTION.SUCCESS notify. Returns the HTTP status the merchant answered (0: no answer in 5 s). */
  async pay(outTradeNo: string, opts: { openid?: string } = {}): Promise<number> {
    this.payWithoutNotify(outTradeNo, opts);
    return this.deliverNotify(outTradeNo);
  }

  /** The payer pays but the notify is lost: only a query (reconciliation) can find out. */
  payWithoutNotify(outTradeNo: string, opts: { openid?: string } = {}): void {
    const order = this.orders.get(outTradeNo);
    if (!order) throw new Error(`no order ${outTradeNo}`);
    if (order.state !== 'NOTPAY') throw new Error(`order ${outTradeNo} is ${order.state}, it cannot be paid`);
    if (order.expiresAt && this.now() > order.expiresAt) throw new Error(`order ${outTradeNo} expired at ${order.expiresAt.toISOString()}`);
    Object.assign(order, { state: 'SUCCESS', transactionId: `42000${digits(23)}`, successTime: this.now() });
    if (opts.openid) order.payerOpenid = opts.openid;
  }

  /** (Re)sends the payment notify, as WeChat retries it up to 15 times over a day; `opts` forges or spoils it. */
  async deliverNotify(outTradeNo: string, opts: NotifyOptions = {}): Promise<number> {
    const order = this.orders.get(outTradeNo);
    if (!order?.transactionId) throw new Error(`order ${outTradeNo} has not been paid`);
    const tx = this.transactionJson(order);
    if (opts.amountFen !== undefined) tx.amount = { ...tx.amount, total: opts.amountFen, payer_total: opts.amountFen };
    if (opts.mchid) tx.mchid = opts.mchid;
    if (opts.appid) tx.appid = opts.appid;
    return this.notify(opts.url ?? order.notifyUrl, 'TRANSACTION.SUCCESS', '支付成功', 'transaction', tx, opts);
  }

  /** The bank settles a refund: SUCCESS, then the REFUND.SUCCESS notify to the refund's notify_url. */
  async completeRefund(outRefundNo: string, opts: NotifyOptions = {}): Promise<number> {
    const order = [...this.orders.values()].find((o) => o.refunds.some((r) => r.outRefundNo === outRefundNo));
    const refund = order?.refunds.find((r) => r.outRefundNo === outRefundNo);
    if (!order || !refund) throw new Error(`no refund ${outRefundNo}`);
    Object.assign(refund, { status: 'SUCCESS', successTime: this.now() });
    const plain = {
      mchid: opts.mchid ?? this.options.mchId, transaction_id: order.transactionId, out_trade_no: order.outTradeNo,
      refund_id: refund.refundId, out_refund_no: refund.outRefundNo, refund_status: refund.status,
      success_time: rfc3339Shanghai(refund.successTime!), user_received_account: '支付用户零钱',
      amount: { total: order.amountFen, refund: refund.refundFen, payer_total: order.amountFen, payer_refund: refund.refundFen },
    };
    return this.notify(opts.url ?? refund.notifyUrl ?? order.notifyUrl, 'REFUND.SUCCESS', '退款成功', 'refund', plain, opts);
  }

  /** Spoils the next answer after it has been signed, to check the client refuses it. */
  tamperNextResponse(kind: ResponseTamper): void {
    this.tamper = kind;
  }

  private async notify(url: string, eventType: string, summary: string, type: string, plain: Json, opts: NotifyOptions): Promise<number> {
    const resource = encryptResource(JSON.stringify(plain), this.options.apiV3Key, type, type);
    if (opts.tamperCiphertext) {
      const bytes = Buffer.from(resource.ciphertext, 'base64');
      bytes[0] ^= 0x01;
      resource.ciphertext = bytes.toString('base64');
    }
    const now = this.now();
    const body = JSON.stringify({ id: randomUUID(), create_time: rfc3339Shanghai(now), resource_type: 'encrypt-resource', event_type: eventType, summary, resource });
    const forged = opts.badSignature || opts.unknownSerial;
    const signedAt = new Date(now.getTime() - (opts.staleSeconds ?? 0) * 1000);
    let headers = signAsWechatpay(body, opts.unknownSerial ? `PUB_KEY_ID_${digits(34)}` : this.serial, forged ? this.strangerKey() : this.platform.privateKey, signedAt);
    if (opts.signatureProbe) headers['Wechatpay-Signature'] = `WECHATPAY/SIGNTEST/${randomBytes(192).toString('base64')}`;
    if (opts.omitSignatureHeaders) headers = {};
    let status = 0; // no answer (refused, or slower than the 5 s WeChat waits)
    try {
      const headersSent = { ...headers, 'Content-Type': 'application/json', 'User-Agent': 'Mozilla/4.0' };
      const res = await fetch(url, { method: 'POST', headers: headersSent, body, signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      /* status stays 0 */
    }
    this.notifications.push({ url, eventType, status });
    return status;
  }

  private strangerKey(): KeyObject {
    this.stranger ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    return this.stranger;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    // WeChat cannot sign for a caller it could not authenticate: 401 SIGN_ERROR goes out unsigned.
    const authorized = this.authorized(method, target, req.headers.authorization, raw);
    const reply = authorized ? this.answer(method, target, raw) : fail(401, 'SIGN_ERROR', '错误的签名，验签失败');
    this.requests.push({ method, path: target, status: reply.status });
    this.send(res, reply, authorized);
  }

  private answer(method: string, target: string, raw: Buffer): Reply {
    let body: Json;
    try {
      body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    } catch {
      return fail(400, 'PARAM_ERROR', '请求体不是合法的JSON');
    }
    try {
      return this.route(method, new URL(target, 'http://127.0.0.1'), body);
    } catch (e) {
      return fail(500, 'SYSTEM_ERROR', (e as Error).message);
    }
  }

  /** The merchant's request signature, checked the way WeChat checks it: over the raw path and body. */
  private authorized(method: string, target: string, authorization: string | undefined, raw: Buffer): boolean {
    const auth = parseAuthorization(authorization);
    if (!auth || auth.mchid !== this.options.mchId) return false;
    if (this.options.merchantSerial && auth.serial_no !== this.options.merchantSerial) return false;
    if (Math.abs(this.now().getTime() / 1000 - Number(auth.timestamp)) > MAX_CLOCK_SKEW_SECONDS) return false;
    return rsaVerify(requestMessage(method, target, auth.timestamp, auth.nonce_str, raw), auth.signature, this.merchantKey);
  }

  private route(method: string, url: URL, body: Json): Reply {
    const byNo = url.pathname.match(/^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/);
    if (method === 'POST' && url.pathname === '/v3/pay/transactions/jsapi') return this.prepay(body);
    if (method === 'GET' && byNo && !byNo[2]) return this.query(decodeURIComponent(byNo[1]), url.searchParams.get('mchid'));
    if (method === 'POST' && byNo?.[2]) return this.close(decodeURIComponent(byNo[1]), body.mchid);
    if (method === 'POST' && url.pathname === '/v3/refund/domestic/refunds') return this.refund(body);
    return fail(404, 'NOT_FOUND', '请求的资源不存在');
  }

  private prepay(b: Json): Reply {
    if (b.mchid !== this.options.mchId || b.appid !== this.options.appId) return fail(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配');
    const total = b.amount?.total;
    const valid = Number.isSafeInteger(total) && total > 0 && typeof b.description === 'string' && b.description.length > 0 &&
      /^[0-9A-Za-z_\-|*]{6,32}$/.test(b.out_trade_no ?? '') && typeof b.notify_url === 'string' && typeof b.payer?.openid === 'string' &&
      (b.amount.currency ?? 'CNY') === 'CNY' && (b.time_expire === undefined || RFC3339.test(b.time_expire));
    if (!valid) return fail(400, 'PARAM_ERROR', '参数错误');
    const existing = this.orders.get(b.out_trade_no);
    if (existing?.state === 'SUCCESS' || existing?.state === 'REFUND') return fail(400, 'ORDERPAID', '该订单已支付');
    if (existing?.state === 'CLOSED') return fail(400, 'ORDER_CLOSED', '订单已关闭');
    const expiresAt = b.time_expire ? new Date(b.time_expire) : undefined;
    const sameFields = existing && existing.amountFen === total && existing.description === b.description &&
      existing.payerOpenid === b.payer.openid && existing.expiresAt?.getTime() === expiresAt?.getTime();
    if (existing && !sameFields) {
      return fail(400, 'INVALID_REQUEST', '201 商户订单号重复');
    }
    const order: FakeOrder = existing ?? {
      outTradeNo: b.out_trade_no, description: b.description, amountFen: total, notifyUrl: b.notify_url, payerOpenid: b.payer.openid,
      expiresAt, attach: b.attach, state: 'NOTPAY', prepayIds: [], refunds: [],
    };
    this.orders.set(order.outTradeNo, order);
    const stamp = rfc3339Shanghai(this.now()).slice(0, 19).replace(/\D/g, '');
    const prepayId = `wx${stamp}${randomBytes(10).toString('hex')}`;
    order.prepayIds.push(prepayId);
    return { status: 200, body: { prepay_id: prepayId } };
  }

  private query(outTradeNo: string, mchid: string | null): Reply {
    if (mchid !== this.options.mchId) return fail(400, 'PARAM_ERROR', 'mchid与请求商户号不一致');
    const order = this.orders.get(outTradeNo);
    return order ? { status: 200, body: this.transactionJson(order) } : fail(404, 'ORDER_NOT_EXIST', '订单不存在');
  }

  private close(outTradeNo: string, mchid: unknown): Reply {
    if (mchid !== this.options.mchId) return fail(400, 'PARAM_ERROR', 'mchid与请求商户号不一致');
    const order = this.orders.get(outTradeNo);
    if (!order) return fail(404, 'ORDER_NOT_EXIST', '订单不存在');
    if (order.state === 'SUCCESS' || order.state === 'REFUND') return fail(400, 'ORDERPAID', '订单已支付');
    order.state = 'CLOSED';
    return { status: 204 };
  }

  private refund(b: Json): Reply {
    const refundFen = b.amount?.refund;
    const totalFen = b.amount?.total;
    if (!Number.isSafeInteger(refundFen) || refundFen <= 0 || !Number.isSafeInteger(totalFen) || typeof b.out_refund_no !== 'string') {
      return fail(400, 'PARAM_ERROR', '参数错误');
    }
    const order = this.orders.get(b.out_trade_no);
    if (!order) return fail(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (order.state !== 'SUCCESS' && order.state !== 'REFUND') return fail(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    if (totalFen !== order.amountFen) return fail(400, 'INVALID_REQUEST', '订单金额与原订单金额不一致');
    let refund = order.refunds.find((r) => r.outRefundNo === b.out_refund_no);
    if (refund && refund.refundFen !== refundFen) return fail(400, 'INVALID_REQUEST', '同一退款单号的退款金额不一致');
    if (!refund) {
      const refunded = order.refunds.filter((r) => r.status !== 'CLOSED').reduce((sum, r) => sum + r.refundFen, 0);
      if (refunded + refundFen > order.amountFen) return fail(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
      refund = { outRefundNo: b.out_refund_no, refundId: `50${digits(27)}`, refundFen, status: 'PROCESSING', notifyUrl: b.notify_url, createTime: this.now() };
      order.refunds.push(refund);
      order.state = 'REFUND';
    }
    return {
      status: 200,
      body: {
        refund_id: refund.refundId, out_refund_no: refund.outRefundNo, transaction_id: order.transactionId, out_trade_no: order.outTradeNo,
        channel: 'ORIGINAL', user_received_account: '支付用户零钱', create_time: rfc3339Shanghai(refund.createTime),
        ...(refund.successTime ? { success_time: rfc3339Shanghai(refund.successTime) } : {}), status: refund.status, funds_account: 'AVAILABLE',
        amount: { total: order.amountFen, refund: refundFen, payer_total: order.amountFen, payer_refund: refundFen, settlement_total: order.amountFen,
          settlement_refund: refundFen, discount_refund: 0, currency: 'CNY', from: [] },
      },
    };
  }

  private transactionJson(order: FakeOrder): Json {
    const paid = order.transactionId !== undefined;
    return {
      appid: this.options.appId, mchid: this.options.mchId, out_trade_no: order.outTradeNo, trade_type: 'JSAPI',
      trade_state: order.state, trade_state_desc: STATE_DESC[order.state], attach: order.attach ?? '',
      ...(paid ? { transaction_id: order.transactionId, bank_type: 'OTHERS', success_time: rfc3339Shanghai(order.successTime!), payer: { openid: order.payerOpenid } } : {}),
      amount: { total: order.amountFen, ...(paid ? { payer_total: order.amountFen } : {}), currency: 'CNY', payer_currency: 'CNY' },
    };
  }

  private send(res: http.ServerResponse, reply: Reply, signed: boolean): void {
    let text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    let headers: Record<string, string> = signed ? signAsWechatpay(text, this.serial, this.platform.privateKey, this.now()) : {};
    const tamper = signed ? this.tamper : undefined;
    if (tamper) this.tamper = undefined;
    if (tamper === 'body') text = /\d/.test(text) ? text.replace(/\d/, (d) => String((Number(d) + 1) % 10)) : `${text} `;
    if (tamper === 'signature') headers['Wechatpay-Signature'] = rsaSign('something else', this.platform.privateKey);
    if (tamper === 'serial') headers['Wechatpay-Serial'] = `PUB_KEY_ID_${digits(34)}`;
    if (tamper === 'timestamp') headers = signAsWechatpay(text, this.serial, this.platform.privateKey, new Date(this.now().getTime() - 10 * 60_000));
    res.writeHead(reply.status, { ...headers, ...(text ? { 'Content-Type': 'application/json; charset=utf-8' } : {}), 'Request-ID': randomUUID() });
    res.end(text);
  }
}
