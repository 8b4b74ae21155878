import type { GatewayContext } from '../../context';
import { Permission } from '../../core/auth/roles';
import { forbidden } from '../../core/errors';
import { getRoom } from '../property/service';
import type { Room } from '../property/entities';
import { BillLine, ChargeItem } from './entities';
import { lateFeeOf } from './late-fees';
import { outstandingOf, prepaidBalance } from './ledger';

/**
 * A room the viewer may read bills of: loaded through scope (another's room is NOT_FOUND), then
 * family and tenants need VIEW_BILLS, staff BILLING_READ in the room's estate.
 */
export async function billableRoom(ctx: GatewayContext, roomId: string): Promise<Room> {
  const room = await getRoom(ctx, roomId, 'roomId');
  const viewer = ctx.viewer!;
  const resident = viewer.scope.billRoomIds.includes(room.id);
  if (!resident && !viewer.can(Permission.BILLING_READ, room.estate.id)) throw forbidden('您没有查看该房间账单的权限');
  return room;
}

/** 滞纳金 accrued on a line's unpaid principal up to today (shown to the owner; charged when paid). */
export function accruedLateFee(line: BillLine, item: ChargeItem, today: string): number {
  return lateFeeOf(line, item, today)?.amountFen ?? 0;
}

export interface RoomAccountView {
  room: Room;
  outstandingFen: number;
  prepaidBalanceFen: number;
  openLines: BillLine[];
}

export async function roomAccount(ctx: GatewayContext, roomId: string): Promise<RoomAccountView> {
  const room = await billableRoom(ctx, roomId);
  const lines = await ctx.em.find(BillLine, { room }, { orderBy: { period: 'asc', dueDate: 'asc', id: 'asc' } });
  const openLines = lines.filter((l) => outstandingOf(l) > 0);
  return {
    room,
    outstandingFen: openLines.reduce((sum, l) => sum + outstandingOf(l), 0),
    prepaidBalanceFen: await prepaidBalance(ctx.em, room.id),
    openLines,
  };
}
