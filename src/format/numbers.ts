import { round2 } from '../contract/rounding.js';

/**
 * A score for people, rounded as published (2 decimals) then shown with `digits` decimals:
 * 1 in the score views, 2 in the diff views. An em dash when there is none.
 */
export function showScore(value: number | null, digits = 1): string {
  return value === null ? '—' : round2(value).toFixed(digits);
}

export function showPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
