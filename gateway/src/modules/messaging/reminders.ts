import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { requireStaffPermission } from '../../core/auth/require';
import { forbidden } from '../../core/errors';
import { requireReportReader } from '../report/access';
import { overdueRoomsPage, type OverdueRoom } from '../report/arrears';
import { Customer } from '../customer/service';
import { billingPartyOf } from '../billing/parties';
import { formatMoney } from '../billing/formulas';
import { Message, MessageChannel, MessageStatus } from './entities';

export interface ReminderSummary {
  rooms: number;
  inApp: number;
  sms: number;
  smsFailed: number;
}

/** 欠费列表: overdue rooms of the estate, a page by room code. */
export async function overdueRooms(ctx: GatewayContext, estateId: string, first: number, after?: string | null): Promise<OverdueRoom[]> {
  const scope = await requireReportReader(ctx, estateId);
  // Per-room arrears are the staff's; the committee reads them only aggregated (by building and age).
  if (!ctx.viewer!.can(Permission.BILLING_READ, scope.estateId)) throw forbidden('您没有查看欠费明细的权限');
  return overdueRoomsPage(scope, ctx.em, ctx.today, after ?? null, first);
}

/**
 * 催缴: to each chosen overdue room's billing party, an in-app message and (with a phone) an SMS
 * through the provider. Every send is recorded with its outcome; an SMS failure does not stop
 * the others.
 */
export async function sendArrearsReminders(ctx: GatewayContext, estateId: string, roomIds: string[]): Promise<ReminderSummary> {
  const scope = await requireReportReader(ctx, estateId);
  const viewer = requireStaffPermission(ctx, scope.estateId, Permission.BILLING_OPERATE);
  const wanted = new Set(roomIds);
  const overdue: OverdueRoom[] = [];
  for (let after: string | null = null; ; ) {
    const page = await overdueRoomsPage(scope, ctx.em, ctx.today, after, 1000);
    overdue.push(...page.filter((r) => wanted.size === 0 || wanted.has(r.roomId)));
    if (page.length < 1000) break;
    after = page[page.length - 1].roomCode;
  }
  const summary: ReminderSummary = { rooms: 0, inApp: 0, sms: 0, smsFailed: 0 };
  for (const room of overdue) {
    const customerId = await billingPartyOf(ctx.em, room.roomId, ctx.today);
    if (!customerId) continue;
    const customer = await ctx.em.findOneOrFail(Customer, customerId, { filters: false });
    const title = '物业费缴费提醒';
    const body = `尊敬的${customer.name}：您的房屋${room.roomCode}有${formatMoney(room.overdueFen)}物业费用已逾期（最早到期日${room.oldestDueDate}），请尽快缴纳。如已缴纳请忽略。`;
    const base = { estate: scope.estateId, customer: customer.id, kind: 'ARREARS', title, body, sentBy: viewer.userId, createdAt: ctx.clock.now() };
    ctx.em.create(Message, { ...base, channel: MessageChannel.IN_APP, status: MessageStatus.SENT });
    summary.inApp++;
    if (customer.phone) {
      try {
        await ctx.services.sms.send(customer.phone, body);
        ctx.em.create(Message, { ...base, channel: MessageChannel.SMS, status: MessageStatus.SENT });
        summary.sms++;
      } catch (err) {
        ctx.em.create(Message, { ...base, channel: MessageChannel.SMS, status: MessageStatus.FAILED, error: String((err as Error).message).slice(0, 255) });
        summary.smsFailed++;
      }
    }
    summary.rooms++;
  }
  ctx.audit.record(ctx.em, { action: 'billing.remind', estateId: scope.estateId, entityType: 'Message', after: summary });
  await ctx.em.flush();
  return summary;
}
