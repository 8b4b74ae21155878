import { startTestGateway, errorCode, TEST_NOW, type TestGateway } from '../../support/gateway';
import { addDays } from '../../../gateway/src/core/clock';
import { bpOf, fenOf, freshToken, makeReportScenario, readSheet, type ReportScenario } from './scenario';

/**
 * The three reports over the worked example estate after desk payments, a reversal and reductions
 * (see scenario.ts for every step). Each number below is worked out by hand from those steps.
 */
let t: TestGateway;
let s: ReportScenario;

beforeAll(async () => {
  t = await startTestGateway();
  s = await makeReportScenario(t);
});
afterAll(() => t.close());

const FIGURES = 'receivableFen receivedFen reducedFen outstandingFen collectionRateBp collectionRate';
const MONTHLY = `query($e: ID!, $p: String!) { monthlyCollection(estateId: $e, period: $p) { estateName period total { ${FIGURES} } byItem { code name ${FIGURES} } byBuilding { code name ${FIGURES} } } }`;
const AGING_FIELDS = 'upTo30Fen days31To90Fen days91To180Fen days181To365Fen over365Fen totalFen roomCount';
const AGING = `query($e: ID!, $d: String) { arrearsAging(estateId: $e, asOf: $d) { asOf total { ${AGING_FIELDS} } byBuilding { code name ${AGING_FIELDS} } } }`;
const PREPAID = `query($e: ID!, $n: Int, $a: String) { prepaidBalances(estateId: $e, first: $n, after: $a) { totalFen roomCount nodes { roomCode buildingCode balanceFen } pageInfo { hasNextPage endCursor } } }`;
const EXPORT = `query($k: ReportKind!, $e: ID!, $p: String, $d: String) { exportReport(kind: $k, estateId: $e, period: $p, asOf: $d) { fileName contentType contentBase64 } }`;

const fig = (receivableFen: number, receivedFen: number, reducedFen: number, outstandingFen: number, collectionRateBp: number | null, collectionRate: string) =>
  ({ receivableFen, receivedFen, reducedFen, outstandingFen, collectionRateBp, collectionRate });

// 2026-10, by item (ordered by code):
//  公摊电费 GTDF 205.71 + 275.81 + 138.48 = 620.00; received 138.48 (1505); the 10.00 paid on 1504 was reversed;
//           the pending 150.00 reduction of 1503 is not applied.             13848 / 62000 = 22.335…% → 22.34%
//  水费 SF    56.70; received 49.40 (1503, partial).                            4940 / 5670 = 87.125…% → 87.13%
//  物业费 WYF 250.60 + 336.00 + 168.70 + 280.00 = 1035.30; received 250.60 + 168.70 = 419.30; reduced 50.00 (1504).
//                                                                            41930 / 103530 = 40.500…% → 40.50%
const EXPECTED_BY_ITEM = [
  { code: 'GTDF', name: '公摊电费', ...fig(62_000, 13_848, 0, 48_152, 2234, '22.34%') },
  { code: 'SF', name: '水费', ...fig(5_670, 4_940, 0, 730, 8713, '87.13%') },
  { code: 'WYF', name: '物业管理费', ...fig(103_530, 41_930, 5_000, 56_600, 4050, '40.50%') },
];
const EXPECTED_BY_BUILDING = [
  { code: 'A', name: 'A栋', ...fig(143_200, 60_718, 5_000, 77_482, 4240, '42.40%') }, // 60718 / 143200 = 42.400…%
  { code: 'B', name: 'B栋', ...fig(28_000, 0, 0, 28_000, 0, '0.00%') },
];
const EXPECTED_TOTAL = fig(171_200, 60_718, 5_000, 105_482, 3547, '35.47%'); // 60718 / 171200 = 35.466…%

test('收费情况月统计表 2026-10: by item, by building, totals and 收缴率', async () => {
  const res = await t.gql(MONTHLY, { e: s.b.estate.id, p: '2026-10' }, s.b.tokens.cashier);
  expect(res.errors).toBeUndefined();
  const r = res.data.monthlyCollection;
  expect(r).toMatchObject({ estateName: '收费测试小区', period: '2026-10' });
  expect(r.byItem).toEqual(EXPECTED_BY_ITEM);
  expect(r.byBuilding).toEqual(EXPECTED_BY_BUILDING);
  expect(r.total).toEqual(EXPECTED_TOTAL);
});

