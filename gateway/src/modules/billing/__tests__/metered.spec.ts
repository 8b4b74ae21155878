import fc from 'fast-check';
import { type MeterInput, type Tier, metered } from '../formulas';

const badInput = (reason?: string) =>
  expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', ...(reason ? { reason } : {}) }) });

// 阶梯: first 10 m³ at 3.00, up to 20 m³ at 4.00, the rest at 5.00.
const STEPS: Tier[] = [
  { upTo: 10_000, priceUnits: 30_000 },
  { upTo: 20_000, priceUnits: 40_000 },
  { upTo: null, priceUnits: 50_000 },
];

describe('metered: (current − previous) × multiplier × price, rounded once', () => {
  test.each<[string, MeterInput, number, number, string]>([
    ['the worked example', { previous: 12_300, current: 25_800, priceUnits: 42_000, unit: 'm³' }, 13_500, 5670,
      '用量 25.8 − 12.3 = 13.5m³；13.5m³ × 4.20元/m³ = 56.70元'],
    ['zero consumption', { previous: 12_300, current: 12_300, priceUnits: 42_000 }, 0, 0,
      '用量 12.3 − 12.3 = 0；0 × 4.20元 = 0.00元'],
    ['exactly half a fen rounds up', { previous: 0, current: 1, priceUnits: 50_000 }, 1, 1,
      '用量 0.001 − 0 = 0.001；0.001 × 5.00元 = 0.005元 ≈ 0.01元'],
    ['just under half a fen rounds down', { previous: 0, current: 1, priceUnits: 49_999 }, 1, 0,
      '用量 0.001 − 0 = 0.001；0.001 × 4.9999元 = 0.0049999元 ≈ 0.00元'],
    ['0.5 m³ × 1.235 = 0.6175 元', { previous: 100, current: 600, priceUnits: 12_350 }, 500, 62,
      '用量 0.6 − 0.1 = 0.5；0.5 × 1.235元 = 0.6175元 ≈ 0.62元'],
    ['multiplier 40', { previous: 100_000, current: 112_500, multiplier: 40, priceUnits: 6_200, unit: 'kWh' }, 500_000, 31_000,
      '用量 (112.5 − 100) × 倍率40 = 500kWh；500kWh × 0.62元/kWh = 310.00元'],
    ['meter replaced', { previous: 98_000, current: 2_000, replacement: { oldFinal: 99_000, newBase: 0 }, priceUnits: 12_350 }, 3_000, 371,
      '用量 旧表(99 − 98) + 新表(2 − 0) = 3；3 × 1.235元 = 3.705元 ≈ 3.71元'],
    ['meter replaced, new base above zero, reading above previous',
      { previous: 500_000, current: 520_500, replacement: { oldFinal: 512_345, newBase: 10_000 }, priceUnits: 42_000 }, 522_845, 219_595,
      '用量 旧表(512.345 − 500) + 新表(520.5 − 10) = 522.845；522.845 × 4.20元 = 2195.949元 ≈ 2195.95元'],
    ['meter replaced with a multiplier', { previous: 900, current: 50, multiplier: 10, replacement: { oldFinal: 1_000, newBase: 0 }, priceUnits: 10_000 },
      1_500, 150, '用量 (旧表(1 − 0.9) + 新表(0.05 − 0)) × 倍率10 = 1.5；1.5 × 1.00元 = 1.50元'],
  ])('%s', (_case, input, consumption, fen, text) => {
    const charge = metered(input);
    expect(charge.formula.consumption).toBe(consumption);
    expect(charge.amountFen).toBe(fen);
    expect(charge.text).toBe(text);
  });

  test('huge readings stay exact: 999,999,999.999 units × 99.9999 元', () => {
    expect(metered({ previous: 0, current: 999_999_999_999, priceUnits: 999_999 }).amountFen).toBe(9_999_989_999_990);
  });

  test('a consumption beyond safe integers is refused, not rounded', () => {
    expect(() => metered({ previous: 0, current: 999_999_999_999, multiplier: 1_000_000, priceUnits: 1 })).toThrow(badInput('OUT_OF_RANGE'));
  });

  test.each<[string, MeterInput, string | undefined]>([
    ['reading went down', { previous: 25_800, current: 12_300, priceUnits: 1 }, 'METER_READING_DECREASED'],
    ['old meter final below previous', { previous: 5_000, current: 10, replacement: { oldFinal: 4_000, newBase: 0 }, priceUnits: 1 }, 'METER_READING_DECREASED'],
    ['current below new base', { previous: 5_000, current: 10, replacement: { oldFinal: 6_000, newBase: 20 }, priceUnits: 1 }, 'METER_READING_DECREASED'],
    ['multiplier 0', { previous: 0, current: 1, multiplier: 0, priceUnits: 1 }, undefined],
    ['fractional multiplier', { previous: 0, current: 1, multiplier: 1.5, priceUnits: 1 }, undefined],
    ['fractional reading', { previous: 0.5, current: 1, priceUnits: 1 }, undefined],
    ['negative price', { previous: 0, current: 1, priceUnits: -1 }, undefined],
    ['no tiers', { previous: 0, current: 1, tiers: [] }, undefined],
    ['last tier capped', { previous: 0, current: 1, tiers: [{ upTo: 10, priceUnits: 1 }] }, undefined],
    ['open tier before the last', { previous: 0, current: 1, tiers: [{ upTo: null, priceUnits: 1 }, { upTo: null, priceUnits: 2 }] }, undefined],
    ['tiers not increasing', { previous: 0, current: 1, tiers: [{ upTo: 10, priceUnits: 1 }, { upTo: 10, priceUnits: 2 }, { upTo: null, priceUnits: 3 }] }, undefined],
  ])('refuses: %s', (_case, input, reason) => {
    expect(() => metered(input)).toThrow(badInput(reason));
  });
});

