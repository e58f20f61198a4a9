import { inputErrorLines } from '../input-errors.js';
import { markdownCell as cell, markdownRow } from '../markdown.js';
import type { RenderContext } from '../renderer.js';
import type { TrendReport } from './report.js';
import { cohortRows, flagsText, headline, inputErrorsText, phasePathText, scoresText, slopeText, sparkline, stepText, versionsText } from './view.js';
import { translator } from '../../i18n/catalogue.js';

/** GitHub cuts a comment at 65,536 characters: the community table stops here and points to the CSV. */
const MAX_ROWS = 100;

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [markdownRow(head.map(cell)), markdownRow(head.map(() => '---')), ...rows.map((row) => markdownRow(row.map(cell)))].join('\n');
}

/** For a pull request or a report: the same tables as the terminal, without colour. */
export function* renderTrendMarkdown({ trend, names, inputErrors }: TrendReport, { language }: RenderContext): Generator<string> {
  const labels = translator(language);
  yield `## ${cell(headline(trend, labels))}\n\n`;
  if (inputErrors.length > 0) {
    const lines = inputErrorLines(inputErrors, language).map((line) => `- \`${line.replace(/`/g, "'")}\``);
    yield `> **${cell(inputErrorsText(inputErrors.length, labels))}**\n\n${lines.join('\n')}\n\n`;
  }
  if (trend.rubricVersionsDiffer) yield `> ${cell(versionsText(trend, labels))}\n\n`;
  if (trend.communities.length === 0) {
    yield `${labels('trendNoCommunity')}\n`;
    return;
  }
  const rows: string[][] = [];
  let total = 0;
  for (const community of trend.communities) {
    total += 1;
    if (rows.length >= MAX_ROWS) continue;
    rows.push([community.id, community.name, sparkline(community, trend.periods), scoresText(community, language), phasePathText(community, names), slopeText(community.slope, labels, language), flagsText(community, labels)]);
  }
  yield `${table([labels('diffCommunity'), labels('diffName'), trend.periods.join(' '), labels('overall'), labels('trendPhasePath'), labels('trendSlope'), labels('trendFlags')], rows)}\n`;
  if (total > MAX_ROWS) yield `\n… +${total - MAX_ROWS} ${labels('trendMoreRows')}\n`;
  yield `\n_${cell(labels('trendStallRule', { stall: trend.stall }))}_\n\n`;
  yield `### ${cell(labels('trendCohort'))}\n\n${table([labels('phase'), ...trend.periods], cohortRows(trend, names, labels, language))}\n`;
  if (trend.summary.steps.length > 0) {
    yield `\n### ${cell(labels('trendSteps'))}\n\n`;
    for (const step of trend.summary.steps) yield `- ${cell(stepText(step, names, labels))}\n`;
  }
}
