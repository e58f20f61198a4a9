import type { AgreementReport, GroupAgreement, IndicatorAgreement, RatedLevel } from '../../core/agree.js';
import type { Language } from '../../i18n/language.js';
import { round4 } from '../../contract/rounding.js';
import { t, translator } from '../../i18n/catalogue.js';
import { showNumber } from '../numbers.js';

/** 0.8123, or "undefined" in words. */
export function statistic(value: number | null, lang: Language): string {
  return value === null ? t(lang, 'ratings.undefinedValue') : showNumber(round4(value).toFixed(4), lang);
}

/** Krippendorff's reading of alpha: ≥ 0.800 reliable, ≥ 0.667 tentative, below not reliable. */
export function reading(value: number | null, lang: Language): string {
  const labels = translator(lang);
  if (value === null) return '';
  return value >= 0.8 ? labels('ratings.reliable') : value >= 0.667 ? labels('ratings.tentative') : labels('ratings.unreliable');
}

export function levelText(level: RatedLevel): string {
  return level === null ? '—' : level === 'na' ? 'n/a' : String(level);
}

/**
 * The rows a meeting needs: every indicator on which the raters' answers differ, most spread
 * first; a level against n/a or a missing answer (no spread) comes after those with a spread.
 */
export function disagreements(group: GroupAgreement): IndicatorAgreement[] {
  return group.indicators.filter((row) => new Set(Object.values(row.levels)).size > 1);
}

export function summaryLines(report: AgreementReport, lang: Language): string[] {
  const labels = translator(lang);
  const ratings = report.groups.reduce((sum, group) => sum + group.raters.length, 0);
  const alpha = report.alpha.overall;
  const kappa = report.groups.every((group) => group.raters.length === 2)
    ? `${statistic(report.kappa, lang)}  ${labels('ratings.overUnits', { units: report.kappaUnits })}`
    : labels('ratings.kappaOnlyTwo');
  return [
    labels('ratings.agreeTitle', { ratings, groups: report.groups.length }),
    `${labels('ratings.alpha')}: ${statistic(alpha, lang)}  ${labels('ratings.overUnits', { units: report.alpha.units })}${alpha === null ? '' : `  — ${reading(alpha, lang)}`}`,
    `${labels('ratings.kappa')}: ${kappa}`,
  ];
}
