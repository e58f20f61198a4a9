import type { CommunityDiff, DiffResult, IndicatorChange, UnmatchedCommunity } from '../../core/diff-types.js';
import { inputErrorLines, inputErrorsHeadline } from '../input-errors.js';
import type { Language } from '../../i18n/language.js';
import { markdownCell as cell, markdownRow } from '../markdown.js';
import { showScore } from '../numbers.js';
import type { RenderContext } from '../renderer.js';
import type { DiffNames, DiffReport } from './report.js';
import { answerText, countsText, deltaText, reasonText, sideText, transitionMatrix, transitionText, verdictText, versionsNote } from './view.js';
import { translator, type Translate } from '../../i18n/catalogue.js';

/** What every part of the comment reads besides the comparison. */
interface DiffMarkdownOptions {
  readonly lang: Language;
  readonly names: DiffNames;
  readonly sides: DiffReport['sides'];
  readonly inputErrors: DiffReport['inputErrors'];
}

const scoreText = (value: number | null, lang: Language): string => showScore(value, lang, 2);

/** GitHub cuts a comment at 65,536 characters: long lists are cut short and point to the CSV. */
const MAX_ROWS = 100;

/** The first rows of a list read once, and how many there were: a national diff is not held whole. */
class FirstRows<T> {
  readonly rows: T[] = [];
  total = 0;

  add(row: T): void {
    this.total += 1;
    if (this.rows.length < MAX_ROWS) this.rows.push(row);
  }

  note(labels: Translate): string {
    return this.total > MAX_ROWS ? `\n\n… +${this.total - MAX_ROWS} ${labels('diffMoreRows')}` : '';
  }
}

function firstRows<T>(rows: Iterable<T>): FirstRows<T> {
  const first = new FirstRows<T>();
  for (const row of rows) first.add(row);
  return first;
}

function tableOf(head: readonly string[], rows: readonly (readonly string[])[], rightFrom = head.length): string {
  const align = head.map((_, index) => (index >= rightFrom ? '---:' : '---'));
  return [markdownRow(head), markdownRow(align), ...rows.map(markdownRow)].join('\n');
}

function communityRows(communities: readonly CommunityDiff[], options: DiffMarkdownOptions, labels: Translate): string[][] {
  return communities.map((community) => [
    `${community.regression ? '⚠️ ' : ''}${cell(community.id)} ${cell(community.name)}`,
    `${scoreText(community.before.overall, options.lang)} → ${scoreText(community.after.overall, options.lang)}`,
    deltaText(community.delta.overall, options.lang),
    `${options.names.phase(community.before.phase)} → ${options.names.phase(community.after.phase)}`,
    `${verdictText(community.before.verdict, options.lang)} → ${verdictText(community.after.verdict, options.lang)}`,
    transitionText(community.transition, labels),
    community.reasons.map((reason) => cell(reasonText(reason, options.lang, options.names))).join('; '),
  ]);
}

function areaTable(diff: DiffResult, communities: readonly CommunityDiff[], options: DiffMarkdownOptions, labels: Translate): string {
  const head = [labels('diffCommunity'), ...diff.principles.map((id) => cell(options.names.principle(id))), ...diff.pillars.map((pillar) => cell(pillar.id))];
  const rows = communities.map((community) => {
    const principles = new Map(community.delta.principles.map((change) => [change.id, change.delta]));
    const pillars = new Map(community.delta.pillars.map((change) => [change.id, change.delta]));
    return [
      cell(community.id),
      ...diff.principles.map((id) => deltaText(principles.get(id) ?? null, options.lang)),
      ...diff.pillars.map((pillar) => deltaText(pillars.get(pillar.id) ?? null, options.lang)),
    ];
  });
  return tableOf(head, rows, 1);
}

function indicatorTable(changes: FirstRows<readonly [CommunityDiff, IndicatorChange]>, labels: Translate): string {
  if (changes.total === 0) return labels('diffNoIndicatorChanges');
  const rows = changes.rows.map(([community, change]) => [cell(community.id), `\`${change.id}\``, answerText(change.before, labels), answerText(change.after, labels)]);
  return tableOf([labels('diffCommunity'), labels('indicator'), labels('diffBeforeHeading'), labels('diffAfterHeading')], rows) + changes.note(labels);
}

function unmatchedList(title: string, communities: readonly UnmatchedCommunity[], labels: Translate): string {
  const shown = firstRows(communities);
  const items = shown.rows.map((community) => `- ${cell(community.id)} ${cell(community.name)} (\`${community.file}\`)`);
  return [`**${title}** (${communities.length})`, '', ...items].join('\n') + shown.note(labels);
}

