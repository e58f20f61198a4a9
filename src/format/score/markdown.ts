import { localize, textLanguage } from '../../i18n/language.js';
import { markdownCell, markdownRow } from '../markdown.js';
import { showPercent, showScore } from '../numbers.js';
import { phaseName, phaseTitle } from '../titles.js';
import { pathHeading, pathLevels, pathNotes } from './path.js';
import type { RenderContext } from '../renderer.js';
import { targetTitle } from '../titles.js';
import type { ScoreEntry, ScoreRun } from './run.js';
import { principleColumns, summaryLine } from './table.js';
import { t, translator } from '../../i18n/catalogue.js';

const tableRow = (cells: readonly string[]): string => markdownRow(cells.map(markdownCell));
const verdictIcon: Record<string, string> = { ready: '✅', graduated: '🎓', 'not-ready': '❌', 'insufficient-evidence': '❔' };

function detail(entry: ScoreEntry, context: RenderContext): string {
  const { result, rubric } = entry;
  const tool = context.language;
  const lang = textLanguage(context.requested, rubric);
  const labels = translator(tool);
  const out: string[] = [];
  out.push(`### ${result.community.name} (${result.community.id}) · ${labels('period')} ${result.period}`, '');
  out.push(
    `**${labels('overall')}: ${showScore(result.overall.score, tool)}** · ${labels('coverage')} ${showPercent(result.overall.coverage)} · ` +
      `${labels('verdict')}: ${verdictIcon[result.readiness.verdict] ?? ''} **${t(tool, `verdict.${result.readiness.verdict}`)}** · ` +
      `${labels('readinessIndex')} ${showScore(result.readiness.index, tool)} · ${labels('phase')}: ${phaseTitle(rubric, result.phase.current, lang, tool)} → ${phaseTitle(rubric, result.phase.next, lang, tool)}`,
    '',
  );
  out.push(tableRow([labels('principles'), 'Score', labels('coverage')]), '|---|---:|---:|');
  for (const area of result.principles) out.push(tableRow([targetTitle(rubric, `principle:${area.id}`, lang, tool), showScore(area.score, tool), showPercent(area.coverage)]));
  if (result.readiness.criteria.length > 0) {
    out.push('', tableRow([labels('gate'), '', '', labels('gap')]), '|---|---|---:|---:|');
    for (const criterion of result.readiness.criteria) {
      const value = criterion.kind === 'level' ? (criterion.value === null ? labels('missing') : `${labels('levelWord')} ${criterion.value}`) : showScore(criterion.value, tool);
      out.push(tableRow([`${targetTitle(rubric, criterion.target, lang, tool)} (≥ ${criterion.threshold})`, t(tool, `status.${criterion.status}`), value, criterion.status === 'fail' ? showScore(criterion.gap, tool) : '']));
    }
  }
  const path = result.readiness.path;
  if (path) {
    out.push('', `**${pathHeading(path, rubric, { lang, tool })}**`, '');
    path.items.forEach((item, i) => {
      const moves = item.criteria.map((target) => targetTitle(rubric, target, lang, tool)).join(', ');
      out.push(`${i + 1}. \`${item.indicator}\` (${pathLevels(item, tool)}): ${localize(item.action, lang, rubric)} _(${labels('pathMoves')}: ${moves})_`);
    });
    for (const note of pathNotes(path, rubric, { lang, tool })) out.push('', `> ⚠️ ${note}`);
  }
  return `${out.join('\n')}\n`;
}

/** Markdown fit for a pull-request comment: one assessment in detail, many as a table. */
export async function* renderScoreMarkdown(run: ScoreRun<ScoreEntry>, context: RenderContext): AsyncGenerator<string> {
  const labels = translator(context.language);
  let first: ScoreEntry | undefined;
  const rows: string[] = [];
  for await (const entry of run.entries) {
    first ??= entry;
    const { result } = entry;
    rows.push(
      markdownRow([
        markdownCell(`${result.community.name} (${result.community.id})`),
        markdownCell(result.period),
        markdownCell(phaseName(result.phase.current, context.language)) + (result.phase.mismatch ? ' ⚠️' : ''),
        `**${showScore(result.overall.score, context.language)}**`,
        ...result.principles.map((area) => showScore(area.score, context.language)),
        showScore(result.readiness.index, context.language),
        `${verdictIcon[result.readiness.verdict] ?? ''} ${markdownCell(t(context.language, `verdict.${result.readiness.verdict}`))}`,
      ]),
    );
  }
  const totals = run.totals();
  if (!first) {
    yield `_${labels('noResults')}_\n`;
    return;
  }
  if (rows.length === 1) {
    yield detail(first, context);
    return;
  }
  const rubric = first.rubric;
  const lang = textLanguage(context.requested, rubric);
  const head = [labels('community'), labels('period'), labels('phase'), labels('overall'), ...principleColumns(first, context), labels('index'), labels('verdictCol')];
  const align = `|${head.map((_, index) => (index >= 3 && index < head.length - 1 ? '---:' : '---')).join('|')}|`;
  const summary = summaryLine(totals.summary, context, (phase) => phaseTitle(rubric, phase, lang, context.language));
  yield `## swadaya\n\n${summary}\n\n${tableRow(head)}\n${align}\n${rows.join('\n')}\n`;
}
