import type { EntityManager } from '@mikro-orm/core';
import { BillLine, ChargeItem } from './entities';
import { ChargeKind } from './enums';
import { lateFee, type Charge } from './formulas';
import type { LateFeeFormula } from './formulas';
import { outstandingOf } from './ledger';
import { periodOf } from './period';

/** The item late-fee lines are booked under; made on first use in each estate. */
export const LATE_FEE_ITEM_CODE = 'ZNJ';

/**
 * 滞纳金 of one line up to `day`: on its unpaid principal, from the due date (plus grace) or from
 * the day it was last charged, whichever is later. Zero when the item charges none.
 */
export function lateFeeOf(line: BillLine, item: ChargeItem, day: string): Charge<LateFeeFormula> | null {
  const principal = outstandingOf(line);
  if (principal <= 0 || item.lateFeeRatePpm === 0) return null;
  const from = line.lateFeeThrough ?? line.dueDate;
  if (day <= from) return null;
  const charge = lateFee({
    principalFen: principal,
    dueDate: from,
    paidOn: day,
    graceDays: line.lateFeeThrough ? 0 : item.lateFeeGraceDays,
    ratePpmPerDay: item.lateFeeRatePpm,
    capAtPrincipal: item.lateFeeCapAtPrincipal,
  });
  return charge.amountFen > 0 ? charge : null;
}

async function lateFeeItem(em: EntityManager, estateId: string): Promise<ChargeItem> {
  const existing = await em.findOne(ChargeItem, { estate: estateId, code: LATE_FEE_ITEM_CODE }, { filters: false });
  if (existing) return existing;
  return em.create(ChargeItem, { estate: estateId, code: LATE_FEE_ITEM_CODE, name: '滞纳金', kind: ChargeKind.ONE_OFF, dueDay: 1 });
}

/**
 * Books the late fee accrued up to `day` on each overdue line as a line of its own (due that day),
 * right before the lines are paid, and marks the lines charged through `day`. Returns the new
 * late-fee lines; running it twice on the same day adds nothing.
 */
export async function chargeLateFees(em: EntityManager, estateId: string, lines: BillLine[], day: string): Promise<BillLine[]> {
  const items = new Map((await em.find(ChargeItem, { id: { $in: [...new Set(lines.map((l) => l.item.id))] } }, { filters: false })).map((i) => [i.id, i]));
  const created: BillLine[] = [];
  let feeItem: ChargeItem | undefined;
  for (const line of lines) {
    const item = items.get(line.item.id);
    const charge = item && lateFeeOf(line, item, day);
    if (!item || !charge) continue;
    feeItem ??= await lateFeeItem(em, estateId);
    created.push(
      em.create(BillLine, {
        estate: estateId,
        room: line.room,
        customer: line.customer ?? null,
        item: feeItem,
        period: periodOf(day),
        dedupeKey: `late:${line.id}:${day}`,
        amountFen: charge.amountFen,
        dueDate: day,
        formula: { ...charge.formula, ofLine: line.id, ofItem: item.name, ofPeriod: line.period },
        explanation: `滞纳金（${item.name} ${line.period}）：${charge.text}`.slice(0, 255),
      }),
    );
    line.lateFeeThrough = day;
  }
  return created;
}
