import type { EntityManager } from '@mikro-orm/core';
import { isId } from '../../core/ids';
import type { ReportScope } from './access';
import { agingBoundaries, assertReportPeriod, toFen } from './figures';

/*
 * The reports' SQL: aggregated in the database (SUM … GROUP BY), so an estate of 100,000 rooms
 * never loads its lines. Raw SQL is not narrowed by the scope filter, which is why every function
 * here takes the checked ReportScope first and refuses one without an estate, and why every
 * statement starts from `estate_id = ?`.
 *
 * Portable on purpose, MariaDB 10.11 and SQLite alike: plain SUM/COUNT/CASE/JOIN, dates compared
 * as 'YYYY-MM-DD' strings (no DATEDIFF/julianday), the derived table aliased, every selected
 * column grouped. Amounts come back as DECIMAL strings on MariaDB and numbers on SQLite: toFen.
 */

type Row = Record<string, unknown>;

function estateOf(scope: ReportScope): string {
  if (!scope || !isId(scope.estateId)) throw new Error('report query without an estate scope');
  return scope.estateId;
}

async function rows(em: EntityManager, sql: string, params: unknown[]): Promise<Row[]> {
  return em.getConnection().execute<Row[]>(sql, params, 'all', em.getTransactionContext());
}

/** Runs a report's statements in one read transaction, so its sections add up to the same totals. */
export function inOneSnapshot<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return em.transactional((tx) => work(tx as EntityManager));
}

export interface CollectionSums {
  id: string;
  code: string;
  name: string;
  receivableFen: number;
  receivedFen: number;
  reducedFen: number;
}

const COLLECTION_SUMS = `coalesce(sum(l.amount_fen), 0) as receivable, coalesce(sum(l.paid_fen), 0) as received, coalesce(sum(l.reduced_fen), 0) as reduced`;

function collectionSums(r: Row): CollectionSums {
  return { id: String(r.id), code: String(r.code), name: String(r.name), receivableFen: toFen(r.receivable), receivedFen: toFen(r.received), reducedFen: toFen(r.reduced) };
}

/** 收费情况月统计表 by 收费项目: this period's lines, what was received and reduced on them so far. */
export async function collectionByItem(scope: ReportScope, em: EntityManager, period: string): Promise<CollectionSums[]> {
  const sql = `select i.id as id, i.code as code, i.name as name, ${COLLECTION_SUMS}
    from bill_line l join charge_item i on i.id = l.item_id
    where l.estate_id = ? and l.period = ?
    group by i.id, i.code, i.name
    order by i.code, i.id`;
  return (await rows(em, sql, [estateOf(scope), assertReportPeriod(period)])).map(collectionSums);
}

/** 收费情况月统计表 by 楼宇. */
export async function collectionByBuilding(scope: ReportScope, em: EntityManager, period: string): Promise<CollectionSums[]> {
  const sql = `select b.id as id, b.code as code, b.name as name, ${COLLECTION_SUMS}
    from bill_line l join room r on r.id = l.room_id join building b on b.id = r.building_id
    where l.estate_id = ? and l.period = ?
    group by b.id, b.code, b.name
    order by b.code, b.id`;
  return (await rows(em, sql, [estateOf(scope), assertReportPeriod(period)])).map(collectionSums);
}

export interface AgingSums {
  id: string;
  code: string;
  name: string;
  upTo30Fen: number;
  days31To90Fen: number;
  days91To180Fen: number;
  days181To365Fen: number;
  over365Fen: number;
  totalFen: number;
  roomCount: number;
}

const OPEN = '(l.amount_fen - l.paid_fen - l.reduced_fen)';

/**
 * 账龄分析 by 楼宇: the open amount of every line past due at asOf (due date before asOf), in
 * buckets of days past due 0–30, 31–90, 91–180, 181–365, >365. Open amounts are the ledger's
 * current ones (the lines' paid/reduced caches).
 */
export async function agingByBuilding(scope: ReportScope, em: EntityManager, asOf: string): Promise<AgingSums[]> {
  const { pastDueBefore, notOlderThan: d } = agingBoundaries(asOf);
  const sql = `select b.id as id, b.code as code, b.name as name,
      coalesce(sum(case when l.due_date >= ? then ${OPEN} else 0 end), 0) as b30,
      coalesce(sum(case when l.due_date < ? and l.due_date >= ? then ${OPEN} else 0 end), 0) as b90,
      coalesce(sum(case when l.due_date < ? and l.due_date >= ? then ${OPEN} else 0 end), 0) as b180,
      coalesce(sum(case when l.due_date < ? and l.due_date >= ? then ${OPEN} else 0 end), 0) as b365,
      coalesce(sum(case when l.due_date < ? then ${OPEN} else 0 end), 0) as bmax,
      coalesce(sum(${OPEN}), 0) as total,
      count(distinct l.room_id) as rooms
    from bill_line l join room r on r.id = l.room_id join building b on b.id = r.building_id
    where l.estate_id = ? and l.due_date < ? and ${OPEN} > 0
    group by b.id, b.code, b.name
    order by b.code, b.id`;
  const params = [d[30], d[30], d[90], d[90], d[180], d[180], d[365], d[365], estateOf(scope), pastDueBefore];
  return (await rows(em, sql, params)).map((r) => ({
    id: String(r.id),
    code: String(r.code),
    name: String(r.name),
    upTo30Fen: toFen(r.b30),
    days31To90Fen: toFen(r.b90),
    days91To180Fen: toFen(r.b180),
    days181To365Fen: toFen(r.b365),
    over365Fen: toFen(r.bmax),
    totalFen: toFen(r.total),
    roomCount: toFen(r.rooms),
  }));
}

export interface PrepaidRow {
  roomId: string;
  roomCode: string;
  buildingCode: string;
  balanceFen: number;
}

/** Rooms whose prepaid ledger (预收款) does not sum to zero, by room code, `limit` after `afterCode`. */
export async function prepaidBalancePage(scope: ReportScope, em: EntityManager, afterCode: string | null, limit: number): Promise<PrepaidRow[]> {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error('prepaidBalancePage: bad limit');
  const sql = `select r.id as room_id, r.code as room_code, b.code as building_code, sum(p.amount_fen) as balance
    from prepaid_entry p join room r on r.id = p.room_id join building b on b.id = r.building_id
    where p.estate_id = ?${afterCode === null ? '' : ' and r.code > ?'}
    group by r.id, r.code, b.code
    having sum(p.amount_fen) <> 0
    order by r.code
    limit ${limit}`;
  const params = afterCode === null ? [estateOf(scope)] : [estateOf(scope), afterCode];
  return (await rows(em, sql, params)).map((r) => ({ roomId: String(r.room_id), roomCode: String(r.room_code), buildingCode: String(r.building_code), balanceFen: toFen(r.balance) }));
}

/** How many rooms hold a non-zero prepaid balance, and its sum. */
export async function prepaidTotals(scope: ReportScope, em: EntityManager): Promise<{ roomCount: number; totalFen: number }> {
  const sql = `select count(*) as rooms, coalesce(sum(t.balance), 0) as total
    from (select p.room_id, sum(p.amount_fen) as balance from prepaid_entry p where p.estate_id = ? group by p.room_id having sum(p.amount_fen) <> 0) t`;
  const [r] = await rows(em, sql, [estateOf(scope)]);
  return { roomCount: toFen(r?.rooms), totalFen: toFen(r?.total) };
}
