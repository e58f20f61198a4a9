import type { Rubric } from '../../core/model.js';
import type { CommunityTrend, TrendResult } from '../../core/trend.js';
import type { Language } from '../../i18n/language.js';
import { showScore } from '../numbers.js';
import { phaseTitle } from '../titles.js';
import { PALETTE, smallLineChart, stackedBarChart } from './charts.js';
import { esc, figure, IdMaker, table, type Cell } from './html.js';
import { page } from './page.js';
import { translator } from '../../i18n/catalogue.js';

/** How many communities get a small line chart: enough for a city, never a national page of thousands. */
export const LINE_CHARTS = 48;

export interface TrendReportOptions {
  /** The language of the rubric's texts. */
  readonly lang: string;
  readonly tool: Language;
  readonly version: string;
}

const PHASE_COLOURS = [PALETTE.vermillion, PALETTE.orange, PALETTE.sky, PALETTE.green, PALETTE.purple, PALETTE.grey];

/** Stalled and regressed communities first, then by id: the ones a province asks about come first. */
function lineChartOrder(communities: Iterable<CommunityTrend>, count: number): { shown: CommunityTrend[]; total: number } {
  const flagged: CommunityTrend[] = [];
  const others: CommunityTrend[] = [];
  let total = 0;
  for (const community of communities) {
    total += 1;
    const list = community.flags.stalled || community.flags.regressed ? flagged : others;
    if (list.length < count) list.push(community);
  }
  return { shown: [...flagged, ...others].slice(0, count), total };
}

/** `report --trend A B C` (docs/report.md): the cohort flow and a small line chart per community. */
export function trendReport(trend: TrendResult, rubric: Rubric | undefined, options: TrendReportOptions): string {
  const labels = translator(options.tool);
  const ids = new IdMaker();
  const phaseName = (phase: string): string => (rubric ? (phaseTitle(rubric, phase, options.lang, options.tool).split(' — ')[0] ?? phase) : phase);
  const title = labels('report.trendTitle', { periods: trend.periods.join(' → ') });
  const { summary } = trend;
  const facts: [string, number][] = [
    [labels('report.communitiesCount'), summary.communities],
    [labels('report.stalled'), summary.stalled],
    [labels('report.slidBack'), summary.regressed],
    [labels('report.advancedCount'), summary.advanced],
    [labels('report.withGaps'), summary.gaps],
  ];

  const series = trend.phases.map((phase, index) => ({ key: phase, label: phaseName(phase), color: PHASE_COLOURS[index % PHASE_COLOURS.length]! }));
  const cohortSvg = stackedBarChart(
    { lang: options.tool, id: ids.next('cohort'), title: labels('report.cohortFlow'), desc: labels('report.cohortFlowDesc') },
    summary.periods.map((period) => ({ label: period.period, parts: period.phases.map((entry) => ({ key: entry.phase, count: entry.count })) })),
    series,
  );
  const cohortData = table({
    caption: labels('report.tableOf'),
    head: [labels('report.phaseAttained'), ...trend.periods],
    rows: [
      ...trend.phases.map((phase): Cell[] => [phaseName(phase), ...summary.periods.map((period) => period.phases.find((entry) => entry.phase === phase)?.count ?? 0)]),
      [labels('report.meanOverall'), ...summary.periods.map((period) => showScore(period.meanOverall, options.tool))],
    ],
    numeric: trend.periods.map((_, i) => i + 1),
    rowHeads: true,
  });

  const { shown, total } = lineChartOrder(trend.communities, LINE_CHARTS);
  const lines = shown.map((community) => {
    const byPeriod = new Map(community.series.map((entry) => [entry.period, entry.overall]));
    const points = trend.periods.map((period, index) => ({ index, value: byPeriod.get(period) ?? null }));
    const name = `${community.name} (${community.id})`;
    const svg = smallLineChart({ lang: options.tool, id: ids.next(`line-${community.id}`), title: name, desc: labels('report.overallLineDesc', { name }) }, trend.periods, points);
    const flags = [community.flags.stalled ? labels('report.stalled') : '', community.flags.regressed ? labels('report.slidBack') : '', community.flags.gaps ? labels('report.withGaps') : ''].filter(Boolean).join(', ');
    const data = table({
      caption: labels('report.tableOf'),
      head: [...trend.periods, labels('report.slopePerYear')],
      rows: [[...points.map((point) => showScore(point.value, options.tool)), community.slope === null ? '—' : `${community.slope >= 0 ? '+' : '−'}${showScore(Math.abs(community.slope), options.tool)}`]],
      numeric: [...trend.periods.map((_, i) => i), trend.periods.length],
    });
    return figure(flags ? `${name} — ${flags}` : name, svg, data, 'small-line');
  });

  const body = [
    `<h1>${esc(title)}</h1>`,
    `<p class="generated">${esc(labels('report.generated', { version: options.version, files: trend.periods.join(', '), rubric: trend.rubrics.flatMap((entry) => entry.rubrics).filter((key, i, all) => all.indexOf(key) === i).join(', ') }))}</p>`,
    `<dl class="facts">${facts.map(([term, value]) => `<div><dt>${esc(term)}</dt><dd>${value}</dd></div>`).join('')}</dl>`,
    figure(labels('report.cohortFlow'), cohortSvg, cohortData, 'cohort'),
    `<h2>${esc(labels('report.overallLines'))}</h2>`,
    total > shown.length ? `<p class="muted">${esc(labels('report.overallLinesNote', { shown: shown.length, total }))}</p>` : '',
    `<div class="small-lines">${lines.join('\n')}</div>`,
  ].join('\n');
  return page({ lang: options.lang, title, body });
}
