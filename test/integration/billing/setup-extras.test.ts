import ExcelJS from 'exceljs';
import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { makeBillingEstate, runBills } from '../../support/billing';
import { BillLine, MeterReading } from '../../../gateway/src/modules/billing/entities';

/** 阶梯价 on metered items, 临时费用 for one room, and meter readings imported from Excel. */
let t: TestGateway;
let b: Awaited<ReturnType<typeof makeBillingEstate>>;
let water: { id: string };
let meters: Record<string, string>;

const gql = async (q: string, v: Record<string, unknown>) => {
  const res = await t.gql(q, v, b.tokens.cashier);
  if (res.errors) throw Object.assign(new Error(res.errors[0].message), { res });
  return res.data;
};

beforeAll(async () => {
  t = await startTestGateway();
  b = await makeBillingEstate(t);
  // Tiered water: up to 10 m³ at 3.00, up to 20 m³ at 4.50, beyond at 6.00 (per month's use).
  water = (await gql(`mutation($i: ChargeItemInput!) { createChargeItem(input: $i) { id } }`, {
    i: { estateId: b.estate.id, code: 'JTSF', name: '阶梯水费', kind: 'METERED', tiers: [{ upTo: '10', price: '3.00' }, { upTo: '20', price: '4.50' }, { price: '6.00' }], dueDay: 15, lateFeeRatePercent: '0' },
  })).createChargeItem;
  meters = {};
  for (const [code, room] of [['W-1503', b.rooms.r1503], ['W-1504', b.rooms.r1504]] as const) {
    meters[code] = (await gql(`mutation($i: MeterInput!) { createMeter(input: $i) { id } }`, { i: { itemId: water.id, code, roomId: room.id, baseReading: '100', basePeriod: '2026-09' } })).createMeter.id;
  }
});
afterAll(() => t.close());

async function readingsFile(rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('抄表').addRows([['表号', '账期', '本次读数', '旧表止数', '新表底数'], ...rows]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}
const IMPORT = `mutation($e: ID!, $f: String!) { importMeterReadings(estateId: $e, fileBase64: $f) { period } }`;

test('an Excel file with one bad row imports no reading and names the row', async () => {
  const file = await readingsFile([['W-1503', '2026-10', '125'], ['W-1504', '2026-10', '90']]);
  const res = await t.gql(IMPORT, { e: b.estate.id, f: file }, b.tokens.cashier);
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message).toMatch(/^第3行：读数低于上次读数/);
  expect(await t.em().count(MeterReading, { meter: { $in: Object.values(meters) }, period: '2026-10' })).toBe(0);
});

test('imported readings bill tiered water: 25 m³ = 10×3.00 + 10×4.50 + 5×6.00 = 105.00', async () => {
  const file = await readingsFile([['W-1503', '2026-10', '125'], ['W-1504', '2026-10', '108.5']]);
  expect((await t.gql(IMPORT, { e: b.estate.id, f: file }, b.tokens.cashier)).data.importMeterReadings).toHaveLength(2);
  await runBills(t, b.tokens.cashier, b.estate.id, '2026-10');
  const lines = await t.em().find(BillLine, { estate: b.estate.id, item: water.id }, { populate: ['room'] });
  expect(Object.fromEntries(lines.map((l) => [l.room.getEntity().code, l.amountFen]))).toEqual({ 'A-2-1503': 10500, 'A-2-1504': 2550 });
  expect(lines.find((l) => l.amountFen === 10500)!.explanation).toContain('阶梯水费');
});

test('tiers are refused on anything but a metered item, and must end with an open tier', async () => {
  const bad = (i: Record<string, unknown>) => t.gql(`mutation($i: ChargeItemInput!) { createChargeItem(input: $i) { id } }`, { i: { estateId: b.estate.id, dueDay: 15, lateFeeRatePercent: '0', ...i } }, b.tokens.cashier);
  expect(errorCode(await bad({ code: 'X1', name: '物业费', kind: 'PERIODIC_AREA', tiers: [{ price: '1' }] }))).toBe('BAD_USER_INPUT');
  expect(errorCode(await bad({ code: 'X2', name: '水费', kind: 'METERED', tiers: [{ upTo: '10', price: '1' }] }))).toBe('BAD_USER_INPUT');
});

