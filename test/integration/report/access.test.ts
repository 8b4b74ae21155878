import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { tokenFor } from '../../support/factories';
import { makeReportScenario, type ReportScenario } from './scenario';

/**
 * Who may read the reports of an estate, laid out by who is asking: managers, cashiers, HQ and
 * the estate's committee (read-only) do; residents and agents of the estate are FORBIDDEN; staff
 * and committee of another estate get NOT_FOUND for the estate; anonymous UNAUTHENTICATED.
 */
let t: TestGateway;
let s: ReportScenario;
let tokens: Record<string, string | undefined>;

beforeAll(async () => {
  t = await startTestGateway();
  s = await makeReportScenario(t);
  tokens = {
    manager: s.b.tokens.manager,
    cashier: s.b.tokens.cashier,
    committee: await tokenFor(t, s.users.committee),
    hq: await tokenFor(t, s.users.hq),
    agent: await tokenFor(t, s.users.agent),
    owner: s.b.tokens.owner,
    familyWithBills: s.b.tokens.familyPay,
    familyWithout: s.b.tokens.familyNone,
    otherCashier: s.b.tokens.otherCashier,
    otherManager: await tokenFor(t, s.users.otherManager),
    otherCommittee: await tokenFor(t, s.users.otherCommittee),
    anonymous: undefined,
  };
});
afterAll(() => t.close());

const READERS = { manager: 'ok', cashier: 'ok', committee: 'ok', hq: 'ok' };
const EXPECTED = {
  ...READERS,
  agent: 'FORBIDDEN',
  owner: 'FORBIDDEN',
  familyWithBills: 'FORBIDDEN',
  familyWithout: 'FORBIDDEN',
  otherCashier: 'NOT_FOUND',
  otherManager: 'NOT_FOUND',
  otherCommittee: 'NOT_FOUND',
  anonymous: 'UNAUTHENTICATED',
};

async function table(query: string, variables: () => Record<string, unknown>, check: (data: any) => boolean) {
  const actual: Record<string, string> = {};
  for (const [who, token] of Object.entries(tokens)) {
    const res = await t.gql(query, variables(), token);
    actual[who] = res.errors ? errorCode(res)! : check(res.data) ? 'ok' : `wrong data: ${JSON.stringify(res.data)}`;
  }
  expect(actual).toEqual(EXPECTED);
}

test('monthlyCollection', () =>
  table('query($e: ID!) { monthlyCollection(estateId: $e, period: "2026-10") { total { receivableFen } } }', () => ({ e: s.b.estate.id }), (d) => d.monthlyCollection.total.receivableFen === 171_200));

test('arrearsAging', () =>
  table('query($e: ID!) { arrearsAging(estateId: $e) { total { totalFen } } }', () => ({ e: s.b.estate.id }), (d) => d.arrearsAging.total.totalFen === 105_482));

test('prepaidBalances', () =>
  table('query($e: ID!) { prepaidBalances(estateId: $e) { totalFen nodes { roomCode } } }', () => ({ e: s.b.estate.id }), (d) => d.prepaidBalances.totalFen === 19_782));

test('exportReport, every kind', async () => {
  for (const kind of ['MONTHLY_COLLECTION', 'ARREARS_AGING', 'PREPAID_BALANCES']) {
    await table(
      'query($k: ReportKind!, $e: ID!) { exportReport(kind: $k, estateId: $e, period: "2026-10") { fileName contentBase64 } }',
      () => ({ k: kind, e: s.b.estate.id }),
      (d) => d.exportReport.contentBase64.length > 100,
    );
  }
});

test('an estate id that does not exist is NOT_FOUND even for HQ', async () => {
  const res = await t.gql('query($e: ID!) { arrearsAging(estateId: $e) { asOf } }', { e: '01900000-0000-7000-8000-000000000000' }, tokens.hq);
  expect(errorCode(res)).toBe('NOT_FOUND');
});

test('the committee stays read-only: billing mutations are still refused', async () => {
  const res = await t.gql('mutation($r: ID!) { payAtDesk(input: { roomId: $r, amountFen: 100, method: CASH }) { id } }', { r: s.rooms.b0101.id }, tokens.committee);
  expect(errorCode(res)).toBe('FORBIDDEN');
});
