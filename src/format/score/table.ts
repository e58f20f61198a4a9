import type Table from 'cli-table3';
import type { Verdict } from '../../core/result.js';
import type { ScoreSummary } from '../../core/summary.js';
import { localize, textLanguage } from '../../i18n/language.js';
import { phaseName } from '../titles.js';
import { renderTable } from '../long-table.js';
import { showScore } from '../numbers.js';
import type { RenderContext } from '../renderer.js';
import { renderScoreDetail, verdictColor } from './detail.js';
import { renderExplanation } from './explanation.js';
import type { ScoreEntry, ScoreRun, ScoreTotals } from './run.js';
import { t, translator } from '../../i18n/catalogue.js';

/** Borders without a rule between rows (one line per assessment), grey where there is colour. */
function boxOf(head: readonly string[], colors: RenderContext['colors']): Table.TableConstructorOptions {
  return {
    head: head.map((cell) => colors.bold(cell)),
    style: { head: [], border: colors.level > 0 ? ['grey'] : [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  };
}

/** The principle columns of the many-assessment views, titled in the rubric's text language. */
export function principleColumns(entry: ScoreEntry, context: RenderContext): string[] {
  const textLang = textLanguage(context.requested, entry.rubric);
  return entry.rubric.principles.map((principle) => localize(principle.title, textLang, entry.rubric));
}

export function summaryLine(summary: ScoreSummary, context: RenderContext, rubricPhase: (id: string) => string): string {
  const labels = translator(context.language);
  const verdicts = Object.entries(summary.verdicts).map(([verdict, count]) => `${count} ${t(context.language, `verdict.${verdict as Verdict}`)}`);
  const phases = Object.entries(summary.phases).map(([phase, count]) => `${count} ${rubricPhase(phase)}`);
  return `${summary.count} ${labels('assessments')}: ${verdicts.join(', ')} · ${labels('phase')}: ${phases.join(', ')} · ${labels('mean')} ${labels('overall').toLowerCase()} ${showScore(summary.meanOverall, context.language)}`;
}

/** One assessment: the detailed view. Many: a table and a summary line. */
export async function* renderScoreTable(run: ScoreRun<ScoreEntry>, context: RenderContext): AsyncGenerator<string> {
  const { colors, language } = context;
  const labels = translator(language);
  let first: ScoreEntry | undefined;
  let header: string[] | undefined;
  const rows: string[][] = [];
  const explanations: string[] = [];
  for await (const entry of run.entries) {
    if (entry.explanation) explanations.push(renderScoreDetail(entry, context) + renderExplanation(entry, context));
    if (!first) {
      first = entry;
      header = [labels('community'), 'id', labels('periodCol'), labels('phase'), labels('overall'), ...principleColumns(entry, context), labels('index'), labels('verdictCol')];
    }
    const { result } = entry;
    const paint = verdictColor(result.readiness.verdict, colors);
    rows.push([
      result.community.name,
      colors.dim(result.community.id),
      result.period,
      phaseName(result.phase.current, language) + (result.phase.mismatch ? colors.yellow(' ⚠') : ''),
      colors.bold(showScore(result.overall.score, language)),
      ...result.principles.map((area) => showScore(area.score, language)),
      showScore(result.readiness.index, language),
      paint(t(language, `verdict.${result.readiness.verdict}`)),
    ]);
  }
  const totals = run.totals();
  const out: string[] = [];
  if (explanations.length > 0) out.push(explanations.join('\n'));
  else if (rows.length === 1 && first) out.push(renderScoreDetail(first, context));
  if (rows.length > 1 && header) {
    const table = renderTable(boxOf(header, colors), rows);
    out.push(`${table}\n${summaryLine(totals.summary, context, (phase) => phaseName(phase, context.language))}\n`);
  }
  if (totals.groups && first) out.push(groupTable(totals.groups, context));
  if (rows.length === 0) out.push(`${colors.yellow(labels('noResults'))}\n`);
  yield out.join('\n');
}

function groupTable(groups: NonNullable<ScoreTotals['groups']>, context: RenderContext): string {
  const { colors, language } = context;
  const labels = translator(language);
  const principleIds = groups.rows[0]?.summary.meanPrinciples.map((entry) => entry.id) ?? [];
  const head = [`${labels('group')} (${groups.field})`, 'n', `${labels('mean')} ${labels('overall').toLowerCase()}`, ...principleIds, labels('index'), labels('verdictCol'), labels('phase')];
  const rows = groups.rows.map(({ group, summary }) => [
    group === '' ? labels('noValue') : group,
    String(summary.count),
    showScore(summary.meanOverall, language),
    ...principleIds.map((id) => showScore(summary.meanPrinciples.find((entry) => entry.id === id)?.mean ?? null, language)),
    showScore(summary.meanIndex, language),
    Object.entries(summary.verdicts).map(([verdict, count]) => `${count} ${t(language, `verdict.${verdict as Verdict}`)}`).join(', '),
    Object.entries(summary.phases).map(([phase, count]) => `${count} ${phaseName(phase, language)}`).join(', '),
  ]);
  const table = renderTable(boxOf(head, colors), rows);
  return `${table}\n`;
}
