import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { requireStaffPermission } from '../../core/auth/require';
import { snapshot } from '../../core/audit/audit-trail';
import { badInput, conflict, notFound } from '../../core/errors';
import { forUpdate } from '../../core/db/locking';
import { parseId } from '../../core/ids';
import { getEstate, getRoom } from '../property/service';
import { BillLine, Payment, PeriodClose, PrepaidEntry, Reduction, Refund } from './entities';
import { ApprovalStatus, PaymentMethod, PrepaidEntryKind } from './enums';
import type { DeskPaymentInput } from './inputs';
import { billingPartyOf } from './parties';
import { assertPeriod, currentPeriod } from './period';
import { outstandingOf, prepaidBalance, recordPayment, reversePayment } from './ledger';
import { chargeLateFees } from './late-fees';

/** Reductions and refunds above this need a manager's approval (100 元). */
export const APPROVAL_THRESHOLD_FEN = 10_000;

/** 前台收款 by a cashier: chosen lines or oldest first, partial payment allowed, any surplus prepaid. */
export async function deskPayment(ctx: GatewayContext, input: DeskPaymentInput): Promise<Payment> {
  const room = await getRoom(ctx, input.roomId, 'roomId');
  const viewer = requireStaffPermission(ctx, room.estate.id, Permission.BILLING_OPERATE);
  if (input.method === PaymentMethod.WECHAT) throw badInput([{ field: 'method', message: '微信支付请由业主在线支付' }]);
  const chosen = input.lineIds?.map((id) => parseId(id, 'lineIds'));
  return ctx.em.transactional(async (em) => {
    // 滞纳金 accrued up to today is booked first, so the payment settles it with its principal.
    const due = await em.find(BillLine, chosen ? { id: { $in: chosen }, room } : { room }, { ...forUpdate(em), filters: false });
    const fees = await chargeLateFees(em, room.estate.id, due.filter((l) => outstandingOf(l) > 0), ctx.today);
    await em.flush();
    const lineIds = chosen ? [...chosen, ...fees.map((f) => f.id)] : undefined;
    const payment = await recordPayment(em, {
      estateId: room.estate.id,
      roomId: room.id,
      customerId: await billingPartyOf(em, room.id, ctx.today),
      cashierUserId: viewer.userId,
      method: input.method,
      amountFen: input.amountFen,
      lineIds,
      paidAt: ctx.clock.now(),
      note: input.note,
    });
    ctx.audit.record(em, { action: 'billing.pay', estateId: room.estate.id, entityType: 'Payment', entityId: payment.id, after: snapshot(payment) });
    return payment;
  });
}

export async function getPayment(ctx: GatewayContext, id: string): Promise<Payment> {
  const payment = await ctx.em.findOne(Payment, { id: parseId(id, 'paymentId') });
  if (!payment) throw notFound('收款记录不存在');
  return payment;
}

/** 冲红 a payment: the only way to void one. */
export async function reverseDeskPayment(ctx: GatewayContext, paymentId: string, reason: string): Promise<Payment> {
  const payment = await getPayment(ctx, paymentId);
  const viewer = requireStaffPermission(ctx, payment.estate.id, Permission.BILLING_OPERATE);
  if (payment.method === PaymentMethod.WECHAT) throw badInput([{ field: 'paymentId', message: '微信支付请走退款' }]);
  return ctx.em.transactional(async (em) => {
    const reversal = await reversePayment(em, payment, { userId: viewer.userId, reason, at: ctx.clock.now() });
    ctx.audit.record(em, { action: 'billing.reverse', estateId: payment.estate.id, entityType: 'Payment', entityId: payment.id, before: snapshot(payment), after: snapshot(reversal) });
    return reversal;
  });
}

/** 减免 of a line with a reason; above the threshold it waits for a manager unless a manager asks. */
export async function reduceLine(ctx: GatewayContext, lineId: string, amountFen: number, reason: string): Promise<Reduction> {
  const line = await ctx.em.findOne(BillLine, { id: parseId(lineId, 'lineId') });
  if (!line) throw notFound('账单不存在');
  const viewer = requireStaffPermission(ctx, line.estate.id, Permission.BILLING_OPERATE);
  return ctx.em.transactional(async (em) => {
    const locked = await em.findOneOrFail(BillLine, line.id, { ...forUpdate(em), refresh: true });
    // The threshold holds for a line's reductions together, so splitting one does not avoid approval.
    const approved = locked.reducedFen + amountFen <= APPROVAL_THRESHOLD_FEN || viewer.can(Permission.BILLING_APPROVE, line.estate.id);
    if (amountFen > outstandingOf(locked)) throw badInput([{ field: 'amountFen', message: '减免金额不能超过欠费金额' }]);
    const reduction = em.create(Reduction, { estate: locked.estate, room: locked.room, customer: locked.customer ?? null, line: locked, amountFen, reason, status: approved ? ApprovalStatus.APPROVED : ApprovalStatus.PENDING, requestedBy: viewer.userId, decidedBy: approved ? viewer.userId : null });
    if (approved) locked.reducedFen += amountFen;
    ctx.audit.record(em, { action: 'billing.reduce', estateId: locked.estate.id, entityType: 'BillLine', entityId: locked.id, after: snapshot(reduction) });
    return reduction;
  });
}

