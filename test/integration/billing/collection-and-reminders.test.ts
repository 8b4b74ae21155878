import { startTestGateway, errorCode, type TestGateway } from '../../support/gateway';
import { makeBillingEstate, runBills, setUpWorkedExample } from '../../support/billing';
import { tokenFor } from '../../support/factories';
import { Payment } from '../../../gateway/src/modules/billing/entities';
import { Message } from '../../../gateway/src/modules/messaging/entities';

/** 银行托收 export/import and 催缴 reminders (in-app and SMS through the provider). */
let t: TestGateway;
let b: Awaited<ReturnType<typeof makeBillingEstate>>;

beforeAll(async () => {
  t = await startTestGateway();
  b = await makeBillingEstate(t);
  await setUpWorkedExample(t, b);
  await runBills(t, b.tokens.cashier, b.estate.id, '2026-09'); // due 2026-10-15: overdue on 2026-11-22
  await runBills(t, b.tokens.cashier, b.estate.id, '2026-10'); // due 2026-11-15: overdue too
});
afterAll(() => t.close());

const EXPORT = `query($e: ID!, $d: String!) { bankCollectionFile(estateId: $e, dueOnOrBefore: $d) }`;
const IMPORT = `mutation($e: ID!, $c: String!) { importBankResult(estateId: $e, csv: $c) { paidRooms paidFen failedRows skippedRows } }`;

test('the collection file lists what each room owes; the bank result pays once, even imported twice', async () => {
  const exported = await t.gql(EXPORT, { e: b.estate.id, d: "2026-10-31" }, b.tokens.cashier);
  const file = exported.data.bankCollectionFile as string;
  const [header, ...rows] = file.trim().split('\n');
  expect(header).toBe('room_code,payer_name,amount_fen');
  expect(rows).toEqual(['A-2-1503,张伟,25060', 'A-2-1504,李娜,33600', 'A-2-1505,王五,16870']);

  const result = ['room_code,amount_fen,status,bank_ref', 'A-2-1503,25060,SUCCESS,BK0001', 'A-2-1504,33600,FAIL,BK0002', 'A-2-1505,16870,SUCCESS,BK0003'].join('\n');
  const first = await t.gql(IMPORT, { e: b.estate.id, c: result }, b.tokens.cashier);
  expect(first.data.importBankResult).toEqual({ paidRooms: 2, paidFen: 25060 + 16870, failedRows: 1, skippedRows: 0 });
  const again = await t.gql(IMPORT, { e: b.estate.id, c: result }, b.tokens.cashier);
  expect(again.data.importBankResult).toEqual({ paidRooms: 0, paidFen: 0, failedRows: 1, skippedRows: 2 });
  expect(await t.em().count(Payment, { estate: b.estate.id, method: 'BANK_COLLECTION' })).toBe(2);
});

test('a result file with a bad row imports nothing', async () => {
  const before = await t.em().count(Payment, { estate: b.estate.id });
  const bad = ['room_code,amount_fen,status,bank_ref', 'A-2-1504,100,SUCCESS,BK0100', 'A-9-9999,100,SUCCESS,BK0101'].join('\n');
  const res = await t.gql(IMPORT, { e: b.estate.id, c: bad }, b.tokens.cashier);
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message).toContain('第3行');
  expect(await t.em().count(Payment, { estate: b.estate.id })).toBe(before);
});

test('reminders go to overdue rooms only, in-app and by SMS, and every send is recorded', async () => {
  const list = await t.gql(`query($e: ID!) { overdueRooms(estateId: $e) { roomCode overdueFen oldestDueDate } }`, { e: b.estate.id }, b.tokens.cashier);
  const overdue = list.data.overdueRooms;
  expect(overdue.map((r: any) => r.roomCode)).toContain('A-2-1504');
  const smsBefore = t.sms.sent.length;
  const res = await t.gql(`mutation($e: ID!) { sendArrearsReminders(estateId: $e) { rooms inApp sms smsFailed } }`, { e: b.estate.id }, b.tokens.cashier);
  expect(res.data.sendArrearsReminders).toEqual({ rooms: overdue.length, inApp: overdue.length, sms: overdue.length, smsFailed: 0 });
  const texts = t.sms.sent.slice(smsBefore).map((m) => m.text);
  expect(texts.find((x) => x.includes('A-2-1504'))).toMatch(/李娜.*A-2-1504.*元.*逾期/);
  expect(t.sms.rejected).toBe(0);
  expect(await t.em().count(Message, { estate: b.estate.id, channel: 'SMS', status: 'SENT' })).toBe(overdue.length);

  const neighbour = await tokenFor(t, b.neighbour.user);
  const inbox = await t.gql(`{ myMessages { nodes { id title body sentAt readAt } } myUnreadMessageCount }`, {}, neighbour);
  expect(inbox.data.myMessages.nodes[0]).toMatchObject({ title: '物业费缴费提醒', sentAt: '2026-11-22T02:00:00.000Z', readAt: null });
  expect(inbox.data.myUnreadMessageCount).toBe(1);
  await t.gql(`mutation($id: ID!) { markMessageRead(id: $id) { readAt } }`, { id: inbox.data.myMessages.nodes[0].id }, neighbour);
  expect((await t.gql(`{ myUnreadMessageCount }`, {}, neighbour)).data.myUnreadMessageCount).toBe(0);
  expect(errorCode(await t.gql(`mutation($id: ID!) { markMessageRead(id: $id) { readAt } }`, { id: inbox.data.myMessages.nodes[0].id }, b.tokens.owner))).toBe('NOT_FOUND');
  const other = await t.gql(`{ myMessages { totalCount } }`, {}, b.tokens.familyNone);
  expect(other.data.myMessages.totalCount).toBe(0);
});

test('who may: the cashier sends; an owner, a committee member and another estate’s cashier cannot', async () => {
  const send = (token: string) => t.gql(`mutation($e: ID!) { sendArrearsReminders(estateId: $e) { rooms } }`, { e: b.estate.id }, token);
  expect(errorCode(await send(b.tokens.owner))).toBe('FORBIDDEN');
  expect(errorCode(await send(b.tokens.committee))).toBe('FORBIDDEN');
  expect(errorCode(await send(b.tokens.otherCashier))).toBe('NOT_FOUND');
  expect(errorCode(await t.gql(EXPORT, { e: b.estate.id, d: '2026-10-31' }, b.tokens.owner))).toBe('FORBIDDEN');
  // The committee reads arrears only aggregated (reports), never room by room.
  expect(errorCode(await t.gql(`query($e: ID!) { overdueRooms(estateId: $e) { roomCode } }`, { e: b.estate.id }, b.tokens.committee))).toBe('FORBIDDEN');
});
