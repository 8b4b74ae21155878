import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { makeBillingEstate, runBills, setUpWorkedExample } from '../../support/billing';
import { tokenFor } from '../../support/factories';
import { Allocation, BillLine, Payment, PrepaidEntry } from '../../../gateway/src/modules/billing/entities';

/** Desk payments, receipts, prepaid offsets, reversals, reductions, refunds and the month-end close. */
let t: TestGateway;
let b: Awaited<ReturnType<typeof makeBillingEstate>>;

beforeAll(async () => {
  t = await startTestGateway();
  b = await makeBillingEstate(t);
  await setUpWorkedExample(t, b);
  await runBills(t, b.tokens.cashier, b.estate.id, '2026-09');
  await runBills(t, b.tokens.cashier, b.estate.id, '2026-10');
});
afterAll(() => t.close());

const PAY = `mutation($i: DeskPaymentInput!) { payAtDesk(input: $i) { id receiptNo amountFen prepaidFen method } }`;
const ACCOUNT = `query($r: ID!) { roomAccount(roomId: $r) { outstandingFen prepaidBalanceFen openLines { id period itemName outstandingFen } } }`;
const account = async (roomId: string, token = b.tokens.cashier) => (await t.gql(ACCOUNT, { r: roomId }, token)).data.roomAccount;

test('a partial payment settles the oldest lines first; receipts are numbered without gaps', async () => {
  const before = await account(b.rooms.r1504.id);
  const oldest = before.openLines[0];
  const first = await t.gql(PAY, { i: { roomId: b.rooms.r1504.id, amountFen: oldest.outstandingFen + 100, method: 'CASH' } }, b.tokens.cashier);
  expect(first.errors).toBeUndefined();
  const after = await account(b.rooms.r1504.id);
  expect(after.outstandingFen).toBe(before.outstandingFen - oldest.outstandingFen - 100);
  expect(after.openLines[0].outstandingFen).toBe(before.openLines[1].outstandingFen - 100);
  const second = await t.gql(PAY, { i: { roomId: b.rooms.r1504.id, amountFen: 50, method: 'CARD' } }, b.tokens.cashier);
  const n = (r: any) => Number(r.data.payAtDesk.receiptNo.slice(5));
  expect(second.data.payAtDesk.receiptNo.slice(0, 5)).toBe('2026-');
  expect(n(second)).toBe(n(first) + 1);
});

test('paying more than is owed puts the rest in the prepaid balance, which the next bill run offsets', async () => {
  const before = await account(b.rooms.r1505.id);
  const res = await t.gql(PAY, { i: { roomId: b.rooms.r1505.id, amountFen: before.outstandingFen + 30_000, method: 'BANK_TRANSFER' } }, b.tokens.cashier);
  expect(res.data.payAtDesk.prepaidFen).toBe(30_000);
  expect(await account(b.rooms.r1505.id)).toMatchObject({ outstandingFen: 0, prepaidBalanceFen: 30_000 });
  await runBills(t, b.tokens.cashier, b.estate.id, '2026-11');
  const after = await account(b.rooms.r1505.id);
  const fee = 6025 * 28000 / 10000; // 60.25 ㎡ × 2.80 = 168.70 元
  expect(after).toMatchObject({ outstandingFen: 0, prepaidBalanceFen: 30_000 - fee });
  const offsets = await t.em().find(PrepaidEntry, { room: b.rooms.r1505.id, kind: 'OFFSET' });
  expect(offsets.map((o) => o.amountFen)).toEqual([-fee]);
});

test('chosen lines: an already settled line is refused with CONFLICT and nothing is written', async () => {
  const lines = await t.em().find(BillLine, { room: b.rooms.r1505.id });
  const settled = lines.find((l) => l.paidFen === l.amountFen)!;
  const count = await t.em().count(Payment, { estate: b.estate.id });
  const res = await t.gql(PAY, { i: { roomId: b.rooms.r1505.id, amountFen: 100, method: 'CASH', lineIds: [settled.id] } }, b.tokens.cashier);
  expect(errorCode(res)).toBe('CONFLICT');
  expect(await t.em().count(Payment, { estate: b.estate.id })).toBe(count);
});

test('a reversal is a negative receipt: lines reopen, nothing is deleted, it cannot be reversed twice', async () => {
  const before = await account(b.rooms.r1503.id);
  const paid = await t.gql(PAY, { i: { roomId: b.rooms.r1503.id, amountFen: 10_000, method: 'CASH' } }, b.tokens.cashier);
  const rev = await t.gql(`mutation($id: ID!) { reversePayment(paymentId: $id, reason: "收错房间") { receiptNo amountFen } }`, { id: paid.data.payAtDesk.id }, b.tokens.cashier);
  expect(rev.data.reversePayment.amountFen).toBe(-10_000);
  expect((await account(b.rooms.r1503.id)).outstandingFen).toBe(before.outstandingFen);
  expect(await t.em().count(Payment, { id: paid.data.payAtDesk.id })).toBe(1);
  const again = await t.gql(`mutation($id: ID!) { reversePayment(paymentId: $id, reason: "重复") { receiptNo } }`, { id: paid.data.payAtDesk.id }, b.tokens.cashier);
  expect(errorCode(again)).toBe('CONFLICT');
  const allocations = await t.em().find(Allocation, { paymentId: { $in: [paid.data.payAtDesk.id] } });
  expect(allocations.reduce((s, a) => s + a.amountFen, 0)).toBe(10_000);
});

