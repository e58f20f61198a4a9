import { describe, expect, it } from 'vitest';
import { explainResult } from '../../src/core/explain.js';
import { scoreAssessment } from '../../src/core/scoring.js';
import { buildAssessment, buildRubric } from './rubric-builder.js';

/** Scale 0..4. P `a` (W=1): a1 x w2 tag t:u, a2 x w1 n/a-able. P `b` (W=2): b1 y w1, b2 y w3 tag t:u. */
const rubric = buildRubric({
  principles: [
    {
      id: 'a',
      indicators: [
        { id: 'a1', pillar: 'x', weight: 2, tags: ['t:u'] },
        { id: 'a2', pillar: 'x', na: true },
      ],
    },
    {
      id: 'b',
      weight: 2,
      indicators: [
        { id: 'b1', pillar: 'y' },
        { id: 'b2', pillar: 'y', weight: 3, tags: ['t:u'] },
      ],
    },
  ],
  phases: [
    {
      id: 'one',
      pillars: ['x', 'y'],
      exit: [
        { target: 'pillar:x', min: 60 },
        { target: 'pillar:y', min: 60 },
        { target: 'overall', min: 50 },
        { target: 'indicator:a2', level: 2 },
        { target: 'indicator:b1', level: 2 },
      ],
    },
  ],
  tags: { t: ['u'] },
});

// a1 3 → 75, a2 n/a, b1 missing, b2 2 → 50.
const assessment = buildAssessment({ a1: 3, a2: 'na', b2: 2 });
const result = scoreAssessment(rubric, assessment);
const explanation = explainResult(rubric, assessment, result);

