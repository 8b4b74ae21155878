import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { requireStaffPermission } from '../../core/auth/require';
import { snapshot } from '../../core/audit/audit-trail';
import { badInput } from '../../core/errors';
import { newId } from '../../core/ids';
import { getRoom } from '../property/service';
import { BillLine } from './entities';
import { ChargeKind } from './enums';
import { formatMoney } from './formulas';
import type { OneOffChargeInput } from './inputs';
import { assertPeriodOpen } from './ledger';
import { billingPartyOf } from './parties';
import { currentPeriod } from './period';
import { getChargeItem } from './setup';

/** 临时费用: a cashier books a one-off amount for one room, due today, in the current period. */
export async function addOneOffCharge(ctx: GatewayContext, input: OneOffChargeInput): Promise<BillLine> {
  const room = await getRoom(ctx, input.roomId, 'roomId');
  requireStaffPermission(ctx, room.estate.id, Permission.BILLING_OPERATE);
  const item = await getChargeItem(ctx, input.itemId);
  if (item.estate.id !== room.estate.id || item.kind !== ChargeKind.ONE_OFF) throw badInput([{ field: 'itemId', message: '请选择本小区的临时费用项目' }]);
  const period = currentPeriod(ctx.clock.now());
  await assertPeriodOpen(ctx.em, room.estate.id, period);
  return ctx.em.transactional(async (em) => {
    const line = em.create(BillLine, {
      estate: room.estate,
      room,
      customer: await billingPartyOf(em, room.id, ctx.today),
      item,
      period,
      dedupeKey: `oneoff:${newId()}`,
      amountFen: input.amountFen,
      dueDate: ctx.today,
      formula: { kind: 'ONE_OFF', amountFen: input.amountFen, note: input.note },
      explanation: `${item.name}：${input.note} ${formatMoney(input.amountFen)}`.slice(0, 255),
    });
    ctx.audit.record(em, { action: 'billing.oneOff', estateId: room.estate.id, entityType: 'BillLine', entityId: line.id, after: snapshot(line) });
    return line;
  });
}
