import type Table from 'cli-table3';
import { renderTable } from './long-table.js';
import type { ScoreSummary } from '../core/summary.js';
import { localize } from '../i18n/language.js';
import { labelsFor } from '../i18n/labels.js';
import { verdictLabel } from '../i18n/verdict-labels.js';
import { showScore } from './numbers.js';
import { renderExplanation } from './explain-text.js';
import { renderScoreDetail, verdictColor } from './score-detail.js';
import type { ScoreEntry, ScoreRenderOptions, ScoreRenderer, ScoreTotals } from './score-renderer.js';

/** Borders without a rule between rows (one line per assessment), grey where there is colour. */
function boxOf(head: readonly string[], colors: ScoreRenderOptions['colors']): Table.TableConstructorOptions {
  return {
    head: head.map((cell) => colors.bold(cell)),
    style: { head: [], border: colors.level > 0 ? ['grey'] : [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  };
}

interface Row {
  readonly cells: string[];
}

/** The columns of the many-assessment views: community, period, phase, overall, principles, index, verdict. */
export function principleColumns(entry: ScoreEntry, lang: string | undefined): string[] {
  const textLang = lang ?? entry.rubric.languages[0] ?? 'en';
  return entry.rubric.principles.map((principle) => localize(principle.title, textLang, entry.rubric));
}

export function summaryLine(summary: ScoreSummary, options: ScoreRenderOptions, rubricPhase: (id: string) => string): string {
  const labels = labelsFor(options.tool);
  const verdicts = Object.entries(summary.verdicts).map(([verdict, count]) => `${count} ${verdictLabel(verdict as never, options.tool)}`);
  const phases = Object.entries(summary.phases).map(([phase, count]) => `${count} ${rubricPhase(phase)}`);
  return `${summary.count} ${labels.assessments}: ${verdicts.join(', ')} · ${labels.phase}: ${phases.join(', ')} · ${labels.mean} ${labels.overall.toLowerCase()} ${showScore(summary.meanOverall)}`;
}

/** One assessment: the detailed view. Many: a table and a summary line. */
export function tableRenderer(options: ScoreRenderOptions): ScoreRenderer {
  const { colors, tool } = options;
  const labels = labelsFor(tool);
  let first: ScoreEntry | undefined;
  let header: string[] | undefined;
  const rows: Row[] = [];
  const explanations: string[] = [];
  const rowOf = (entry: ScoreEntry): Row => {
    const { result } = entry;
    const paint = verdictColor(result.readiness.verdict, colors);
    return {
      cells: [
        result.community.name,
        colors.dim(result.community.id),
        result.period,
        result.phase.current + (result.phase.mismatch ? colors.yellow(' ⚠') : ''),
        colors.bold(showScore(result.overall.score)),
        ...result.principles.map((area) => showScore(area.score)),
        showScore(result.readiness.index),
        paint(verdictLabel(result.readiness.verdict, tool)),
      ],
    };
  };
  return {
    begin: () => '',
    add(entry) {
      if (entry.explanation) explanations.push(renderScoreDetail(entry, options) + renderExplanation(entry, options));
      if (!first) {
        first = entry;
        header = [labels.community, 'id', labels.periodCol, labels.phase, labels.overall, ...principleColumns(entry, options.lang), labels.index, labels.verdictCol];
      }
      rows.push(rowOf(entry));
      return '';
    },
    end(totals: ScoreTotals) {
      const out: string[] = [];
      if (explanations.length > 0) out.push(explanations.join('\n'));
      else if (rows.length === 1 && first) out.push(renderScoreDetail(first, options));
      if (rows.length > 1 && header) {
        const table = renderTable(boxOf(header, colors), rows.map((row) => row.cells));
        out.push(`${table}\n${summaryLine(totals.summary, options, (phase) => phase)}\n`);
      }
      if (totals.groups && first) out.push(groupTable(totals.groups, options));
      if (rows.length === 0) out.push(`${colors.yellow(labels.noResults)}\n`);
      return out.join('\n');
    },
  };
}

function groupTable(groups: NonNullable<ScoreTotals['groups']>, options: ScoreRenderOptions): string {
  const { colors, tool } = options;
  const labels = labelsFor(tool);
  const principleIds = groups.rows[0]?.summary.meanPrinciples.map((entry) => entry.id) ?? [];
  const head = [`${labels.group} (${groups.field})`, 'n', `${labels.mean} ${labels.overall.toLowerCase()}`, ...principleIds, labels.index, labels.verdictCol, labels.phase];
  const rows = groups.rows.map(({ group, summary }) => [
    group === '' ? labels.noValue : group,
    String(summary.count),
    showScore(summary.meanOverall),
    ...principleIds.map((id) => showScore(summary.meanPrinciples.find((entry) => entry.id === id)?.mean ?? null)),
    showScore(summary.meanIndex),
    Object.entries(summary.verdicts).map(([verdict, count]) => `${count} ${verdictLabel(verdict as never, tool)}`).join(', '),
    Object.entries(summary.phases).map(([phase, count]) => `${count} ${phase}`).join(', '),
  ]);
  const table = renderTable(boxOf(head, colors), rows);
  return `${table}\n`;
}
