import type { ChalkInstance } from 'chalk';
import type { CommunityDiff, DiffResult, UnmatchedCommunity } from '../../core/diff-types.js';
import { inputErrorsHeadline } from '../input-errors.js';
import type { Language } from '../../i18n/language.js';
import { boxTable } from '../long-table.js';
import { showScore } from '../numbers.js';
import type { RenderContext } from '../renderer.js';
import type { DiffNames, DiffReport } from './report.js';
import { answerText, countsText, deltaText, reasonText, sideText, transitionMatrix, transitionText, verdictText, versionsNote } from './view.js';
import { translator } from '../../i18n/catalogue.js';

/** What every section of the table reads besides the comparison. */
interface DiffTableOptions {
  readonly lang: Language;
  readonly colors: ChalkInstance;
  readonly names: DiffNames;
  readonly sides: DiffReport['sides'];
  readonly inputErrors: DiffReport['inputErrors'];
}

const scoreText = (value: number | null, lang: Language): string => showScore(value, lang, 2);

function tableText(head: readonly string[], rows: readonly (readonly string[])[], options: DiffTableOptions, extra: Parameters<typeof boxTable>[3] = {}): string {
  return boxTable(head, rows, options.colors, extra);
}

/**
 * The rows of every table, built in one pass over the comparisons: each community is compared
 * once per render (a national set has 84,000), and only the cells' text is kept.
 */
interface TableRows {
  readonly overview: string[][];
  readonly principles: string[][];
  /** By phase, in the order of `diff.pillars`. */
  readonly pillars: Map<string, string[][]>;
  readonly indicators: string[][];
  /** Some comparison carries indicators (--detail). */
  detailed: boolean;
  readonly regressions: CommunityDiff[];
}

function tableRows(diff: DiffResult, options: DiffTableOptions): TableRows {
  const labels = translator(options.lang);
  const { colors, names } = options;
  const phases = new Map<string, string[]>();
  for (const pillar of diff.pillars) phases.set(pillar.phase, [...(phases.get(pillar.phase) ?? []), pillar.id]);
  const rows: TableRows = { overview: [], principles: [], pillars: new Map([...phases.keys()].map((phase) => [phase, []])), indicators: [], detailed: false, regressions: [] };
  for (const community of diff.communities) {
    rows.overview.push([
      community.regression ? colors.red(community.id) : community.id,
      community.name,
      `${scoreText(community.before.overall, options.lang)} → ${scoreText(community.after.overall, options.lang)}  ${deltaText(community.delta.overall, options.lang, colors)}`,
      `${names.phase(community.before.phase)} → ${names.phase(community.after.phase)}`,
      `${verdictText(community.before.verdict, options.lang)} → ${verdictText(community.after.verdict, options.lang)}`,
      `${transitionText(community.transition, labels, colors)}${community.regression ? colors.red(' ⚠') : ''}`,
    ]);
    const principleDeltas = new Map(community.delta.principles.map((change) => [change.id, change.delta]));
    rows.principles.push([community.id, ...diff.principles.map((id) => deltaText(principleDeltas.get(id) ?? null, options.lang, colors))]);
    const pillarDeltas = new Map(community.delta.pillars.map((change) => [change.id, change.delta]));
    for (const [phase, pillars] of phases) rows.pillars.get(phase)!.push([community.id, ...pillars.map((id) => deltaText(pillarDeltas.get(id) ?? null, options.lang, colors))]);
    if (community.indicators) rows.detailed = true;
    for (const change of community.indicators ?? []) {
      const rise = typeof change.before === 'number' && typeof change.after === 'number' ? change.after - change.before : 0;
      const after = answerText(change.after, labels);
      rows.indicators.push([
        community.id,
        change.id,
        answerText(change.before, labels),
        rise > 0 ? colors.green(`${after} ▲`) : rise < 0 ? colors.red(`${after} ▼`) : after,
      ]);
    }
    if (community.regression) rows.regressions.push(community);
  }
  return rows;
}

function overviewTable(rows: TableRows, options: DiffTableOptions): string {
  const labels = translator(options.lang);
  return tableText([labels('diffCommunity'), labels('diffName'), labels('overall'), labels('phase'), labels('diffVerdict'), labels('diffTransition')], rows.overview, options);
}

function principleTable(diff: DiffResult, rows: TableRows, options: DiffTableOptions): string {
  const labels = translator(options.lang);
  const titles = diff.principles.map((id) => options.names.principle(id));
  return tableText([labels('diffCommunity'), ...titles], rows.principles, options, {
    colWidths: [null, ...titles.map((title) => Math.max(10, Math.min(20, title.length + 2)))],
    alignRight: 1,
  });
}

/** One table per phase, so each stays narrow enough for a terminal. */
function* pillarTables(diff: DiffResult, rows: TableRows, options: DiffTableOptions): Generator<string> {
  const labels = translator(options.lang);
  for (const [phase, phaseRows] of rows.pillars) {
    const pillars = diff.pillars.filter((pillar) => pillar.phase === phase).map((pillar) => pillar.id);
    yield `${options.colors.bold(`${labels('diffPillarChanges')} ${options.names.phase(phase)}`)}\n${tableText([labels('diffCommunity'), ...pillars], phaseRows, options, { alignRight: 1 })}`;
  }
}

