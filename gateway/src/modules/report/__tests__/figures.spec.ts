import { agingBoundaries, bucketOf, collectionRateBp, daysPastDue, formatBasisPoints, toFen } from '../figures';

describe('收缴率 in basis points', () => {
  test.each([
    [8735, 10_000, 8735],
    [1, 3, 3333], // 33.333…%
    [2, 3, 6667], // 66.666…% rounds half-up
    [1, 8, 1250],
    [1, 80_000, 1], // 0.00125% would round to 0.00%: something came in, so 0.01%
    [0, 80_000, 0],
    [79_999, 80_000, 9999], // 99.99875% would round to 100.00%: a fen is still open
    [80_000, 80_000, 10_000],
    [15_000, 60_333, 2486],
    [25_060, 25_060 + 5_670 + 20_571, 4885], // 250.60 of 512.01
  ])('%i of %i fen → %i bp', (received, receivable, bp) => {
    expect(collectionRateBp(received, receivable)).toBe(bp);
  });

  test('no receivables: no rate', () => {
    expect(collectionRateBp(0, 0)).toBeNull();
  });

  test('amounts beyond 2^53 / 20000 stay exact (BigInt)', () => {
    const receivable = Number.MAX_SAFE_INTEGER;
    expect(collectionRateBp(Math.floor(receivable / 2), receivable)).toBe(5000);
    expect(collectionRateBp(receivable - 1, receivable)).toBe(9999);
  });

  test('refuses floats and negatives', () => {
    expect(() => collectionRateBp(1.5, 10)).toThrow(RangeError);
    expect(() => collectionRateBp(-1, 10)).toThrow(RangeError);
  });
});

describe('formatBasisPoints', () => {
  test.each([
    [8735, '87.35%'],
    [10_000, '100.00%'],
    [0, '0.00%'],
    [5, '0.05%'],
    [1250, '12.50%'],
    [-42, '-0.42%'],
    [null, '—'],
  ])('%p → %s', (bp, text) => {
    expect(formatBasisPoints(bp as number | null)).toBe(text);
  });
  test('refuses a fraction of a basis point', () => expect(() => formatBasisPoints(1.5)).toThrow(RangeError));
});

describe('aging boundaries', () => {
  test('days past due ↔ due-date boundaries, across month and leap-year ends', () => {
    const b = agingBoundaries('2028-03-01');
    expect(b.notOlderThan).toEqual({ 30: '2028-01-31', 90: '2027-12-02', 180: '2027-09-03', 365: '2027-03-02' });
    expect(daysPastDue(b.notOlderThan[30], '2028-03-01')).toBe(30);
    expect(daysPastDue(b.notOlderThan[365], '2028-03-01')).toBe(365);
    expect(daysPastDue('2028-03-02', '2028-03-01')).toBe(0);
  });

  test('every day from 1 to 800 falls into the bucket the SQL boundaries put it in', () => {
    const asOf = '2026-12-31';
    const b = agingBoundaries(asOf);
    const sqlBucket = (due: string) =>
      due >= b.notOlderThan[30] ? 'upTo30Fen' : due >= b.notOlderThan[90] ? 'days31To90Fen' : due >= b.notOlderThan[180] ? 'days91To180Fen' : due >= b.notOlderThan[365] ? 'days181To365Fen' : 'over365Fen';
    for (let d = 1; d <= 800; d++) {
      const due = new Date(Date.parse(`${asOf}T00:00:00Z`) - d * 86_400_000).toISOString().slice(0, 10);
      expect([d, sqlBucket(due)]).toEqual([d, bucketOf(d)]);
    }
    expect([bucketOf(30), bucketOf(31), bucketOf(90), bucketOf(91), bucketOf(180), bucketOf(181), bucketOf(365), bucketOf(366)]).toEqual([
      'upTo30Fen', 'days31To90Fen', 'days31To90Fen', 'days91To180Fen', 'days91To180Fen', 'days181To365Fen', 'days181To365Fen', 'over365Fen',
    ]);
  });

  test('refuses a date that is not a calendar date', () => {
    expect(() => agingBoundaries('2026-02-30')).toThrow();
  });
});

describe('toFen: what the drivers hand back', () => {
  test.each([
    ['123', 123], // MariaDB SUM → DECIMAL string
    [123, 123], // SQLite
    [null, 0], // SUM of no rows
    [BigInt(42), 42],
    ['-7', -7],
  ])('%p → %p', (raw, fen) => expect(toFen(raw)).toBe(fen));
  test.each([['1.5'], ['abc'], [2 ** 60], ['9007199254740993']])('%p is refused', (raw) => expect(() => toFen(raw)).toThrow());
});
