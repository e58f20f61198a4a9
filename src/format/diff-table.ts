import Table from 'cli-table3';
import type { CommunityDiff, DiffResult, UnmatchedCommunity } from '../core/diff.js';
import { labelsFor } from '../i18n/labels.js';
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
import { capitalise } from './markdown.js';

/** Box tables whose colour comes only from our chalk instance: cli-table3's own head and border colours are off. */
function newTable(head: readonly string[], options: DiffRenderOptions, extra: { colWidths?: (number | null)[]; alignRight?: number } = {}): Table.Table {
  const table = new Table({
    head: head.map((text) => options.colors.bold(text)),
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
    wordWrap: true,
    wrapOnWordBoundary: true,
    ...(extra.colWidths ? { colWidths: extra.colWidths } : {}),
    ...(extra.alignRight !== undefined
      ? { colAligns: head.map((_, index) => (index >= (extra.alignRight ?? 0) ? 'right' : 'left')) }
      : {}),
  });
  return table;
}

function overviewTable(communities: readonly CommunityDiff[], options: DiffRenderOptions): string {
  const labels = labelsFor(options.lang);
  const { colors, names } = options;
  const table = newTable(
    [labels.diffCommunity, labels.diffName, labels.overall, labels.phase, labels.diffVerdict, labels.diffTransition],
    options,
  );
  for (const community of communities) {
    const mark = community.regression ? colors.red(' ⚠') : '';
    table.push([
      community.regression ? colors.red(community.id) : community.id,
      community.name,
      `${scoreText(community.before.overall)} → ${scoreText(community.after.overall)}  ${deltaText(community.delta.overall, colors)}`,
      `${names.phase(community.before.phase)} → ${names.phase(community.after.phase)}`,
      `${verdictText(community.before.verdict, options.lang)} → ${verdictText(community.after.verdict, options.lang)}`,
      `${transitionText(community.transition, labels, colors)}${mark}`,
    ]);
  }
  return table.toString();
}

function principleTable(diff: DiffResult, communities: readonly CommunityDiff[], options: DiffRenderOptions): string {
  const labels = labelsFor(options.lang);
  const titles = diff.principles.map((id) => options.names.principle(id));
  const table = newTable([labels.diffCommunity, ...titles], options, {
    colWidths: [null, ...titles.map((title) => Math.max(10, Math.min(20, title.length + 2)))],
    alignRight: 1,
  });
  for (const community of communities) {
    const byId = new Map(community.delta.principles.map((change) => [change.id, change.delta]));
    table.push([community.id, ...diff.principles.map((id) => deltaText(byId.get(id) ?? null, options.colors))]);
  }
  return table.toString();
}

/** One table per phase, so each stays narrow enough for a terminal. */
function pillarTables(diff: DiffResult, communities: readonly CommunityDiff[], options: DiffRenderOptions): string[] {
  const labels = labelsFor(options.lang);
  const phases = [...new Set(diff.pillars.map((pillar) => pillar.phase))];
  return phases.map((phase) => {
    const pillars = diff.pillars.filter((pillar) => pillar.phase === phase).map((pillar) => pillar.id);
    const table = newTable([labels.diffCommunity, ...pillars], options, { alignRight: 1 });
    for (const community of communities) {
      const byId = new Map(community.delta.pillars.map((change) => [change.id, change.delta]));
      table.push([community.id, ...pillars.map((id) => deltaText(byId.get(id) ?? null, options.colors))]);
    }
    return `${options.colors.bold(`${labels.diffPillarChanges} ${options.names.phase(phase)}`)}\n${table.toString()}`;
  });
}

function indicatorTable(communities: readonly CommunityDiff[], options: DiffRenderOptions): string {
  const labels = labelsFor(options.lang);
  const rows = communities.flatMap((community) => (community.indicators ?? []).map((change) => ({ community, change })));
  if (rows.length === 0) return labels.diffNoIndicatorChanges;
  const table = newTable([labels.diffCommunity, labels.indicator, capitalise(labels.diffBefore), capitalise(labels.diffAfter)], options);
  for (const { community, change } of rows) {
    const rise = typeof change.before === 'number' && typeof change.after === 'number' ? change.after - change.before : 0;
    const after = answerText(change.after, labels);
    table.push([
      community.id,
      change.id,
      answerText(change.before, labels),
      rise > 0 ? options.colors.green(`${after} ▲`) : rise < 0 ? options.colors.red(`${after} ▼`) : after,
    ]);
  }
  return table.toString();
}

