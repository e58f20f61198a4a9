/**
 * Inter-rater agreement statistics, implemented from their definitions (docs/ratings.md):
 * Krippendorff's alpha through the coincidence matrix, and Cohen's weighted kappa through the
 * contingency table. Pure: values in, numbers out.
 */

/** How far apart two values are, as Krippendorff defines the difference functions δ². */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

/**
 * The coincidence matrix of reliability data. Each unit is the list of values its raters gave
 * (missing values already left out). A unit with fewer than two values is not pairable and is
 * dropped; every ordered pair of values from different raters of a unit with m values adds
 * 1/(m − 1) to its cell, so each pairable value counts once in the marginals.
 */
export interface Coincidences {
  /** The distinct values, ascending: the rows and columns of `matrix`. */
  readonly values: readonly number[];
  readonly matrix: readonly (readonly number[])[];
  /** n_c: the row sums. */
  readonly marginals: readonly number[];
  /** n: the number of pairable values. */
  readonly total: number;
  /** Units with at least two values. */
  readonly units: number;
}

export function coincidences(units: Iterable<readonly number[]>): Coincidences {
  const pairable: (readonly number[])[] = [];
  const seen = new Set<number>();
  for (const unit of units) {
    if (unit.length < 2) continue;
    pairable.push(unit);
    for (const value of unit) seen.add(value);
  }
  const values = [...seen].sort((a, b) => a - b);
  const index = new Map(values.map((value, position) => [value, position]));
  const matrix = values.map(() => values.map(() => 0));
  for (const unit of pairable) {
    const share = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i += 1) {
      for (let j = 0; j < unit.length; j += 1) {
        if (i === j) continue;
        matrix[index.get(unit[i]!)!]![index.get(unit[j]!)!]! += share;
      }
    }
  }
  const marginals = matrix.map((row) => row.reduce((sum, cell) => sum + cell, 0));
  return { values, matrix, marginals, total: marginals.reduce((sum, n) => sum + n, 0), units: pairable.length };
}

/**
 * δ²(c, k) for the values at positions c and k of `data.values`.
 * ordinal: (Σ_{g=c..k} n_g − (n_c + n_k)/2)², the distance in ranks that the observed values
 * themselves define (the marginal frequencies), not the distance between the level numbers.
 */
export function difference(metric: AlphaMetric, data: Coincidences, c: number, k: number): number {
  if (c === k) return 0;
  const { values, marginals } = data;
  if (metric === 'nominal') return 1;
  if (metric === 'interval') return (values[c]! - values[k]!) ** 2;
  const [low, high] = c < k ? [c, k] : [k, c];
  let between = 0;
  for (let g = low; g <= high; g += 1) between += marginals[g]!;
  return (between - (marginals[low]! + marginals[high]!) / 2) ** 2;
}

/**
 * Krippendorff's alpha = 1 − D_o / D_e, with
 * D_o = Σ o_ck δ²_ck / n and D_e = Σ n_c n_k δ²_ck / (n (n − 1)).
 * Null when it is undefined: fewer than two pairable values, or no variation at all (D_e = 0).
 */
export function krippendorffAlpha(units: Iterable<readonly number[]>, metric: AlphaMetric = 'ordinal'): number | null {
  return alphaOf(coincidences(units), metric);
}

export function alphaOf(data: Coincidences, metric: AlphaMetric): number | null {
  const { matrix, marginals, total } = data;
  if (total < 2) return null;
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < matrix.length; c += 1) {
    for (let k = 0; k < matrix.length; k += 1) {
      if (c === k) continue;
      const delta = difference(metric, data, c, k);
      observed += matrix[c]![k]! * delta;
      expected += marginals[c]! * marginals[k]! * delta;
    }
  }
  if (expected === 0) return null;
  return 1 - ((total - 1) * observed) / expected;
}

/**
 * Cohen's kappa with quadratic weights over two raters' paired levels:
 * κ_w = 1 − Σ w_ij o_ij / Σ w_ij e_ij, with w_ij = (i − j)² / (max − min)² and
 * e_ij = (row_i · column_j) / N from the two raters' own marginals.
 * `categories`: the scale's lowest and highest level. Null when undefined (no pairs, or no expected disagreement).
 */
export function quadraticKappa(pairs: Iterable<readonly [number, number]>, categories: { readonly min: number; readonly max: number }): number | null {
  const { min, max } = categories;
  const size = max - min + 1;
  if (!(size >= 2)) return null;
  const table = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  let count = 0;
  for (const [first, second] of pairs) {
    if (first < min || first > max || second < min || second > max) throw new RangeError(`level outside ${min}..${max}: ${first}, ${second}`);
    table[first - min]![second - min]! += 1;
    count += 1;
  }
  if (count === 0) return null;
  const rows = table.map((row) => row.reduce((sum, cell) => sum + cell, 0));
  const columns = table[0]!.map((_, j) => table.reduce((sum, row) => sum + row[j]!, 0));
  const span = (max - min) ** 2;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < size; i += 1) {
    for (let j = 0; j < size; j += 1) {
      const weight = (i - j) ** 2 / span;
      observed += weight * table[i]![j]!;
      expected += (weight * rows[i]! * columns[j]!) / count;
    }
  }
  if (expected === 0) return null;
  return 1 - observed / expected;
}
