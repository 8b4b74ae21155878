import {
  formatMoney,
  formatPrice,
  formatRatePpm,
  formatReading,
  parseDailyRatePercent,
  parsePrice,
  parseReading,
  requireInt,
  roundHalfUp,
} from '../formulas';

const badInput = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) });

describe('roundHalfUp: the one rounding step, half-up to 1 fen', () => {
  test.each<[bigint, bigint, number]>([
    [0n, 1n, 0],
    [4n, 10n, 0],
    [5n, 10n, 1],
    [15n, 10n, 2],
    [25n, 10n, 3], // half-up, not banker's rounding
    [14_999n, 10_000n, 1],
    [15_000n, 10_000n, 2],
    [1n, 3n, 0],
    [2n, 3n, 1],
    [-4n, 10n, 0],
    [-5n, 10n, -1],
    [-15n, 10n, -2],
    [10n ** 30n, 10n ** 20n, 10_000_000_000],
    [10n ** 30n + 5n * 10n ** 19n, 10n ** 20n, 10_000_000_001],
  ])('%p / %p → %p', (n, d, fen) => {
    expect(roundHalfUp(n, d)).toBe(fen);
  });

  test('refuses a result beyond Number.MAX_SAFE_INTEGER instead of losing fen', () => {
    expect(() => roundHalfUp(2n ** 60n, 1n)).toThrow(badInput);
  });

  test('refuses a zero or negative denominator', () => {
    expect(() => roundHalfUp(1n, 0n)).toThrow(RangeError);
    expect(() => roundHalfUp(1n, -1n)).toThrow(RangeError);
  });
});

describe('requireInt', () => {
  test.each([1.5, NaN, Infinity, -1, 2 ** 53])('refuses %p', (value) => {
    expect(() => requireInt(value, 'x')).toThrow(badInput);
  });
  test('honours the minimum', () => {
    expect(requireInt(1, 'x', 1)).toBe(1n);
    expect(() => requireInt(0, 'x', 1)).toThrow(badInput);
  });
});

describe('prices in 1/10000 元', () => {
  test.each([
    ['2.80', 28000, '2.80'],
    ['2.8', 28000, '2.80'],
    ['4.20', 42000, '4.20'],
    ['0.62', 6200, '0.62'],
    ['1.235', 12350, '1.235'],
    ['99.9999', 999999, '99.9999'],
    ['0', 0, '0.00'],
    ['0.0001', 1, '0.0001'],
    [' 3 ', 30000, '3.00'],
    ['12345678.9999', 123456789999, '12345678.9999'],
  ])('%p → %i → %p', (text, units, shown) => {
    expect(parsePrice(text)).toBe(units);
    expect(formatPrice(units)).toBe(shown);
    expect(parsePrice(formatPrice(units))).toBe(units);
  });

  test.each(['', '1.23456', '-1', 'abc', '1e3', '.5', '5.', '1,5', '１', '123456789'])('refuses %p', (text) => {
    expect(() => parsePrice(text, 'unitPrice')).toThrow(badInput);
  });
});

describe('meter readings in 1/1000 unit', () => {
  test.each([
    ['12.3', 12300, '12.3'],
    ['25.8', 25800, '25.8'],
    ['13.50', 13500, '13.5'],
    ['0', 0, '0'],
    ['0.001', 1, '0.001'],
    ['1000', 1_000_000, '1000'],
    ['999999999.999', 999_999_999_999, '999999999.999'],
  ])('%p → %i → %p', (text, units, shown) => {
    expect(parseReading(text)).toBe(units);
    expect(formatReading(units)).toBe(shown);
  });

  test.each(['1.2345', '-3', '', 'x', '1234567890'])('refuses %p', (text) => {
    expect(() => parseReading(text)).toThrow(badInput);
  });
});

describe('late-fee rates in ppm per day', () => {
  test.each([
    ['0.05', 500, '0.05%'],
    ['0.1', 1000, '0.10%'],
    ['1', 10000, '1.00%'],
    ['0.0003', 3, '0.0003%'],
  ])('%p %%/日 → %i ppm → %p', (text, ppm, shown) => {
    expect(parseDailyRatePercent(text)).toBe(ppm);
    expect(formatRatePpm(ppm)).toBe(shown);
  });

  test('refuses more than 4 decimals of a percent', () => {
    expect(() => parseDailyRatePercent('0.00001')).toThrow(badInput);
  });
});

describe('formatMoney for explanations', () => {
  test.each([
    [25060, '250.60元'],
    [0, '0.00元'],
    [5, '0.05元'],
    [100, '1.00元'],
    [-25060, '-250.60元'],
    [-5, '-0.05元'],
    [999_999_999_999_99, '999999999999.99元'],
  ])('%i → %p', (fen, text) => {
    expect(formatMoney(fen)).toBe(text);
  });
});