function unmatchedLines(title: string, communities: readonly UnmatchedCommunity[], options: DiffRenderOptions): string {
  const lines = communities.map(
    (community) => `  ${community.id}  ${community.name}  ${scoreText(community.overall)}  ${options.names.phase(community.phase)}  ${options.colors.dim(community.file)}`,
  );
  return [`${options.colors.bold(title)} (${communities.length})`, ...lines].join('\n');
}

function summaryLines(diff: DiffResult, communities: readonly CommunityDiff[], options: DiffRenderOptions): string[] {
  const labels = labelsFor(options.lang);
  const { colors, names } = options;
  const out = [colors.bold(labels.diffSummary), `  ${countsText(diff, labels)}`];

  const width = Math.max(labels.overall.length, ...diff.principles.map((id) => names.principle(id).length));
  out.push('', `${colors.bold(labels.diffMeanChange)} ${colors.dim(`(${labels.diffMeanOver})`)}`);
  out.push(`  ${labels.overall.padEnd(width)}  ${deltaText(diff.summary.meanDelta.overall, colors)}`);
  for (const entry of diff.summary.meanDelta.principles) out.push(`  ${names.principle(entry.id).padEnd(width)}  ${deltaText(entry.delta, colors)}`);

  const matrix = transitionMatrix(diff);
  const table = newTable([labels.diffFromTo, ...matrix.phases.map(names.phase)], options, { alignRight: 1 });
  for (const from of matrix.phases) {
    table.push([
      names.phase(from),
      ...matrix.phases.map((to) => {
        const count = matrix.count(from, to);
        if (count === 0) return colors.dim('·');
        const rank = matrix.phases.indexOf(to) - matrix.phases.indexOf(from);
        return rank > 0 ? colors.green(String(count)) : rank < 0 ? colors.red(String(count)) : String(count);
      }),
    ]);
  }
  out.push('', colors.bold(labels.diffPhaseTransitions), table.toString());

  const regressions = communities.filter((community) => community.regression);
  if (regressions.length > 0) {
    out.push('', colors.red.bold(`⚠ ${labels.diffRegressionList} (${regressions.length}, ${labels.diffTolerance} ${diff.tolerance} ${labels.diffPoints})`));
    for (const community of regressions) {
      out.push(`  ${colors.red(community.id)} ${community.name}: ${community.reasons.map((reason) => reasonText(reason, options)).join('; ')}`);
    }
  }
  return out;
}

/** The terminal view: who moved, by how much, and a summary at the bottom where the eye lands. */
export function renderDiffTable(diff: DiffResult, options: DiffRenderOptions): string {
  const labels = labelsFor(options.lang);
  const { colors } = options;
  const sections: string[] = [
    `${labels.diffComparing} ${colors.bold(sideText(diff, 'before', options.sides.before, labels))} ${labels.diffWith} ${colors.bold(sideText(diff, 'after', options.sides.after, labels))}`,
  ];
  if (diff.rubricVersionsDiffer) sections.push(colors.yellow(`⚠ ${versionsNote(diff, labels)}`));
  // A terminal table holds every row anyway, so the comparisons are built once for all of them.
  const communities = [...diff.communities];
  if (communities.length === 0) {
    sections.push(colors.yellow(labels.diffNoneMatched));
  } else {
    sections.push(overviewTable(communities, options));
    sections.push(`${colors.bold(labels.diffPrincipleChanges)}\n${principleTable(diff, communities, options)}`);
    sections.push(...pillarTables(diff, communities, options));
    if (communities.some((community) => community.indicators !== undefined)) {
      sections.push(`${colors.bold(labels.diffIndicatorChanges)}\n${indicatorTable(communities, options)}`);
    }
  }
  if (diff.added.length > 0) sections.push(unmatchedLines(labels.diffAdded, diff.added, options));
  if (diff.removed.length > 0) sections.push(unmatchedLines(labels.diffRemoved, diff.removed, options));
  sections.push(summaryLines(diff, communities, options).join('\n'));
  return `${sections.join('\n\n')}\n`;
}
