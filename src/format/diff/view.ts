import type { ChalkInstance } from 'chalk';
import { roundDelta } from '../../contract/rounding.js';
import { phasePairKey } from '../../core/phase-transitions.js';
import type { AnswerValue, DiffResult, RegressionReason, RubricRef, Transition } from '../../core/diff-types.js';
import type { Verdict } from '../../core/result.js';
import { TOLERANCE } from '../../core/scoring.js';
import type { Language } from '../../i18n/language.js';
import type { DiffNames } from './report.js';
import { t, translator, type Translate } from '../../i18n/catalogue.js';
import { showNumber } from '../numbers.js';

/** `▲ 8.20`, `▼ 6.25`, `0.00`, or `—` when either side has no score. */
export function deltaText(delta: number | null, lang: Language, colors?: ChalkInstance): string {
  if (delta === null) return '—';
  const size = showNumber(Math.abs(roundDelta(delta) ?? 0).toFixed(2), lang);
  if (delta > TOLERANCE) return colors ? colors.green(`▲ ${size}`) : `▲ ${size}`;
  if (delta < -TOLERANCE) return colors ? colors.red(`▼ ${size}`) : `▼ ${size}`;
  const zero = showNumber('0.00', lang);
  return colors ? colors.dim(zero) : zero;
}

export function transitionText(transition: Transition, labels: Translate, colors?: ChalkInstance): string {
  switch (transition) {
    case 'advanced':
      return colors ? colors.green(`▲ ${labels('diffAdvanced')}`) : `▲ ${labels('diffAdvanced')}`;
    case 'regressed':
      return colors ? colors.red(`▼ ${labels('diffRegressed')}`) : `▼ ${labels('diffRegressed')}`;
    default:
      return `= ${labels('diffUnchanged')}`;
  }
}

export function verdictText(verdict: Verdict, lang: Language): string {
  return t(lang, `verdict.${verdict}`);
}

export function answerText(answer: AnswerValue, labels: Translate): string {
  if (answer === null) return labels('diffMissing');
  if (answer === 'na') return labels('diffNa');
  return String(answer);
}

/** One reason a community counts as a regression, e.g. `phase mandiri → berdaya` or `Harmony ▼ 5.00`. */
export function reasonText(reason: RegressionReason, language: Language, names: DiffNames): string {
  const labels = translator(language);
  switch (reason.kind) {
    case 'phase':
      return `${labels('diffPhaseWord')} ${names.phase(reason.from)} → ${names.phase(reason.to)}`;
    case 'overall':
      return `${labels('overall')} ${deltaText(reason.delta, language)}`;
    default:
      return `${names.principle(reason.id)} ${deltaText(reason.delta, language)}`;
  }
}

function rubricText(rubrics: readonly RubricRef[]): string {
  return rubrics.map((rubric) => `${rubric.id} ${rubric.version}`).join(', ');
}

/** "The two sides were scored with different rubric versions: p2kp 1.0.0 → p2kp 1.1.0." */
export function versionsNote(diff: DiffResult, labels: Translate): string {
  return `${labels('diffVersionsDiffer')}: ${rubricText(diff.rubrics.before)} → ${rubricText(diff.rubrics.after)}. ${labels('diffSharedIndicators')}`;
}

/** `2024 (9 assessments, examples/2024)` */
export function sideText(diff: DiffResult, side: 'before' | 'after', path: string, labels: Translate): string {
  const periods = diff.periods[side].join(', ');
  return `${periods} (${diff.assessments[side]} ${labels('diffAssessments')}, ${path})`;
}

export function countsText(diff: DiffResult, labels: Translate): string {
  const summary = diff.summary;
  return [
    `${summary.matched} ${labels('diffMatched')}`,
    `${summary.advanced} ${labels('diffAdvanced')}`,
    `${summary.regressed} ${labels('diffRegressed')}`,
    `${summary.unchanged} ${labels('diffUnchanged')}`,
    `${labels('diffRegressions')}: ${summary.regressions} (${labels('diffTolerance')} ${diff.tolerance} ${labels('diffPoints')})`,
    `${diff.added.length} ${labels('diffAddedCount')}`,
    `${diff.removed.length} ${labels('diffRemovedCount')}`,
  ].join(' · ');
}

/** The transition matrix: every phase in rubric order, `graduated` last, as rows (before) and columns (after). */
export function transitionMatrix(diff: DiffResult): { readonly phases: readonly string[]; readonly count: (from: string, to: string) => number } {
  const used = diff.summary.transitions.flatMap((entry) => [entry.from, entry.to]);
  const phases = [...new Set([...diff.phases, ...used])];
  const counts = new Map(diff.summary.transitions.map((entry) => [phasePairKey(entry.from, entry.to), entry.count]));
  return { phases, count: (from, to) => counts.get(phasePairKey(from, to)) ?? 0 };
}
