import { periodicByArea, periodicFixed } from '../formulas';

const badInput = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) });

describe('periodicByArea: charge area × 元/㎡/月, rounded once half-up', () => {
  test.each<[string, number, number, number, string]>([
    ['the worked example', 8950, 28000, 25060, '89.50㎡ × 2.80元/㎡/月 = 250.60元'],
    ['a round area', 10000, 10000, 10000, '100.00㎡ × 1.00元/㎡/月 = 100.00元'],
    ['exactly half a fen rounds up', 1, 5000, 1, '0.01㎡ × 0.50元/㎡/月 = 0.005元 ≈ 0.01元'],
    ['just under half a fen rounds down', 1, 4999, 0, '0.01㎡ × 0.4999元/㎡/月 = 0.004999元 ≈ 0.00元'],
    ['4.5 fen rounds up', 3, 15000, 5, '0.03㎡ × 1.50元/㎡/月 = 0.045元 ≈ 0.05元'],
    ['four-decimal price', 8950, 12345, 11049, '89.50㎡ × 1.2345元/㎡/月 = 110.48775元 ≈ 110.49元'],
    ['zero price', 8950, 0, 0, '89.50㎡ × 0.00元/㎡/月 = 0.00元'],
    ['zero area', 0, 28000, 0, '0.00㎡ × 2.80元/㎡/月 = 0.00元'],
    ['100,000 ㎡ × 99.9999 元', 10_000_000, 999_999, 999_999_000, '100000.00㎡ × 99.9999元/㎡/月 = 9999990.00元'],
  ])('%s', (_case, area, price, fen, text) => {
    const fee = periodicByArea(area, price);
    expect(fee.amountFen).toBe(fen);
    expect(fee.text).toBe(text);
    expect(fee.formula).toEqual({ kind: 'AREA', areaCenti: area, priceUnits: price });
  });

  test('the largest parseable area × price stays exact (beyond 2^53 in the product)', () => {
    // 999999.99 ㎡ × 12345678.9999 元: the product 1.2e19 is exact only in BigInt.
    expect(periodicByArea(99_999_999, 123_456_789_999).amountFen).toBe(1_234_567_887_644_321);
  });

  test.each<[number, number]>([
    [89.5, 28000],
    [8950, 2.8],
    [-1, 28000],
    [8950, -28000],
    [NaN, 1],
  ])('refuses area %p × price %p', (area, price) => {
    expect(() => periodicByArea(area, price)).toThrow(badInput);
  });
});

describe('periodicFixed: a fixed amount per period', () => {
  test.each([
    [30000, '每期固定 300.00元'],
    [0, '每期固定 0.00元'],
    [1, '每期固定 0.01元'],
  ])('%i fen', (fen, text) => {
    expect(periodicFixed(fen)).toEqual({ amountFen: fen, formula: { kind: 'FIXED', amountFen: fen }, text });
  });

  test.each([-1, 1.5, NaN])('refuses %p', (fen) => {
    expect(() => periodicFixed(fen)).toThrow(badInput);
  });
});
