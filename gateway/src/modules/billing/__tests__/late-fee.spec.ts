import fc from 'fast-check';
import { FixedClock, addDays } from '../../../core/clock';
import { type LateFeeInput, lateFee, roundHalfUp } from '../formulas';

const badInput = expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) });

const base: LateFeeInput = {
  principalFen: 25_060,
  dueDate: '2026-05-15',
  paidOn: '2026-06-14',
  graceDays: 0,
  ratePpmPerDay: 500,
  capAtPrincipal: true,
};

describe('lateFee: principal × daily rate × days past due after grace, rounded once', () => {
  test.each<[string, Partial<LateFeeInput>, number, number, string]>([
    ['the worked example: 30 days', {}, 30, 376, '250.60元 × 0.05%/日 × 30日 = 3.759元 ≈ 3.76元'],
    ['paid on the due date', { paidOn: '2026-05-15' }, 0, 0, '到期日 2026-05-15，2026-05-15 未超期，无滞纳金'],
    ['paid before the due date', { paidOn: '2026-05-01' }, 0, 0, '到期日 2026-05-15，2026-05-01 未超期，无滞纳金'],
    ['one day late', { paidOn: '2026-05-16' }, 1, 13, '250.60元 × 0.05%/日 × 1日 = 0.1253元 ≈ 0.13元'],
    ['exactly half a fen rounds up', { principalFen: 1_000, paidOn: '2026-05-16' }, 1, 1, '10.00元 × 0.05%/日 × 1日 = 0.005元 ≈ 0.01元'],
    ['just under half a fen rounds down', { principalFen: 999, paidOn: '2026-05-16' }, 1, 0, '9.99元 × 0.05%/日 × 1日 = 0.004995元 ≈ 0.00元'],
    ['grace period is deducted', { graceDays: 10 }, 20, 251, '逾期 30 日 − 宽限 10 日 = 20 日；250.60元 × 0.05%/日 × 20日 = 2.506元 ≈ 2.51元'],
    ['paid on the last day of grace', { graceDays: 30 }, 0, 0, '到期日 2026-05-15，宽限 30 日，2026-06-14 未超期，无滞纳金'],
    ['one day after grace', { graceDays: 29 }, 1, 13, '逾期 30 日 − 宽限 29 日 = 1 日；250.60元 × 0.05%/日 × 1日 = 0.1253元 ≈ 0.13元'],
    ['zero rate', { ratePpmPerDay: 0 }, 30, 0, '250.60元 × 0.00%/日 × 30日 = 0.00元'],
    ['zero principal', { principalFen: 0 }, 30, 0, '0.00元 × 0.05%/日 × 30日 = 0.00元'],
    ['capped at the principal', { principalFen: 10_000, ratePpmPerDay: 10_000, paidOn: addDays('2026-05-15', 200) }, 200, 10_000,
      '100.00元 × 1.00%/日 × 200日 = 200.00元，超过本金，以本金为上限 100.00元'],
    ['reaching the principal exactly is not a cap', { principalFen: 10_000, ratePpmPerDay: 10_000, paidOn: addDays('2026-05-15', 100) }, 100, 10_000,
      '100.00元 × 1.00%/日 × 100日 = 100.00元'],
    ['uncapped when not asked', { principalFen: 10_000, ratePpmPerDay: 10_000, paidOn: addDays('2026-05-15', 200), capAtPrincipal: false }, 200, 20_000,
      '100.00元 × 1.00%/日 × 200日 = 200.00元'],
  ])('%s', (_case, change, days, fen, text) => {
    const fee = lateFee({ ...base, ...change });
    expect(fee.formula.days).toBe(days);
    expect(fee.amountFen).toBe(fen);
    expect(fee.text).toBe(text);
  });

  test.each<[string, string, number]>([
    ['2024-02-28', '2024-03-01', 2], // leap year
    ['2025-02-28', '2025-03-01', 1],
    ['2025-12-31', '2026-01-01', 1],
    ['2025-01-01', '2026-01-01', 365],
  ])('calendar days from %s to %s: %i', (dueDate, paidOn, days) => {
    expect(lateFee({ ...base, dueDate, paidOn }).formula.days).toBe(days);
  });

  test('an open line is charged up to today in Asia/Shanghai from the clock', () => {
    const clock = new FixedClock(new Date('2026-06-13T16:30:00Z')); // already 06-14 in Shanghai
    const fee = lateFee({ ...base, paidOn: undefined, clock });
    expect(fee.formula.paidOn).toBe('2026-06-14');
    expect(fee.amountFen).toBe(376);
  });

  test('a huge principal at a huge rate is capped without overflowing', () => {
    const huge = { ...base, principalFen: 1_000_000_000_000_000, ratePpmPerDay: 1_000_000, paidOn: '2126-05-15' };
    expect(lateFee(huge)).toMatchObject({ amountFen: 1_000_000_000_000_000, formula: { capped: true } });
    expect(() => lateFee({ ...huge, capAtPrincipal: false })).toThrow(badInput);
  });

  test.each<[string, Partial<LateFeeInput>]>([
    ['no payment day and no clock', { paidOn: undefined }],
    ['an impossible date', { dueDate: '2026-02-30' }],
    ['a date with a time', { paidOn: '2026-06-14T00:00:00' }],
    ['negative grace', { graceDays: -1 }],
    ['fractional rate', { ratePpmPerDay: 0.5 }],
    ['negative principal', { principalFen: -1 }],
  ])('refuses %s', (_case, change) => {
    expect(() => lateFee({ ...base, ...change })).toThrow(badInput);
  });
});

describe('lateFee properties', () => {
  const input = fc.record({
    principalFen: fc.integer({ min: 0, max: 100_000_000_000 }),
    graceDays: fc.integer({ min: 0, max: 60 }),
    ratePpmPerDay: fc.integer({ min: 0, max: 100_000 }),
    capAtPrincipal: fc.boolean(),
  });
  const days = fc.integer({ min: -30, max: 3_000 });
  const fee = (i: Omit<LateFeeInput, 'dueDate' | 'paidOn'>, d: number) =>
    lateFee({ ...i, dueDate: '2026-01-31', paidOn: addDays('2026-01-31', d) }).amountFen;

  test('monotone in the payment day: paying later never costs less', () => {
    fc.assert(
      fc.property(input, days, days, (i, a, b) => {
        expect(fee(i, Math.min(a, b))).toBeLessThanOrEqual(fee(i, Math.max(a, b)));
      }),
    );
  });

  test('never above the principal when capped; otherwise exactly the one-rounding formula', () => {
    fc.assert(
      fc.property(input, days, (i, d) => {
        const charged = BigInt(Math.max(0, d - i.graceDays));
        const formula = roundHalfUp(BigInt(i.principalFen) * BigInt(i.ratePpmPerDay) * charged, 1_000_000n);
        const got = fee(i, d);
        if (i.capAtPrincipal) expect(got).toBe(Math.min(formula, i.principalFen));
        else expect(got).toBe(formula);
        expect(got).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  test('nothing within the grace period', () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(fee(i, i.graceDays)).toBe(0);
      }),
    );
  });
});
