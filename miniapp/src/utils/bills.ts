import type { BillLine } from '../graphql/billing-types'

export interface PeriodGroup { period: string; lines: BillLine[] }

/** Lines grouped by 账期, in the order the lines came (the API sorts them). */
export function groupByPeriod(lines: readonly BillLine[]): PeriodGroup[] {
  const groups: PeriodGroup[] = []
  for (const line of lines) {
    const last = groups[groups.length - 1]
    if (last?.period === line.period) last.lines.push(line)
    else groups.push({ period: line.period, lines: [line] })
  }
  return groups
}

export type LineStatus = 'PAID' | 'PARTIAL' | 'OPEN'

export function lineStatus(line: BillLine): LineStatus {
  if (line.outstandingFen <= 0) return 'PAID'
  return line.paidFen > 0 ? 'PARTIAL' : 'OPEN'
}

/** The set with `id` added, or removed when it was there (a tick box's click). */
export function toggled(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set)
  if (!next.delete(id)) next.add(id)
  return next
}

/** What paying a line today costs: its outstanding principal plus the 滞纳金 accrued so far (the
 *  gateway books that fee as a line of its own when the line is paid, online or at the desk). */
export function payableFen(line: BillLine): number {
  return line.outstandingFen + line.lateFeeFen
}
