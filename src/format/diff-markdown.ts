import type { CommunityDiff, DiffResult, UnmatchedCommunity } from '../core/diff.js';
import { labelsFor, type Labels } from '../i18n/labels.js';
import {
  answerText,
  countsText,
  deltaText,
  reasonText,
  scoreText,
  sideText,
  transitionMatrix,
  transitionText,
  verdictText,
  versionsNote,
  type DiffRenderOptions,
} from './diff-view.js';
import { capitalise, markdownCell as cell } from './markdown.js';

/** GitHub cuts a comment at 65,536 characters: long lists are cut short and point to the CSV. */
const MAX_ROWS = 100;

function capped<T>(rows: readonly T[], labels: Labels): { readonly rows: readonly T[]; readonly note: string } {
  if (rows.length <= MAX_ROWS) return { rows, note: '' };
  return { rows: rows.slice(0, MAX_ROWS), note: `\n\n… +${rows.length - MAX_ROWS} ${labels.diffMoreRows}` };
}

function tableOf(head: readonly string[], rows: readonly (readonly string[])[], rightFrom = head.length): string {
  const align = head.map((_, index) => (index >= rightFrom ? '---:' : '---'));
  return [`| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function communityRows(communities: readonly CommunityDiff[], options: DiffRenderOptions, labels: Labels): string[][] {
  return communities.map((community) => [
    `${community.regression ? '⚠️ ' : ''}${cell(community.id)} ${cell(community.name)}`,
    `${scoreText(community.before.overall)} → ${scoreText(community.after.overall)}`,
    deltaText(community.delta.overall),
    `${options.names.phase(community.before.phase)} → ${options.names.phase(community.after.phase)}`,
    `${verdictText(community.before.verdict, options.lang)} → ${verdictText(community.after.verdict, options.lang)}`,
    transitionText(community.transition, labels),
    community.reasons.map((reason) => cell(reasonText(reason, options))).join('; '),
  ]);
}

function areaTable(diff: DiffResult, options: DiffRenderOptions, labels: Labels): string {
  const head = [labels.diffCommunity, ...diff.principles.map((id) => cell(options.names.principle(id))), ...diff.pillars.map((pillar) => cell(pillar.id))];
  const rows = diff.communities.map((community) => {
    const principles = new Map(community.delta.principles.map((change) => [change.id, change.delta]));
    const pillars = new Map(community.delta.pillars.map((change) => [change.id, change.delta]));
    return [
      cell(community.id),
      ...diff.principles.map((id) => deltaText(principles.get(id) ?? null)),
      ...diff.pillars.map((pillar) => deltaText(pillars.get(pillar.id) ?? null)),
    ];
  });
  return tableOf(head, rows, 1);
}

function indicatorTable(diff: DiffResult, labels: Labels): string {
  const rows = diff.communities.flatMap((community) =>
    (community.indicators ?? []).map((change) => [cell(community.id), `\`${change.id}\``, answerText(change.before, labels), answerText(change.after, labels)]),
  );
  if (rows.length === 0) return labels.diffNoIndicatorChanges;
  const shown = capped(rows, labels);
  return tableOf([labels.diffCommunity, labels.indicator, capitalise(labels.diffBefore), capitalise(labels.diffAfter)], shown.rows) + shown.note;
}

function unmatchedList(title: string, communities: readonly UnmatchedCommunity[], labels: Labels): string {
  const shown = capped(communities, labels);
  const items = shown.rows.map((community) => `- ${cell(community.id)} ${cell(community.name)} (\`${community.file}\`)`);
  return [`**${title}** (${communities.length})`, '', ...items].join('\n') + shown.note;
}

/**
 * A pull-request comment: the summary first, then the communities that regressed or changed
 * phase; the full per-area table folds away in <details>. Long lists are cut to fit a comment.
 */
export function renderDiffMarkdown(diff: DiffResult, options: DiffRenderOptions): string {
  const labels = labelsFor(options.lang);
  const { names } = options;
  const parts: string[] = [
    `### swadaya diff: ${diff.periods.before.join(', ')} → ${diff.periods.after.join(', ')}`,
    `${labels.diffComparing} ${sideText(diff, 'before', `\`${options.sides.before}\``, labels)} ${labels.diffWith} ${sideText(diff, 'after', `\`${options.sides.after}\``, labels)}.`,
  ];
  if (diff.rubricVersionsDiffer) parts.push(`> [!WARNING]\n> ${versionsNote(diff, labels)}`);

  const regressions = diff.summary.regressions;
  parts.push(`${regressions > 0 ? '⚠️ ' : ''}**${countsText(diff, labels)}**`);

  const meanRows = [
    [`**${labels.overall}**`, deltaText(diff.summary.meanDelta.overall)],
    ...diff.summary.meanDelta.principles.map((entry) => [cell(names.principle(entry.id)), deltaText(entry.delta)]),
  ];
  parts.push(tableOf(['', `${labels.diffMeanChange}`], meanRows, 1));

  const matrix = transitionMatrix(diff);
  const matrixRows = matrix.phases.map((from) => [
    `**${names.phase(from)}**`,
    ...matrix.phases.map((to) => {
      const count = matrix.count(from, to);
      return count === 0 ? '·' : String(count);
    }),
  ]);
  parts.push(`**${labels.diffPhaseTransitions}**\n\n${tableOf([cell(labels.diffFromTo), ...matrix.phases.map(names.phase)], matrixRows, 1)}`);

  // Regressions first, so they survive the cut in a large set.
  const notable = [
    ...diff.communities.filter((community) => community.regression),
    ...diff.communities.filter((community) => !community.regression && community.transition !== 'unchanged'),
  ];
  const head = [labels.diffCommunity, labels.overall, 'Δ', labels.phase, labels.diffVerdict, labels.diffTransition, labels.diffRegression];
  parts.push(`#### ${labels.diffChangedOrRegressed} (${notable.length})`);
  if (diff.communities.length === 0) {
    parts.push(labels.diffNoneMatched);
  } else if (notable.length === 0) {
    parts.push(labels.diffNothingChanged);
  } else {
    const shown = capped(notable, labels);
    parts.push(tableOf(head, communityRows(shown.rows, options, labels)) + shown.note);
  }

  if (diff.added.length > 0) parts.push(unmatchedList(labels.diffAdded, diff.added, labels));
  if (diff.removed.length > 0) parts.push(unmatchedList(labels.diffRemoved, diff.removed, labels));

  if (diff.communities.length > 0 && diff.communities.length <= MAX_ROWS) {
    const everyone = tableOf(head, communityRows(diff.communities, options, labels));
    parts.push(`<details><summary>${labels.diffEveryCommunity}</summary>\n\n${everyone}\n\n${areaTable(diff, options, labels)}\n\n</details>`);
  }
  if (diff.communities.some((community) => community.indicators !== undefined)) {
    parts.push(`<details><summary>${labels.diffIndicatorChanges}</summary>\n\n${indicatorTable(diff, labels)}\n\n</details>`);
  }
  return `${parts.join('\n\n')}\n`;
}
