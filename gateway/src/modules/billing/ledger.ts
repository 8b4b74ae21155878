import type { EntityManager } from '@mikro-orm/core';
import { conflict, badInput } from '../../core/errors';
import { forUpdate } from '../../core/db/locking';
import { shanghaiDate } from '../../core/clock';
import { Allocation, BillLine, Payment, PeriodClose, PrepaidEntry } from './entities';
import { PaymentMethod, PrepaidEntryKind } from './enums';
import { periodOf } from './period';
import { takeReceiptNo } from './receipts';

/*
 * The money ledger. Every function runs inside the caller's transaction and only adds entries
 * (payments, allocations, prepaid entries); the paid/reduced columns of a line are caches of them.
 * Invariants kept here, per room: Σ line amounts − reductions − allocations = outstanding;
 * prepaid balance = Σ prepaid entries ≥ 0; no line is paid above its amount.
 */

export function outstandingOf(line: Pick<BillLine, 'amountFen' | 'paidFen' | 'reducedFen'>): number {
  return line.amountFen - line.reducedFen - line.paidFen;
}

export interface PaymentRequest {
  estateId: string;
  roomId: string;
  customerId: string | null;
  cashierUserId: string | null;
  method: PaymentMethod;
  amountFen: number;
  /** Settle these lines (in this order); otherwise the room's open lines, oldest first. */
  lineIds?: string[];
  /** Online orders pay exactly their lines: any line no longer open fails the payment. */
  exact?: boolean;
  paidAt: Date;
  note?: string | null;
  externalRef?: string | null;
}

export async function assertPeriodOpen(em: EntityManager, estateId: string, period: string): Promise<void> {
  if (await em.count(PeriodClose, { estate: estateId, period }, { filters: false })) {
    throw conflict(`${period} 已月结，请在当前账期更正`, 'PERIOD_CLOSED');
  }
}

/** Locks the lines to settle, so two payments can never both take the same fen of a line. */
async function lockLines(em: EntityManager, req: PaymentRequest): Promise<BillLine[]> {
  if (req.lineIds) {
    const lines = await em.find(BillLine, { id: { $in: req.lineIds }, room: req.roomId }, { ...forUpdate(em), filters: false, refresh: true });
    if (lines.length !== new Set(req.lineIds).size) throw badInput([{ field: 'lineIds', message: '账单不存在或不属于该房间' }]);
    const order = new Map(req.lineIds.map((id, i) => [id, i]));
    return lines.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }
  const lines = await em.find(BillLine, { room: req.roomId }, { ...forUpdate(em), filters: false, refresh: true, orderBy: { dueDate: 'asc', period: 'asc', id: 'asc' } });
  return lines.filter((l) => outstandingOf(l) > 0);
}

/** 收款: allocates to lines, puts what is left into the prepaid balance, and numbers the receipt. */
export async function recordPayment(em: EntityManager, req: PaymentRequest): Promise<Payment> {
  if (!Number.isSafeInteger(req.amountFen) || req.amountFen <= 0) throw badInput([{ field: 'amountFen', message: '金额必须大于0' }]);
  const day = shanghaiDate(req.paidAt);
  await assertPeriodOpen(em, req.estateId, periodOf(day));
  const lines = await lockLines(em, req);
  if (req.exact) {
    const due = lines.reduce((sum, l) => sum + outstandingOf(l), 0);
    if (lines.some((l) => outstandingOf(l) <= 0) || due !== req.amountFen) throw conflict('账单已支付或金额已变化', 'LINE_ALREADY_PAID');
  } else if (req.lineIds && lines.some((l) => outstandingOf(l) <= 0)) {
    throw conflict('所选账单已结清', 'LINE_ALREADY_PAID');
  }

  const payment = em.create(Payment, {
    estate: req.estateId,
    room: req.roomId,
    customer: req.customerId,
    receiptNo: await takeReceiptNo(em, req.estateId, Number(day.slice(0, 4))),
    method: req.method,
    amountFen: req.amountFen,
    paidAt: req.paidAt,
    cashier: req.cashierUserId,
    note: req.note ?? null,
    externalRef: req.externalRef ?? null,
  });
  let remaining = req.amountFen;
  for (const line of lines) {
    if (remaining === 0) break;
    const take = Math.min(outstandingOf(line), remaining);
    if (take <= 0) continue;
    em.create(Allocation, { estate: req.estateId, room: req.roomId, customer: line.customer?.id ?? req.customerId, line, paymentId: payment.id, amountFen: take });
    line.paidFen += take;
    remaining -= take;
  }
  if (remaining > 0) {
    payment.prepaidFen = remaining;
    em.create(PrepaidEntry, { estate: req.estateId, room: req.roomId, customer: req.customerId, kind: PrepaidEntryKind.DEPOSIT, amountFen: remaining, paymentId: payment.id });
  }
  return payment;
}

