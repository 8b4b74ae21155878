import { badInput } from '../../../core/errors';
import type { Charge } from './periodic';
import { requireInt, roundHalfUp, toSafeNumber } from './rounding';
import { formatPrice, formatReading, resultText } from './units';

/** One step of 阶梯价: consumption up to `upTo` (1/1000 unit, cumulative) at this price; the last step has no limit. */
export interface Tier {
  upTo: number | null;
  priceUnits: number;
}

/** 换表: the old meter's final reading and the new meter's base reading 表底数. */
export interface MeterReplacement {
  oldFinal: number;
  newBase: number;
}

export interface MeterReadings {
  previous: number;
  current: number;
  /** 倍率, a positive integer (current-transformer ratios are whole numbers). */
  multiplier?: number;
  replacement?: MeterReplacement;
  /** Unit label for the explanation only: 'm³', 'kWh'. */
  unit?: string;
}

export type MeterPricing =
  | { priceUnits: number; tiers?: undefined; tierOffset?: undefined }
  /** `tierOffset`: consumption already billed in the tier year (阶梯 are usually counted per year). */
  | { tiers: readonly Tier[]; tierOffset?: number; priceUnits?: undefined };

export type MeterInput = MeterReadings & MeterPricing;

export interface TierPart {
  from: number;
  upTo: number | null;
  quantity: number;
  priceUnits: number;
}

export interface MeteredFormula {
  kind: 'METERED';
  previous: number;
  current: number;
  multiplier: number;
  replacement: MeterReplacement | null;
  consumption: number;
  tiered: boolean;
  parts: TierPart[];
}

// 1/1000 unit × 1/10000 元 = 1/10^7 元 = 1/10^5 fen.
const METER_FEN_SCALE = 5;

function consumptionOf(input: MeterReadings): { consumption: bigint; text: string } {
  const previous = requireInt(input.previous, 'previous');
  const current = requireInt(input.current, 'current');
  const multiplier = requireInt(input.multiplier ?? 1, 'multiplier', 1);
  const r = (a: bigint) => formatReading(a);
  let raw: bigint;
  let text: string;
  if (input.replacement) {
    const oldFinal = requireInt(input.replacement.oldFinal, 'replacement.oldFinal');
    const newBase = requireInt(input.replacement.newBase, 'replacement.newBase');
    if (oldFinal < previous) throw badInput([{ field: 'replacement.oldFinal', message: '旧表止数不能小于上期读数' }], 'METER_READING_DECREASED');
    if (current < newBase) throw badInput([{ field: 'current', message: '本期读数不能小于新表底数' }], 'METER_READING_DECREASED');
    raw = oldFinal - previous + (current - newBase);
    text = `旧表(${r(oldFinal)} − ${r(previous)}) + 新表(${r(current)} − ${r(newBase)})`;
  } else {
    if (current < previous) throw badInput([{ field: 'current', message: '本期读数不能小于上期读数（换表请填写换表读数）' }], 'METER_READING_DECREASED');
    raw = current - previous;
    text = `${r(current)} − ${r(previous)}`;
  }
  if (multiplier === 1n) return { consumption: raw, text };
  return { consumption: raw * multiplier, text: `(${text}) × 倍率${multiplier}` };
}

function checkTiers(tiers: readonly Tier[]): void {
  if (tiers.length === 0) throw badInput([{ field: 'tiers', message: '阶梯价至少需要一档' }]);
  let last = 0n;
  tiers.forEach((tier, i) => {
    requireInt(tier.priceUnits, `tiers[${i}].priceUnits`);
    const isLast = i === tiers.length - 1;
    if (isLast !== (tier.upTo === null)) throw badInput([{ field: `tiers[${i}].upTo`, message: '只有最后一档不设上限' }]);
    if (tier.upTo !== null) {
      const upTo = requireInt(tier.upTo, `tiers[${i}].upTo`, 1);
      if (upTo <= last) throw badInput([{ field: `tiers[${i}].upTo`, message: '阶梯上限必须递增' }]);
      last = upTo;
    }
  });
}

function partsOf(input: MeterPricing, consumption: bigint): TierPart[] {
  if (input.tiers === undefined) {
    requireInt(input.priceUnits, 'priceUnits');
    return [{ from: 0, upTo: null, quantity: toSafeNumber(consumption, 'consumption'), priceUnits: input.priceUnits }];
  }
  checkTiers(input.tiers);
  const start = requireInt(input.tierOffset ?? 0, 'tierOffset');
  const end = start + consumption;
  let from = 0n;
  return input.tiers.map((tier) => {
    const upTo = tier.upTo === null ? null : BigInt(tier.upTo);
    const lo = from > start ? from : start;
    const hi = upTo === null || upTo > end ? end : upTo;
    const part = { from: Number(from), upTo: tier.upTo, quantity: hi > lo ? Number(hi - lo) : 0, priceUnits: tier.priceUnits };
    from = upTo ?? from;
    return part;
  });
}

/** 走表费用: consumption × price (or 阶梯价), computed exactly and rounded once. */
export function metered(input: MeterInput): Charge<MeteredFormula> {
  const { consumption, text: readingsText } = consumptionOf(input);
  const consumptionUnits = toSafeNumber(consumption, 'consumption');
  const parts = partsOf(input, consumption);
  const exact = parts.reduce((sum, p) => sum + BigInt(p.quantity) * BigInt(p.priceUnits), 0n);
  const amountFen = roundHalfUp(exact, 10n ** BigInt(METER_FEN_SCALE));
  const unit = input.unit ?? '';
  const shown = parts.filter((p) => p.quantity > 0);
  const priceText = (shown.length ? shown : parts.slice(0, 1))
    .map((p) => `${formatReading(p.quantity)}${unit} × ${formatPrice(p.priceUnits)}元${unit ? `/${unit}` : ''}`)
    .join(' + ');
  const offsetText = input.tierOffset ? `（阶梯年度已用 ${formatReading(input.tierOffset)}${unit}）` : '';
  return {
    amountFen,
    formula: {
      kind: 'METERED',
      previous: input.previous,
      current: input.current,
      multiplier: input.multiplier ?? 1,
      replacement: input.replacement ?? null,
      consumption: consumptionUnits,
      tiered: input.tiers !== undefined,
      parts,
    },
    text: `用量 ${readingsText} = ${formatReading(consumption)}${unit}${offsetText}；${priceText} = ${resultText(exact, METER_FEN_SCALE, amountFen)}`,
  };
}
