import type { CommunityTrend, SeriesEntry, TrendResult } from '../../core/trend.js';
import { VERSION } from '../../version.js';
import { round2 } from '../../contract/rounding.js';

/** The JSON contract of docs/trend.md (`swadaya/trend@1`, schemas/trend.schema.json): scores and slopes to 2 decimals. */
export function trendJson(trend: TrendResult): Record<string, unknown> {
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
  };
}

/**
 * The same text as `JSON.stringify(trendJson(trend), null, 2)`, one community at a time: a
 * national trend is never one string.
 */
export function* renderTrendJson(trend: TrendResult): Generator<string> {
  const frame = JSON.stringify(trendJson({ ...trend, communities: [] }), null, 2);
  const placeholder = '"communities": []';
  const at = frame.indexOf(placeholder);
  const head = frame.slice(0, at);
  const tail = frame.slice(at + placeholder.length);
  if (trend.communities.length === 0) {
    yield `${frame}\n`;
    return;
  }
  const indent = (value: unknown): string => `    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`;
  yield `${head}"communities": [\n`;
  let left = trend.communities.length;
  for (const community of trend.communities) {
    left -= 1;
    yield `${indent(communityJson(community))}${left === 0 ? '\n' : ',\n'}`;
  }
  yield `  ]${tail}\n`;
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

function communityJson(community: CommunityTrend): Record<string, unknown> {
  return {
    id: community.id,
    name: community.name,
    slope: round2(community.slope),
    flags: { stalled: community.flags.stalled, regressed: community.flags.regressed, gaps: community.flags.gaps },
    advanced: community.advanced,
    missing: community.missing,
    series: community.series.map(entryJson),
  };
}
