import type { Finding } from '../core/finding.js';
import type { CommunityTrend, SeriesEntry, TrendResult } from '../core/trend.js';
import type { Language } from '../i18n/language.js';
import { VERSION } from '../version.js';
import { findingJson } from './finding-json.js';
import { round2, roundDelta } from './rounding.js';

/**
 * The published shape of `trend --format json` (docs/trend.md#json-contract-swadayatrend1,
 * schemas/trend.schema.json): scores to 2 decimals, the slope to 2 decimals half away from zero.
 */
export function trendJson(trend: TrendResult, errors: readonly Finding[] = [], lang: Language = 'en'): Record<string, unknown> {
  return {
    schema: 'swadaya/trend@1',
    tool: { name: 'swadaya', version: VERSION },
    periods: trend.periods,
    phases: trend.phases,
    principles: trend.principles,
    stall: trend.stall,
    rubricVersionsDiffer: trend.rubricVersionsDiffer,
    rubrics: trend.rubrics.map((entry) => ({ period: entry.period, rubrics: entry.rubrics })),
    communities: Array.from(trend.communities, communityJson),
    summary: {
      communities: trend.summary.communities,
      stalled: trend.summary.stalled,
      regressed: trend.summary.regressed,
      advanced: trend.summary.advanced,
      gaps: trend.summary.gaps,
      periods: trend.summary.periods.map((period) => ({
        period: period.period,
        assessed: period.assessed,
        meanOverall: round2(period.meanOverall),
        phases: Object.fromEntries(period.phases.map((entry) => [entry.phase, entry.count])),
      })),
      steps: trend.summary.steps.map((step) => ({
        from: step.from,
        to: step.to,
        matched: step.matched,
        advanced: step.advanced,
        regressed: step.regressed,
        unchanged: step.unchanged,
        transitions: step.transitions.map((entry) => ({ from: entry.from, to: entry.to, count: entry.count })),
      })),
    },
    // The input errors: their assessments are not in the trend.
    errors: errors.map((finding) => findingJson(finding, lang)),
  };
}

function entryJson(entry: SeriesEntry): Record<string, unknown> {
  return {
    period: entry.period,
    file: entry.file,
    rubric: { id: entry.rubric.id, version: entry.rubric.version },
    overall: round2(entry.overall),
    phase: entry.phase,
    declared: entry.declared,
    verdict: entry.verdict,
    principles: Object.fromEntries(Object.entries(entry.principles).map(([id, score]) => [id, round2(score)])),
  };
}

export function communityJson(community: CommunityTrend): Record<string, unknown> {
  return {
    id: community.id,
    name: community.name,
    slope: roundDelta(community.slope),
    flags: { stalled: community.flags.stalled, regressed: community.flags.regressed, gaps: community.flags.gaps },
    advanced: community.advanced,
    missing: community.missing,
    series: community.series.map(entryJson),
  };
}
