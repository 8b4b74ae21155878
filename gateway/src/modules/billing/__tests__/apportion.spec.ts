import { type ShareInput, apportion, shareByArea, sharedMeter } from '../formulas';

const badInput = (reason?: string) =>
  expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', ...(reason ? { reason } : {}) }) });

const amounts = (total: number, weights: Record<string, number>) =>
  Object.fromEntries(apportion(total, Object.entries(weights).map(([key, weight]) => ({ key, weight }))).map((p) => [p.key, p.amountFen]));

describe('apportion: largest remainder, ties by key', () => {
  test.each<[string, number, Record<string, number>, Record<string, number>]>([
    ['the worked example', 62_000, { 'A-2-1503': 8950, 'A-2-1504': 12000, 'A-2-1505': 6025 }, { 'A-2-1503': 20571, 'A-2-1504': 27581, 'A-2-1505': 13848 }],
    ['equal rooms: leftover fen go by room code', 6_200, { 'A-2-1503': 1, 'A-2-1501': 1, 'A-2-1502': 1 }, { 'A-2-1501': 2067, 'A-2-1502': 2067, 'A-2-1503': 2066 }],
    ['one fen over three equal rooms', 1, { c: 5, a: 5, b: 5 }, { a: 1, b: 0, c: 0 }],
    ['100 over three equal', 100, { x: 7, y: 7, z: 7 }, { x: 34, y: 33, z: 33 }],
    ['a single share takes all', 12_345, { only: 3 }, { only: 12_345 }],
    ['nothing to share', 0, { a: 1, b: 2 }, { a: 0, b: 0 }],
    ['exact division leaves nothing over', 10, { a: 1, b: 2, c: 3, d: 4 }, { a: 1, b: 2, c: 3, d: 4 }],
    ['the larger remainder wins over the smaller key', 10, { a: 1, b: 2 }, { a: 3, b: 7 }],
    ['two leftover fen to the two largest remainders', 100, { a: 3, b: 3, c: 1 }, { a: 43, b: 43, c: 14 }],
    ['a zero weight gets nothing even with fen left over', 10, { a: 1, b: 1, c: 1, z: 0 }, { a: 4, b: 3, c: 3, z: 0 }],
    ['keys compare by code unit, not locale', 2, { 'B-1': 1, 'a-1': 1, 'A-1': 1 }, { 'A-1': 1, 'B-1': 1, 'a-1': 0 }],
    ['huge total and weights', 1_000_000_000_000_000, { a: 999_999_999, b: 1_000_000_001, c: 3 }, { a: 499_999_998_750_000, b: 499_999_999_750_000, c: 1_500_000 }],
  ])('%s', (_case, total, weights, expected) => {
    const got = amounts(total, weights);
    expect(got).toEqual(expected);
    expect(Object.values(got).reduce((a, b) => a + b, 0)).toBe(total);
  });

  test('parts come back in input order with the leftover fen recorded', () => {
    const parts = apportion(100, [
      { key: 'c', weight: 1 },
      { key: 'a', weight: 3 },
      { key: 'b', weight: 3 },
    ]);
    expect(parts.map((p) => p.key)).toEqual(['c', 'a', 'b']);
    expect(parts[1].formula).toEqual({ kind: 'SHARE', totalFen: 100, weight: 3, totalWeight: 7, floorFen: 42, remainder: 6, extraFen: 1 });
    expect(parts[0].formula).toMatchObject({ floorFen: 14, remainder: 2, extraFen: 0 });
  });

  test.each<[string, number, ShareInput[], string | undefined]>([
    ['zero total weight', 100, [{ key: 'a', weight: 0 }, { key: 'b', weight: 0 }], 'ZERO_TOTAL_WEIGHT'],
    ['no shares', 100, [], 'ZERO_TOTAL_WEIGHT'],
    ['duplicate key', 100, [{ key: 'a', weight: 1 }, { key: 'a', weight: 2 }], undefined],
    ['negative weight', 100, [{ key: 'a', weight: -1 }, { key: 'b', weight: 2 }], undefined],
    ['fractional weight', 100, [{ key: 'a', weight: 0.5 }], undefined],
    ['negative total', -100, [{ key: 'a', weight: 1 }], undefined],
    ['fractional total', 1.5, [{ key: 'a', weight: 1 }], undefined],
  ])('refuses %s', (_case, total, shares, reason) => {
    expect(() => apportion(total, shares)).toThrow(badInput(reason));
  });
});

describe('shareByArea and sharedMeter explain each room’s part', () => {
  const rooms = [
    { code: 'A-2-1503', areaCenti: 8950 },
    { code: 'A-2-1504', areaCenti: 12000 },
    { code: 'A-2-1505', areaCenti: 6025 },
  ];

  test('texts show the exact share, the floor and the leftover fen', () => {
    expect(shareByArea(62_000, rooms).map((p) => p.text)).toEqual([
      '620.00元 × 89.50㎡ ÷ 269.75㎡ ≈ 205.709元，取整 205.70元 + 尾差 0.01元 = 205.71元',
      '620.00元 × 120.00㎡ ÷ 269.75㎡ ≈ 275.811元，取整 275.81元',
      '620.00元 × 60.25㎡ ÷ 269.75㎡ ≈ 138.480元，取整 138.48元',
    ]);
    expect(shareByArea(6_000, [{ code: 'a', areaCenti: 100 }, { code: 'b', areaCenti: 200 }])[1].text).toBe('60.00元 × 2.00㎡ ÷ 3.00㎡ = 40.00元');
  });

  test('sharedMeter rounds the meter once, then splits the rounded whole', () => {
    // 0.7 kWh × 0.625 = 0.4375 元 → 43.75 fen → 44 fen, split over equal rooms 15 / 15 / 14.
    const shared = sharedMeter({
      previous: 1_000,
      current: 1_700,
      priceUnits: 6_250,
      unit: 'kWh',
      rooms: [{ code: 'b', areaCenti: 5000 }, { code: 'a', areaCenti: 5000 }, { code: 'c', areaCenti: 5000 }],
    });
    expect(shared.amountFen).toBe(44);
    expect(shared.text).toBe('公共表用量 1.7 − 1 = 0.7kWh；0.7kWh × 0.625元/kWh = 0.4375元 ≈ 0.44元，按收费面积分摊');
    expect(shared.parts.map((p) => [p.key, p.amountFen])).toEqual([['b', 15], ['a', 15], ['c', 14]]);
  });

  test('sharedMeter takes tiers, multipliers and replacements like any meter', () => {
    const shared = sharedMeter({
      previous: 9_000,
      current: 1_000,
      multiplier: 10,
      replacement: { oldFinal: 10_000, newBase: 0 },
      priceUnits: 10_000,
      rooms: [{ code: 'x', areaCenti: 1 }, { code: 'y', areaCenti: 2 }],
    });
    expect(shared.formula.meter.consumption).toBe(20_000);
    expect(shared.parts.map((p) => p.amountFen)).toEqual([667, 1333]);
  });

  test('a rooms list with no area cannot be shared', () => {
    expect(() => sharedMeter({ previous: 0, current: 1, priceUnits: 1, rooms: [] })).toThrow(badInput('ZERO_TOTAL_WEIGHT'));
  });
});
