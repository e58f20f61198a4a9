import type { Rubric } from '../../core/model.js';
import { BIN_WIDTH, type SetStats } from '../../core/report-set.js';
import type { Verdict } from '../../core/result.js';
import { localize, type Language } from '../../i18n/language.js';
import { showPercent, showScore } from '../numbers.js';
import { phaseTitle, targetTitle } from '../titles.js';
import { histogramChart, PALETTE, rangeBarChart, stackedBarChart, type BandRange, type SeriesStyle } from './charts.js';
import { esc, figure, table, type Cell, type IdMaker } from './html.js';
import { t, translator } from '../../i18n/catalogue.js';

export interface SetReportOptions {
  readonly lang: string;
  readonly tool: Language;
  readonly ids: IdMaker;
  /** The rubric whose titles the set is shown with (the first one met). */
  readonly rubric: Rubric;
  readonly groupBy: string | undefined;
  /** The paths given on the command line, for the line under the title. */
  readonly sources: readonly string[];
  readonly version: string;
}

export const VERDICT_ORDER: readonly Verdict[] = ['ready', 'graduated', 'not-ready', 'insufficient-evidence'];
export const VERDICT_COLORS: Record<Verdict, string> = {
  ready: PALETTE.green,
  graduated: PALETTE.blue,
  'not-ready': PALETTE.vermillion,
  'insufficient-evidence': PALETTE.orange,
};

/** The rubric's bands as ranges of the overall score, lowest first. */
export function bandRanges(rubric: Rubric, lang: string): BandRange[] {
  const starts = rubric.bands.map((band) => ({ label: localize(band.label, lang, rubric), from: band.min ?? band.above ?? 0 })).sort((a, b) => a.from - b.from);
  return starts.map((band, i) => ({ ...band, to: starts[i + 1]?.from ?? 100 }));
}

function verdictCount(verdicts: Readonly<Partial<Record<Verdict, number>>>, verdict: Verdict): number {
  return verdicts[verdict] ?? 0;
}

function verdictSection(stats: SetStats, options: SetReportOptions): string {
  const { rubric, lang, tool } = options;
  const labels = translator(tool);
  const series: SeriesStyle[] = VERDICT_ORDER.map((verdict) => ({ key: verdict, label: t(tool, `verdict.${verdict}`), color: VERDICT_COLORS[verdict] }));
  const order = [...rubric.phases.map((phase) => phase.id), 'graduated', ''];
  const rows = [...stats.byDeclared].sort((a, b) => order.indexOf(a.declared) - order.indexOf(b.declared));
  const name = (declared: string): string => (declared === '' ? labels('report.notDeclared') : phaseTitle(rubric, declared, lang, tool).split(' — ')[0] ?? declared);
  const svg = stackedBarChart(
    { lang: tool, id: options.ids.next('verdicts'), title: labels('report.verdictsByPhase'), desc: labels('report.verdictsByPhaseDesc') },
    rows.map((row) => ({ label: name(row.declared), parts: VERDICT_ORDER.map((verdict) => ({ key: verdict, count: verdictCount(row.verdicts, verdict) })) })),
    series,
  );
  const data = table({
    caption: labels('report.tableOf'),
    head: [labels('report.declaredPhase'), ...series.map((style) => style.label)],
    rows: rows.map((row) => [name(row.declared), ...VERDICT_ORDER.map((verdict) => verdictCount(row.verdicts, verdict))]),
    numeric: series.map((_, i) => i + 1),
    rowHeads: true,
  });
  return figure(labels('report.verdictsByPhase'), svg, data, 'verdicts');
}

function distributionSection(stats: SetStats, options: SetReportOptions): string {
  const labels = translator(options.tool);
  const bins = stats.histogram.map((count, i) => ({ from: i * BIN_WIDTH, to: (i + 1) * BIN_WIDTH, count }));
  const bands = bandRanges(options.rubric, options.lang);
  const svg = histogramChart({ lang: options.tool, id: options.ids.next('distribution'), title: labels('report.distribution'), desc: labels('report.distributionDesc') }, bins, bands);
  const bandOf = (from: number): string => bands.filter((band) => band.from <= from).at(-1)?.label ?? '';
  const data = table({
    caption: labels('report.tableOf'),
    head: [labels('report.range'), labels('report.band'), labels('report.count')],
    rows: bins.filter((bin) => bin.count > 0).map((bin) => [`${bin.from}–${bin.to}`, bandOf(bin.from), bin.count]),
    numeric: [2],
    rowHeads: true,
  });
  return figure(labels('report.distribution'), svg, data, 'distribution');
}

function principleSection(stats: SetStats, options: SetReportOptions): string {
  const { rubric, lang, tool } = options;
  const labels = translator(tool);
  const rows = rubric.principles.map((principle, i) => ({
    label: targetTitle(rubric, `principle:${principle.id}`, lang, tool),
    mean: stats.principles[i]?.mean ?? null,
    low: stats.principles[i]?.q1 ?? null,
    high: stats.principles[i]?.q3 ?? null,
    median: stats.principles[i]?.median ?? null,
  }));
  const svg = rangeBarChart({ lang: tool, id: options.ids.next('principles'), title: labels('report.principleScores'), desc: labels('report.principleScoresDesc') }, rows);
  const data = table({
    caption: labels('report.tableOf'),
    head: [labels('report.principle'), labels('report.mean'), labels('report.median'), labels('report.quartiles')],
    rows: rows.map((row) => [row.label, showScore(row.mean, tool), showScore(row.median, tool), row.low === null ? '—' : `${showScore(row.low, tool)}–${showScore(row.high, tool)}`]),
    numeric: [1, 2, 3],
    rowHeads: true,
  });
  return figure(labels('report.principleScores'), svg, data, 'principle-scores');
}

