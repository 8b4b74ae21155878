// Money is integer 分 (fen) everywhere; this is the one place it becomes 元 text, and the
// only parser of 元 typed by a user. No floats: 元 strings are split at the point.

const YUAN_INPUT = /^(\d{1,9})(?:\.(\d{0,2}))?$/
/** amounts travel as GraphQL Int (32-bit) in mutations */
const MAX_INPUT_FEN = 2 ** 31 - 1

/** 25060 → "250.60"; -25060 → "-250.60" */
export function yuanText(fen: number): string {
  const abs = Math.abs(fen)
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
  return fen < 0 ? `-${text}` : text
}

/** 25060 → "¥250.60"; -25060 → "-¥250.60" */
export function formatFen(fen: number): string {
  const text = yuanText(fen)
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`
}

/** What a user typed in 元 ("250.6", "12", "0.05") → fen, or null when it is not an amount. */
export function parseYuan(input: string): number | null {
  const match = YUAN_INPUT.exec(input.trim())
  if (!match) return null
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return fen <= MAX_INPUT_FEN ? fen : null
}

export function sumFen(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0)
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖'
const PLACES = ['', '拾', '佰', '仟']
const GROUPS = ['', '万', '亿', '万亿']

/** 0–9999 in capitals, without leading or trailing 零: 1005 → 壹仟零伍 */
function groupCapital(n: number): string {
  let out = ''
  let zero = false
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10
    if (d === 0) {
      zero = out !== ''
      continue
    }
    if (zero) out += '零'
    out += DIGITS[d] + PLACES[place]
    zero = false
  }
  return out
}

/** The integer 元 in capitals: 250 → 贰佰伍拾, 100005 → 壹拾万零伍 */
function integerCapital(yuan: number): string {
  if (yuan === 0) return ''
  const groups: number[] = []
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000)
  let out = ''
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]
    if (g === 0) continue
    // a gap before this group (a zero group, or fewer than four digits after a higher group)
    const gap = out !== '' && (g < 1000 || groups[i + 1] === 0)
    out += (gap && !out.endsWith('零') ? '零' : '') + groupCapital(g) + GROUPS[i]
  }
  return out
}

/**
 * 大写金额 as on a Chinese receipt: 25060 → 贰佰伍拾元陆角整, 100005 → 壹仟元零伍分,
 * 5 → 伍分, 0 → 零元整; negative amounts (冲红) start with 负.
 */
export function capitalAmount(fen: number): string {
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const jiao = Math.floor(abs / 10) % 10
  const fenDigit = abs % 10
  const sign = fen < 0 ? '负' : ''
  if (abs === 0) return '零元整'
  let out = integerCapital(yuan)
  if (out) out += '元'
  if (jiao) out += DIGITS[jiao] + '角'
  else if (fenDigit && out) out += '零'
  if (fenDigit) out += DIGITS[fenDigit] + '分'
  else out += '整'
  return sign + out
}
