import fc from 'fast-check';
import { type ShareInput, apportion } from '../formulas';

// Few key characters and small weights so that equal weights, equal remainders and key ties are common.
const key = fc.string({ unit: fc.constantFrom('A', 'B', 'a', '-', '1', '2'), minLength: 1, maxLength: 4 });
const weight = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1_000_000_000 }));
const shares = fc
  .uniqueArray(fc.record({ key, weight }), { selector: (s) => s.key, minLength: 1, maxLength: 25 })
  .filter((list) => list.some((s) => s.weight > 0));
const total = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 1_000_000_000_000 }));

const split = (t: number, list: ShareInput[]) => apportion(t, list).map((p) => p.amountFen);
const sumWeights = (list: ShareInput[]) => list.reduce((s, x) => s + BigInt(x.weight), 0n);

describe('apportion properties', () => {
  test('parts always sum exactly to the total', () => {
    fc.assert(
      fc.property(total, shares, (t, list) => {
        expect(split(t, list).reduce((a, b) => a + b, 0)).toBe(t);
      }),
    );
  });

  test('each part differs from its exact share total × w / Σw by less than 1 fen', () => {
    fc.assert(
      fc.property(total, shares, (t, list) => {
        const W = sumWeights(list);
        split(t, list).forEach((part, i) => {
          const diff = BigInt(part) * W - BigInt(t) * BigInt(list[i].weight);
          expect(diff < W && -diff < W).toBe(true);
        });
      }),
    );
  });

  /*
   * Monotone in weight, exactly: for any two shares i, j
   *   w_i > w_j  ⇒  part_i ≥ part_j                      (no exception: a larger exact share has a
   *                                                       floor at least as large, and when the floors
   *                                                       are equal its remainder is strictly larger);
   *   w_i = w_j and key_i < key_j  ⇒  part_i − part_j ∈ {0, 1}   (equal remainders, the key decides).
   * A larger weight may still get an equal part; it never gets a smaller one.
   */
  test('a larger weight never gets a smaller part; equal weights differ by at most the key-ordered fen', () => {
    fc.assert(
      fc.property(total, shares, (t, list) => {
        const parts = split(t, list);
        list.forEach((a, i) =>
          list.forEach((b, j) => {
            if (a.weight > b.weight) expect(parts[i]).toBeGreaterThanOrEqual(parts[j]);
            if (a.weight === b.weight && a.key < b.key) expect([0, 1]).toContain(parts[i] - parts[j]);
          }),
        );
      }),
    );
  });

  test('the leftover fen go to the largest remainders, ties by key (the definition, checked pairwise)', () => {
    fc.assert(
      fc.property(total, shares, (t, list) => {
        const parts = apportion(t, list);
        for (const got of parts.filter((p) => p.formula.extraFen === 1)) {
          for (const not of parts.filter((p) => p.formula.extraFen === 0)) {
            const r1 = got.formula.remainder;
            const r2 = not.formula.remainder;
            expect(r1 > r2 || (r1 === r2 && got.key < not.key)).toBe(true);
          }
        }
      }),
    );
  });

  test('a zero weight always gets zero', () => {
    fc.assert(
      fc.property(total, shares, (t, list) => {
        apportion(t, list).forEach((p, i) => list[i].weight === 0 && expect(p.amountFen).toBe(0));
      }),
    );
  });

  test('the result does not depend on the order of the input', () => {
    const withPermutation = shares.chain((list) =>
      fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }).map((shuffled) => [list, shuffled] as const),
    );
    fc.assert(
      fc.property(total, withPermutation, (t, [list, shuffled]) => {
        const byKey = (l: ShareInput[]) => Object.fromEntries(apportion(t, l).map((p) => [p.key, p.amountFen]));
        expect(byKey(shuffled)).toEqual(byKey(list));
      }),
    );
  });

  test('scaling every weight by the same factor changes nothing', () => {
    fc.assert(
      fc.property(total, shares, fc.integer({ min: 2, max: 1000 }), (t, list, k) => {
        const scaled = list.map((s) => ({ key: s.key, weight: s.weight * k }));
        expect(split(t, scaled)).toEqual(split(t, list));
      }),
    );
  });
});
