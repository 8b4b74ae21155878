import { startTestGateway, type TestGateway } from '../../support/gateway';
import { makeStaff, tokenFor } from '../../support/factories';
import { Role } from '../../../gateway/src/core/auth/roles';
import { Estate } from '../../../gateway/src/modules/property/entities';
import { sqlStatements } from '../../../gateway/src/core/db/query-log';
import { FIXTURE_AS_OF, FIXTURE_PERIOD, seedReportFixture, type FixtureExpectations } from '../../../gateway/src/modules/report/__tests__/report-fixture';

/**
 * The fixture of the SQLite spec (gateway/src/modules/report/__tests__), here on MariaDB: the same
 * rows must give the same numbers on both databases, aging lines sitting on every bucket boundary.
 */
let t: TestGateway;
let x: FixtureExpectations;
let token: string;

beforeAll(async () => {
  t = await startTestGateway();
  const em = t.em();
  x = await seedReportFixture(em);
  token = await tokenFor(t, await makeStaff(em, Role.MANAGER, em.getReference(Estate, x.estateId), '报表经理'));
});
afterAll(() => t.close());

const four = (r: any) => [r.receivableFen, r.receivedFen, r.reducedFen, r.outstandingFen];

test('collection by item, by building and total', async () => {
  const res = await t.gql(`query($e: ID!, $p: String!) { monthlyCollection(estateId: $e, period: $p) {
    byItem { code receivableFen receivedFen reducedFen outstandingFen } byBuilding { code receivableFen receivedFen reducedFen outstandingFen }
    total { receivableFen receivedFen reducedFen outstandingFen collectionRateBp collectionRate } } }`, { e: x.estateId, p: FIXTURE_PERIOD }, token);
  expect(res.errors).toBeUndefined();
  const r = res.data.monthlyCollection;
  expect(Object.fromEntries(r.byItem.map((i: any) => [i.code, four(i)]))).toEqual(x.collection.byItem);
  expect(Object.fromEntries(r.byBuilding.map((b: any) => [b.code, four(b)]))).toEqual(x.collection.byBuilding);
  expect(four(r.total)).toEqual(x.collection.total);
  expect(r.total).toMatchObject({ collectionRateBp: x.collection.rateBp, collectionRate: '24.86%' });
});

test('aging on every bucket boundary', async () => {
  const res = await t.gql(`query($e: ID!, $d: String) { arrearsAging(estateId: $e, asOf: $d) {
    byBuilding { code upTo30Fen days31To90Fen days91To180Fen days181To365Fen over365Fen totalFen roomCount }
    total { upTo30Fen days31To90Fen days91To180Fen days181To365Fen over365Fen totalFen roomCount } } }`, { e: x.estateId, d: FIXTURE_AS_OF }, token);
  expect(res.errors).toBeUndefined();
  const r = res.data.arrearsAging;
  expect(Object.fromEntries(r.byBuilding.map(({ code, ...rest }: any) => [code, rest]))).toEqual(x.aging.byBuilding);
  expect(r.total).toEqual(x.aging.total);
});

test('prepaid balances', async () => {
  const res = await t.gql(`query($e: ID!) { prepaidBalances(estateId: $e) { totalFen roomCount nodes { roomCode balanceFen } } }`, { e: x.estateId }, token);
  expect(res.data.prepaidBalances.totalFen).toBe(x.prepaid.totalFen);
  expect(Object.fromEntries(res.data.prepaidBalances.nodes.map((n: any) => [n.roomCode, n.balanceFen]))).toEqual(x.prepaid.rooms);
});

test('reports aggregate in SQL: a few statements, none reading bill lines row by row', async () => {
  sqlStatements.recent = [];
  sqlStatements.keepRecent = true;
  const before = sqlStatements.count;
  try {
    const res = await t.gql(`query($e: ID!) { monthlyCollection(estateId: $e, period: "${FIXTURE_PERIOD}") { total { receivableFen } } arrearsAging(estateId: $e, asOf: "${FIXTURE_AS_OF}") { total { totalFen } } }`, { e: x.estateId }, token);
    expect(res.errors).toBeUndefined();
    expect(sqlStatements.count - before).toBeLessThanOrEqual(10); // viewer (3) + estate + aging + begin, by item, by building, commit
    const touchingLines = sqlStatements.recent.filter((q) => /from `?bill_line`?/i.test(q));
    expect(touchingLines.length).toBe(3);
    for (const q of touchingLines) expect(q).toMatch(/sum\(/i);
  } finally {
    sqlStatements.keepRecent = false;
    sqlStatements.recent = [];
  }
});
