import { boxTable } from '../long-table.js';
import type { RenderContext } from '../renderer.js';
import type { TrendReport } from './report.js';
import { cohortRows, colourBySlope, flagsText, headline, inputErrorsText, phasePathText, scoresText, slopeText, sparkline, stepText, versionsText } from './view.js';
import { translator } from '../../i18n/catalogue.js';

/** The terminal view (docs/trend.md#formats): a row per community with its sparkline, then the summary tables. */
export function* renderTrendTable({ trend, names, inputErrors }: TrendReport, { language, colors }: RenderContext): Generator<string> {
  const labels = translator(language);
  yield `${colors.bold(headline(trend, labels))}\n`;
  if (inputErrors.length > 0) yield `${colors.red(inputErrorsText(inputErrors.length, labels))}\n`;
  if (trend.rubricVersionsDiffer) yield `${colors.yellow(versionsText(trend, labels))}\n`;
  yield '\n';
  if (trend.communities.length === 0) {
    yield `${labels('trendNoCommunity')}\n`;
    return;
  }
  const rows = Array.from(trend.communities, (community) => [
    community.flags.stalled || community.flags.regressed ? colors.red(community.id) : community.id,
    community.name,
    colourBySlope(sparkline(community, trend.periods), community.slope, colors),
    scoresText(community, language),
    phasePathText(community, names),
    slopeText(community.slope, labels, language),
    flagsText(community, labels),
  ]);
  const head = [labels('diffCommunity'), labels('diffName'), trend.periods.join(' '), labels('overall'), labels('trendPhasePath'), labels('trendSlope'), labels('trendFlags')];
  yield `${boxTable(head, rows, colors)}\n`;
  yield `${colors.dim(labels('trendStallRule', { stall: trend.stall }))}\n\n`;
  yield `${colors.bold(labels('trendCohort'))}\n${boxTable([labels('phase'), ...trend.periods], cohortRows(trend, names, labels, language), colors, { alignRight: 1 })}\n\n`;
  if (trend.summary.steps.length > 0) {
    yield `${colors.bold(labels('trendSteps'))}\n`;
    for (const step of trend.summary.steps) yield `  ${stepText(step, names, labels)}\n`;
  }
}