export async function prepaidBalance(em: EntityManager, roomId: string): Promise<number> {
  const entries = await em.find(PrepaidEntry, { room: roomId }, { filters: false, fields: ['amountFen'] });
  return entries.reduce((sum, e) => sum + e.amountFen, 0);
}

/** 冲红: a negative payment with its own receipt number cancels the original; nothing is deleted. */
export async function reversePayment(em: EntityManager, original: Payment, by: { userId: string; reason: string; at: Date }): Promise<Payment> {
  if (original.reversalOf) throw conflict('冲红记录不能再冲红');
  const locked = await em.findOneOrFail(Payment, original.id, { ...forUpdate(em), filters: false, refresh: true });
  if (locked.reversedBy) throw conflict('该收款已冲红');
  const day = shanghaiDate(by.at);
  await assertPeriodOpen(em, locked.estate.id, periodOf(day));
  if (locked.prepaidFen > 0 && (await prepaidBalance(em, locked.room.id)) < locked.prepaidFen) {
    throw conflict('预收款已被冲抵使用，无法冲红', 'PREPAID_USED');
  }
  const reversal = em.create(Payment, {
    estate: locked.estate,
    room: locked.room,
    customer: locked.customer ?? null,
    receiptNo: await takeReceiptNo(em, locked.estate.id, Number(day.slice(0, 4))),
    method: locked.method,
    amountFen: -locked.amountFen,
    prepaidFen: -locked.prepaidFen,
    paidAt: by.at,
    cashier: by.userId,
    reversalOf: locked.id,
    note: by.reason,
  });
  locked.reversedBy = reversal.id;
  const allocations = await em.find(Allocation, { paymentId: locked.id }, { filters: false, populate: ['line'] });
  for (const a of allocations) {
    em.create(Allocation, { estate: a.estate, room: a.room, customer: a.customer ?? null, line: a.line, paymentId: reversal.id, amountFen: -a.amountFen });
    a.line.getEntity().paidFen -= a.amountFen;
  }
  if (locked.prepaidFen > 0) {
    em.create(PrepaidEntry, { estate: locked.estate, room: locked.room, customer: locked.customer ?? null, kind: PrepaidEntryKind.REVERSAL, amountFen: -locked.prepaidFen, paymentId: reversal.id });
  }
  return reversal;
}

export async function prepaidBalances(em: EntityManager, roomIds: string[]): Promise<Map<string, number>> {
  const entries = await em.find(PrepaidEntry, { room: { $in: roomIds } }, { filters: false, fields: ['room', 'amountFen'] });
  const balances = new Map<string, number>();
  for (const e of entries) balances.set(e.room.id, (balances.get(e.room.id) ?? 0) + e.amountFen);
  return balances;
}

/** 预收冲抵 for many rooms: one statement finds the balances, only rooms with money are touched. */
export async function offsetFromPrepaidForRooms(em: EntityManager, estateId: string, roomIds: string[]): Promise<number> {
  let used = 0;
  for (const [roomId, balance] of await prepaidBalances(em, roomIds)) {
    if (balance > 0) used += await offsetFromPrepaid(em, estateId, roomId, balance);
  }
  return used;
}

/** 预收冲抵: a room's prepaid balance settles its open lines, oldest first. */
export async function offsetFromPrepaid(em: EntityManager, estateId: string, roomId: string, knownBalance?: number): Promise<number> {
  let balance = knownBalance ?? (await prepaidBalance(em, roomId));
  if (balance <= 0) return 0;
  const lines = await lockLines(em, { roomId } as PaymentRequest);
  let used = 0;
  for (const line of lines) {
    if (balance === 0) break;
    const take = Math.min(outstandingOf(line), balance);
    const entry = em.create(PrepaidEntry, { estate: estateId, room: roomId, customer: line.customer?.id ?? null, kind: PrepaidEntryKind.OFFSET, amountFen: -take });
    em.create(Allocation, { estate: estateId, room: roomId, customer: line.customer?.id ?? null, line, prepaidEntryId: entry.id, amountFen: take });
    line.paidFen += take;
    balance -= take;
    used += take;
  }
  return used;
}
