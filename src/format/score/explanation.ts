import type { AreaExplanation, IndicatorTerm, StatusReason } from '../../core/explain.js';
import type { Language } from '../../i18n/language.js';
import { textLanguage } from '../../i18n/language.js';
import { showNumber, showPercent, showScore } from '../numbers.js';
import { pathHeading, pathNotes } from './path.js';
import type { RenderContext } from '../renderer.js';
import { targetTitle } from '../titles.js';
import type { ScoreEntry } from './run.js';
import { t, translator } from '../../i18n/catalogue.js';

const trim = (value: number, lang: Language): string => showNumber(Math.round(value * 10_000) / 10_000, lang);

function termText(term: IndicatorTerm, tool: Language): string {
  const labels = translator(tool);
  const answer = term.answer.kind === 'level' ? `${labels('levelWord')} ${term.answer.level}` : term.answer.kind === 'na' ? labels('notApplicable') : labels('missing');
  const score = term.score === null ? '' : ` → ${showScore(term.score, tool)} × ${trim(term.weight, tool)} = ${showScore(term.weighted, tool)}`;
  return `${term.id} (${labels('explainWeight')} ${trim(term.weight, tool)}): ${answer}${score}`;
}

function areaText(area: AreaExplanation, title: string, options: RenderContext): string[] {
  const labels = translator(options.language);
  const formula =
    area.answeredWeight > 0
      ? `${showScore(area.weightedSum, options.language)} / ${trim(area.answeredWeight, options.language)} = ${showScore(area.score, options.language)}`
      : `${labels('none')} ${labels('answered')} → —`;
  const lines = [`  ${options.colors.bold(title)}: ${formula}; ${labels('coverage')} ${trim(area.coveredWeight, options.language)} / ${trim(area.totalWeight, options.language)} = ${showPercent(area.coverage)}`];
  for (const term of area.indicators) lines.push(`      ${termText(term, options.language)}`);
  return lines;
}

/** Why a criterion has its status, in the reader's words (core/explain.ts names the reasons). */
const REASON_LABELS: Record<StatusReason, 'reasonCoverageBelow' | 'reasonMissing' | 'reasonNotApplicable' | 'reasonMeets' | 'reasonBelow'> = {
  'coverage-below-threshold': 'reasonCoverageBelow',
  missing: 'reasonMissing',
  'not-applicable': 'reasonNotApplicable',
  'meets-threshold': 'reasonMeets',
  'below-threshold': 'reasonBelow',
};

/** `--explain`: which indicators, weights and levels produced every number. */
export function renderExplanation(entry: ScoreEntry, options: RenderContext): string {
  const explanation = entry.explanation;
  if (!explanation) return '';
  const { rubric } = entry;
  const lang = textLanguage(options.requested, rubric);
  const labels = translator(options.language);
  const { colors } = options;
  const out: string[] = ['', colors.bold.underline(labels('explain'))];
  const overall = explanation.overall;
  out.push(
    `  ${colors.bold(labels('overall'))}: ${labels('weightedMean')} = ${showScore(overall.weightedScoreSum, options.language)} / ${trim(overall.scoredWeight, options.language)} = ${showScore(overall.score, options.language)}; ` +
      `${labels('coverage')} ${trim(overall.weightedCoverageSum, options.language)} / ${trim(overall.totalWeight, options.language)} = ${showPercent(overall.coverage)}`,
  );
  for (const term of overall.principles) out.push(`      ${term.id} (${labels('explainWeight')} ${trim(term.weight, options.language)}): ${showScore(term.score, options.language)} × ${trim(term.weight, options.language)}`);
  out.push('', colors.bold(labels('principles')));
  for (const area of explanation.principles) out.push(...areaText(area, targetTitle(rubric, area.target, lang, options.language), options));
  out.push('', colors.bold(labels('pillars')));
  for (const area of explanation.pillars) out.push(...areaText(area, targetTitle(rubric, area.target, lang, options.language), options));
  if (explanation.tags.length > 0) {
    out.push('', colors.bold(labels('tags')));
    for (const area of explanation.tags) out.push(...areaText(area, targetTitle(rubric, area.target, lang, options.language), options));
  }
  if (explanation.gate) {
    const gate = explanation.gate;
    out.push('', colors.bold(`${labels('gate')}: ${gate.phase}`), `  ${labels('readinessIndex')} = 100 × ${trim(gate.progressSum, options.language)} / ${gate.progressCount} = ${showScore(gate.index, options.language)}`);
    for (const criterion of gate.criteria) {
      const result = criterion.result;
      const progress = criterion.progress === null ? '' : ` · ${labels('explainProgress')} ${trim(criterion.progress, options.language)}`;
      const kind = result.kind === 'level' ? labels('levelWord') : labels('explainMin');
      const reason = labels(REASON_LABELS[criterion.reason]);
      out.push(`    ${result.target} ${kind} ${result.threshold}: ${t(options.language, `status.${result.status}`)} (${reason})${progress}`);
    }
  }
  const path = entry.result.readiness.path;
  if (path && explanation.path.length > 0) {
    out.push('', colors.bold(pathHeading(path, rubric, { lang, tool: options.language })), `  ${labels('pathRule')}`);
    explanation.path.forEach((step, i) => {
      const from = step.from === null ? labels('missing') : String(step.from);
      out.push(`    ${i + 1}. ${step.indicator} ${from} → ${step.to}: ${labels('pathGain')} ${trim(step.gain, options.language)} (${step.criteria.join(', ')})`);
    });
    for (const note of pathNotes(path, rubric, { lang, tool: options.language })) out.push(`  ⚠ ${note}`);
  }
  return `${out.join('\n')}\n`;
}
