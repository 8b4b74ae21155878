import { type Clock, isLocalDate, shanghaiDate } from '../../../core/clock';
import { badInput } from '../../../core/errors';
import type { Charge } from './periodic';
import { type Fen, requireInt, roundHalfUp } from './rounding';
import { formatMoney, formatRatePpm, formatScaled, resultText } from './units';

export interface LateFeeInput {
  /** The unpaid principal of the line. */
  principalFen: Fen;
  /** 'YYYY-MM-DD', Asia/Shanghai calendar day. */
  dueDate: string;
  /** The payment day; when absent, today in Asia/Shanghai from `clock` (an open line). */
  paidOn?: string;
  clock?: Clock;
  graceDays: number;
  ratePpmPerDay: number;
  capAtPrincipal: boolean;
}

export interface LateFeeFormula {
  kind: 'LATE_FEE';
  principalFen: Fen;
  dueDate: string;
  paidOn: string;
  graceDays: number;
  /** Calendar days from the due date to the payment day (0 when paid on or before it). */
  daysPastDue: number;
  /** Days the rate applies to: daysPastDue − graceDays, at least 0. */
  days: number;
  ratePpmPerDay: number;
  /** The fee reached the principal and was cut to it. */
  capped: boolean;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string, field: string): number {
  if (!isLocalDate(date)) throw badInput([{ field, message: '日期格式应为 YYYY-MM-DD' }]);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

// 1 fen × 1 ppm × 1 day = 1/10^6 fen.
const LATE_FEE_FEN_SCALE = 6;

/** 滞纳金: unpaid principal × daily rate × days past due after the grace period, rounded once. */
export function lateFee(input: LateFeeInput): Charge<LateFeeFormula> {
  const principal = requireInt(input.principalFen, 'principalFen');
  const grace = requireInt(input.graceDays, 'graceDays');
  const rate = requireInt(input.ratePpmPerDay, 'ratePpmPerDay');
  if (input.paidOn === undefined && !input.clock) throw badInput([{ field: 'paidOn', message: '缺少缴费日期' }]);
  const paidOn = input.paidOn ?? shanghaiDate(input.clock!.now());
  const daysPastDue = Math.max(0, dayNumber(paidOn, 'paidOn') - dayNumber(input.dueDate, 'dueDate'));
  const days = Math.max(0, daysPastDue - Number(grace));

  const exact = principal * rate * BigInt(days);
  const scale = 10n ** BigInt(LATE_FEE_FEN_SCALE);
  // Compared before rounding so a fee far beyond the principal is capped rather than overflowing.
  const capped = input.capAtPrincipal && exact > principal * scale;
  const amountFen = capped ? input.principalFen : roundHalfUp(exact, scale);

  const graceText = grace > 0n ? `逾期 ${daysPastDue} 日 − 宽限 ${grace} 日 = ${days} 日；` : '';
  let text: string;
  if (days === 0) {
    text = `到期日 ${input.dueDate}${grace > 0n ? `，宽限 ${grace} 日` : ''}，${paidOn} 未超期，无滞纳金`;
  } else {
    const head = `${graceText}${formatMoney(principal)} × ${formatRatePpm(input.ratePpmPerDay)}/日 × ${days}日`;
    text = capped
      ? `${head} = ${formatScaled(exact, LATE_FEE_FEN_SCALE + 2, 2)}元，超过本金，以本金为上限 ${formatMoney(amountFen)}`
      : `${head} = ${resultText(exact, LATE_FEE_FEN_SCALE, amountFen)}`;
  }
  return {
    amountFen,
    formula: {
      kind: 'LATE_FEE',
      principalFen: input.principalFen,
      dueDate: input.dueDate,
      paidOn,
      graceDays: input.graceDays,
      daysPastDue,
      days,
      ratePpmPerDay: input.ratePpmPerDay,
      capped,
    },
    text,
  };
}
