import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coincidences, krippendorffAlpha, quadraticKappa, type AlphaMetric } from '../../src/core/agreement.js';
import { pairwiseAlpha } from './pairwise-alpha.js';

/** Reliability data as printed: one row per observer, one column per unit, null = missing. */
function unitsOf(rows: readonly (readonly (number | null)[])[]): number[][] {
  return rows[0]!.map((_, unit) => rows.map((row) => row[unit]).filter((value): value is number => value !== null && value !== undefined));
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, missing values.
const KRIPPENDORFF_2011 = unitsOf([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
]);

// The computational example of Wikipedia's "Krippendorff's alpha": 3 coders, 15 units.
const WIKIPEDIA = unitsOf([
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
]);

describe("Krippendorff's alpha against published examples", () => {
  it('Krippendorff 2011: nominal 0.743, ordinal 0.815, interval 0.849', () => {
    const data = coincidences(KRIPPENDORFF_2011);
    // Unit 12 has one value and is dropped: 11 units, 40 pairable values.
    expect(data.units).toBe(11);
    expect(data.total).toBe(40);
    // The paper's coincidence matrix marginals: n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3.
    expect(data.values).toEqual([1, 2, 3, 4, 5]);
    expect(data.marginals.map((n) => Math.round(n * 1e9) / 1e9)).toEqual([9, 13, 10, 5, 3]);
    const nominal = krippendorffAlpha(KRIPPENDORFF_2011, 'nominal')!;
    const ordinal = krippendorffAlpha(KRIPPENDORFF_2011, 'ordinal')!;
    const interval = krippendorffAlpha(KRIPPENDORFF_2011, 'interval')!;
    expect(nominal.toFixed(3)).toBe('0.743');
    expect(ordinal.toFixed(3)).toBe('0.815');
    expect(interval.toFixed(3)).toBe('0.849');
    // Exact to four places, and the same as the pairwise form to float precision.
    expect(nominal.toFixed(4)).toBe('0.7434');
    expect(ordinal.toFixed(4)).toBe('0.8154');
    expect(interval.toFixed(4)).toBe('0.8491');
    for (const metric of ['nominal', 'ordinal', 'interval'] as const) {
      expect(krippendorffAlpha(KRIPPENDORFF_2011, metric)).toBeCloseTo(pairwiseAlpha(KRIPPENDORFF_2011, metric), 12);
    }
  });

  it('Wikipedia example: nominal 0.691358, interval 0.810845', () => {
    expect(krippendorffAlpha(WIKIPEDIA, 'nominal')!.toFixed(6)).toBe('0.691358');
    expect(krippendorffAlpha(WIKIPEDIA, 'interval')!.toFixed(6)).toBe('0.810845');
    expect(krippendorffAlpha(WIKIPEDIA, 'ordinal')).toBeCloseTo(pairwiseAlpha(WIKIPEDIA, 'ordinal'), 12);
  });

  it('is undefined (null) without two pairable values or without any variation', () => {
    expect(krippendorffAlpha([[1], [2], []])).toBeNull();
    expect(krippendorffAlpha([[2, 2], [2, 2, 2]])).toBeNull();
  });

  it('a hand-worked ordinal case: two raters, units (0,0) (1,2) (2,2)', () => {
    // Values 0,0,1,2,2,2 → n_0 = 2, n_1 = 1, n_2 = 3, n = 6. Ordinal δ²(1,2) = (1 + 3 − (1 + 3)/2)² = 4,
    // δ²(0,1) = (2 + 1 − 1.5)² = 2.25, δ²(0,2) = (2 + 1 + 3 − 2.5)² = 12.25.
    // Observed: o_12 = o_21 = 1 → Σ o δ² = 8. Expected: Σ n_c n_k δ² = 2(2·1·2.25 + 2·3·12.25 + 1·3·4) = 180.
    // alpha = 1 − (n − 1)·8/180 = 1 − 40/180 = 0.7777…
    expect(krippendorffAlpha([[0, 0], [1, 2], [2, 2]], 'ordinal')).toBeCloseTo(1 - 40 / 180, 12);
  });
});

describe('quadratic-weighted kappa', () => {
  it('a hand-worked case over levels 0–2', () => {
    // Pairs (0,0) (1,1) (2,1) (1,2) (2,2): rows 1,2,2, columns 1,2,2, N = 5; weights (i − j)²/4.
    // Observed Σ w o = 1/4 + 1/4 = 0.5. Expected Σ w r_i c_j / N over i ≠ j:
    // (0,1) ¼·2 + (0,2) 1·2 + (1,0) ¼·2 + (1,2) ¼·4 + (2,0) 1·2 + (2,1) ¼·4 = 7, / 5 = 1.4.
    // kappa = 1 − 0.5/1.4 = 9/14.
    expect(quadraticKappa([[0, 0], [1, 1], [2, 1], [1, 2], [2, 2]], { min: 0, max: 2 })).toBeCloseTo(9 / 14, 12);
  });

  it('agrees with the cross-pair form 1 − Σ(a − b)² / ((1/N) Σ_i Σ_j (a_i − b_j)²)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 2, maxLength: 30 }), (pairs) => {
        const observed = pairs.reduce((sum, [a, b]) => sum + (a - b) ** 2, 0);
        let expected = 0;
        for (const [a] of pairs) for (const [, b] of pairs) expected += (a - b) ** 2;
        expected /= pairs.length;
        const kappa = quadraticKappa(pairs, { min: 0, max: 4 });
        if (expected === 0) expect(kappa).toBeNull();
        else expect(kappa).toBeCloseTo(1 - observed / expected, 10);
      }),
    );
  });

  it('is null with no pairs, and rejects a level off the scale', () => {
    expect(quadraticKappa([], { min: 0, max: 4 })).toBeNull();
    expect(() => quadraticKappa([[0, 5]], { min: 0, max: 4 })).toThrow(RangeError);
  });
});

