import type { CommunityDiff, DiffResult } from '../../core/diff-types.js';
import type { Rubric } from '../../core/model.js';
import type { Language } from '../../i18n/language.js';
import { showScore } from '../numbers.js';
import { phaseTitle, targetTitle } from '../titles.js';
import { divergingBarChart, dumbbellChart, heatmapChart, type DumbbellRow } from './charts.js';
import { esc, figure, table, type Cell, type IdMaker } from './html.js';
import { translator } from '../../i18n/catalogue.js';

export interface ChangeReportOptions {
  readonly lang: string;
  readonly tool: Language;
  readonly ids: IdMaker;
  /** The after side's rubric, for titles. */
  readonly rubric: Rubric | undefined;
  readonly sources: { readonly before: string; readonly after: string };
  readonly version: string;
}

/** How many communities the rises-and-falls chart shows on each side. */
export const MOVERS_PER_SIDE = 10;

export interface Movers {
  readonly rises: readonly CommunityDiff[];
  readonly falls: readonly CommunityDiff[];
}

/** The largest rises and falls of the overall score, ties by id; one pass over a diff's communities. */
export function biggestMovers(communities: Iterable<CommunityDiff>, count = MOVERS_PER_SIDE): Movers {
  const rises: CommunityDiff[] = [];
  const falls: CommunityDiff[] = [];
  const keep = (list: CommunityDiff[], community: CommunityDiff, order: (a: CommunityDiff, b: CommunityDiff) => number): void => {
    list.push(community);
    list.sort(order);
    if (list.length > count) list.pop();
  };
  const delta = (community: CommunityDiff): number => community.delta.overall ?? 0;
  const byId = (a: CommunityDiff, b: CommunityDiff): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const community of communities) {
    const change = community.delta.overall;
    if (change === null || change === 0) continue;
    if (change > 0) keep(rises, community, (a, b) => delta(b) - delta(a) || byId(a, b));
    else keep(falls, community, (a, b) => delta(a) - delta(b) || byId(a, b));
  }
  return { rises, falls };
}

function phaseName(rubric: Rubric | undefined, phase: string, lang: string, tool: Language): string {
  if (!rubric) return phase;
  return phaseTitle(rubric, phase, lang, tool).split(' — ')[0] ?? phase;
}

function transitionSection(diff: DiffResult, options: ChangeReportOptions): string {
  const { rubric, lang, tool } = options;
  const labels = translator(tool);
  const names = diff.phases.map((phase) => phaseName(rubric, phase, lang, tool));
  const cells = diff.summary.transitions.map((transition) => ({ row: diff.phases.indexOf(transition.from), column: diff.phases.indexOf(transition.to), count: transition.count }));
  const svg = heatmapChart({ lang: tool, id: options.ids.next('transitions'), title: labels('report.transitions'), desc: labels('report.transitionsDesc') }, names, names, cells, {
    rows: `${labels('report.from')} (${labels('report.before').toLowerCase()})`,
    columns: `${labels('report.to')} (${labels('report.after').toLowerCase()})`,
  });
  const count = (row: number, column: number): number => cells.find((cell) => cell.row === row && cell.column === column)?.count ?? 0;
  const data = table({
    caption: labels('report.tableOf'),
    head: [`${labels('report.from')} \\ ${labels('report.to')}`, ...names],
    rows: names.map((name, row) => [name, ...names.map((_, column) => count(row, column))]),
    numeric: names.map((_, i) => i + 1),
    rowHeads: true,
  });
  return figure(labels('report.transitions'), svg, data, 'transitions');
}

