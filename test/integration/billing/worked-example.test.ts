import { startTestGateway, type TestGateway } from '../../support/gateway';
import { makeBillingEstate, runBills, setUpWorkedExample } from '../../support/billing';
import { tokenFor } from '../../support/factories';
import { BillLine } from '../../../gateway/src/modules/billing/entities';

/** DOMAIN.md §4's worked example, end to end: set up by a cashier, billed by a run, seen by the owner. */
let t: TestGateway;
let b: Awaited<ReturnType<typeof makeBillingEstate>>;

beforeAll(async () => {
  t = await startTestGateway();
  b = await makeBillingEstate(t);
  await setUpWorkedExample(t, b);
});
afterAll(() => t.close());

const ACCOUNT = `query($r: ID!) { roomAccount(roomId: $r) { outstandingFen prepaidBalanceFen openLines { itemName period amountFen outstandingFen dueDate explanation formula lateFeeFen } } }`;

test('the bill run reproduces every number: 250.60, 56.70, 205.71 / 275.81 / 138.48', async () => {
  const run = await runBills(t, b.tokens.cashier, b.estate.id, '2026-10');
  expect(run).toMatchObject({ status: 'DONE', roomsDone: 3, roomsTotal: 3, linesCreated: 7, error: null });

  const mine = await t.gql(ACCOUNT, { r: b.rooms.r1503.id }, b.tokens.owner);
  const byItem = Object.fromEntries(mine.data.roomAccount.openLines.map((l: any) => [l.itemName, l]));
  expect(byItem['物业管理费']).toMatchObject({ amountFen: 25060, period: '2026-10', dueDate: '2026-11-15' });
  expect(byItem['物业管理费'].explanation).toContain('89.50㎡ × 2.80元/㎡/月 = 250.60元');
  expect(byItem['水费'].amountFen).toBe(5670);
  expect(byItem['水费'].explanation).toContain('13.5');
  expect(byItem['公摊电费'].amountFen).toBe(20571);
  expect(byItem['公摊电费'].formula).toMatchObject({ meterCode: 'E-PUB-2', totalFen: 62000 });
  expect(mine.data.roomAccount.outstandingFen).toBe(25060 + 5670 + 20571);

  const shared = await t.em().find(BillLine, { estate: b.estate.id, dedupeKey: { $like: 'shared:%' } }, { populate: ['room'] });
  expect(Object.fromEntries(shared.map((l) => [l.room.getEntity().code, l.amountFen]))).toEqual({ 'A-2-1503': 20571, 'A-2-1504': 27581, 'A-2-1505': 13848 });
});

test('a second run of the same period creates nothing', async () => {
  const before = await t.em().count(BillLine, { estate: b.estate.id });
  const again = await runBills(t, b.tokens.cashier, b.estate.id, '2026-10');
  expect(again).toMatchObject({ status: 'DONE', linesCreated: 0 });
  expect(await t.em().count(BillLine, { estate: b.estate.id })).toBe(before);
});

test('the late fee of the 250.60 line 30 days after its due date is 3.76', async () => {
  t.clock.set(new Date('2026-12-15T02:00:00Z')); // 2026-11-15 + 30 days, Shanghai
  try {
    const res = await t.gql(ACCOUNT, { r: b.rooms.r1503.id }, await tokenFor(t, b.owner.user)); // tokens of the old "now" expired
    expect(res.errors).toBeUndefined();
    const fee = res.data.roomAccount.openLines.find((l: any) => l.itemName === '物业管理费');
    expect(fee.lateFeeFen).toBe(376);
    expect(res.data.roomAccount.openLines.find((l: any) => l.itemName === '水费').lateFeeFen).toBe(0);
  } finally {
    t.clock.set(new Date('2026-11-22T02:00:00Z'));
  }
});