/** Reliability data: units × raters, null = missing; levels 0–4. */
const table = (raters: number) =>
  fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 5 }), { minLength: raters, maxLength: raters }), { minLength: 2, maxLength: 25 });
const rowsToUnits = (rows: readonly (readonly (number | null)[])[]): number[][] => rows.map((row) => row.filter((value): value is number => value !== null));

describe('alpha and kappa properties', () => {
  it('the coincidence matrix form equals the pairwise form (nominal, ordinal, interval)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }).chain(table), fc.constantFrom<AlphaMetric>('nominal', 'ordinal', 'interval'), (rows, metric) => {
        const units = rowsToUnits(rows);
        const alpha = krippendorffAlpha(units, metric);
        if (alpha === null) return;
        expect(alpha).toBeCloseTo(pairwiseAlpha(units, metric), 9);
      }),
    );
  });

  it('perfect agreement gives 1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 20 }), fc.integer({ min: 2, max: 5 }), (levels, raters) => {
        fc.pre(new Set(levels).size >= 2);
        const units = levels.map((level) => Array.from({ length: raters }, () => level));
        expect(krippendorffAlpha(units, 'ordinal')).toBe(1);
        if (raters === 2) expect(quadraticKappa(units.map(([a, b]) => [a!, b!] as const), { min: 0, max: 4 })).toBe(1);
      }),
    );
  });

  it('is invariant to relabelling the raters and to the order of the units', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((raters) => fc.tuple(table(raters), fc.shuffledSubarray([...Array(raters).keys()], { minLength: raters }))),
        fc.integer(),
        ([rows, permutation], seed) => {
          const alpha = krippendorffAlpha(rowsToUnits(rows), 'ordinal');
          const relabelled = rows.map((row) => permutation.map((rater) => row[rater]!));
          // Rotated and reversed: the units in another order.
          const reordered = relabelled.map((_, index, all) => all[(index + Math.abs(seed)) % all.length]!).reverse();
          const other = krippendorffAlpha(rowsToUnits(reordered), 'ordinal');
          if (alpha === null) expect(other).toBeNull();
          else expect(other).toBeCloseTo(alpha, 12);
        },
      ),
    );
  });

  it('kappa ranks like alpha on two-rater data: turning a concordant pair of units discordant lowers both', () => {
    // With both raters' marginals fixed, expected disagreement is fixed for both statistics; swapping
    // the second rater's levels of units u, v with a_u < a_v and b_u < b_v raises Σ(a − b)² by
    // 2(a_v − a_u)(b_v − b_u) and the ordinal Σ δ² likewise (δ is a distance between increasing ranks).
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 3, maxLength: 25 }),
        fc.nat(),
        fc.nat(),
        (pairs, i, j) => {
          const u = i % pairs.length;
          const v = j % pairs.length;
          const [au, bu] = pairs[u]!;
          const [av, bv] = pairs[v]!;
          fc.pre(au < av && bu < bv);
          const swapped = pairs.map((pair, index): [number, number] => (index === u ? [au, bv] : index === v ? [av, bu] : [pair[0], pair[1]]));
          const scale = { min: 0, max: 4 };
          const before = { kappa: quadraticKappa(pairs, scale)!, alpha: krippendorffAlpha(pairs, 'ordinal')! };
          const after = { kappa: quadraticKappa(swapped, scale)!, alpha: krippendorffAlpha(swapped, 'ordinal')! };
          expect(after.kappa).toBeLessThan(before.kappa);
          expect(after.alpha).toBeLessThan(before.alpha);
        },
      ),
    );
  });
});