test('a month without lines has zeros and no rate', async () => {
  const res = await t.gql(MONTHLY, { e: s.b.estate.id, p: '2026-09' }, s.b.tokens.manager);
  expect(res.data.monthlyCollection).toMatchObject({ byItem: [], byBuilding: [], total: fig(0, 0, 0, 0, null, '—') });
});

// Open on 2026-11-22 (all 2026-10 lines fall due 2026-11-15, 7 days before):
//  A: 1503 水费 7.30 + 公摊 205.71; 1504 物业费 286.00 + 公摊 275.81 = 774.82 in 2 rooms; B: 280.00 in 1 room.
const OPEN_A = 730 + 20_571 + 28_600 + 27_581;
const OPEN_B = 28_000;
const bucket = (key: string, a: number, b: number) => {
  const zero = { upTo30Fen: 0, days31To90Fen: 0, days91To180Fen: 0, days181To365Fen: 0, over365Fen: 0 };
  return {
    A: { code: 'A', name: 'A栋', ...zero, [key]: a, totalFen: a, roomCount: 2 },
    B: { code: 'B', name: 'B栋', ...zero, [key]: b, totalFen: b, roomCount: 1 },
    total: { ...zero, [key]: a + b, totalFen: a + b, roomCount: 3 },
  };
};

test('账龄分析 today: every open fen of the estate is 7 days past due', async () => {
  const res = await t.gql(AGING, { e: s.b.estate.id }, s.b.tokens.committee);
  expect(res.errors).toBeUndefined();
  const r = res.data.arrearsAging;
  const want = bucket('upTo30Fen', OPEN_A, OPEN_B);
  expect(r).toEqual({ asOf: '2026-11-22', byBuilding: [want.A, want.B], total: want.total });
  expect(r.total.totalFen).toBe(EXPECTED_TOTAL.outstandingFen); // all of it is 2026-10's
});

describe('账龄分析 with the clock moved forward', () => {
  afterAll(() => t.clock.set(TEST_NOW));
  test.each([
    [30, 'upTo30Fen'],
    [31, 'days31To90Fen'],
    [90, 'days31To90Fen'],
    [91, 'days91To180Fen'],
    [180, 'days91To180Fen'],
    [181, 'days181To365Fen'],
    [365, 'days181To365Fen'],
    [366, 'over365Fen'],
  ])('%i days after the due date 2026-11-15 → %s', async (days, key) => {
    const today = addDays('2026-11-15', days);
    t.clock.set(new Date(`${today}T10:00:00+08:00`));
    const res = await t.gql(AGING, { e: s.b.estate.id }, await freshToken(t, s.users.committee));
    expect(res.errors).toBeUndefined();
    const want = bucket(key, OPEN_A, OPEN_B);
    expect(res.data.arrearsAging).toEqual({ asOf: today, byBuilding: [want.A, want.B], total: want.total });
  });
});

test('账龄分析 at a later asOf projects; an earlier one is refused (open amounts are today’s)', async () => {
  const later = await t.gql(AGING, { e: s.b.estate.id, d: '2027-02-14' }, s.b.tokens.manager); // 91 days
  expect(later.data.arrearsAging.total).toMatchObject({ days91To180Fen: OPEN_A + OPEN_B, upTo30Fen: 0 });
  const earlier = await t.gql(AGING, { e: s.b.estate.id, d: '2026-11-21' }, s.b.tokens.manager);
  expect(errorCode(earlier)).toBe('BAD_USER_INPUT');
  expect(earlier.errors![0].extensions!.fieldErrors).toEqual([{ field: 'asOf', message: expect.any(String) }]);
});

test('预收款余额: 1505’s surplus and B-1-0102’s deposit, paged by room code', async () => {
  const all = await t.gql(PREPAID, { e: s.b.estate.id }, s.b.tokens.manager);
  expect(all.data.prepaidBalances).toEqual({
    totalFen: 19_282 + 500,
    roomCount: 2,
    nodes: [{ roomCode: 'A-2-1505', buildingCode: 'A', balanceFen: 19_282 }, { roomCode: 'B-1-0102', buildingCode: 'B', balanceFen: 500 }],
    pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
  });
  const first = await t.gql(PREPAID, { e: s.b.estate.id, n: 1 }, s.b.tokens.committee);
  expect(first.data.prepaidBalances.nodes.map((n: any) => n.roomCode)).toEqual(['A-2-1505']);
  expect(first.data.prepaidBalances.pageInfo.hasNextPage).toBe(true);
  const next = await t.gql(PREPAID, { e: s.b.estate.id, n: 1, a: first.data.prepaidBalances.pageInfo.endCursor }, s.b.tokens.committee);
  expect(next.data.prepaidBalances).toMatchObject({ totalFen: 19_782, roomCount: 2, nodes: [{ roomCode: 'B-1-0102', balanceFen: 500 }], pageInfo: { hasNextPage: false } });
  expect(errorCode(await t.gql(PREPAID, { e: s.b.estate.id, a: 'not-a-cursor' }, s.b.tokens.committee))).toBe('BAD_USER_INPUT');
  expect(errorCode(await t.gql(PREPAID, { e: s.b.estate.id, n: 101 }, s.b.tokens.committee))).toBe('BAD_USER_INPUT');
});

