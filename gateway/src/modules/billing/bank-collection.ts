import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { requireStaffPermission } from '../../core/auth/require';
import { badInput } from '../../core/errors';
import { Room } from '../property/entities';
import { getEstate } from '../property/service';
import { RoomBinding } from '../customer/service';
import { activeOn } from '../../core/scope/load-scope';
import { BillLine, Payment } from './entities';
import { PaymentMethod } from './enums';
import { outstandingOf, recordPayment } from './ledger';
import { billingPartyOf } from './parties';

/*
 * 银行托收, CSV in UTF-8 with a header line (documented in the README):
 *   export:  room_code,payer_name,amount_fen
 *            one row per room with open lines due on or before the date; the amount is all it owes.
 *   result:  room_code,amount_fen,status,bank_ref
 *            status SUCCESS or FAIL; bank_ref is the bank's transaction id. SUCCESS rows become
 *            BANK_COLLECTION payments (oldest lines first); a bank_ref already imported is skipped.
 */
export const EXPORT_HEADER = 'room_code,payer_name,amount_fen';
export const RESULT_HEADER = 'room_code,amount_fen,status,bank_ref';

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export async function exportBankCollection(ctx: GatewayContext, estateId: string, dueOnOrBefore: string): Promise<string> {
  const estate = await getEstate(ctx, estateId);
  requireStaffPermission(ctx, estate.id, Permission.BILLING_OPERATE);
  const lines = await ctx.em.find(BillLine, { estate, dueDate: { $lte: dueOnOrBefore } }, { fields: ['room', 'amountFen', 'paidFen', 'reducedFen'] });
  const owed = new Map<string, number>();
  for (const l of lines) if (outstandingOf(l) > 0) owed.set(l.room.id, (owed.get(l.room.id) ?? 0) + outstandingOf(l));
  const rooms = await ctx.em.find(Room, { id: { $in: [...owed.keys()] } }, { orderBy: { code: 'asc' } });
  // Billing parties and their names in two statements for the whole file, not two per room.
  const payers = await ctx.em.find(RoomBinding, { room: { $in: rooms.map((r) => r.id) }, isBillingParty: true, ...activeOn(ctx.today) }, { populate: ['customer'] });
  const payerName = new Map(payers.map((b) => [b.room.id, b.customer.getEntity().name]));
  const rows = [EXPORT_HEADER];
  for (const room of rooms) rows.push([room.code, csvField(payerName.get(room.id) ?? ''), String(owed.get(room.id))].join(','));
  return rows.join('\n') + '\n';
}

export interface BankResultSummary {
  paidRooms: number;
  paidFen: number;
  failedRows: number;
  skippedRows: number;
}

/** Imports the bank's result file; every row is checked before anything is written. */
export async function importBankResult(ctx: GatewayContext, estateId: string, csv: string): Promise<BankResultSummary> {
  const estate = await getEstate(ctx, estateId);
  const viewer = requireStaffPermission(ctx, estate.id, Permission.BILLING_OPERATE);
  const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  if (lines[0]?.trim() !== RESULT_HEADER) throw badInput([{ field: 'csv', message: `首行应为 ${RESULT_HEADER}` }]);
  if (lines.length > 100_001) throw badInput([{ field: 'csv', message: '每次最多导入10万行' }]);
  const rows = lines.slice(1).map((line, i) => {
    const [code, amount, status, ref] = line.split(',').map((f) => f.trim());
    const ok = code && /^\d+$/.test(amount ?? '') && ['SUCCESS', 'FAIL'].includes(status) && /^[A-Za-z0-9_-]{1,64}$/.test(ref ?? '');
    if (!ok) throw badInput([{ field: `csv.${i + 2}`, message: `第${i + 2}行格式不正确` }]);
    return { code, amountFen: Number(amount), success: status === 'SUCCESS', ref };
  });
  const rooms = new Map((await ctx.em.find(Room, { estate, code: { $in: rows.map((r) => r.code) } })).map((r) => [r.code, r]));
  const missing = rows.findIndex((r) => !rooms.has(r.code));
  if (missing >= 0) throw badInput([{ field: `csv.${missing + 2}`, message: `第${missing + 2}行房号不存在` }]);
  const known = new Set((await ctx.em.find(Payment, { estate, externalRef: { $in: rows.map((r) => r.ref) } }, { fields: ['externalRef'] })).map((p) => p.externalRef));

  return ctx.em.transactional(async (em) => {
    const summary: BankResultSummary = { paidRooms: 0, paidFen: 0, failedRows: 0, skippedRows: 0 };
    for (const row of rows) {
      if (!row.success) summary.failedRows++;
      else if (known.has(row.ref) || row.amountFen === 0) summary.skippedRows++;
      else {
        const room = rooms.get(row.code)!;
        await recordPayment(em, { estateId: estate.id, roomId: room.id, customerId: await billingPartyOf(em, room.id, ctx.today), cashierUserId: viewer.userId, method: PaymentMethod.BANK_COLLECTION, amountFen: row.amountFen, paidAt: ctx.clock.now(), note: `银行托收 ${row.ref}`, externalRef: row.ref });
        known.add(row.ref);
        summary.paidRooms++;
        summary.paidFen += row.amountFen;
      }
    }
    ctx.audit.record(em, { action: 'billing.bankResult', estateId: estate.id, entityType: 'Payment', after: summary });
    return summary;
  });
}
