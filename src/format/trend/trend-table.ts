import type { TrendResult } from '../../core/trend.js';
import { fillLabel } from '../../i18n/fill-label.js';
import { labelsFor } from '../../i18n/labels.js';
import { renderTable } from '../long-table.js';
import { cohortRows, colourBySlope, flagsText, headline, phasePathText, scoresText, slopeText, sparkline, stepText, versionsText, type TrendRenderOptions } from './trend-view.js';

function tableText(head: readonly string[], rows: readonly (readonly string[])[], options: TrendRenderOptions, alignRightFrom?: number): string {
  return renderTable(
    {
      head: head.map((text) => options.colors.bold(text)),
      style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
      ...(alignRightFrom !== undefined ? { colAligns: head.map((_, index) => (index >= alignRightFrom ? 'right' : 'left')) } : {}),
    },
    rows,
  );
}

/** The terminal view (docs/trend.md#formats): a row per community with its sparkline, then the summary tables. */
export function* renderTrendTable(trend: TrendResult, options: TrendRenderOptions): Generator<string> {
  const labels = labelsFor(options.lang);
  const { colors, names } = options;
  yield `${colors.bold(headline(trend, labels))}\n`;
  if (trend.rubricVersionsDiffer) yield `${colors.yellow(versionsText(trend, labels))}\n`;
  yield '\n';
  if (trend.communities.length === 0) {
    yield `${labels.trendNoCommunity}\n`;
    return;
  }
  const rows = Array.from(trend.communities, (community) => [
    community.flags.stalled || community.flags.regressed ? colors.red(community.id) : community.id,
    community.name,
    colourBySlope(sparkline(community, trend.periods), community.slope, colors),
    scoresText(community),
    phasePathText(community, names),
    slopeText(community.slope, labels),
    flagsText(community, labels),
  ]);
  yield `${tableText([labels.diffCommunity, labels.diffName, trend.periods.join(' '), labels.overall, labels.trendPhasePath, labels.trendSlope, labels.trendFlags], rows, options)}\n`;
  yield `${colors.dim(fillLabel(labels.trendStallRule, { stall: trend.stall }))}\n\n`;
  yield `${colors.bold(labels.trendCohort)}\n${tableText([labels.phase, ...trend.periods], cohortRows(trend, options, labels), options, 1)}\n\n`;
  if (trend.summary.steps.length > 0) {
    yield `${colors.bold(labels.trendSteps)}\n`;
    for (const step of trend.summary.steps) yield `  ${stepText(step, names, labels)}\n`;
  }
}