test('bad arguments are typed BAD_USER_INPUT', async () => {
  for (const p of ['2026-13', '202610', '']) expect(errorCode(await t.gql(MONTHLY, { e: s.b.estate.id, p }, s.b.tokens.manager))).toBe('BAD_USER_INPUT');
  expect(errorCode(await t.gql(AGING, { e: s.b.estate.id, d: '2026-02-30' }, s.b.tokens.manager))).toBe('BAD_USER_INPUT');
  expect(errorCode(await t.gql(EXPORT, { k: 'MONTHLY_COLLECTION', e: s.b.estate.id }, s.b.tokens.manager))).toBe('BAD_USER_INPUT');
  expect(errorCode(await t.gql(MONTHLY, { e: 'nope', p: '2026-10' }, s.b.tokens.manager))).toBe('BAD_USER_INPUT');
});

describe('Excel export holds the same numbers', () => {
  const exported = async (k: string, v: Record<string, unknown> = {}) => {
    const res = await t.gql(EXPORT, { k, e: s.b.estate.id, ...v }, s.b.tokens.committee);
    expect(res.errors).toBeUndefined();
    expect(res.data.exportReport.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return res.data.exportReport;
  };
  const collectionRow = (r: unknown[]) => ({ code: r[0], name: r[1], receivableFen: fenOf(r[2]), receivedFen: fenOf(r[3]), reducedFen: fenOf(r[4]), outstandingFen: fenOf(r[5]), collectionRateBp: bpOf(r[6]) });
  const strip = ({ collectionRate: _r, ...rest }: { collectionRate: string } & Record<string, unknown>) => rest;

  test('收费情况月统计表', async () => {
    const file = await exported('MONTHLY_COLLECTION', { p: '2026-10' });
    expect(file.fileName).toBe('收费情况月统计表-收费测试小区-2026-10.xlsx');
    const items = await readSheet(file.contentBase64, '按收费项目');
    expect(items.title).toContain('2026-10');
    expect(items.header).toEqual(['编码', '名称', '应收（元）', '实收（元）', '减免（元）', '欠费（元）', '收缴率']);
    expect(items.rows.map(collectionRow)).toEqual([...EXPECTED_BY_ITEM.map(strip), { code: '合计', name: '', ...strip(EXPECTED_TOTAL) }]);
    expect(items.rows[2][2]).toBe(1035.3); // 元 in the cell
    const buildings = await readSheet(file.contentBase64, '按楼宇');
    expect(buildings.rows.map(collectionRow)).toEqual([...EXPECTED_BY_BUILDING.map(strip), { code: '合计', name: '', ...strip(EXPECTED_TOTAL) }]);
  });

  test('欠费账龄分析', async () => {
    const file = await exported('ARREARS_AGING', { d: '2026-12-16' }); // 31 days
    const sheet = await readSheet(file.contentBase64, '账龄分析');
    expect(sheet.header[2]).toBe('0–30天（元）');
    const rows = sheet.rows.map((r) => [r[0], ...r.slice(2, 8).map(fenOf), r[8]]);
    expect(rows).toEqual([
      ['A', 0, OPEN_A, 0, 0, 0, OPEN_A, 2],
      ['B', 0, OPEN_B, 0, 0, 0, OPEN_B, 1],
      ['合计', 0, OPEN_A + OPEN_B, 0, 0, 0, OPEN_A + OPEN_B, 3],
    ]);
  });

  test('预收款余额', async () => {
    const file = await exported('PREPAID_BALANCES');
    const sheet = await readSheet(file.contentBase64, '预收款余额');
    expect(sheet.rows.map((r) => [r[0], r[1], fenOf(r[2])])).toEqual([
      ['A', 'A-2-1505', 19_282],
      ['B', 'B-1-0102', 500],
      ['合计', '2户', 19_782],
    ]);
  });
});
