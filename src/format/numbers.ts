import { round2 } from '../contract/rounding.js';
import type { Language } from '../i18n/language.js';
import { withDecimalMark } from '../i18n/numbers.js';

/**
 * A score for people, rounded as published (2 decimals) then shown with `digits` decimals:
 * 1 in the score views, 2 in the diff views, with the decimal mark of `lang` (56,9 in
 * Indonesian). An em dash when there is none. Machine formats use contract/ instead.
 */
export function showScore(value: number | null, lang: Language, digits = 1): string {
  return value === null ? '—' : withDecimalMark(round2(value).toFixed(digits), lang);
}

/** Any other number for people (a weight, a slope, an alpha) with `lang`'s decimal mark. */
export function showNumber(figure: string | number, lang: Language): string {
  return withDecimalMark(String(figure), lang);
}

export function showPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
