/** Output rounding of SPEC §4.10: scores, gaps and the index to 2 decimals, coverage to 4. */
export function round2(value: number): number;
export function round2(value: number | null): number | null;
export function round2(value: number | null): number | null {
  return value === null ? null : Math.round((value + Number.EPSILON) * 100) / 100;
}

export function round4(value: number): number {
  return Math.round((value + Number.EPSILON) * 10_000) / 10_000;
}

/** A score for people: one decimal, or an em dash when there is none. */
export function showScore(value: number | null, digits = 1): string {
  return value === null ? '—' : (round2(value) ?? 0).toFixed(digits);
}

export function showPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
