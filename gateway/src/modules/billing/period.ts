import { addDays, shanghaiDate } from '../../core/clock';
import { badInput } from '../../core/errors';

/** 收费周期: a calendar month in Asia/Shanghai, written 'YYYY-MM'. */
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function assertPeriod(period: string, field = 'period'): string {
  if (!PERIOD.test(period)) throw badInput([{ field, message: '账期格式应为 YYYY-MM' }]);
  return period;
}

export function periodOf(date: string): string {
  return date.slice(0, 7);
}

export function currentPeriod(now: Date): string {
  return periodOf(shanghaiDate(now));
}

export function firstDay(period: string): string {
  return `${period}-01`;
}

export function nextPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function lastDay(period: string): string {
  return addDays(firstDay(nextPeriod(period)), -1);
}

/** Lines of a month fall due on `dueDay` of the following month. */
export function dueDateOf(period: string, dueDay: number): string {
  return `${nextPeriod(period)}-${String(Math.min(Math.max(dueDay, 1), 28)).padStart(2, '0')}`;
}
