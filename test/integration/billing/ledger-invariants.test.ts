import { startTestGateway, type TestGateway } from '../../support/gateway';
import { makeBillingEstate, runBills, setUpWorkedExample } from '../../support/billing';
import { Allocation, BillLine, Payment, PrepaidEntry, Reduction } from '../../../gateway/src/modules/billing/entities';

/**
 * Randomised sequences of bill runs, full and partial payments (some at the same time), reductions,
 * refunds and reversals; after each sequence the ledger's invariants must hold for every room.
 */
let t: TestGateway;
let b: Awaited<ReturnType<typeof makeBillingEstate>>;

beforeAll(async () => {
  t = await startTestGateway();
  b = await makeBillingEstate(t);
  await setUpWorkedExample(t, b);
});
afterAll(() => t.close());

/** Small deterministic PRNG (mulberry32), so a failing sequence can be replayed from its seed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

async function checkInvariants() {
  const em = t.em();
  for (const room of Object.values(b.rooms)) {
    const lines = await em.find(BillLine, { room: room.id });
    const allocations = await em.find(Allocation, { room: room.id });
    const reductions = await em.find(Reduction, { room: room.id, status: 'APPROVED' });
    const prepaid = await em.find(PrepaidEntry, { room: room.id });
    for (const line of lines) {
      const allocated = allocations.filter((a) => a.line.id === line.id).reduce((s, a) => s + a.amountFen, 0);
      const reduced = reductions.filter((r) => r.line.id === line.id).reduce((s, r) => s + r.amountFen, 0);
      expect(line.paidFen).toBe(allocated); // the cache equals its entries
      expect(line.reducedFen).toBe(reduced);
      expect(line.paidFen + line.reducedFen).toBeLessThanOrEqual(line.amountFen); // never paid above the amount
      expect(line.paidFen).toBeGreaterThanOrEqual(0);
    }
    const receivable = lines.reduce((s, l) => s + l.amountFen, 0);
    const outstanding = lines.reduce((s, l) => s + l.amountFen - l.paidFen - l.reducedFen, 0);
    expect(receivable - reductions.reduce((s, r) => s + r.amountFen, 0) - allocations.reduce((s, a) => s + a.amountFen, 0)).toBe(outstanding);
    const balance = prepaid.reduce((s, e) => s + e.amountFen, 0);
    const byKind = (k: string) => prepaid.filter((e) => e.kind === k).reduce((s, e) => s + e.amountFen, 0);
    expect(balance).toBe(byKind('DEPOSIT') + byKind('OFFSET') + byKind('REFUND') + byKind('REVERSAL'));
    expect(balance).toBeGreaterThanOrEqual(0);
  }
  const receipts = (await em.find(Payment, { estate: b.estate.id }, { orderBy: { receiptNo: 'asc' } })).map((p) => Number(p.receiptNo.slice(5)));
  expect(receipts).toEqual(receipts.map((_, i) => i + 1)); // contiguous from 1
}

test('invariants hold after 3 random sequences of 25 operations', async () => {
  const rooms = Object.values(b.rooms);
  const periods = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];
  const gql = (q: string, v: Record<string, unknown>, token = b.tokens.cashier) => t.gql(q, v, token);
  for (const seed of [7, 42, 2026]) {
    const random = rng(seed);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const paymentIds: string[] = [];
    for (let step = 0; step < 25; step++) {
      const room = pick(rooms);
      const op = random();
      if (op < 0.15 && periods.length) {
        await runBills(t, b.tokens.cashier, b.estate.id, periods.shift()!);
      } else if (op < 0.45) {
        const amount = 1 + Math.floor(random() * 40_000);
        const res = await gql(`mutation($i: DeskPaymentInput!) { payAtDesk(input: $i) { id } }`, { i: { roomId: room.id, amountFen: amount, method: 'CASH' } });
        if (res.data?.payAtDesk) paymentIds.push(res.data.payAtDesk.id);
      } else if (op < 0.55) {
        // Two cashiers at once on the same room.
        const results = await Promise.all([1, 2].map(() => gql(`mutation($i: DeskPaymentInput!) { payAtDesk(input: $i) { id } }`, { i: { roomId: room.id, amountFen: 5_000, method: 'CARD' } })));
        for (const r of results) if (r.data?.payAtDesk) paymentIds.push(r.data.payAtDesk.id);
      } else if (op < 0.7) {
        const lines = (await t.em().find(BillLine, { room: room.id })).filter((l) => l.amountFen - l.paidFen - l.reducedFen > 0);
        if (lines.length) await gql(`mutation($l: ID!, $a: Int!) { reduceLine(lineId: $l, amountFen: $a, reason: "随机减免") { id } }`, { l: pick(lines).id, a: 1 + Math.floor(random() * 5_000) });
      } else if (op < 0.8) {
        await gql(`mutation($r: ID!, $a: Int!) { refundPrepaid(roomId: $r, amountFen: $a, reason: "随机退款") { id } }`, { r: room.id, a: 1 + Math.floor(random() * 5_000) });
      } else if (paymentIds.length) {
        const id = paymentIds.splice(Math.floor(random() * paymentIds.length), 1)[0];
        await gql(`mutation($id: ID!) { reversePayment(paymentId: $id, reason: "随机冲红") { id } }`, { id });
      }
    }
    await checkInvariants();
  }
  // The sequences did exercise every kind of entry.
  const em = t.em();
  expect(await em.count(Payment, { estate: b.estate.id, amountFen: { $gt: 0 } })).toBeGreaterThan(10);
  expect(await em.count(Payment, { estate: b.estate.id, amountFen: { $lt: 0 } })).toBeGreaterThan(0);
  expect(await em.count(Reduction, { estate: b.estate.id })).toBeGreaterThan(0);
  expect(await em.count(PrepaidEntry, { estate: b.estate.id, kind: 'OFFSET' })).toBeGreaterThan(0);
  expect(await em.count(PrepaidEntry, { estate: b.estate.id, kind: 'REFUND' })).toBeGreaterThan(0);
});
