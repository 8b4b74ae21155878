import { formatArea } from '../../../core/area';
import { badInput } from '../../../core/errors';
import { type MeterInput, type MeteredFormula, metered } from './metered';
import type { Charge } from './periodic';
import { type Fen, requireInt, roundHalfUp, toSafeNumber } from './rounding';
import { formatMoney, formatScaled } from './units';

export interface ShareInput {
  key: string;
  weight: number;
}

export interface ShareFormula {
  kind: 'SHARE';
  totalFen: Fen;
  weight: number;
  totalWeight: number;
  /** floor(total × weight / totalWeight) */
  floorFen: Fen;
  /** (total × weight) mod totalWeight: the remainder the leftover fen are handed out by. */
  remainder: number;
  /** 0 or 1: the leftover fen this share received. */
  extraFen: 0 | 1;
}

export type SharePart = Charge<ShareFormula> & { key: string };

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Largest-remainder split of `totalFen` by weight: floor every exact share to 1 fen, then give the
 * leftover fen one each to the largest remainders, ties by key ascending (code-unit order, so the
 * result does not depend on locale). Parts come back in input order and always sum to the total.
 */
export function apportion(totalFen: Fen, shares: readonly ShareInput[], weightText: (w: number) => string = String): SharePart[] {
  const total = requireInt(totalFen, 'totalFen');
  const keys = new Set<string>();
  let totalWeight = 0n;
  shares.forEach((s, i) => {
    if (keys.has(s.key)) throw badInput([{ field: `shares[${i}].key`, message: `分摊对象重复：${s.key}` }]);
    keys.add(s.key);
    totalWeight += requireInt(s.weight, `shares[${i}].weight`);
  });
  if (totalWeight === 0n) throw badInput([{ field: 'shares', message: '分摊面积（权重）合计不能为0' }], 'ZERO_TOTAL_WEIGHT');
  const totalWeightN = toSafeNumber(totalWeight, 'totalWeight');

  const exact = shares.map((s) => total * BigInt(s.weight));
  const floors = exact.map((e) => e / totalWeight);
  const remainders = exact.map((e) => e % totalWeight);
  let leftover = Number(total - floors.reduce((a, b) => a + b, 0n));
  const order = shares
    .map((_, i) => i)
    .sort((a, b) => (remainders[a] === remainders[b] ? byKey(shares[a].key, shares[b].key) : remainders[a] > remainders[b] ? -1 : 1));
  const extra = new Array<0 | 1>(shares.length).fill(0);
  for (const i of order) {
    if (leftover === 0) break;
    extra[i] = 1;
    leftover -= 1;
  }

  const sumText = weightText(totalWeightN);
  return shares.map((s, i) => {
    const floorFen = Number(floors[i]);
    const amountFen = floorFen + extra[i];
    const head = `${formatMoney(total)} × ${weightText(s.weight)} ÷ ${sumText}`;
    let text: string;
    if (remainders[i] === 0n) text = `${head} = ${formatMoney(amountFen)}`;
    else {
      const approx = `${formatScaled(BigInt(roundHalfUp(exact[i] * 10n, totalWeight)), 3, 3)}元`;
      text = extra[i]
        ? `${head} ≈ ${approx}，取整 ${formatMoney(floorFen)} + 尾差 0.01元 = ${formatMoney(amountFen)}`
        : `${head} ≈ ${approx}，取整 ${formatMoney(amountFen)}`;
    }
    return {
      key: s.key,
      amountFen,
      formula: {
        kind: 'SHARE',
        totalFen,
        weight: s.weight,
        totalWeight: totalWeightN,
        floorFen,
        remainder: Number(remainders[i]),
        extraFen: extra[i],
      },
      text,
    };
  });
}

export interface ShareRoom {
  code: string;
  areaCenti: number;
}

/** 公摊 of an amount over rooms by charge area, ties by room code. */
export function shareByArea(totalFen: Fen, rooms: readonly ShareRoom[]): SharePart[] {
  return apportion(
    totalFen,
    rooms.map((r) => ({ key: r.code, weight: r.areaCenti })),
    (w) => `${formatArea(w)}㎡`,
  );
}

export interface SharedMeterFormula {
  kind: 'SHARED_METER';
  meter: MeteredFormula;
}

export type SharedMeterCharge = Charge<SharedMeterFormula> & { parts: SharePart[] };

/** A public meter's charge, rounded once, then split by charge area: 公摊水电. */
export function sharedMeter(input: MeterInput & { rooms: readonly ShareRoom[] }): SharedMeterCharge {
  const { rooms, ...meter } = input;
  const whole = metered(meter as MeterInput);
  return {
    amountFen: whole.amountFen,
    formula: { kind: 'SHARED_METER', meter: whole.formula },
    text: `公共表${whole.text}，按收费面积分摊`,
    parts: shareByArea(whole.amountFen, rooms),
  };
}
