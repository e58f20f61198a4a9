/** Output rounding (docs/json-output.md#rounding): scores, gaps and the index to 2 decimals, coverage to 4. */
export function round2(value: number): number;
export function round2(value: number | null): number | null;
export function round2(value: number | null): number | null {
  return value === null ? null : Math.round((value + Number.EPSILON) * 100) / 100;
}

export function round4(value: number): number {
  return Math.round((value + Number.EPSILON) * 10_000) / 10_000;
}

/**
 * A delta rounded to 2 decimals, half away from zero so a fall and a rise of the same size
 * read the same. The delta of full-precision values is rounded, never a difference of rounded ones.
 */
export function roundDelta(delta: number | null): number | null {
  if (delta === null) return null;
  const rounded = Math.sign(delta) * round2(Math.abs(delta));
  return rounded === 0 ? 0 : rounded;
}
