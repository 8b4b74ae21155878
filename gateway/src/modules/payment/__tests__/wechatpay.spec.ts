import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVerify, generateKeyPairSync, verify as cryptoVerify, constants } from 'node:crypto';
import { FakeWechatPayServer, type MerchantCredentials } from '../../../dev/fake-wechatpay';
import { WechatPayApiError, WechatPayClient, WechatPayVerificationError, notifyFailureBody, type WechatPayNotify } from '../wechatpay/client';
import {
  buildAuthorization,
  decryptResource,
  encryptResource,
  parseAuthorization,
  rfc3339Shanghai,
  verifySignedMessage,
  platformKeyMap,
  signAsWechatpay,
} from '../wechatpay/signing';

/** The merchant's notify endpoint: verifies with parseNotify, then checks the order as the payment service will. */
class NotifyReceiver {
  readonly accepted: WechatPayNotify[] = [];
  readonly rejected: string[] = [];
  readonly orders = new Map<string, number>();
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const notify = this.client.parseNotify(req.headers, Buffer.concat(chunks));
        if (notify.kind === 'transaction') {
          const tx = notify.transaction;
          const mismatch = this.client.orderMismatch(tx, { outTradeNo: tx.outTradeNo, amountFen: this.orders.get(tx.outTradeNo) ?? -1 });
          if (mismatch) {
            this.rejected.push(mismatch);
            res.writeHead(400, { 'Content-Type': 'application/json' }).end(notifyFailureBody(mismatch));
            return;
          }
        }
        this.accepted.push(notify);
        res.writeHead(204).end();
      } catch (e) {
        this.rejected.push(e instanceof WechatPayVerificationError ? e.reason : String(e));
        res.writeHead(401, { 'Content-Type': 'application/json' }).end(notifyFailureBody());
      }
    });
  });
  client!: WechatPayClient;
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/payment/wechat/notify`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let merchant: MerchantCredentials;
let fake: FakeWechatPayServer;
let receiver: NotifyReceiver;
let client: WechatPayClient;
let clock = new Date('2025-03-01T02:00:00Z');
let seq = 0;
const now = () => new Date(clock.getTime());
const outNo = () => `T${Date.now().toString(36)}${++seq}`.toUpperCase();

function makeClient(overrides: Partial<ConstructorParameters<typeof WechatPayClient>[0]> = {}): WechatPayClient {
  return new WechatPayClient({
    baseUrl: fake.url,
    mchId: merchant.mchId,
    appId: merchant.appId,
    merchantSerial: merchant.merchantSerial,
    merchantPrivateKeyPem: merchant.privateKeyPem,
    apiV3Key: merchant.apiV3Key,
    platformKeys: { [fake.platformSerial]: fake.platformPublicKey },
    notifyUrl: receiverUrl,
    now,
    ...overrides,
  });
}
let receiverUrl: string;

async function prepaid(amountFen = 12_345): Promise<string> {
  const no = outNo();
  receiver.orders.set(no, amountFen);
  await client.jsapiPrepay({ outTradeNo: no, description: '物业费 2025-03', amountFen, payerOpenid: 'o-owner-1', expiresAt: new Date(clock.getTime() + 2 * 3600_000) });
  return no;
}

beforeAll(async () => {
  merchant = FakeWechatPayServer.generateMerchant();
  fake = await new FakeWechatPayServer({ ...merchant, merchantPublicKeyPem: merchant.publicKeyPem, now }).start();
  receiver = new NotifyReceiver();
  receiverUrl = await receiver.start();
  client = makeClient();
  receiver.client = client;
});

afterAll(async () => {
  await fake.stop();
  await receiver.stop();
});

describe('signing formats', () => {
  it('signs METHOD\\nURL\\nTIMESTAMP\\nNONCE\\nBODY\\n with RSA-SHA256 PKCS#1 v1.5 (known answer)', () => {
    const body = '{"appid":"wxd678efh567hg6787","amount":{"total":100}}';
    const header = buildAuthorization({
      mchId: '1900009191', serialNo: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C', privateKey: merchant.privateKeyPem,
      method: 'post', pathAndQuery: '/v3/pay/transactions/jsapi', body, timestamp: '1554208460', nonce: '593BEC0C930BF1AFEB40B4A08C8FB242',
    });
    expect(header).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="[A-Za-z0-9+/=]{344}",timestamp="1554208460",serial_no="1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C"$/);
    const { signature } = parseAuthorization(header)!;
    const message = `POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n${body}\n`;
    expect(cryptoVerify('sha256', Buffer.from(message), { key: merchant.publicKeyPem, padding: constants.RSA_PKCS1_PADDING }, Buffer.from(signature, 'base64'))).toBe(true);
    // PKCS#1 v1.5 is deterministic: the same input gives the same signature.
    expect(parseAuthorization(buildAuthorization({ mchId: '1900009191', serialNo: 'X', privateKey: merchant.privateKeyPem, method: 'POST', pathAndQuery: '/v3/pay/transactions/jsapi', body, timestamp: '1554208460', nonce: '593BEC0C930BF1AFEB40B4A08C8FB242' }))!.signature).toBe(signature);
  });

  it('formats time_expire as rfc3339 in Beijing time', () => {
    expect(rfc3339Shanghai(new Date('2025-03-01T18:30:05.123Z'))).toBe('2025-03-02T02:30:05+08:00');
  });

  it('AES-256-GCM round trip; a flipped tag, other associated_data or another key fail as DECRYPT_FAILED', () => {
    const resource = encryptResource('{"out_trade_no":"A1"}', merchant.apiV3Key, 'transaction', 'transaction');
    expect(resource.nonce).toHaveLength(12);
    expect(decryptResource(resource, merchant.apiV3Key)).toBe('{"out_trade_no":"A1"}');
    const bytes = Buffer.from(resource.ciphertext, 'base64');
    bytes[bytes.length - 1] ^= 1;
    const reasons = [
      { ...resource, ciphertext: bytes.toString('base64') },
      { ...resource, associated_data: 'refund' },
    ].map((r) => catchReason(() => decryptResource(r, merchant.apiV3Key)));
    reasons.push(catchReason(() => decryptResource(resource, 'x'.repeat(32))));
    expect(reasons).toEqual(['DECRYPT_FAILED', 'DECRYPT_FAILED', 'DECRYPT_FAILED']);
    expect(catchReason(() => decryptResource({ ...resource, algorithm: 'AES_128' }, merchant.apiV3Key))).toBe('MALFORMED');
  });

  it('verifies against the key its serial names, within 5 minutes', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keys = platformKeyMap({ PUB_KEY_ID_0001: other.publicKey, '5157F09EFDC096DE15EBE81A47057A72': fake.platformPublicKey });
    const body = '{"prepay_id":"wx1"}';
    const at = new Date('2025-03-01T00:00:00Z');
    expect(verifySignedMessage(signAsWechatpay(body, 'PUB_KEY_ID_0001', other.privateKey, at), body, keys, at).serial).toBe('PUB_KEY_ID_0001');
    const plus = (s: number) => new Date(at.getTime() + s * 1000);
    expect(() => verifySignedMessage(signAsWechatpay(body, 'PUB_KEY_ID_0001', other.privateKey, at), body, keys, plus(300))).not.toThrow();
    expect(catchReason(() => verifySignedMessage(signAsWechatpay(body, 'PUB_KEY_ID_0001', other.privateKey, at), body, keys, plus(301)))).toBe('STALE_TIMESTAMP');
    expect(catchReason(() => verifySignedMessage(signAsWechatpay(body, 'PUB_KEY_ID_0001', other.privateKey, at), body, keys, plus(-301)))).toBe('STALE_TIMESTAMP');
    expect(catchReason(() => verifySignedMessage(signAsWechatpay(body, 'PUB_KEY_ID_0002', other.privateKey, at), body, keys, at))).toBe('UNKNOWN_SERIAL');
    expect(catchReason(() => verifySignedMessage(signAsWechatpay(body, 'PUB_KEY_ID_0001', other.privateKey, at), `${body} `, keys, at))).toBe('BAD_SIGNATURE');
    expect(catchReason(() => verifySignedMessage({ 'Wechatpay-Serial': 'PUB_KEY_ID_0001' }, body, keys, at))).toBe('MALFORMED');
  });
});

describe('WechatPayClient against the fake', () => {
  it('prepay → wx.requestPayment parameters whose paySign verifies with the merchant public key', async () => {
    const no = await prepaid(8_800);
    const order = fake.order(no)!;
    expect(order).toMatchObject({ amountFen: 8_800, state: 'NOTPAY', notifyUrl: receiverUrl, payerOpenid: 'o-owner-1' });
    expect(order.expiresAt).toEqual(new Date(clock.getTime() + 2 * 3600_000));
    const prepayId = order.prepayIds[0];
    expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]{20}$/);
    const p = client.requestPaymentParams(prepayId);
    expect(p).toMatchObject({ appId: merchant.appId, timeStamp: String(clock.getTime() / 1000), package: `prepay_id=${prepayId}`, signType: 'RSA' });
    expect(p.nonceStr).toMatch(/^[0-9A-Za-z]{32}$/);
    const message = `${p.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
    expect(createVerify('RSA-SHA256').update(message).verify(merchant.publicKeyPem, p.paySign, 'base64')).toBe(true);
  });

  it('re-prepay with the same fields gives a new prepay_id; other fields are refused', async () => {
    const no = await prepaid(500);
    const same = { outTradeNo: no, description: '物业费 2025-03', amountFen: 500, payerOpenid: 'o-owner-1', expiresAt: fake.order(no)!.expiresAt };
    await client.jsapiPrepay(same);
    expect(fake.order(no)!.prepayIds).toHaveLength(2);
    for (const changed of [{ amountFen: 501 }, { expiresAt: new Date(clock.getTime() + 3 * 3600_000) }]) {
      await expect(client.jsapiPrepay({ ...same, ...changed })).rejects.toMatchObject({ status: 400, code: 'INVALID_REQUEST', verified: true });
    }
  });

  it('refuses non-integer fen and bad order numbers before calling WeChat', async () => {
    const before = fake.requests.length;
    await expect(client.jsapiPrepay({ outTradeNo: outNo(), description: 'x', amountFen: 12.5, payerOpenid: 'o' })).rejects.toThrow(RangeError);
    await expect(client.jsapiPrepay({ outTradeNo: 'bad no!', description: 'x', amountFen: 1, payerOpenid: 'o' })).rejects.toThrow(RangeError);
    await expect(client.refund({ outTradeNo: 'ABCDEF', outRefundNo: 'R1', refundFen: 2, totalFen: 1 })).rejects.toThrow(RangeError);
    expect(fake.requests.length).toBe(before);
  });

  it('query: NOTPAY, then SUCCESS after a payment whose notify was lost', async () => {
    const no = await prepaid(12_000);
    expect(await client.queryByOutTradeNo(no)).toMatchObject({ tradeState: 'NOTPAY', outTradeNo: no, amountFen: 12_000, transactionId: undefined });
    fake.payWithoutNotify(no, { openid: 'o-owner-2' });
    const tx = await client.queryByOutTradeNo(no);
    expect(tx).toMatchObject({ tradeState: 'SUCCESS', mchid: merchant.mchId, appid: merchant.appId, amountFen: 12_000, payerTotalFen: 12_000, payerOpenid: 'o-owner-2', successTime: clock });
    expect(tx.transactionId).toMatch(/^4200\d{24}$/);
    expect(client.orderMismatch(tx, { outTradeNo: no, amountFen: 12_000 })).toBeNull();
    await expect(client.queryByOutTradeNo('NOSUCHORDER')).rejects.toMatchObject({ status: 404, code: 'ORDER_NOT_EXIST', verified: true });
  });

  it('close: the order turns CLOSED and can no longer be paid; a paid order answers ORDERPAID', async () => {
    const no = await prepaid();
    await expect(client.closeOrder(no)).resolves.toBeUndefined();
    expect((await client.queryByOutTradeNo(no)).tradeState).toBe('CLOSED');
    expect(() => fake.payWithoutNotify(no)).toThrow(/CLOSED/);
    const paid = await prepaid();
    fake.payWithoutNotify(paid);
    await expect(client.closeOrder(paid)).rejects.toMatchObject({ status: 400, code: 'ORDERPAID' });
  });

  it('refund: PROCESSING, the order turns REFUND, over-refunds are refused, REFUND.SUCCESS arrives as a notify', async () => {
    const no = await prepaid(10_000);
    fake.payWithoutNotify(no);
    const refund = await client.refund({ outTradeNo: no, outRefundNo: `R${no}`, refundFen: 4_000, totalFen: 10_000, reason: '多缴退回' });
    expect(refund).toMatchObject({ status: 'PROCESSING', refundFen: 4_000, totalFen: 10_000, outTradeNo: no, outRefundNo: `R${no}` });
    expect((await client.queryByOutTradeNo(no)).tradeState).toBe('REFUND');
    const again = await client.refund({ outTradeNo: no, outRefundNo: `R${no}`, refundFen: 4_000, totalFen: 10_000 });
    expect(again.refundId).toBe(refund.refundId);
    await expect(client.refund({ outTradeNo: no, outRefundNo: `S${no}`, refundFen: 6_001, totalFen: 10_000 })).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(await fake.completeRefund(`R${no}`)).toBe(204);
    const notify = receiver.accepted.at(-1)!;
    expect(notify.kind === 'refund' && notify.refund).toMatchObject({ status: 'SUCCESS', refundFen: 4_000, refundId: refund.refundId, mchid: merchant.mchId });
  });

  it('pay → a signed, encrypted TRANSACTION.SUCCESS notify the merchant decrypts', async () => {
    const no = await prepaid(23_456);
    expect(await fake.pay(no, { openid: 'o-owner-3' })).toBe(204);
    const notify = receiver.accepted.at(-1)!;
    expect(notify).toMatchObject({ kind: 'transaction', eventType: 'TRANSACTION.SUCCESS' });
    expect(notify.kind === 'transaction' && notify.transaction).toMatchObject({
      outTradeNo: no, tradeState: 'SUCCESS', amountFen: 23_456, payerTotalFen: 23_456, mchid: merchant.mchId, appid: merchant.appId,
      payerOpenid: 'o-owner-3', transactionId: fake.order(no)!.transactionId, successTime: clock,
    });
  });

  it('the same notify delivered 15 times is accepted 15 times with the same transaction (dedup is the service\'s job)', async () => {
    const no = await prepaid(100);
    fake.payWithoutNotify(no);
    const statuses = [];
    for (let i = 0; i < 15; i++) statuses.push(await fake.deliverNotify(no));
    expect(statuses).toEqual(Array(15).fill(204));
    const ids = receiver.accepted.slice(-15).map((n) => (n.kind === 'transaction' ? n.transaction.transactionId : ''));
    expect(new Set(ids)).toEqual(new Set([fake.order(no)!.transactionId]));
  });

  it.each([
    [{ badSignature: true }, 401, 'BAD_SIGNATURE'],
    [{ signatureProbe: true }, 401, 'BAD_SIGNATURE'],
    [{ unknownSerial: true }, 401, 'UNKNOWN_SERIAL'],
    [{ staleSeconds: 301 }, 401, 'STALE_TIMESTAMP'],
    [{ tamperCiphertext: true }, 401, 'DECRYPT_FAILED'],
    [{ omitSignatureHeaders: true }, 401, 'MALFORMED'],
    [{ amountFen: 1 }, 400, 'AMOUNT'],
    [{ mchid: '1600000000' }, 400, 'MCHID'],
    [{ appid: 'wx0000000000000000' }, 400, 'APPID'],
  ])('a notify forged with %j is refused (%i %s)', async (opts, status, reason) => {
    const no = await prepaid(7_700);
    fake.payWithoutNotify(no);
    const before = receiver.accepted.length;
    expect(await fake.deliverNotify(no, opts)).toBe(status);
    expect(receiver.rejected.at(-1)).toBe(reason);
    expect(receiver.accepted.length).toBe(before);
  });

  it.each([
    ['body', 'BAD_SIGNATURE'],
    ['signature', 'BAD_SIGNATURE'],
    ['serial', 'UNKNOWN_SERIAL'],
    ['timestamp', 'STALE_TIMESTAMP'],
  ] as const)('refuses an answer whose %s was tampered with (%s)', async (kind, reason) => {
    const no = await prepaid();
    fake.tamperNextResponse(kind);
    const error = await client.queryByOutTradeNo(no).catch((e) => e);
    expect(error).toBeInstanceOf(WechatPayVerificationError);
    expect(error.reason).toBe(reason);
  });

  it('verifies even an empty 204 answer (close)', async () => {
    const no = await prepaid();
    fake.tamperNextResponse('signature');
    await expect(client.closeOrder(no)).rejects.toMatchObject({ reason: 'BAD_SIGNATURE' });
  });

  it('WeChat refuses a request signed with the wrong key or an old timestamp: 401 SIGN_ERROR, unsigned', async () => {
    const stranger = FakeWechatPayServer.generateMerchant();
    const wrongKey = makeClient({ merchantPrivateKeyPem: stranger.privateKeyPem });
    await expect(wrongKey.queryByOutTradeNo('ANYORDER1')).rejects.toMatchObject({ status: 401, code: 'SIGN_ERROR', verified: false });
    const slowClock = makeClient({ now: () => new Date(clock.getTime() - 6 * 60_000) });
    const error = await slowClock.queryByOutTradeNo('ANYORDER1').catch((e) => e);
    expect(error).toBeInstanceOf(WechatPayApiError);
    expect(error.code).toBe('SIGN_ERROR');
  });

  it('an unreachable WeChat is a NETWORK_ERROR', async () => {
    const offline = makeClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    await expect(offline.queryByOutTradeNo('ANYORDER1')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('an expired order cannot be paid', async () => {
    const no = await prepaid();
    clock = new Date(clock.getTime() + 2 * 3600_000 + 1000);
    expect(() => fake.payWithoutNotify(no)).toThrow(/expired/);
    expect((await client.queryByOutTradeNo(no)).tradeState).toBe('NOTPAY');
  });
});

function catchReason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof WechatPayVerificationError ? e.reason : String(e);
  }
  return undefined;
}
