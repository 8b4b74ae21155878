// 收费周期 is a calendar month in Asia/Shanghai ('YYYY-MM'); instants are shown in Shanghai time.
// China has no daylight saving, so a fixed +8 h offset is exact (and needs no Intl time zones,
// which old mini-program engines lack).

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/

function shanghai(date: Date): string {
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString()
}

/** This month in Shanghai, e.g. 2026-11 */
export function currentPeriod(now: Date = new Date()): string {
  return shanghai(now).slice(0, 7)
}

/** Today in Shanghai, e.g. 2026-11-22 */
export function currentDate(now: Date = new Date()): string {
  return shanghai(now).slice(0, 10)
}

/** 2026-11-01 shifted by -1 → 2026-10-31 (calendar days; the date is read as UTC, so no zone shifts it) */
export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

export function isPeriod(value: string): boolean {
  return PERIOD.test(value)
}

/** 2026-11 shifted by -1 → 2026-10; by +2 → 2027-01 */
export function shiftPeriod(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** An ISO instant as Shanghai wall time: 2026-11-22T01:05:00Z → 2026-11-22 09:05 */
export function formatDateTime(iso: string): string {
  const text = shanghai(new Date(iso))
  return `${text.slice(0, 10)} ${text.slice(11, 16)}`
}

/** An ISO instant as Shanghai clock time: 2026-11-22T01:05:00Z → 09:05 */
export function formatTime(iso: string): string {
  return shanghai(new Date(iso)).slice(11, 16)
}