function groupSection(stats: SetStats, options: SetReportOptions): string {
  if (options.groupBy === undefined) return '';
  const { rubric, lang, tool } = options;
  const labels = translator(tool);
  const principles = rubric.principles.map((principle) => targetTitle(rubric, `principle:${principle.id}`, lang, tool));
  const rows = stats.groups.map((group): Cell[] => [
    group.group === '' ? labels('report.noGroupValue') : group.group,
    group.count,
    showScore(group.meanOverall, tool),
    ...principles.map((_, i) => showScore(group.meanPrinciples[i] ?? null, tool)),
    showScore(group.meanIndex, tool),
    ...VERDICT_ORDER.map((verdict) => verdictCount(group.verdicts, verdict)),
  ]);
  const head = [labels('report.group'), labels('report.count'), labels('report.overall'), ...principles, labels('report.readinessIndex'), ...VERDICT_ORDER.map((verdict) => t(tool, `verdict.${verdict}`))];
  return `<h2>${esc(labels('report.byGroup', { field: options.groupBy }))}</h2>${table({ head, rows, numeric: head.map((_, i) => i).slice(1), rowHeads: true, className: 'groups' })}`;
}

function closestSection(stats: SetStats, options: SetReportOptions): string {
  const { rubric, lang, tool } = options;
  const labels = translator(tool);
  const rows = stats.closest.map((row): Cell[] => [
    { html: `${esc(row.name)} <span class="muted">(${esc(row.id)})</span>` },
    row.period,
    phaseTitle(rubric, row.current, lang, tool).split(' — ')[0] ?? row.current,
    showScore(row.overall, tool),
    showScore(row.index, tool),
    row.steps ?? '—',
  ]);
  const body = rows.length === 0 ? `<p>${esc(labels('report.none'))}</p>` : table({ head: [labels('report.community'), labels('report.period'), labels('report.phase'), labels('report.overall'), labels('report.readinessIndex'), labels('report.steps')], rows, numeric: [3, 4, 5], className: 'closest' });
  return `<h2>${esc(labels('report.closest'))}</h2><p class="muted">${esc(labels('report.closestNote'))}</p>${body}`;
}

function warningSection(stats: SetStats, options: SetReportOptions): string {
  const { rubric, lang, tool } = options;
  const labels = translator(tool);
  const intro = `<h2>${esc(labels('report.coverageWarnings'))}</h2><p class="muted">${esc(labels('report.coverageWarningsNote', { coverage: showPercent(rubric.coverage) }))}</p>`;
  if (stats.warningCount === 0) return `${intro}<p>${esc(labels('report.noCoverageWarnings'))}</p>`;
  const rows = stats.warnings.map((row): Cell[] => [
    { html: `${esc(row.name)} <span class="muted">(${esc(row.id)})</span>` },
    row.period,
    row.file,
    showPercent(row.coverage),
    row.unknown.map((target) => targetTitle(rubric, target, lang, tool)).join('; '),
  ]);
  const more = stats.warningCount - stats.warnings.length;
  return (
    intro +
    table({ head: [labels('report.community'), labels('report.period'), labels('report.file'), labels('report.coverage'), labels('report.unknownCriteria')], rows, numeric: [3], className: 'warnings' }) +
    (more > 0 ? `<p>${esc(labels('report.moreNotShown', { count: more }))}</p>` : '')
  );
}

/** The summary part of a set report: everything but the communities' own sections. */
export function setSummary(stats: SetStats, options: SetReportOptions): string {
  const { rubric, tool } = options;
  const labels = translator(tool);
  const counts = VERDICT_ORDER.filter((verdict) => verdictCount(stats.verdicts, verdict) > 0)
    .map((verdict) => `${verdictCount(stats.verdicts, verdict)} ${esc(t(tool, `verdict.${verdict}`))}`)
    .join(' · ');
  return [
    `<h1>${esc(labels('report.setTitle', { count: stats.count.toLocaleString(t(tool, 'locale')) }))}</h1>`,
    `<p class="generated">${esc(labels('report.generated', { version: options.version, files: options.sources.join(', '), rubric: `${rubric.id}@${rubric.version}` }))}</p>`,
    `<p><strong>${esc(stats.count.toLocaleString(t(tool, 'locale')))}</strong> ${esc(labels('report.assessments'))} · ${counts} · ${esc(labels('report.meanOverall'))} <strong>${esc(showScore(stats.meanOverall, tool))}</strong></p>`,
    `<h2>${esc(labels('report.summary'))}</h2>`,
    verdictSection(stats, options),
    distributionSection(stats, options),
    principleSection(stats, options),
    groupSection(stats, options),
    closestSection(stats, options),
    warningSection(stats, options),
  ].join('\n');
}
