import ExcelJS from 'exceljs';
import type { TestGateway } from '../../support/gateway';
import { makeBillingEstate, runBills, setUpWorkedExample } from '../../support/billing';
import { makeEstate, makeStaff, tokenFor } from '../../support/factories';
import { Role } from '../../../gateway/src/core/auth/roles';
import { Building, Floor, Room } from '../../../gateway/src/modules/property/entities';
import { BillLine } from '../../../gateway/src/modules/billing/entities';
import { User } from '../../../gateway/src/modules/identity/entities';

/**
 * DOMAIN.md's worked example estate, billed for 2026-10, plus a building B (B-1-0101, 100.00 ㎡,
 * 物业费 280.00 元, unpaid; B-1-0102 with no charges), and then, through the API:
 *  - A-2-1503 pays 300.00 at the desk for its 物业费 (250.60, in full) and 水费 (49.40 of 56.70);
 *  - A-2-1504 gets a 50.00 reduction on its 物业费 (336.00), approved at once (≤ 100 元);
 *  - A-2-1504 pays 10.00 on its 公摊电费 and the payment is reversed (冲红): nets to nothing;
 *  - A-2-1503's 公摊电费 gets a 150.00 reduction that waits for a manager: not applied;
 *  - A-2-1505 pays 500.00 with no lines chosen: 168.70 + 138.48 settled, 192.82 prepaid;
 *  - B-1-0102 pays 5.00: all prepaid.
 */
export async function makeReportScenario(t: TestGateway) {
  const b = await makeBillingEstate(t);
  const items = await setUpWorkedExample(t, b);
  const em = t.em();
  const buildingB = em.create(Building, { estate: b.estate, code: 'B', name: 'B栋' });
  const floorB = em.create(Floor, { estate: b.estate, building: buildingB, level: 1 });
  const roomB = (code: string) => em.create(Room, { estate: b.estate, building: buildingB, floor: floorB, floorLevel: 1, code, chargeAreaCenti: 10_000, buildingAreaCenti: 11_000 });
  const b0101 = roomB('B-1-0101');
  const b0102 = roomB('B-1-0102');
  const otherEstate = (await makeEstate(em, { rooms: 1, name: '别的小区' })).estate;
  const users = {
    committee: await makeStaff(em, Role.COMMITTEE, b.estate, '业委会主任'),
    hq: await makeStaff(em, Role.HQ_ADMIN, null, '总部'),
    agent: await makeStaff(em, Role.CS_AGENT, b.estate, '客服'),
    otherCommittee: await makeStaff(em, Role.COMMITTEE, otherEstate, '别的业委会'),
    otherManager: await makeStaff(em, Role.MANAGER, otherEstate, '别的经理'),
  };
  await em.flush();

  const gql = async (token: string, q: string, v: Record<string, unknown>) => {
    const res = await t.gql(q, v, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const c = b.tokens.cashier;
  await gql(c, `mutation($input: AssignChargeInput!) { assignCharge(input: $input) }`, { input: { itemId: items.fee.id, roomIds: [b0101.id], startDate: '2026-01-01' } });
  const run = await runBills(t, c, b.estate.id, '2026-10');
  if (run.status !== 'DONE' || run.linesCreated !== 8) throw new Error(`bill run: ${JSON.stringify(run)}`);

  const lines = await t.em().find(BillLine, { estate: b.estate.id }, { populate: ['room', 'item'] });
  const line = (room: string, item: string) => lines.find((l) => l.room.getEntity().code === room && l.item.getEntity().code === item)!.id;
  const PAY = `mutation($input: DeskPaymentInput!) { payAtDesk(input: $input) { id receiptNo amountFen prepaidFen } }`;
  const REDUCE = `mutation($l: ID!, $a: Int!, $r: String!) { reduceLine(lineId: $l, amountFen: $a, reason: $r) { id status } }`;

  await gql(c, PAY, { input: { roomId: b.rooms.r1503.id, amountFen: 30_000, method: 'CASH', lineIds: [line('A-2-1503', 'WYF'), line('A-2-1503', 'SF')] } });
  const reduced = (await gql(c, REDUCE, { l: line('A-2-1504', 'WYF'), a: 5_000, r: '困难户减免' })).reduceLine;
  const wrong = (await gql(c, PAY, { input: { roomId: b.rooms.r1504.id, amountFen: 1_000, method: 'CASH', lineIds: [line('A-2-1504', 'GTDF')] } })).payAtDesk;
  await gql(c, `mutation($p: ID!, $r: String!) { reversePayment(paymentId: $p, reason: $r) { id } }`, { p: wrong.id, r: '收错房间' });
  const pending = (await gql(c, REDUCE, { l: line('A-2-1503', 'GTDF'), a: 15_000, r: '待经理审批' })).reduceLine;
  const prepaid = (await gql(c, PAY, { input: { roomId: b.rooms.r1505.id, amountFen: 50_000, method: 'BANK_TRANSFER' } })).payAtDesk;
  await gql(c, PAY, { input: { roomId: b0102.id, amountFen: 500, method: 'CARD' } });
  if (reduced.status !== 'APPROVED' || pending.status !== 'PENDING' || prepaid.prepaidFen !== 19_282) throw new Error('scenario drifted');

  return { b, users, otherEstate, rooms: { b0101, b0102 } };
}

export type ReportScenario = Awaited<ReturnType<typeof makeReportScenario>>;

/** A fresh token for a user (moving the clock forward expires the old ones). */
export const freshToken = (t: TestGateway, user: User) => tokenFor(t, user);

/** Opens an exported workbook and reads a sheet as rows of cell values below the header (row 2). */
export async function readSheet(contentBase64: string, name: string): Promise<{ title: string; header: string[]; rows: unknown[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(contentBase64, 'base64') as never);
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}: ${book.worksheets.map((w) => w.name).join(', ')}`);
  const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  for (let n = 3; n <= ws.rowCount; n++) rows.push(values(n));
  return { title: String(values(1)[0]), header: values(2) as string[], rows };
}

/** A money cell (元, two decimals shown) back to fen. */
export const fenOf = (cell: unknown) => Math.round((cell as number) * 100);
/** A rate cell (a fraction shown as a percentage) back to basis points. */
export const bpOf = (cell: unknown) => (cell === '—' ? null : Math.round((cell as number) * 10_000));
