import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { makeBillingEstate, runBills, setUpWorkedExample } from '../../support/billing';
import { BillLine, Payment } from '../../../gateway/src/modules/billing/entities';
import { PaymentOrder } from '../../../gateway/src/modules/payment/entities';
import type { FakeWechatPayServer } from '../../../gateway/src/dev/fake-wechatpay';

/** WeChat Pay v3 against the fake on loopback: real signing, verification and decryption on our side. */
let t: TestGateway;
let b: Awaited<ReturnType<typeof makeBillingEstate>>;
let fake: FakeWechatPayServer;

beforeAll(async () => {
  t = await startTestGateway();
  fake = t.gateway.fakeWechatPay!;
  b = await makeBillingEstate(t);
  await setUpWorkedExample(t, b);
  for (const period of ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']) {
    expect((await runBills(t, b.tokens.cashier, b.estate.id, period)).status).toBe('DONE');
  }
});
afterAll(() => t.close());

const ORDER = `mutation($r: ID!, $l: [ID!]!) { createPaymentOrder(roomId: $r, lineIds: $l) { order { id outTradeNo amountFen status } wechatPay { appId package signType paySign timeStamp nonceStr } } }`;
const STATUS = `query($id: ID!) { paymentOrder(id: $id) { status payment { receiptNo amountFen method } } }`;

async function openLines(roomId: string) {
  return (await t.em().find(BillLine, { room: roomId }, { orderBy: { id: 'asc' } })).filter((l) => l.amountFen - l.paidFen - l.reducedFen > 0);
}
async function order(token: string, lineIds: string[], roomId = b.rooms.r1503.id) {
  const res = await t.gql(ORDER, { r: roomId, l: lineIds }, token);
  if (res.errors) throw Object.assign(new Error(res.errors[0].message), { code: errorCode(res) });
  return res.data.createPaymentOrder;
}
const payments = (roomId: string) => t.em().count(Payment, { room: roomId });

test('the owner pays chosen lines: signed params for wx.requestPayment, a verified notify, one receipt', async () => {
  const [line] = await openLines(b.rooms.r1503.id);
  const created = await order(b.tokens.owner, [line.id]);
  expect(created.order).toMatchObject({ amountFen: line.amountFen, status: 'CREATED' });
  expect(created.wechatPay).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=/) });
  expect(fake.order(created.order.outTradeNo)?.amountFen).toBe(line.amountFen);

  expect(await fake.pay(created.order.outTradeNo)).toBe(204);
  const status = await t.gql(STATUS, { id: created.order.id }, b.tokens.owner);
  expect(status.data.paymentOrder).toMatchObject({ status: 'PAID', payment: { amountFen: line.amountFen, method: 'WECHAT', receiptNo: expect.stringMatching(/^2026-\d{6}$/) } });
  const paid = await t.em().findOneOrFail(BillLine, line.id);
  expect(paid.paidFen).toBe(paid.amountFen);
});

test('the same notify 15 times, one after another and all at once, settles once', async () => {
  const [line] = await openLines(b.rooms.r1503.id);
  const created = await order(b.tokens.owner, [line.id]);
  const before = await payments(b.rooms.r1503.id);
  expect(await fake.pay(created.order.outTradeNo)).toBe(204);
  for (let i = 0; i < 15; i++) expect(await fake.deliverNotify(created.order.outTradeNo)).toBe(204);
  const burst = await Promise.all(Array.from({ length: 15 }, () => fake.deliverNotify(created.order.outTradeNo)));
  expect(burst.every((s) => s === 204)).toBe(true);
  expect(await payments(b.rooms.r1503.id)).toBe(before + 1);
  expect((await t.em().findOneOrFail(BillLine, line.id)).paidFen).toBe(line.amountFen);
});

test.each([
  ['a forged signature', { badSignature: true }, 401],
  ['an unknown serial', { unknownSerial: true }, 401],
  ['a stale timestamp', { staleSeconds: 600 }, 401],
  ['tampered ciphertext', { tamperCiphertext: true }, 401],
  ['a signature probe', { signatureProbe: true }, 401],
  ['a wrong amount', { amountFen: 1 }, 400],
  ['another merchant', { mchid: '1999999999' }, 400],
  ['another app', { appid: 'wx_other_app_000' }, 400],
])('%s is refused and changes nothing', async (_name, options, status) => {
  const [line] = await openLines(b.rooms.r1504.id);
  const created = await order(b.tokens.neighbour, [line.id], b.rooms.r1504.id);
  const before = await payments(b.rooms.r1504.id);
  fake.payWithoutNotify(created.order.outTradeNo);
  expect(await fake.deliverNotify(created.order.outTradeNo, options)).toBe(status);
  expect(await payments(b.rooms.r1504.id)).toBe(before);
  expect((await t.em().findOneOrFail(PaymentOrder, created.order.id)).status).toBe('CREATED');
  expect((await t.em().findOneOrFail(BillLine, line.id)).paidFen).toBe(0);
  // The genuine notify is still accepted afterwards.
  expect(await fake.deliverNotify(created.order.outTradeNo)).toBe(204);
  expect((await t.em().findOneOrFail(PaymentOrder, created.order.id)).status).toBe('PAID');
});