describe('metered with 阶梯价 (tiers over the consumption)', () => {
  const tiered = (consumption: number, extra: Partial<MeterInput> = {}) =>
    metered({ previous: 0, current: consumption, tiers: STEPS, unit: 'm³', ...extra } as MeterInput);

  test.each<[number, number, string]>([
    [8_000, 2_400, '8m³ × 3.00元/m³ = 24.00元'],
    [10_000, 3_000, '10m³ × 3.00元/m³ = 30.00元'],
    [10_001, 3_000, '10m³ × 3.00元/m³ + 0.001m³ × 4.00元/m³ = 30.004元 ≈ 30.00元'],
    [20_000, 7_000, '10m³ × 3.00元/m³ + 10m³ × 4.00元/m³ = 70.00元'],
    [25_000, 9_500, '10m³ × 3.00元/m³ + 10m³ × 4.00元/m³ + 5m³ × 5.00元/m³ = 95.00元'],
    [0, 0, '0m³ × 3.00元/m³ = 0.00元'],
  ])('%i/1000 m³ → %i fen', (consumption, fen, priceText) => {
    const charge = tiered(consumption);
    expect(charge.amountFen).toBe(fen);
    expect(charge.text.split('；')[1]).toBe(priceText);
    expect(charge.formula.parts.reduce((s, p) => s + p.quantity, 0)).toBe(consumption);
  });

  test('the multiplier applies before the tiers', () => {
    expect(tiered(5_000, { multiplier: 3 }).amountFen).toBe(3_000 + 2_000); // 15 m³: 10 × 3 + 5 × 4
  });

  test('tierOffset continues the tier year where the last bill stopped', () => {
    const charge = tiered(10_000, { tierOffset: 15_000 });
    expect(charge.amountFen).toBe(2_000 + 2_500); // 5 m³ × 4 + 5 m³ × 5
    expect(charge.text).toBe('用量 10 − 0 = 10m³（阶梯年度已用 15m³）；5m³ × 4.00元/m³ + 5m³ × 5.00元/m³ = 45.00元');
    expect(tiered(2_000, { tierOffset: 30_000 }).amountFen).toBe(1_000);
  });

  test('rounds the whole amount once, not each tier', () => {
    // Each tier alone is 0.5 fen (would round to 1 + 1); together they are exactly 1 fen.
    const halves: Tier[] = [{ upTo: 1, priceUnits: 50_000 }, { upTo: null, priceUnits: 50_000 }];
    expect(metered({ previous: 0, current: 2, tiers: halves }).amountFen).toBe(1);
  });

  test('one price in every tier equals flat pricing (property)', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(999_999), fc.uniqueArray(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 5 }), (use, price, bounds) => {
        const tiers: Tier[] = [...bounds.sort((a, b) => a - b).map((upTo) => ({ upTo, priceUnits: price })), { upTo: null, priceUnits: price }];
        expect(metered({ previous: 0, current: use, tiers }).amountFen).toBe(metered({ previous: 0, current: use, priceUnits: price }).amountFen);
      }),
    );
  });

  test('with rising tier prices the amount never falls as consumption grows (property)', () => {
    fc.assert(
      fc.property(fc.nat(40_000), fc.nat(40_000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(tiered(lo).amountFen).toBeLessThanOrEqual(tiered(hi).amountFen);
      }),
    );
  });
});
