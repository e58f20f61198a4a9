import { describe, expect, it } from 'vitest';
import { pathToReady, planSteps } from '../../src/core/path.js';
import { scoreAssessment } from '../../src/core/scoring.js';
import { buildAssessment, buildRubric, descriptorText } from './rubric-builder.js';
import type { CriterionSpec } from './rubric-builder.js';

function rubricWith(exit: readonly CriterionSpec[], weights: { a1?: number; a2?: number } = {}) {
  return buildRubric({
    principles: [
      {
        id: 'A',
        indicators: [
          { id: 'a1', pillar: 'p1', weight: weights.a1 ?? 1 },
          { id: 'a2', pillar: 'p1', weight: weights.a2 ?? 2 },
          { id: 'a3', pillar: 'p2', na: true },
        ],
      },
    ],
    phases: [{ id: 'one', pillars: ['p1', 'p2'], exit }],
  });
}

describe('the path to the next phase', () => {
  it('takes the step that closes most of the gaps first, the heavier indicator on a tie', () => {
    // p1 = (1·50 + 2·50) / 3 = 50, gap 25 of 75 (1/3); a3 gap 1 of 2 (1/2).
    // a3 1→2 closes 1/2; then a2 2→3 lifts p1 to 66.67 (closes 16.67/75); then a1 2→3 and a2 3→4
    // both close the last 8.33/75 exactly: a2 weighs 2, so a2 goes to 4.
    const rubric = rubricWith([{ target: 'pillar:p1', min: 75 }, { target: 'indicator:a3', level: 2 }]);
    const assessment = buildAssessment({ a1: 2, a2: 2, a3: 1 }, { phase: 'one' });
    const { steps } = planSteps(rubric, assessment, 'one');
    expect(steps.map((step) => [step.indicator, step.from, step.to])).toEqual([
      ['a3', 1, 2],
      ['a2', 2, 3],
      ['a2', 3, 4],
    ]);
    expect(steps[0]?.gain).toBeCloseTo(0.5, 12);
    expect(steps[1]?.gain).toBeCloseTo(50 / 3 / 75, 12);
    expect(steps[2]?.gain).toBeCloseTo(25 / 3 / 75, 12);

    const path = scoreAssessment(rubric, assessment).readiness.path;
    expect(path).toEqual({
      phase: 'one',
      steps: 3,
      blocked: [],
      unanswered: 0,
      items: [
        { indicator: 'a3', from: 1, to: 2, action: descriptorText('a3', 2), criteria: ['indicator:a3'] },
        { indicator: 'a2', from: 2, to: 4, action: descriptorText('a2', 4), criteria: ['pillar:p1'] },
      ],
    });
  });

  it('breaks a tie of equal gain and weight by id', () => {
    const rubric = rubricWith([{ target: 'pillar:p1', min: 60 }], { a1: 1, a2: 1 });
    // p1 = 50; either indicator to level 3 gives 62.5 ≥ 60.
    const { steps } = planSteps(rubric, buildAssessment({ a1: 2, a2: 2, a3: 'na' }), 'one');
    expect(steps.map((step) => step.indicator)).toEqual(['a1']);
  });

  it('lists an indicator once with every criterion its steps move', () => {
    const rubric = rubricWith([{ target: 'pillar:p1', min: 70 }, { target: 'overall', min: 70 }, { target: 'indicator:a1', level: 3 }]);
    const path = pathToReady(rubric, buildAssessment({ a1: 2, a2: 3, a3: 'na' }), 'one');
    // p1 = overall = (50 + 150) / 3 = 66.67: a1 → 3 gives 75 and passes all three criteria at once.
    expect(path.items).toEqual([{ indicator: 'a1', from: 2, to: 3, action: descriptorText('a1', 3), criteria: ['pillar:p1', 'overall', 'indicator:a1'] }]);
    expect(path.steps).toBe(1);
  });

  it('assesses an unanswered indicator first when a criterion lacks coverage, counting it as reaching level 1', () => {
    const rubric = rubricWith([{ target: 'pillar:p1', min: 25 }]);
    // Only a1 answered: coverage 1/3 < 0.8, unknown. Answering a2 at level 1 covers 100% and p1 = (100 + 50) / 3 = 50.
    const assessment = buildAssessment({ a1: 4 });
    expect(scoreAssessment(rubric, assessment).readiness.verdict).toBe('insufficient-evidence');
    const path = pathToReady(rubric, assessment, 'one');
    expect(path.items).toEqual([{ indicator: 'a2', from: null, to: 1, action: descriptorText('a2', 1), criteria: ['pillar:p1'] }]);
    expect(path.unanswered).toBe(1);
  });

  it('names the criteria no step can pass, and still passes the others', () => {
    const rubric = rubricWith([{ target: 'pillar:p1', min: 60 }, { target: 'indicator:a1', level: 5 }, { target: 'indicator:missing', level: 1 }]);
    const path = pathToReady(rubric, buildAssessment({ a1: 2, a2: 2, a3: 'na' }), 'one');
    expect(path.blocked).toEqual(['indicator:a1', 'indicator:missing']);
    expect(path.items.map((item) => [item.indicator, item.from, item.to])).toEqual([['a2', 2, 3]]);
  });

  it('never changes an n/a answer, and is empty for a gate that already passes', () => {
    const rubric = rubricWith([{ target: 'pillar:p2', min: 90 }, { target: 'pillar:p1', min: 50 }]);
    const result = scoreAssessment(rubric, buildAssessment({ a1: 2, a2: 2, a3: 'na' }, { phase: 'one' }));
    expect(result.readiness.verdict).toBe('ready');
    expect(result.readiness.path).toEqual({ phase: 'one', steps: 0, items: [], blocked: [], unanswered: 0 });
  });

  it('is null once graduated', () => {
    const rubric = rubricWith([{ target: 'pillar:p1', min: 50 }]);
    expect(scoreAssessment(rubric, buildAssessment({ a1: 2, a2: 2, a3: 'na' })).readiness.path).toBeNull();
  });

  it('is skipped with { path: false }, every other part of the result unchanged', () => {
    const rubric = rubricWith([{ target: 'pillar:p1', min: 75 }, { target: 'indicator:a3', level: 2 }]);
    const assessment = buildAssessment({ a1: 2, a2: 2, a3: 1 }, { phase: 'one' });
    const full = scoreAssessment(rubric, assessment);
    const without = scoreAssessment(rubric, assessment, { path: false });
    expect(full.readiness.path?.steps).toBe(3);
    expect(without.readiness.path).toBeNull();
    expect({ ...without, readiness: { ...without.readiness, path: full.readiness.path } }).toEqual(full);
  });
});