/** Undefined when no comparison carries indicators (no --detail). */
function indicatorTable(rows: TableRows, options: DiffTableOptions): string | undefined {
  const labels = translator(options.lang);
  if (!rows.detailed) return undefined;
  if (rows.indicators.length === 0) return labels('diffNoIndicatorChanges');
  return tableText([labels('diffCommunity'), labels('indicator'), labels('diffBeforeHeading'), labels('diffAfterHeading')], rows.indicators, options);
}

function unmatchedLines(title: string, communities: readonly UnmatchedCommunity[], options: DiffTableOptions): string {
  const lines = communities.map(
    (community) => `  ${community.id}  ${community.name}  ${scoreText(community.overall, options.lang)}  ${options.names.phase(community.phase)}  ${options.colors.dim(community.file)}`,
  );
  return [`${options.colors.bold(title)} (${communities.length})`, ...lines].join('\n');
}

function summaryLines(diff: DiffResult, regressions: readonly CommunityDiff[], options: DiffTableOptions): string[] {
  const labels = translator(options.lang);
  const { colors, names } = options;
  const out = [colors.bold(labels('diffSummary')), `  ${countsText(diff, labels)}`];

  const width = Math.max(labels('overall').length, ...diff.principles.map((id) => names.principle(id).length));
  out.push('', `${colors.bold(labels('diffMeanChange'))} ${colors.dim(`(${labels('diffMeanOver')})`)}`);
  out.push(`  ${labels('overall').padEnd(width)}  ${deltaText(diff.summary.meanDelta.overall, options.lang, colors)}`);
  for (const entry of diff.summary.meanDelta.principles) out.push(`  ${names.principle(entry.id).padEnd(width)}  ${deltaText(entry.delta, options.lang, colors)}`);

  const matrix = transitionMatrix(diff);
  const matrixRows = matrix.phases.map((from) => [
    names.phase(from),
    ...matrix.phases.map((to) => {
      const count = matrix.count(from, to);
      if (count === 0) return colors.dim('·');
      const rank = matrix.phases.indexOf(to) - matrix.phases.indexOf(from);
      return rank > 0 ? colors.green(String(count)) : rank < 0 ? colors.red(String(count)) : String(count);
    }),
  ]);
  out.push('', colors.bold(labels('diffPhaseTransitions')), tableText([labels('diffFromTo'), ...matrix.phases.map(names.phase)], matrixRows, options, { alignRight: 1 }));

  if (regressions.length > 0) {
    out.push('', colors.red.bold(`⚠ ${labels('diffRegressionList')} (${regressions.length}, ${labels('diffTolerance')} ${diff.tolerance} ${labels('diffPoints')})`));
    for (const community of regressions) {
      out.push(`  ${colors.red(community.id)} ${community.name}: ${community.reasons.map((reason) => reasonText(reason, options.lang, options.names)).join('; ')}`);
    }
  }
  return out;
}

/** The terminal view: who moved, by how much, and a summary at the bottom where the eye lands. Section by section. */
export function* renderDiffTable(report: DiffReport, context: RenderContext): Generator<string> {
  const { diff } = report;
  const options: DiffTableOptions = { lang: context.language, colors: context.colors, names: report.names, sides: report.sides, inputErrors: report.inputErrors };
  let first = true;
  for (const section of diffSections(diff, options)) {
    yield first ? section : `\n\n${section}`;
    first = false;
  }
  yield '\n';
}

/** The sections in order, each written before the next is laid out; the comparisons are read once (`tableRows`). */
function* diffSections(diff: DiffResult, options: DiffTableOptions): Generator<string> {
  const labels = translator(options.lang);
  const { colors } = options;
  yield `${labels('diffComparing')} ${colors.bold(sideText(diff, 'before', options.sides.before, labels))} ${labels('diffWith')} ${colors.bold(sideText(diff, 'after', options.sides.after, labels))}`;
  if (diff.rubricVersionsDiffer) yield colors.yellow(`⚠ ${versionsNote(diff, labels)}`);
  const rows = tableRows(diff, options);
  if (diff.communities.length === 0) {
    yield colors.yellow(labels('diffNoneMatched'));
  } else {
    yield overviewTable(rows, options);
    yield `${colors.bold(labels('diffPrincipleChanges'))}\n${principleTable(diff, rows, options)}`;
    yield* pillarTables(diff, rows, options);
    const indicators = indicatorTable(rows, options);
    if (indicators !== undefined) yield `${colors.bold(labels('diffIndicatorChanges'))}\n${indicators}`;
  }
  if (diff.added.length > 0) yield unmatchedLines(labels('diffAdded'), diff.added, options);
  if (diff.removed.length > 0) yield unmatchedLines(labels('diffRemoved'), diff.removed, options);
  yield summaryLines(diff, rows.regressions, options).join('\n');
  const errors = options.inputErrors ?? [];
  if (errors.length > 0) yield options.colors.red(inputErrorsHeadline(errors.length, options.lang));
}