/** One pass over the comparisons: the rows each part of the comment shows, regressions first so they survive the cut. */
function gather(diff: DiffResult) {
  const regressions = new FirstRows<CommunityDiff>();
  const changed = new FirstRows<CommunityDiff>();
  const everyone = new FirstRows<CommunityDiff>();
  const indicatorChanges = new FirstRows<readonly [CommunityDiff, IndicatorChange]>();
  let detailed = false;
  for (const community of diff.communities) {
    if (community.regression) regressions.add(community);
    else if (community.transition !== 'unchanged') changed.add(community);
    everyone.add(community);
    if (community.indicators) detailed = true;
    for (const change of community.indicators ?? []) indicatorChanges.add([community, change]);
  }
  const notable = new FirstRows<CommunityDiff>();
  for (const community of [...regressions.rows, ...changed.rows]) notable.add(community);
  notable.total = regressions.total + changed.total;
  return { notable, everyone, indicatorChanges: detailed ? indicatorChanges : undefined };
}

/**
 * A pull-request comment: the summary first, then the communities that regressed or changed
 * phase; the full per-area table folds away in <details>. Long lists are cut to fit a comment.
 */
export function renderDiffMarkdown(report: DiffReport, context: RenderContext): string {
  const { diff } = report;
  const options: DiffMarkdownOptions = { lang: context.language, names: report.names, sides: report.sides, inputErrors: report.inputErrors };
  const labels = translator(options.lang);
  const { names } = options;
  const parts: string[] = [
    `### swadaya diff: ${diff.periods.before.join(', ')} → ${diff.periods.after.join(', ')}`,
    `${labels('diffComparing')} ${sideText(diff, 'before', `\`${options.sides.before}\``, labels)} ${labels('diffWith')} ${sideText(diff, 'after', `\`${options.sides.after}\``, labels)}.`,
  ];
  if (diff.rubricVersionsDiffer) parts.push(`> [!WARNING]\n> ${versionsNote(diff, labels)}`);
  const errors = options.inputErrors ?? [];
  if (errors.length > 0) {
    const lines = [inputErrorsHeadline(errors.length, options.lang), ...inputErrorLines(errors, options.lang).map((line) => `- \`${line.replace(/`/g, "'")}\``)];
    parts.push(`> [!CAUTION]\n${lines.map((line) => `> ${line}`).join('\n')}`);
  }

  const regressions = diff.summary.regressions;
  parts.push(`${regressions > 0 ? '⚠️ ' : ''}**${countsText(diff, labels)}**`);

  const meanRows = [
    [`**${labels('overall')}**`, deltaText(diff.summary.meanDelta.overall, options.lang)],
    ...diff.summary.meanDelta.principles.map((entry) => [cell(names.principle(entry.id)), deltaText(entry.delta, options.lang)]),
  ];
  parts.push(tableOf(['', `${labels('diffMeanChange')}`], meanRows, 1));

  const matrix = transitionMatrix(diff);
  const matrixRows = matrix.phases.map((from) => [
    `**${names.phase(from)}**`,
    ...matrix.phases.map((to) => {
      const count = matrix.count(from, to);
      return count === 0 ? '·' : String(count);
    }),
  ]);
  parts.push(`**${labels('diffPhaseTransitions')}**\n\n${tableOf([cell(labels('diffFromTo')), ...matrix.phases.map(names.phase)], matrixRows, 1)}`);

  const { notable, everyone, indicatorChanges } = gather(diff);
  const head = [labels('diffCommunity'), labels('overall'), 'Δ', labels('phase'), labels('diffVerdict'), labels('diffTransition'), labels('diffRegression')];
  parts.push(`#### ${labels('diffChangedOrRegressed')} (${notable.total})`);
  if (diff.communities.length === 0) {
    parts.push(labels('diffNoneMatched'));
  } else if (notable.total === 0) {
    parts.push(labels('diffNothingChanged'));
  } else {
    parts.push(tableOf(head, communityRows(notable.rows, options, labels)) + notable.note(labels));
  }

  if (diff.added.length > 0) parts.push(unmatchedList(labels('diffAdded'), diff.added, labels));
  if (diff.removed.length > 0) parts.push(unmatchedList(labels('diffRemoved'), diff.removed, labels));

  if (everyone.total > 0 && everyone.total <= MAX_ROWS) {
    const table = tableOf(head, communityRows(everyone.rows, options, labels));
    parts.push(`<details><summary>${labels('diffEveryCommunity')}</summary>\n\n${table}\n\n${areaTable(diff, everyone.rows, options, labels)}\n\n</details>`);
  }
  if (indicatorChanges) {
    parts.push(`<details><summary>${labels('diffIndicatorChanges')}</summary>\n\n${indicatorTable(indicatorChanges, labels)}\n\n</details>`);
  }
  return `${parts.join('\n\n')}\n`;
}
