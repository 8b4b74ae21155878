import { addDays, isLocalDate } from '../../core/clock';
import { badInput } from '../../core/errors';

/*
 * Pure helpers of the reports: integer arithmetic on fen and basis points, no floats anywhere.
 */

/** 收费周期 'YYYY-MM' (a calendar month in Asia/Shanghai). */
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export function assertReportPeriod(period: string | null | undefined, field = 'period'): string {
  if (!period || !PERIOD.test(period)) throw badInput([{ field, message: '账期格式应为 YYYY-MM' }]);
  return period;
}

export function assertReportDate(date: string, field = 'asOf'): string {
  if (!isLocalDate(date)) throw badInput([{ field, message: '日期格式应为 YYYY-MM-DD' }]);
  return date;
}

/**
 * A SUM or COUNT as the driver hands it back (MariaDB: DECIMAL as a string; SQLite: a number;
 * NULL for no rows) turned into a safe integer, or an error: a report never shows a rounded number.
 */
export function toFen(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value.trim()) : (value as number);
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new Error(`report sum is not a safe integer: ${String(value)}`);
  return n;
}

/**
 * 收缴率 in basis points (1 bp = 0.01 %): received ÷ receivable, rounded half-up. null when nothing
 * was receivable (0 ÷ 0 is no rate). It never shows 100.00 % while a fen is still open, nor 0.00 %
 * once something came in: the rounding must not claim a period complete or untouched.
 */
export function collectionRateBp(receivedFen: number, receivableFen: number): number | null {
  for (const v of [receivedFen, receivableFen]) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError('collectionRateBp: amounts must be non-negative safe integers');
  }
  if (receivableFen === 0) return null;
  const received = BigInt(receivedFen);
  const receivable = BigInt(receivableFen);
  let bp = Number((received * 20_000n + receivable) / (2n * receivable));
  if (bp >= 10_000 && received < receivable) bp = 9_999;
  if (bp === 0 && received > 0n) bp = 1;
  return bp;
}

/** 8735 → "87.35%"; null → "—". */
export function formatBasisPoints(bp: number | null): string {
  if (bp === null) return '—';
  if (!Number.isSafeInteger(bp)) throw new RangeError('formatBasisPoints: not an integer');
  const abs = Math.abs(bp);
  return `${bp < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

/** 账龄 buckets by days past the due date (DOMAIN.md §4). */
export const AGING_BUCKETS = [
  { key: 'upTo30Fen', label: '0–30天', maxDays: 30 },
  { key: 'days31To90Fen', label: '31–90天', maxDays: 90 },
  { key: 'days91To180Fen', label: '91–180天', maxDays: 180 },
  { key: 'days181To365Fen', label: '181–365天', maxDays: 365 },
  { key: 'over365Fen', label: '365天以上', maxDays: null },
] as const;

export type AgingKey = (typeof AGING_BUCKETS)[number]['key'];

/**
 * The due dates that bound the buckets at `asOf`. A line is past due when its due date is before
 * asOf; it is d = asOf − dueDate days past due, and d ≤ N ⟺ dueDate ≥ asOf − N. Dates are
 * 'YYYY-MM-DD' strings, which compare in SQL exactly as dates do, on MariaDB and SQLite alike.
 */
export function agingBoundaries(asOf: string): { pastDueBefore: string; notOlderThan: Record<30 | 90 | 180 | 365, string> } {
  assertReportDate(asOf);
  return {
    pastDueBefore: asOf,
    notOlderThan: { 30: addDays(asOf, -30), 90: addDays(asOf, -90), 180: addDays(asOf, -180), 365: addDays(asOf, -365) },
  };
}

/** Days past due of one due date at asOf (0 when not yet past due); for tests and the workbook. */
export function daysPastDue(dueDate: string, asOf: string): number {
  const days = Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, days);
}

/** The bucket a number of days past due (≥ 1) falls in. */
export function bucketOf(days: number): AgingKey {
  return AGING_BUCKETS.find((b) => b.maxDays === null || days <= b.maxDays)!.key;
}
