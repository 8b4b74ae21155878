import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { makeBillingEstate, runBills, setUpWorkedExample } from '../../support/billing';
import { makeResident, tokenFor } from '../../support/factories';
import { BindingRelation, FamilyPermission } from '../../../gateway/src/modules/customer/enums';
import { Payment } from '../../../gateway/src/modules/billing/entities';

/** Who may read the billing types, by who is asking (STYLE.md). Another's row is NOT_FOUND. */
let t: TestGateway;
let b: Awaited<ReturnType<typeof makeBillingEstate>>;
let tokens: Record<string, string | undefined>;
let ids: { payment: string; order: string; run: string };

beforeAll(async () => {
  t = await startTestGateway();
  b = await makeBillingEstate(t);
  await setUpWorkedExample(t, b);
  const run = await t.gql(`mutation($e: ID!) { startBillRun(estateId: $e, period: "2026-10") { id } }`, { e: b.estate.id }, b.tokens.cashier);
  await t.gateway.services.billRuns.wait(run.data.startBillRun.id);
  const tenant = await makeResident(t.em(), b.rooms.r1505, BindingRelation.TENANT, { name: '租户', billing: false, endDate: '2027-06-30', permissions: [FamilyPermission.FILE_REPAIRS] });
  const lines = (await t.gql(`query($r: ID!) { roomAccount(roomId: $r) { openLines { id } } }`, { r: b.rooms.r1503.id }, b.tokens.owner)).data.roomAccount.openLines;
  const order = await t.gql(`mutation($r: ID!, $l: [ID!]!) { createPaymentOrder(roomId: $r, lineIds: $l) { order { id } } }`, { r: b.rooms.r1503.id, l: [lines[0].id] }, b.tokens.owner);
  await t.gql(`mutation($i: DeskPaymentInput!) { payAtDesk(input: $i) { id } }`, { i: { roomId: b.rooms.r1503.id, amountFen: 100, method: 'CASH', lineIds: [lines[1].id] } }, b.tokens.cashier);
  const payment = await t.em().findOneOrFail(Payment, { room: b.rooms.r1503.id });
  ids = { payment: payment.id, order: order.data.createPaymentOrder.order.id, run: run.data.startBillRun.id };
  tokens = { ...b.tokens, tenant: await tokenFor(t, tenant.user), anonymous: undefined };
});
afterAll(() => t.close());

const PERSONAS = ['owner', 'familyPay', 'familyNone', 'neighbour', 'tenant', 'cashier', 'manager', 'otherCashier', 'committee', 'anonymous'];

async function table(query: string, variables: () => Record<string, unknown>, pick: (d: any) => unknown, expected: Record<string, unknown>) {
  const actual: Record<string, unknown> = {};
  for (const p of PERSONAS) {
    const res = await t.gql(query, variables(), tokens[p]);
    actual[p] = res.errors ? errorCode(res) : pick(res.data);
  }
  expect(actual).toEqual(expected);
}

const OK = 'ok';
const ROOM_ACCOUNT = { owner: OK, familyPay: OK, familyNone: 'FORBIDDEN', neighbour: 'NOT_FOUND', tenant: 'NOT_FOUND', cashier: OK, manager: OK, otherCashier: 'NOT_FOUND', committee: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED' };

test('roomAccount / roomBills / roomPayments of owner A’s room', async () => {
  await table('query($r: ID!) { roomAccount(roomId: $r) { outstandingFen } }', () => ({ r: b.rooms.r1503.id }), () => OK, ROOM_ACCOUNT);
  await table('query($r: ID!) { roomBills(roomId: $r) { totalCount } }', () => ({ r: b.rooms.r1503.id }), () => OK, ROOM_ACCOUNT);
  await table('query($r: ID!) { roomPayments(roomId: $r) { nodes { receiptNo } } }', () => ({ r: b.rooms.r1503.id }), (d) => (d.roomPayments.nodes.length === 1 ? OK : 'WRONG'), ROOM_ACCOUNT);
});

test('payment(id): the receipt', () =>
  table('query($id: ID!) { payment(id: $id) { receiptNo } }', () => ({ id: ids.payment }), () => OK, {
    owner: OK, familyPay: OK, familyNone: 'NOT_FOUND', neighbour: 'NOT_FOUND', tenant: 'NOT_FOUND', cashier: OK, manager: OK, otherCashier: 'NOT_FOUND', committee: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED',
  }));

test('paymentOrder(id)', () =>
  table('query($id: ID!) { paymentOrder(id: $id) { status } }', () => ({ id: ids.order }), () => OK, {
    owner: OK, familyPay: OK, familyNone: 'NOT_FOUND', neighbour: 'NOT_FOUND', tenant: 'NOT_FOUND', cashier: OK, manager: OK, otherCashier: 'NOT_FOUND', committee: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED',
  }));

test('billRun(id) and dailyPayments: billing staff of the estate', async () => {
  const staffOnly = { owner: 'FORBIDDEN', familyPay: 'FORBIDDEN', familyNone: 'FORBIDDEN', neighbour: 'FORBIDDEN', tenant: 'FORBIDDEN', cashier: OK, manager: OK, otherCashier: 'NOT_FOUND', committee: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' };
  await table('query($id: ID!) { billRun(id: $id) { status } }', () => ({ id: ids.run }), () => OK, staffOnly);
  await table('query($e: ID!) { dailyPayments(estateId: $e) { count } }', () => ({ e: b.estate.id }), (d) => (d.dailyPayments.count === 1 ? OK : 'WRONG'), staffOnly);
});

test('chargeItems: everyone of the estate reads the price list', () =>
  table('query($e: ID!) { chargeItems(estateId: $e) { code price } }', () => ({ e: b.estate.id }), (d) => d.chargeItems.map((i: any) => `${i.code}:${i.price}`).join(), {
    owner: 'GTDF:0.62,SF:4.20,WYF:2.80', familyPay: 'GTDF:0.62,SF:4.20,WYF:2.80', familyNone: 'GTDF:0.62,SF:4.20,WYF:2.80', neighbour: 'GTDF:0.62,SF:4.20,WYF:2.80', tenant: 'GTDF:0.62,SF:4.20,WYF:2.80',
    cashier: 'GTDF:0.62,SF:4.20,WYF:2.80', manager: 'GTDF:0.62,SF:4.20,WYF:2.80', otherCashier: 'NOT_FOUND', committee: 'GTDF:0.62,SF:4.20,WYF:2.80', anonymous: 'UNAUTHENTICATED',
  }));

test('monthlyCollection: managers, cashiers and the committee read reports; residents do not', () =>
  table('query($e: ID!) { monthlyCollection(estateId: $e, period: "2026-10") { total { collectionRate } } }', () => ({ e: b.estate.id }), () => OK, {
    owner: 'FORBIDDEN', familyPay: 'FORBIDDEN', familyNone: 'FORBIDDEN', neighbour: 'FORBIDDEN', tenant: 'FORBIDDEN', cashier: OK, manager: OK, otherCashier: 'NOT_FOUND', committee: OK, anonymous: 'UNAUTHENTICATED',
  }));
