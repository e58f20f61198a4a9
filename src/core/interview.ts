import { isPeriodText } from './period.js';
import type { Answer, Indicator, Principle, Rubric } from './model.js';

/** One indicator to ask about, with where it sits in the rubric (1-based counts, for "Keterpaduan 3/6 · 14/30"). */
export interface InterviewStep {
  readonly indicator: Indicator;
  readonly principle: Principle;
  readonly indexInPrinciple: number;
  readonly principleSize: number;
  readonly position: number;
  readonly total: number;
  /** The answer the file holds now; undefined when missing. */
  readonly current: Answer | undefined;
}

/**
 * The indicators to ask about, in rubric order: the missing ones, or every one when reviewing.
 * Positions count the whole rubric, so a resumed interview still says where it is.
 */
export function interviewSteps(rubric: Rubric, answers: ReadonlyMap<string, Answer>, review: boolean): InterviewStep[] {
  const steps: InterviewStep[] = [];
  const total = rubric.indicators.length;
  let position = 0;
  for (const principle of rubric.principles) {
    principle.indicators.forEach((indicator, index) => {
      position += 1;
      const current = answers.get(indicator.id);
      if (review || current === undefined) {
        steps.push({ indicator, principle, indexInPrinciple: index + 1, principleSize: principle.indicators.length, position, total, current });
      }
    });
  }
  return steps;
}

export function missingIndicators(rubric: Rubric, answers: ReadonlyMap<string, Answer>): Indicator[] {
  return rubric.indicators.filter((indicator) => !answers.has(indicator.id));
}

/** The same rule as the assessment loader: YYYY, YYYY-MM or YYYY-MM-DD. */

export function isPeriod(value: string): boolean {
  return isPeriodText(value);
}

/** "A. Rahman, B. Sari," → ["A. Rahman", "B. Sari"]. */
export function splitAssessors(value: string): string[] {
  return value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** True when two answers would be written the same way. */
export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind === 'level' && b.kind === 'level') return a.level === b.level && (a.note ?? '') === (b.note ?? '');
  if (a.kind === 'na' && b.kind === 'na') return a.reason === b.reason && (a.note ?? '') === (b.note ?? '');
  return false;
}
