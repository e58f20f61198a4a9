import { describe, expect, it } from 'vitest';
import { interviewSteps, isPeriod, missingIndicators, sameAnswer, splitAssessors } from '../../src/core/interview.js';
import type { Answer } from '../../src/core/model.js';
import { progressText } from '../../src/assess/interview.js';
import { buildRubric } from '../core/rubric-builder.js';

const rubric = buildRubric({
  principles: [
    { id: 'integration', indicators: [{ id: 'a1', pillar: 'p' }, { id: 'a2', pillar: 'p' }, { id: 'a3', pillar: 'p' }] },
    { id: 'harmony', indicators: [{ id: 'b1', pillar: 'p', na: true }, { id: 'b2', pillar: 'p' }] },
  ],
  phases: [{ id: 'berdaya', pillars: ['p'] }],
});

describe('interviewSteps', () => {
  it('asks the missing indicators in rubric order, counting places in the whole rubric', () => {
    const answers = new Map<string, Answer>([
      ['a1', { kind: 'level', level: 2 }],
      ['b1', { kind: 'na', reason: 'none' }],
    ]);
    const steps = interviewSteps(rubric, answers, false);
    expect(steps.map((step) => [step.indicator.id, step.indexInPrinciple, step.principleSize, step.position, step.total])).toEqual([
      ['a2', 2, 3, 2, 5],
      ['a3', 3, 3, 3, 5],
      ['b2', 2, 2, 5, 5],
    ]);
    expect(progressText(steps[0]!, 'Keterpaduan')).toBe('Keterpaduan 2/3 · 2/5');
    expect(missingIndicators(rubric, answers).map((indicator) => indicator.id)).toEqual(['a2', 'a3', 'b2']);
  });

  it('asks every indicator under review, each with its current answer', () => {
    const answers = new Map<string, Answer>([['a2', { kind: 'level', level: 1 }]]);
    const steps = interviewSteps(rubric, answers, true);
    expect(steps).toHaveLength(5);
    expect(steps[1]?.current).toEqual({ kind: 'level', level: 1 });
    expect(steps[0]?.current).toBeUndefined();
  });
});

describe('the header fields', () => {
  it('takes a period as YYYY, YYYY-MM or YYYY-MM-DD', () => {
    expect(['2025', '2025-08', '2025-08-14'].every(isPeriod)).toBe(true);
    expect(['25', '2025-13', '2025-8', '2025-08-32', '2025/08', ' 2025', ''].some(isPeriod)).toBe(false);
  });

  it('splits assessors at commas', () => {
    expect(splitAssessors(' A. Rahman, B. Sari ,, ')).toEqual(['A. Rahman', 'B. Sari']);
    expect(splitAssessors('')).toEqual([]);
  });
});

describe('sameAnswer', () => {
  it('compares what would be written', () => {
    expect(sameAnswer({ kind: 'level', level: 2 }, { kind: 'level', level: 2, note: '' })).toBe(true);
    expect(sameAnswer({ kind: 'level', level: 2 }, { kind: 'level', level: 2, note: 'x' })).toBe(false);
    expect(sameAnswer({ kind: 'na', reason: 'a' }, { kind: 'level', level: 0 })).toBe(false);
    expect(sameAnswer(undefined, { kind: 'level', level: 0 })).toBe(false);
  });
});