/** 退款 of a room's prepaid balance; above the threshold it waits for a manager. */
export async function refundPrepaid(ctx: GatewayContext, roomId: string, amountFen: number, reason: string): Promise<Refund> {
  const room = await getRoom(ctx, roomId, 'roomId');
  const viewer = requireStaffPermission(ctx, room.estate.id, Permission.BILLING_OPERATE);
  return ctx.em.transactional(async (em) => {
    if (amountFen > (await prepaidBalance(em, room.id))) throw badInput([{ field: 'amountFen', message: '退款金额不能超过预收款余额' }]);
    // The threshold holds for a room's refunds of the last 30 days together, so splitting one does not avoid approval.
    const since = new Date(ctx.clock.now().getTime() - 30 * 86_400_000);
    const recent = (await em.find(Refund, { room, status: ApprovalStatus.APPROVED, createdAt: { $gte: since } })).reduce((sum, r) => sum + r.amountFen, 0);
    const approved = recent + amountFen <= APPROVAL_THRESHOLD_FEN || viewer.can(Permission.BILLING_APPROVE, room.estate.id);
    const customer = await billingPartyOf(em, room.id, ctx.today);
    const refund = em.create(Refund, { estate: room.estate, room, customer, amountFen, reason, status: approved ? ApprovalStatus.APPROVED : ApprovalStatus.PENDING, requestedBy: viewer.userId, decidedBy: approved ? viewer.userId : null, createdAt: ctx.clock.now() });
    if (approved) em.create(PrepaidEntry, { estate: room.estate, room, customer, kind: PrepaidEntryKind.REFUND, amountFen: -amountFen });
    ctx.audit.record(em, { action: 'billing.refund', estateId: room.estate.id, entityType: 'Refund', entityId: refund.id, after: snapshot(refund) });
    return refund;
  });
}

/** A manager approves or rejects a pending reduction or refund; approval applies it then. */
export async function decide(ctx: GatewayContext, kind: 'reduction' | 'refund', id: string, approve: boolean): Promise<Reduction | Refund> {
  const entity = kind === 'reduction' ? Reduction : Refund;
  const row = await ctx.em.findOne(entity as typeof Reduction, { id: parseId(id, 'id') });
  if (!row) throw notFound('记录不存在');
  const viewer = requireStaffPermission(ctx, row.estate.id, Permission.BILLING_APPROVE);
  if (row.status !== ApprovalStatus.PENDING) throw conflict('该申请已处理');
  return ctx.em.transactional(async (em) => {
    const before = snapshot(row);
    row.status = approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
    row.decidedBy = viewer.userId as never;
    if (approve && row instanceof Reduction) {
      const line = await em.findOneOrFail(BillLine, row.line.id, { ...forUpdate(em), refresh: true });
      if (row.amountFen > outstandingOf(line)) throw conflict('欠费金额已变化，减免超过欠费');
      line.reducedFen += row.amountFen;
    } else if (approve) {
      if (row.amountFen > (await prepaidBalance(em, row.room.id))) throw conflict('预收款余额不足');
      em.create(PrepaidEntry, { estate: row.estate, room: row.room, customer: row.customer ?? null, kind: PrepaidEntryKind.REFUND, amountFen: -row.amountFen });
    }
    ctx.audit.record(em, { action: `billing.${kind}.decide`, estateId: row.estate.id, entityType: kind, entityId: row.id, before, after: snapshot(row) });
    return row;
  });
}

/** 月结: locks a past period of the estate. */
export async function closePeriod(ctx: GatewayContext, estateId: string, period: string): Promise<PeriodClose> {
  const estate = await getEstate(ctx, estateId);
  const viewer = requireStaffPermission(ctx, estate.id, Permission.BILLING_OPERATE);
  assertPeriod(period);
  if (period >= currentPeriod(ctx.clock.now())) throw badInput([{ field: 'period', message: '只能结账已结束的月份' }]);
  return ctx.em.transactional(async (em) => {
    if (await em.count(PeriodClose, { estate, period })) throw conflict('该月已结账');
    const close = em.create(PeriodClose, { estate, period, closedBy: viewer.userId });
    ctx.audit.record(em, { action: 'billing.close', estateId: estate.id, entityType: 'PeriodClose', entityId: close.id, after: { period } });
    return close;
  });
}