test('a second order for the same line closes the first at WeChat, so it can never be paid twice', async () => {
  const [line] = await openLines(b.rooms.r1503.id);
  const first = await order(b.tokens.owner, [line.id]);
  const second = await order(b.tokens.familyPay, [line.id]);
  expect(fake.order(first.order.outTradeNo)?.state).toBe('CLOSED');
  expect((await t.em().findOneOrFail(PaymentOrder, first.order.id)).status).toBe('CLOSED');
  expect(await fake.pay(second.order.outTradeNo)).toBe(204);
  expect((await t.em().findOneOrFail(BillLine, line.id)).paidFen).toBe(line.amountFen);
});

test('an order paid at WeChat before a second one is made: the first is settled, the second refused', async () => {
  const [line] = await openLines(b.rooms.r1503.id);
  const first = await order(b.tokens.owner, [line.id]);
  fake.payWithoutNotify(first.order.outTradeNo);
  const res = await t.gql(ORDER, { r: b.rooms.r1503.id, l: [line.id] }, b.tokens.owner);
  expect(errorCode(res)).toBe('CONFLICT');
  expect((await t.em().findOneOrFail(PaymentOrder, first.order.id)).status).toBe('PAID');
  expect((await t.em().findOneOrFail(BillLine, line.id)).paidFen).toBe(line.amountFen);
});

test('a line settled at the desk while its order was open: the online payment is refunded, the line paid once', async () => {
  const [line] = await openLines(b.rooms.r1503.id);
  const online = await order(b.tokens.owner, [line.id]);
  const desk = await t.gql(`mutation($i: DeskPaymentInput!) { payAtDesk(input: $i) { receiptNo } }`, { i: { roomId: b.rooms.r1503.id, amountFen: line.amountFen, method: 'CASH', lineIds: [line.id] } }, b.tokens.cashier);
  expect(desk.errors).toBeUndefined();
  expect(await fake.pay(online.order.outTradeNo)).toBe(204);
  const stored = await t.em().findOneOrFail(PaymentOrder, online.order.id);
  expect(stored.status).toBe('REFUNDED');
  expect(fake.order(online.order.outTradeNo)?.refunds.map((r) => r.refundFen)).toEqual([line.amountFen]);
  expect((await t.em().findOneOrFail(BillLine, line.id)).paidFen).toBe(line.amountFen);
});

test('a lost notify is settled by reconciliation; an unpaid order past two hours is closed', async () => {
  const [lost, unpaid] = await openLines(b.rooms.r1503.id);
  const paid = await order(b.tokens.owner, [lost.id]);
  fake.payWithoutNotify(paid.order.outTradeNo);
  const abandoned = await order(b.tokens.owner, [unpaid.id]);
  try {
    t.clock.advance(6 * 60_000);
    expect(await t.gateway.services.payments.reconcile()).toEqual({ settled: 1, closed: 0 });
    expect((await t.em().findOneOrFail(PaymentOrder, paid.order.id)).status).toBe('PAID');
    t.clock.advance(2 * 3600_000);
    expect(await t.gateway.services.payments.reconcile()).toEqual({ settled: 0, closed: 1 });
    expect((await t.em().findOneOrFail(PaymentOrder, abandoned.order.id)).status).toBe('CLOSED');
    expect(fake.order(abandoned.order.outTradeNo)?.state).toBe('CLOSED');
  } finally {
    t.clock.set(new Date('2026-11-22T02:00:00Z'));
  }
});

test('who may order: PAY permission on the room; another owner gets NOT_FOUND; staff and family without PAY are refused', async () => {
  const [line] = await openLines(b.rooms.r1503.id);
  expect(errorCode(await t.gql(ORDER, { r: b.rooms.r1503.id, l: [line.id] }, b.tokens.familyNone))).toBe('FORBIDDEN');
  expect(errorCode(await t.gql(ORDER, { r: b.rooms.r1503.id, l: [line.id] }, b.tokens.neighbour))).toBe('NOT_FOUND');
  expect(errorCode(await t.gql(ORDER, { r: b.rooms.r1503.id, l: [line.id] }, b.tokens.cashier))).toBe('FORBIDDEN');
  expect(errorCode(await t.gql(ORDER, { r: b.rooms.r1503.id, l: [line.id] }, undefined))).toBe('UNAUTHENTICATED');
  const [other] = await openLines(b.rooms.r1504.id);
  expect(errorCode(await t.gql(ORDER, { r: b.rooms.r1503.id, l: [other.id] }, b.tokens.owner))).toBe('BAD_USER_INPUT');
});