test('reductions up to 100 元 apply at once; larger ones wait for the manager', async () => {
  const [line] = (await account(b.rooms.r1503.id)).openLines;
  const small = await t.gql(`mutation($l: ID!) { reduceLine(lineId: $l, amountFen: 1000, reason: "维修期间停水") { status } }`, { l: line.id }, b.tokens.cashier);
  expect(small.data.reduceLine.status).toBe('APPROVED');
  const big = await t.gql(`mutation($l: ID!) { reduceLine(lineId: $l, amountFen: 12000, reason: "经理批准的优惠") { id status } }`, { l: line.id }, b.tokens.cashier);
  expect(big.data.reduceLine.status).toBe('PENDING');
  expect((await t.em().findOneOrFail(BillLine, line.id)).reducedFen).toBe(1000);
  expect(errorCode(await t.gql(`mutation($id: ID!) { decideReduction(id: $id, approve: true) { status } }`, { id: big.data.reduceLine.id }, b.tokens.cashier))).toBe('FORBIDDEN');
  const ok = await t.gql(`mutation($id: ID!) { decideReduction(id: $id, approve: true) { status } }`, { id: big.data.reduceLine.id }, b.tokens.manager);
  expect(ok.data.decideReduction.status).toBe('APPROVED');
  expect((await t.em().findOneOrFail(BillLine, line.id)).reducedFen).toBe(13_000);
  const over = await t.gql(`mutation($l: ID!) { reduceLine(lineId: $l, amountFen: 99999999, reason: "太多了") { status } }`, { l: line.id }, b.tokens.manager);
  expect(errorCode(over)).toBe('BAD_USER_INPUT');
});

test('splitting a large reduction into small ones still needs the manager', async () => {
  const line = (await account(b.rooms.r1504.id)).openLines.at(-1);
  const r = (amount: number) => t.gql(`mutation($l: ID!, $a: Int!) { reduceLine(lineId: $l, amountFen: $a, reason: "拆分减免") { status } }`, { l: line.id, a: amount }, b.tokens.cashier);
  expect((await r(6000)).data.reduceLine.status).toBe('APPROVED');
  expect((await r(6000)).data.reduceLine.status).toBe('PENDING');
});

test('month-end close locks the period: no new run, no payment dated in it', async () => {
  const res = await t.gql(`mutation($e: ID!) { closePeriod(estateId: $e, period: "2026-09") { period } }`, { e: b.estate.id }, b.tokens.cashier);
  expect(res.data.closePeriod.period).toBe('2026-09');
  const run = await t.gql(`mutation($e: ID!) { startBillRun(estateId: $e, period: "2026-09") { id } }`, { e: b.estate.id }, b.tokens.cashier);
  expect(errorCode(run)).toBe('CONFLICT');
  const current = await t.gql(`mutation($e: ID!) { closePeriod(estateId: $e, period: "2026-11") { period } }`, { e: b.estate.id }, b.tokens.cashier);
  expect(errorCode(current)).toBe('BAD_USER_INPUT');
});

test('who reads bills: owner and family with VIEW_BILLS; not family without, not the neighbour, not other estates', async () => {
  const q = (token?: string) => t.gql(ACCOUNT, { r: b.rooms.r1503.id }, token);
  expect((await q(b.tokens.owner)).data.roomAccount.outstandingFen).toBeGreaterThan(0);
  expect((await q(b.tokens.familyPay)).data.roomAccount.outstandingFen).toBeGreaterThan(0);
  expect(errorCode(await q(b.tokens.familyNone))).toBe('FORBIDDEN');
  expect(errorCode(await q(b.tokens.neighbour))).toBe('NOT_FOUND');
  expect(errorCode(await q(b.tokens.otherCashier))).toBe('NOT_FOUND');
  expect(errorCode(await q(b.tokens.committee))).toBe('NOT_FOUND');
  expect(errorCode(await q(undefined))).toBe('UNAUTHENTICATED');
  expect(errorCode(await t.gql(PAY, { i: { roomId: b.rooms.r1503.id, amountFen: 100, method: 'CASH' } }, b.tokens.owner))).toBe('FORBIDDEN');
  expect(errorCode(await t.gql(PAY, { i: { roomId: b.rooms.r1503.id, amountFen: 100, method: 'CASH' } }, b.tokens.otherCashier))).toBe('NOT_FOUND');
  const payments = await t.gql(`query($r: ID!) { roomPayments(roomId: $r) { totalCount } }`, { r: b.rooms.r1503.id }, await tokenFor(t, b.neighbour.user));
  expect(errorCode(payments)).toBe('NOT_FOUND');
});
