import type { ChalkInstance } from 'chalk';
import type { CommunityTrend, StepSummary, TrendResult } from '../../core/trend.js';
import { TOLERANCE } from '../../core/scoring.js';
import type { Language } from '../../i18n/language.js';
import type { DiffNames } from '../diff/report.js';
import { showScore } from '../numbers.js';
import { type Translate } from '../../i18n/catalogue.js';

export interface TrendRenderOptions {
  /** Language of the tool's labels. */
  readonly lang: Language;
  readonly colors: ChalkInstance;
  /** Principle and phase titles in the chosen language. */
  readonly names: DiffNames;
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/**
 * One block per period on the fixed 0–100 scale, so the lines of two communities compare;
 * `·` where the community was not assessed or has no score.
 */
export function sparkline(community: CommunityTrend, periods: readonly string[]): string {
  const byPeriod = new Map(community.series.map((entry) => [entry.period, entry.overall]));
  return periods
    .map((period) => {
      const score = byPeriod.get(period);
      if (score === undefined || score === null) return '·';
      return BLOCKS[Math.min(BLOCKS.length - 1, Math.floor((score / 100) * BLOCKS.length))]!;
    })
    .join('');
}

/** Green when the slope rises, red when it falls. */
export function colourBySlope(text: string, slope: number | null, colors: ChalkInstance): string {
  if (slope === null || Math.abs(slope) <= TOLERANCE) return text;
  return slope > 0 ? colors.green(text) : colors.red(text);
}

/** `+4.1/yr`, `-2.0/yr`, or `—`. */
export function slopeText(slope: number | null, labels: Translate, lang: Language): string {
  if (slope === null) return '—';
  const sign = slope > TOLERANCE ? '+' : slope < -TOLERANCE ? '−' : '';
  return `${sign}${showScore(Math.abs(slope), lang)}${labels('trendPerYear')}`;
}

export function scoresText(community: CommunityTrend, lang: Language): string {
  return community.series.map((entry) => showScore(entry.overall, lang)).join(' → ');
}

export function phasePathText(community: CommunityTrend, names: DiffNames): string {
  return community.series.map((entry) => names.phase(entry.phase)).join(' → ');
}

export function flagsText(community: CommunityTrend, labels: Translate): string {
  const flags: string[] = [];
  if (community.flags.stalled) flags.push(labels('trendStalled'));
  if (community.flags.regressed) flags.push(labels('trendRegressed'));
  if (community.flags.gaps) flags.push(labels('trendGaps', { periods: community.missing.join(', ') }));
  return flags.join(', ');
}

/** `Trend over 3 periods: 2024 → 2025 → 2026 · 9 communities: 2 stalled, …` */
export function headline(trend: TrendResult, labels: Translate): string {
  const { summary } = trend;
  const counts = [
    `${summary.stalled} ${labels('trendStalled')}`,
    `${summary.regressed} ${labels('trendRegressed')}`,
    `${summary.advanced} ${labels('trendAdvanced')}`,
    `${summary.gaps} ${labels('trendWithGaps')}`,
  ].join(', ');
  return `${labels('trendTitle', { count: trend.periods.length })}: ${trend.periods.join(' → ')} · ${summary.communities} ${labels('trendCommunities')}: ${counts}`;
}

export function versionsText(trend: TrendResult, labels: Translate): string {
  const list = trend.rubrics.map((entry) => `${entry.period} ${entry.rubrics.join(', ')}`).join('; ');
  return labels('trendVersionsDiffer', { list });
}

/** The cohort table: a row per phase, a column per period, then the assessed count and the mean. */
export function cohortRows(trend: TrendResult, names: DiffNames, labels: Translate, lang: Language): string[][] {
  const rows = trend.phases.map((phase) => [
    names.phase(phase),
    ...trend.summary.periods.map((period) => String(period.phases.find((entry) => entry.phase === phase)?.count ?? 0)),
  ]);
  rows.push([labels('trendAssessed'), ...trend.summary.periods.map((period) => String(period.assessed))]);
  rows.push([labels('trendMeanOverall'), ...trend.summary.periods.map((period) => showScore(period.meanOverall, lang))]);
  return rows;
}

/** `2024 → 2025: 8 matched · 2 advanced · 1 regressed · 5 unchanged — berdaya → mandiri 2, …` */
export function stepText(step: StepSummary, names: DiffNames, labels: Translate): string {
  const counts = [
    `${step.matched} ${labels('diffMatched')}`,
    `${step.advanced} ${labels('diffAdvanced')}`,
    `${step.regressed} ${labels('diffRegressed')}`,
    `${step.unchanged} ${labels('diffUnchanged')}`,
  ].join(' · ');
  const moves = step.transitions
    .filter((entry) => entry.from !== entry.to)
    .map((entry) => `${names.phase(entry.from)} → ${names.phase(entry.to)} ${entry.count}`)
    .join(', ');
  return `${step.from} → ${step.to}: ${counts}${moves ? ` — ${moves}` : ''}`;
}

/** Said first in every human format when some inputs had errors: those assessments are not in the trend. */
export function inputErrorsText(errors: number, labels: Translate): string {
  return labels('trendInputErrors', { count: errors });
}
