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
  await setUpWorkedExample(t, b, { lateFeeRatePercent: '0.05' });
});
afterAll(() => t.close());

const ACCOUNT = `query($r: ID!) { roomAccount(roomId: $r) { outstandingFen prepaidBalanceFen openLines { id itemName period amountFen outstandingFen dueDate explanation formula lateFeeFen } } }`;

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

test('paid at the desk 30 days late, the 250.60 line brings its 3.76 late fee as a line of its own', async () => {
  t.clock.set(new Date('2026-12-15T02:00:00Z'));
  try {
    const cashier = await tokenFor(t, b.users.cashier); // tokens of the old "now" expired
    const owner = await tokenFor(t, b.owner.user);
    const before = await t.gql(ACCOUNT, { r: b.rooms.r1503.id }, owner);
    const fee = before.data.roomAccount.openLines.find((l: any) => l.itemName === '物业管理费');
    const res = await t.gql(`mutation($i: DeskPaymentInput!) { payAtDesk(input: $i) { amountFen prepaidFen } }`, { i: { roomId: b.rooms.r1503.id, amountFen: 25060 + 376, method: 'CASH', lineIds: [fee.id] } }, cashier);
    expect(res.errors).toBeUndefined();
    expect(res.data.payAtDesk).toEqual({ amountFen: 25436, prepaidFen: 0 });
    const late = await t.em().findOneOrFail(BillLine, { room: b.rooms.r1503.id, dedupeKey: { $like: 'late:%' } });
    expect(late).toMatchObject({ amountFen: 376, paidFen: 376, period: '2026-12', dueDate: '2026-12-15' });
    expect(late.explanation).toBe('滞纳金（物业管理费 2026-10）：250.60元 × 0.05%/日 × 30日 = 3.759元 ≈ 3.76元');
    const after = await t.gql(ACCOUNT, { r: b.rooms.r1503.id }, owner);
    expect(after.data.roomAccount.openLines.every((l: any) => l.lateFeeFen === 0)).toBe(true);
  } finally {
    t.clock.set(new Date('2026-11-22T02:00:00Z'));
  }
});
