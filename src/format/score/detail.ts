import type { ChalkInstance } from 'chalk';
import type { Rubric, Text } from '../../core/model.js';
import type { CriterionResult, CriterionStatus, ScoreResult, Verdict } from '../../core/result.js';
import { localize, textLanguage, type Language } from '../../i18n/language.js';
import { showPercent, showScore } from '../numbers.js';
import { phaseName, phaseTitle, targetTitle } from '../titles.js';
import { pathLines } from './path.js';
import type { RenderContext } from '../renderer.js';
import { t, translator } from '../../i18n/catalogue.js';

export interface DetailEntry {
  readonly file: string;
  readonly result: ScoreResult;
  readonly rubric: Rubric;
}

const BAR_WIDTH = 20;

/** Pads or cuts a label to a column, marking a cut with an ellipsis. */
function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

export function bar(score: number | null, colors: ChalkInstance, width = BAR_WIDTH): string {
  if (score === null) return colors.dim('·'.repeat(width));
  const filled = Math.round((Math.max(0, Math.min(100, score)) / 100) * width);
  return colors.cyan('█'.repeat(filled)) + colors.dim('░'.repeat(width - filled));
}

export function verdictColor(verdict: Verdict, colors: ChalkInstance): (text: string) => string {
  if (verdict === 'ready' || verdict === 'graduated') return colors.green.bold;
  if (verdict === 'not-ready') return colors.red.bold;
  return colors.yellow.bold;
}

const statusMark: Record<CriterionStatus, string> = { pass: '✔', fail: '✘', unknown: '?', na: '–' };

function statusColor(status: CriterionStatus, colors: ChalkInstance): (text: string) => string {
  return { pass: colors.green, fail: colors.red, unknown: colors.yellow, na: colors.dim }[status];
}

export function criterionLine(criterion: CriterionResult, rubric: Rubric, lang: string, tool: Language, colors: ChalkInstance): string {
  const labels = translator(tool);
  const paint = statusColor(criterion.status, colors);
  const status = paint(`${statusMark[criterion.status]} ${t(tool, `status.${criterion.status}`).padEnd(11)}`);
  const name = `${targetTitle(rubric, criterion.target, lang, tool)} ${colors.dim(`(${criterion.target})`)}`;
  let comparison: string;
  if (criterion.kind === 'level') {
    const value = criterion.value === null ? labels('missing') : `${labels('levelWord')} ${criterion.value}`;
    comparison = `${value} ≥ ${criterion.threshold}`;
  } else {
    comparison = `${showScore(criterion.value, tool)} ≥ ${criterion.threshold}`;
  }
  if (criterion.status === 'unknown' && criterion.kind === 'area') comparison += colors.dim(` · ${labels('coverage')} ${showPercent(criterion.coverage)}`);
  if (criterion.status === 'fail') comparison += paint(` · ${labels('gap')} ${showScore(criterion.gap, tool)}`);
  return `  ${status} ${name}: ${comparison}`;
}

/** The detailed view of one assessment: scores with bars, the current gate, the path to the next phase. */
export function renderScoreDetail(entry: DetailEntry, context: RenderContext): string {
  const { result, rubric } = entry;
  const { colors, language: tool } = context;
  const lang = textLanguage(context.requested, rubric);
  const labels = translator(tool);
  const text = (value: Text | undefined): string => localize(value, lang, rubric);
  const out: string[] = [];

  const community = result.community;
  const region = typeof community.region === 'string' && community.region !== '' ? ` · ${community.region}` : '';
  out.push(`${colors.bold(community.name)} ${colors.dim(`(${community.id})`)}${region} · ${labels('period')} ${result.period}`);
  out.push(colors.dim(`${entry.file} · ${labels('rubric')} ${text(rubric.title)} (${result.rubric.id}@${result.rubric.version})`));
  out.push('');

  const band = rubric.bands.find((candidate) => candidate.id === result.overall.band);
  const bandText = band ? ` · ${labels('band')}: ${colors.bold(text(band.label))}` : '';
  out.push(
    `${colors.bold(labels('overall').padEnd(36))} ${bar(result.overall.score, colors)} ${colors.bold(showScore(result.overall.score, tool).padStart(5))}` +
      `${bandText} · ${labels('coverage')} ${showPercent(result.overall.coverage)}`,
  );
  out.push('', colors.bold(labels('principles')));
  for (const area of result.principles) {
    const principle = rubric.principles.find((candidate) => candidate.id === area.id);
    out.push(`  ${fit(text(principle?.title), 34)} ${bar(area.score, colors)} ${showScore(area.score, tool).padStart(5)} ${colors.dim(`${labels('coverage')} ${showPercent(area.coverage)}`)}`);
  }
  const currentPillars = result.pillars.filter((pillar) => pillar.phase === result.phase.current);
  if (currentPillars.length > 0) {
    out.push('', colors.bold(`${labels('pillarsOf')}: ${phaseTitle(rubric, result.phase.current, lang, tool)}`));
    for (const area of currentPillars) {
      out.push(`  ${fit(targetTitle(rubric, `pillar:${area.id}`, lang, tool), 34)} ${bar(area.score, colors)} ${showScore(area.score, tool).padStart(5)} ${colors.dim(`${labels('coverage')} ${showPercent(area.coverage)}`)}`);
    }
  }

  const phase = result.phase;
  const name = (id: string | null): string => phaseName(id, tool);
  out.push('');
  const declared = phase.declared === null ? colors.dim(labels('evidenceDecides')) : name(phase.declared);
  out.push(
    `${colors.bold(labels('phase'))}: ${labels('declared')} ${declared} · ${labels('attained')} ${name(phase.attained)} · ` +
      `${labels('current')} ${colors.bold(name(phase.current))} → ${labels('next')} ${name(phase.next)}`,
  );
  if (phase.mismatch) out.push(colors.yellow(`  ⚠ ${labels('mismatch')} ${name(phase.attained)}.`));

  const readiness = result.readiness;
  const paint = verdictColor(readiness.verdict, colors);
  out.push('');
  if (readiness.verdict === 'graduated') {
    out.push(`${colors.bold(labels('verdict'))}: ${paint(t(tool, 'verdict.graduated').toUpperCase())}`, `  ${labels('graduatedNote')}`);
    return `${out.join('\n')}\n`;
  }
  out.push(
    `${colors.bold(`${labels('gate')}: ${name(phase.current)} → ${name(phase.next)}`)}` +
      `   ${labels('verdict')}: ${paint(t(tool, `verdict.${readiness.verdict}`).toUpperCase())} · ${labels('readinessIndex')} ${showScore(readiness.index, tool)}`,
  );
  for (const criterion of readiness.criteria) out.push(criterionLine(criterion, rubric, lang, tool, colors));

  if (readiness.path) out.push('', ...pathLines(readiness.path, rubric, { lang, tool, colors }));
  return `${out.join('\n')}\n`;
}