function moversSection(movers: Movers, options: ChangeReportOptions): string {
  const labels = translator(options.tool);
  const list = [...movers.rises, ...[...movers.falls].reverse()];
  if (list.length === 0) return `<h3>${esc(labels('report.risesFalls'))}</h3><p>${esc(labels('report.none'))}</p>`;
  const rows: DumbbellRow[] = list.map((community) => ({ label: `${community.name} (${community.id})`, before: community.before.overall ?? 0, after: community.after.overall ?? 0 }));
  const svg = dumbbellChart({ lang: options.tool, id: options.ids.next('movers'), title: labels('report.risesFalls'), desc: labels('report.risesFallsDesc') }, rows);
  const data = table({
    caption: labels('report.tableOf'),
    head: [labels('report.community'), labels('report.before'), labels('report.after'), labels('report.change')],
    rows: list.map((community): Cell[] => {
      const delta = community.delta.overall ?? 0;
      return [`${community.name} (${community.id})`, showScore(community.before.overall, options.tool), showScore(community.after.overall, options.tool), `${delta >= 0 ? '+' : '−'}${showScore(Math.abs(delta), options.tool)}`];
    }),
    numeric: [1, 2, 3],
    rowHeads: true,
  });
  return figure(labels('report.risesFalls'), svg, data, 'movers');
}

function meanChangeSection(diff: DiffResult, options: ChangeReportOptions): string {
  const { rubric, lang, tool } = options;
  const labels = translator(tool);
  const title = (id: string): string => (rubric ? targetTitle(rubric, `principle:${id}`, lang, tool) : id);
  const rows = diff.summary.meanDelta.principles.map((entry) => ({ label: title(entry.id), value: entry.delta }));
  const svg = divergingBarChart({ lang: tool, id: options.ids.next('mean-change'), title: labels('report.meanChange'), desc: labels('report.meanChangeDesc') }, rows);
  const signed = (value: number | null): string => (value === null ? '—' : `${value >= 0 ? '+' : '−'}${showScore(Math.abs(value), tool)}`);
  const data = table({
    caption: labels('report.tableOf'),
    head: [labels('report.principle'), labels('report.change')],
    rows: [...rows.map((row): Cell[] => [row.label, signed(row.value)]), [labels('report.overall'), signed(diff.summary.meanDelta.overall)]],
    numeric: [1],
    rowHeads: true,
  });
  return figure(labels('report.meanChange'), svg, data, 'mean-change');
}

/** The body of a change report (`report --before A --after B`), built on the diff's core. */
export function changeReportBody(diff: DiffResult, options: ChangeReportOptions): string {
  const labels = translator(options.tool);
  const periods = (list: readonly string[], fallback: string): string => (list.length > 0 ? list.join(', ') : fallback);
  const before = periods(diff.periods.before, options.sources.before);
  const after = periods(diff.periods.after, options.sources.after);
  const { summary } = diff;
  const rubric = options.rubric ? `${options.rubric.id}@${options.rubric.version}` : diff.rubrics.after.map((ref) => `${ref.id}@${ref.version}`).join(', ');
  const facts: [string, number][] = [
    [labels('report.matched'), summary.matched],
    [labels('report.advanced'), summary.advanced],
    [labels('report.regressed'), summary.regressed],
    [labels('report.unchanged'), summary.unchanged],
    [labels('report.added'), diff.added.length],
    [labels('report.removed'), diff.removed.length],
  ];
  return [
    `<h1>${esc(labels('report.changeTitle', { before, after }))}</h1>`,
    `<p class="generated">${esc(labels('report.generated', { version: options.version, files: `${options.sources.before} → ${options.sources.after}`, rubric }))}</p>`,
    `<dl class="facts">${facts.map(([term, value]) => `<div><dt>${esc(term)}</dt><dd>${value}</dd></div>`).join('')}</dl>`,
    `<p>${esc(labels('report.meanOverallChange'))}: <strong>${summary.meanDelta.overall === null ? '—' : `${summary.meanDelta.overall >= 0 ? '+' : '−'}${showScore(Math.abs(summary.meanDelta.overall), options.tool)}`}</strong></p>`,
    transitionSection(diff, options),
    moversSection(biggestMovers(diff.communities), options),
    meanChangeSection(diff, options),
  ].join('\n');
}
