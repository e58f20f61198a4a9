import type { AlphaMetric } from '../../src/core/agreement.js';

/**
 * A second, independent alpha: the pairwise-disagreement form, without a coincidence matrix.
 * D_o = 1/n Σ_u 1/(m_u − 1) Σ_{i≠j} δ²(v_ui, v_uj); D_e = 1/(n(n − 1)) Σ over every pair of
 * pairable values i≠j δ²(v_i, v_j); ordinal δ² from the frequencies of the pairable values.
 */
export function pairwiseAlpha(units: readonly (readonly number[])[], metric: AlphaMetric): number {
  const pairable = units.filter((unit) => unit.length >= 2);
  const all = pairable.flat();
  const n = all.length;
  const count = (value: number): number => all.filter((other) => other === value).length;
  const delta = (a: number, b: number): number => {
    if (a === b) return 0;
    if (metric === 'nominal') return 1;
    if (metric === 'interval') return (a - b) ** 2;
    const [low, high] = a < b ? [a, b] : [b, a];
    const between = [...new Set(all)].filter((value) => value >= low && value <= high).reduce((sum, value) => sum + count(value), 0);
    return (between - (count(low) + count(high)) / 2) ** 2;
  };
  let observed = 0;
  for (const unit of pairable) {
    let sum = 0;
    for (let i = 0; i < unit.length; i += 1) for (let j = 0; j < unit.length; j += 1) if (i !== j) sum += delta(unit[i]!, unit[j]!);
    observed += sum / (unit.length - 1);
  }
  let expected = 0;
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) if (i !== j) expected += delta(all[i]!, all[j]!);
  return 1 - (observed / n) / (expected / (n * (n - 1)));
}