describe('explainResult', () => {
  it('lists every indicator term of a principle with its weighted sums', () => {
    // a: Σw·s = 2·75 = 150 over answered weight 2 → 75; covered 2+1 = 3 of 3 → 1.
    expect(explanation.principles[0]).toEqual({
      target: 'principle:a',
      id: 'a',
      indicators: [
        { id: 'a1', weight: 2, answer: { kind: 'level', level: 3 }, score: 75, weighted: 150 },
        { id: 'a2', weight: 1, answer: { kind: 'na' }, score: null, weighted: null },
      ],
      weightedSum: 150,
      answeredWeight: 2,
      coveredWeight: 3,
      totalWeight: 3,
      score: 75,
      coverage: 1,
    });
    // b: b1 missing, b2 3·50 = 150 over 3 → 50; covered 3 of 4 → 0.75.
    expect(explanation.principles[1]).toMatchObject({ weightedSum: 150, answeredWeight: 3, coveredWeight: 3, totalWeight: 4, score: 50, coverage: 0.75 });
    expect(explanation.principles[1]?.indicators[0]).toEqual({ id: 'b1', weight: 1, answer: { kind: 'missing' }, score: null, weighted: null });
  });

  it('shows pillars with their phase and tags by GROUP:VALUE', () => {
    expect(explanation.pillars.map((p) => [p.id, p.phase, p.target])).toEqual([
      ['x', 'one', 'pillar:x'],
      ['y', 'one', 'pillar:y'],
    ]);
    // t:u: a1 2·75 + b2 3·50 = 300 over 5 → 60.
    expect(explanation.tags[0]).toMatchObject({ id: 't:u', target: 'tag:t:u', weightedSum: 300, answeredWeight: 5, score: 60 });
  });

  it('derives the overall from the weighted principles', () => {
    // score (1·75 + 2·50)/3 = 175/3; coverage (1·1 + 2·0.75)/3 = 2.5/3.
    const { overall } = explanation;
    expect(overall.principles).toEqual([
      { id: 'a', weight: 1, score: 75, coverage: 1, weightedScore: 75, weightedCoverage: 1 },
      { id: 'b', weight: 2, score: 50, coverage: 0.75, weightedScore: 100, weightedCoverage: 1.5 },
    ]);
    expect(overall).toMatchObject({ weightedScoreSum: 175, scoredWeight: 3, weightedCoverageSum: 2.5, totalWeight: 3 });
    expect(overall.score).toBeCloseTo(175 / 3, 12);
    expect(overall.score).toBe(result.overall.score);
  });

  it('explains each criterion of the reported gate: source, reason, progress and focus', () => {
    const gate = explanation.gate;
    expect(gate?.phase).toBe('one');
    expect(gate?.criteria.map((c) => [c.result.target, c.result.status, c.reason])).toEqual([
      ['pillar:x', 'pass', 'meets-threshold'],
      ['pillar:y', 'unknown', 'coverage-below-threshold'],
      ['overall', 'pass', 'meets-threshold'],
      ['indicator:a2', 'na', 'not-applicable'],
      ['indicator:b1', 'unknown', 'missing'],
    ]);
    // progress: x 75/60 → 1; y 50/60; overall (175/3)/50 → 1; a2 n/a → null; b1 missing → 0.
    expect(gate?.criteria.map((c) => c.progress)).toEqual([1, 50 / 60, 1, null, 0]);
    expect(gate?.progressCount).toBe(4);
    expect(gate?.progressSum).toBeCloseTo(2 + 5 / 6, 12);
    expect(gate?.index).toBeCloseTo((100 * (2 + 5 / 6)) / 4, 12);

    expect(gate?.criteria[0]?.source).toEqual({ kind: 'area', area: explanation.pillars[0] });
    expect(gate?.criteria[2]?.source).toEqual({ kind: 'overall' });
    expect(gate?.criteria[4]?.source).toEqual({
      kind: 'indicator',
      indicator: { id: 'b1', weight: 1, answer: { kind: 'missing' }, score: null, weighted: null },
    });

    // y: b1 missing 1·4 = 4, b2 level 2 3·2 = 6 → b2, b1.
    expect(gate?.criteria[1]?.focus).toEqual([
      { indicator: 'b2', weight: 3, level: 2, next: 3, priority: 6, kept: true },
      { indicator: 'b1', weight: 1, level: null, next: 1, priority: 4, kept: true },
    ]);
    // overall coverage (1·1 + 2·0.75)/3 = 0.833 ≥ 0.8 and 175/3 ≥ 50: passes, so no focus.
    expect(gate?.criteria[2]?.focus).toEqual([]);
    expect(gate?.criteria[0]?.focus).toEqual([]);
  });

  it('keeps exactly the candidates that the focus shows', () => {
    const kept = (explanation.gate?.criteria ?? []).flatMap((c) =>
      c.focus.filter((f) => f.kept).map((f) => [c.result.target, f.indicator]),
    );
    expect(kept).toEqual(result.readiness.focus.map((f) => [f.criterion, f.indicator]));
  });

  it('lists every gate verdict and the phase status, and has no gate when graduated', () => {
    expect(explanation.gates).toEqual([{ phase: 'one', verdict: 'insufficient-evidence', index: result.gates[0]?.index }]);
    expect(explanation).toMatchObject({ maxLevel: 4, coverageThreshold: 0.8, tolerance: 1e-9, verdict: 'insufficient-evidence' });

    const full = buildAssessment({ a1: 4, a2: 4, b1: 4, b2: 4 });
    const graduated = explainResult(rubric, full, scoreAssessment(rubric, full));
    expect(graduated.phase.current).toBe('graduated');
    expect(graduated.verdict).toBe('graduated');
    expect(graduated.gate).toBeNull();
  });

  it('marks a repeated target as adding nothing to the focus', () => {
    const twice = buildRubric({
      principles: [{ id: 'p', indicators: [{ id: 'i', pillar: 'x' }] }],
      phases: [{ id: 'one', pillars: ['x'], exit: [{ target: 'pillar:x', min: 50 }, { target: 'pillar:x', min: 60 }] }],
    });
    const answers = buildAssessment({ i: 1 });
    const scored = scoreAssessment(twice, answers);
    // both criteria fail on the one indicator; it is listed once
    expect(scored.readiness.focus.map((f) => [f.criterion, f.indicator])).toEqual([['pillar:x', 'i']]);
    const criteria = explainResult(twice, answers, scored).gate?.criteria ?? [];
    expect(criteria.map((c) => c.focus.map((f) => f.kept))).toEqual([[true], [false]]);
  });
});
