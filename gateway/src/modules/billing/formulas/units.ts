import { badInput } from '../../../core/errors';
import type { Fen } from './rounding';

/**
 * Fixed-point units of the fee formulas, all integers:
 * price 1/10000 元 (2.80 元 = 28000), meter reading 1/1000 unit (12.3 m³ = 12300),
 * late-fee rate parts per million per day (0.05%/日 = 500). Areas are core/area's 1/100 ㎡.
 */
export const PRICE_SCALE = 4;
export const READING_SCALE = 3;

function parseScaled(value: string, scale: number, intDigits: number, field: string, what: string): number {
  const text = String(value).trim();
  const pattern = new RegExp(`^\\d{1,${intDigits}}(\\.\\d{1,${scale}})?$`);
  if (!pattern.test(text)) throw badInput([{ field, message: `${what}格式不正确，最多${scale}位小数` }]);
  const [whole, frac = ''] = text.split('.');
  return Number(whole) * 10 ** scale + Number(frac.padEnd(scale, '0'));
}

/** A fixed-point integer as a decimal, trailing zeros trimmed but at least `minDecimals` kept. */
export function formatScaled(value: bigint | number, scale: number, minDecimals: number): string {
  const n = BigInt(value);
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  const unit = 10n ** BigInt(scale);
  let frac = (abs % unit).toString().padStart(scale, '0');
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${sign}${abs / unit}${frac ? `.${frac}` : ''}`;
}

/** '2.80' → 28000 (1/10000 元). */
export function parsePrice(value: string, field = 'price'): number {
  return parseScaled(value, PRICE_SCALE, 8, field, '单价');
}

/** 28000 → '2.80', 12350 → '1.235'. */
export function formatPrice(priceUnits: number): string {
  return formatScaled(priceUnits, PRICE_SCALE, 2);
}

/** '12.3' → 12300 (1/1000 of the meter's unit). */
export function parseReading(value: string, field = 'reading'): number {
  return parseScaled(value, READING_SCALE, 9, field, '读数');
}

/** 12300 → '12.3', 1000000 → '1000'. */
export function formatReading(readingUnits: number | bigint): string {
  return formatScaled(readingUnits, READING_SCALE, 0);
}

/** Daily rate in percent: '0.05' (%/日) → 500 ppm. */
export function parseDailyRatePercent(value: string, field = 'lateFeeRate'): number {
  return parseScaled(value, 4, 2, field, '日费率');
}

/** 500 → '0.05%'. */
export function formatRatePpm(ppm: number): string {
  return `${formatScaled(ppm, 4, 2)}%`;
}

/** 25060 → '250.60元'. For explanations; screens format in the UI. */
export function formatMoney(fen: Fen | bigint): string {
  return `${formatScaled(fen, 2, 2)}元`;
}

/**
 * The right-hand side of an explanation: the exact amount, and the rounded one when they differ
 * (0.5 m³ × 1.235元 = 0.6175元 ≈ 0.62元). `numerator / 10^fenScale` is the exact amount in fen.
 */
export function resultText(numerator: bigint, fenScale: number, amountFen: Fen): string {
  if (numerator % 10n ** BigInt(fenScale) === 0n) return formatMoney(amountFen);
  return `${formatScaled(numerator, fenScale + 2, 2)}元 ≈ ${formatMoney(amountFen)}`;
}