test('a one-off charge for one room is due today and paid like any line', async () => {
  const item = (await gql(`mutation($i: ChargeItemInput!) { createChargeItem(input: $i) { id } }`, { i: { estateId: b.estate.id, code: 'LS', name: '临时费用', kind: 'ONE_OFF', dueDay: 15, lateFeeRatePercent: '0' } })).createChargeItem;
  const line = (await gql(`mutation($i: OneOffChargeInput!) { addOneOffCharge(input: $i) { id amountFen period dueDate explanation } }`, { i: { roomId: b.rooms.r1505.id, itemId: item.id, amountFen: 8800, note: '更换门禁卡' } })).addOneOffCharge;
  expect(line).toMatchObject({ amountFen: 8800, period: '2026-11', dueDate: '2026-11-22', explanation: '临时费用：更换门禁卡 88.00元' });
  const paid = await gql(`mutation($i: DeskPaymentInput!) { payAtDesk(input: $i) { amountFen } }`, { i: { roomId: b.rooms.r1505.id, amountFen: 8800, method: 'CASH', lineIds: [line.id] } });
  expect(paid.payAtDesk.amountFen).toBe(8800);
  const wrongKind = await t.gql(`mutation($i: OneOffChargeInput!) { addOneOffCharge(input: $i) { id } }`, { i: { roomId: b.rooms.r1505.id, itemId: water.id, amountFen: 100, note: '不对的项目' } }, b.tokens.cashier);
  expect(errorCode(wrongKind)).toBe('BAD_USER_INPUT');
  expect(errorCode(await t.gql(`mutation($i: OneOffChargeInput!) { addOneOffCharge(input: $i) { id } }`, { i: { roomId: b.rooms.r1505.id, itemId: item.id, amountFen: 100, note: '越权' } }, b.tokens.owner))).toBe('FORBIDDEN');
});

test('staff lists: the estate’s meters with their last reading, and requests awaiting approval', async () => {
  const list = await gql(`query($e: ID!) { meters(estateId: $e) { code roomCode itemName lastReading { period reading } } }`, { e: b.estate.id });
  expect(list.meters).toEqual([
    { code: 'W-1503', roomCode: 'A-2-1503', itemName: '阶梯水费', lastReading: { period: '2026-10', reading: '125' } },
    { code: 'W-1504', roomCode: 'A-2-1504', itemName: '阶梯水费', lastReading: { period: '2026-10', reading: '108.5' } },
  ]);
  const line = await t.em().findOneOrFail(BillLine, { room: b.rooms.r1503.id, item: water.id });
  await gql(`mutation($l: ID!) { reduceLine(lineId: $l, amountFen: 10200, reason: "漏水期间水费减免") { status } }`, { l: line.id });
  const pending = await gql(`query($e: ID!) { pendingApprovals(estateId: $e) { reductions { roomCode lineId amountFen reason } refunds { id } } }`, { e: b.estate.id });
  expect(pending.pendingApprovals).toEqual({ reductions: [{ roomCode: 'A-2-1503', lineId: line.id, amountFen: 10200, reason: '漏水期间水费减免' }], refunds: [] });
  expect(errorCode(await t.gql(`query($e: ID!) { meters(estateId: $e) { code } }`, { e: b.estate.id }, b.tokens.owner))).toBe('FORBIDDEN');
  expect(errorCode(await t.gql(`query($e: ID!) { pendingApprovals(estateId: $e) { refunds { id } } }`, { e: b.estate.id }, b.tokens.otherCashier))).toBe('NOT_FOUND');
});

test('a reading already billed cannot be changed: CONFLICT, the reading stays', async () => {
  const res = await t.gql(`mutation($r: [ReadingInput!]!) { recordMeterReadings(readings: $r) { id } }`, { r: [{ meterId: meters['W-1503'], period: '2026-10', reading: '999' }] }, b.tokens.cashier);
  expect(errorCode(res)).toBe('CONFLICT');
  const stored = await t.em().findOneOrFail(MeterReading, { meter: meters['W-1503'], period: '2026-10' });
  expect(stored.readingMilli).toBe(125_000);
});
