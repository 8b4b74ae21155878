import { badInput } from '../../../core/errors';

/** 分 fen: money is always an integer number of fen. */
export type Fen = number;

/**
 * The one rounding step of every fee: numerator / denominator fen, half-up to 1 fen.
 * Negative amounts round half away from zero, so a reversal is the exact mirror of its charge.
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): Fen {
  if (denominator <= 0n) throw new RangeError('roundHalfUp: denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  let q = abs / denominator;
  if ((abs % denominator) * 2n >= denominator) q += 1n;
  return toSafeNumber(negative ? -q : q, 'amountFen');
}

export function toSafeNumber(value: bigint, field: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw badInput([{ field, message: '金额或用量超出可计算范围' }], 'OUT_OF_RANGE');
  return n;
}

/** Inputs arrive from services and imports: refuse floats, NaN and negatives before doing arithmetic. */
export function requireInt(value: number, field: string, min = 0): bigint {
  if (!Number.isSafeInteger(value) || value < min) {
    throw badInput([{ field, message: min > 0 ? `${field} 必须是不小于 ${min} 的整数` : `${field} 必须是非负整数` }]);
  }
  return BigInt(value);
}
