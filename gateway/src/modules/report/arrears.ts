import type { EntityManager } from '@mikro-orm/core';
import { isId } from '../../core/ids';
import type { ReportScope } from './access';
import { toFen } from './figures';

export interface OverdueRoom {
  roomId: string;
  roomCode: string;
  overdueFen: number;
  oldestDueDate: string;
}

/**
 * 欠费 rooms: the unpaid amount of lines due before `asOf`, by room code, `limit` after `afterCode`.
 * Aggregated in SQL like the other reports (portable to SQLite), from `estate_id = ?`.
 */
export async function overdueRoomsPage(scope: ReportScope, em: EntityManager, asOf: string, afterCode: string | null, limit: number): Promise<OverdueRoom[]> {
  if (!scope || !isId(scope.estateId)) throw new Error('report query without an estate scope');
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) throw new Error('overdueRoomsPage: bad limit');
  const sql = `select r.id as room_id, r.code as room_code, sum(l.amount_fen - l.paid_fen - l.reduced_fen) as overdue, min(l.due_date) as oldest
    from bill_line l join room r on r.id = l.room_id
    where l.estate_id = ? and l.due_date < ? and l.amount_fen - l.paid_fen - l.reduced_fen > 0${afterCode === null ? '' : ' and r.code > ?'}
    group by r.id, r.code
    order by r.code
    limit ${limit}`;
  const params = afterCode === null ? [scope.estateId, asOf] : [scope.estateId, asOf, afterCode];
  const rows = (await em.getConnection().execute(sql, params, 'all', em.getTransactionContext())) as Record<string, unknown>[];
  return rows.map((r) => ({ roomId: String(r.room_id), roomCode: String(r.room_code), overdueFen: toFen(r.overdue), oldestDueDate: String(r.oldest) }));
}
