import { formatArea } from '../../../core/area';
import { type Fen, requireInt, roundHalfUp } from './rounding';
import { formatMoney, formatPrice, resultText } from './units';

/** An amount with the formula that produced it, structured and as a sentence an owner can read. */
export interface Charge<F> {
  amountFen: Fen;
  formula: F;
  text: string;
}

export interface AreaFormula {
  kind: 'AREA';
  areaCenti: number;
  priceUnits: number;
}

export interface FixedFormula {
  kind: 'FIXED';
  amountFen: Fen;
}

// 1/100 ㎡ × 1/10000 元 = 1/10^6 元 = 1/10^4 fen.
const AREA_FEN_SCALE = 4;

/** 常规费用 by charge area: 89.50㎡ × 2.80元/㎡/月 = 250.60元. */
export function periodicByArea(areaCenti: number, priceUnits: number): Charge<AreaFormula> {
  const exact = requireInt(areaCenti, 'areaCenti') * requireInt(priceUnits, 'priceUnits');
  const amountFen = roundHalfUp(exact, 10n ** BigInt(AREA_FEN_SCALE));
  return {
    amountFen,
    formula: { kind: 'AREA', areaCenti, priceUnits },
    text: `${formatArea(areaCenti)}㎡ × ${formatPrice(priceUnits)}元/㎡/月 = ${resultText(exact, AREA_FEN_SCALE, amountFen)}`,
  };
}

/** 常规费用 with a fixed amount per period (e.g. 车位管理费). */
export function periodicFixed(amountFen: Fen): Charge<FixedFormula> {
  requireInt(amountFen, 'amountFen');
  return { amountFen, formula: { kind: 'FIXED', amountFen }, text: `每期固定 ${formatMoney(amountFen)}` };
}
