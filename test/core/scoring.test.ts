import { describe, expect, it } from 'vitest';
import {
  areaScore,
  attainedPhase,
  bandOf,
  gateVerdict,
  indicatorsOf,
  nextPhase,
  parseTarget,
  readinessIndex,
  scoreAssessment,
} from '../../src/core/scoring.js';
import type { GateResult, ScoreResult } from '../../src/core/result.js';
import { buildAssessment, buildRubric, descriptorText } from './rubric-builder.js';
import type { RubricSpec } from './rubric-builder.js';

/**
 * Scale 0..4. Principle `int` (W=1): int.a p1 w2 social, int.b p1 w1, int.c p2 w1 n/a-able economic.
 * Principle `self` (W=3): self.a p2 w1 social, self.b p3 w3.
 */
const base: RubricSpec = {
  principles: [
    {
      id: 'int',
      indicators: [
        { id: 'int.a', pillar: 'p1', weight: 2, tags: ['tridaya:social'] },
        { id: 'int.b', pillar: 'p1' },
        { id: 'int.c', pillar: 'p2', na: true, tags: ['tridaya:economic'] },
      ],
    },
    {
      id: 'self',
      weight: 3,
      indicators: [
        { id: 'self.a', pillar: 'p2', tags: ['tridaya:social'] },
        { id: 'self.b', pillar: 'p3', weight: 3 },
      ],
    },
  ],
  phases: [
    { id: 'berdaya', pillars: ['p1', 'p2'], exit: [{ each: 'pillar', min: 60 }, { target: 'principle:self', min: 50 }] },
    { id: 'mandiri', pillars: ['p3'], exit: [{ target: 'pillar:p3', min: 75 }, { target: 'indicator:self.b', level: 3 }] },
  ],
  bands: [
    { id: 'low', min: 0 },
    { id: 'mid', min: 50 },
    { id: 'high', above: 75 },
  ],
  tags: { tridaya: ['social', 'economic', 'environmental'] },
};
const rubric = buildRubric(base);

function firstGate(result: ScoreResult): GateResult {
  const gate = result.gates[0];
  if (gate === undefined) throw new Error('no gate');
  return gate;
}

describe('scoreAssessment: weights and n/a', () => {
  // int.a 3 → 75, int.b 2 → 50, int.c n/a, self.a 4 → 100, self.b 1 → 25.
  const result = scoreAssessment(rubric, buildAssessment({ 'int.a': 3, 'int.b': 2, 'int.c': 'na', 'self.a': 4, 'self.b': 1 }));

  it('scores principles by indicator weight, n/a excluded from the score but covered', () => {
    // int: (2·75 + 1·50) / 3 = 200/3; coverage (2+1+1)/4 = 1. self: (1·100 + 3·25) / 4 = 43.75.
    expect(result.principles.map((p) => p.id)).toEqual(['int', 'self']);
    expect(result.principles[0]?.score).toBeCloseTo(200 / 3, 12);
    expect(result.principles[0]?.coverage).toBe(1);
    expect(result.principles[1]).toEqual({ id: 'self', score: 43.75, coverage: 1 });
  });

  it('weights principles in the overall score', () => {
    // (1·200/3 + 3·43.75) / 4 = 593.75/12 = 49.479166…; coverage (1·1 + 3·1)/4 = 1; 49.48 < 50 → low.
    expect(result.overall.score).toBeCloseTo(593.75 / 12, 12);
    expect(result.overall.coverage).toBe(1);
    expect(result.overall.band).toBe('low');
  });

  it('scores pillars in rubric order with their phase, and tags as GROUP:VALUE', () => {
    // p1 = int 200/3; p2: int.c n/a, self.a 100 → 100; p3: self.b → 25.
    expect(result.pillars.map((p) => [p.id, p.phase])).toEqual([
      ['p1', 'berdaya'],
      ['p2', 'berdaya'],
      ['p3', 'mandiri'],
    ]);
    expect(result.pillars[1]).toEqual({ id: 'p2', phase: 'berdaya', score: 100, coverage: 1 });
    expect(result.pillars[2]).toEqual({ id: 'p3', phase: 'mandiri', score: 25, coverage: 1 });
    // social: (2·75 + 1·100) / 3 = 250/3; economic: only n/a → null, covered; environmental: no indicators.
    expect(result.tags.map((t) => t.id)).toEqual(['tridaya:social', 'tridaya:economic', 'tridaya:environmental']);
    expect(result.tags[0]?.score).toBeCloseTo(250 / 3, 12);
    expect(result.tags[1]).toEqual({ id: 'tridaya:economic', score: null, coverage: 1 });
    expect(result.tags[2]).toEqual({ id: 'tridaya:environmental', score: null, coverage: 0 });
  });

  it('decides the first gate with gaps and the readiness index', () => {
    // p1 200/3 ≥ 60 pass; p2 100 pass; self 43.75 < 50 fail, gap 6.25.
    // index = 100 × (1 + 1 + 43.75/50) / 3 = 100 × 2.875/3 = 95.8333…
    const gate = result.gates[0];
    expect(gate?.criteria.map((c) => [c.target, c.status, c.gap])).toEqual([
      ['pillar:p1', 'pass', 0],
      ['pillar:p2', 'pass', 0],
      ['principle:self', 'fail', 6.25],
    ]);
    expect(gate?.verdict).toBe('not-ready');
    expect(gate?.index).toBeCloseTo(287.5 / 3, 12);
    expect(gate?.criteria[2]).toMatchObject({ kind: 'area', threshold: 50, value: 43.75, coverage: 1 });
  });

  it('evaluates every gate, not only the reported one', () => {
    // p3 25 < 75 fail gap 50; self.b level 1 < 3 fail gap 2; index 100 × (25/75 + 1/3)/2 = 33.33…
    const gate = result.gates[1];
    expect(gate?.criteria.map((c) => [c.target, c.status, c.value, c.gap])).toEqual([
      ['pillar:p3', 'fail', 25, 50],
      ['indicator:self.b', 'fail', 1, 2],
    ]);
    expect(gate?.index).toBeCloseTo(100 / 3, 12);
  });

  it('reports the attained phase and a focus on the failing criterion', () => {
    expect(result.phase).toEqual({ declared: null, attained: 'berdaya', current: 'berdaya', next: 'mandiri', mismatch: false });
    expect(result.readiness.verdict).toBe('not-ready');
    expect(result.readiness.index).toBe(result.gates[0]?.index);
    // principle:self: self.a is at max (skipped); self.b level 1 → next 2.
    expect(result.readiness.focus).toEqual([
      { criterion: 'principle:self', indicator: 'self.b', level: 1, next: 2, action: descriptorText('self.b', 2) },
    ]);
  });

  it('carries the rubric, community and period', () => {
    expect(result.rubric).toEqual({ id: 'test', version: '1.0.0' });
    expect(result.community.id).toBe('c1');
    expect(result.period).toBe('2025');
  });
});

describe('scoreAssessment: missing answers', () => {
  // Only int.a 4 and self.b 4 answered.
  const result = scoreAssessment(rubric, buildAssessment({ 'int.a': 4, 'self.b': 4 }));

  it('excludes missing indicators from scores and from coverage', () => {
    // int: 100, coverage 2/4; self: 100, coverage 3/4; overall coverage (1·0.5 + 3·0.75)/4 = 0.6875.
    expect(result.principles).toEqual([
      { id: 'int', score: 100, coverage: 0.5 },
      { id: 'self', score: 100, coverage: 0.75 },
    ]);
    expect(result.overall).toEqual({ score: 100, coverage: 0.6875, band: 'high' });
  });

  it('marks criteria below coverage unknown with gap 0, and counts null as 0 in the index', () => {
    // p1 coverage 2/3, value 100; p2 coverage 0, value null; self coverage 0.75, value 100.
    // index = 100 × (1 + 0 + 1)/3.
    const gate = result.gates[0];
    expect(gate?.criteria.map((c) => [c.status, c.value, c.gap])).toEqual([
      ['unknown', 100, 0],
      ['unknown', null, 0],
      ['unknown', 100, 0],
    ]);
    expect(gate?.criteria[0]?.coverage).toBeCloseTo(2 / 3, 12);
    expect(gate?.verdict).toBe('insufficient-evidence');
    expect(gate?.index).toBeCloseTo(200 / 3, 12);
  });

  it('focuses on missing indicators of unknown criteria, rubric order breaking ties', () => {
    // p1: int.b missing (1·4). p2: int.c, self.a missing (1·4 each, rubric order). self: self.a (self.b at max).
    expect(result.readiness.focus.map((f) => [f.criterion, f.indicator, f.level, f.next])).toEqual([
      ['pillar:p1', 'int.b', null, 1],
      ['pillar:p2', 'int.c', null, 1],
      ['pillar:p2', 'self.a', null, 1],
      ['principle:self', 'self.a', null, 1],
    ]);
    expect(result.readiness.focus[0]?.action).toEqual(descriptorText('int.b', 1));
  });
});

describe('scoreAssessment: nothing answered', () => {
  const result = scoreAssessment(rubric, buildAssessment({}));

  it('has a null overall score, zero coverage and no band', () => {
    expect(result.overall).toEqual({ score: null, coverage: 0, band: null });
    expect(result.principles.every((p) => p.score === null && p.coverage === 0)).toBe(true);
    expect(result.readiness.verdict).toBe('insufficient-evidence');
    // every criterion unknown with v = 0 → index 0
    expect(result.readiness.index).toBe(0);
  });
});

describe('overall with a principle that has no score', () => {
  it('averages only the principles with a score, but counts all in coverage', () => {
    // int: int.a 2 → 50, int.b 2 → 50 → 50, coverage 3/4; self: all missing → null, coverage 0.
    // overall 50 (self left out); coverage (1·0.75 + 3·0)/4 = 0.1875.
    const result = scoreAssessment(rubric, buildAssessment({ 'int.a': 2, 'int.b': 2 }));
    expect(result.overall).toEqual({ score: 50, coverage: 0.1875, band: 'mid' });
  });
});

describe('coverage threshold', () => {
  const five = (weights: readonly number[], coverage?: number) =>
    buildRubric({
      ...(coverage === undefined ? {} : { coverage }),
      principles: [{ id: 'p', indicators: weights.map((weight, i) => ({ id: `i${i}`, pillar: 'x', weight, na: true })) }],
      phases: [{ id: 'one', pillars: ['x'], exit: [{ target: 'pillar:x', min: 50 }] }],
    });

  it('decides a criterion whose coverage is exactly the threshold', () => {
    // 4 of 5 equal weights answered: coverage 0.8 = threshold → decided; (4+4+2+2)/4·25 = 75 → pass.
    const result = scoreAssessment(five([1, 1, 1, 1, 1]), buildAssessment({ i0: 4, i1: 4, i2: 2, i3: 2 }));
    expect(firstGate(result).criteria[0]).toMatchObject({ status: 'pass', coverage: 0.8, value: 75 });
    expect(firstGate(result).verdict).toBe('ready');
  });

  it('counts n/a towards coverage', () => {
    // i0 3 → 75, i1..i3 n/a: coverage 4/5 = 0.8 → decided, value 75.
    const result = scoreAssessment(five([1, 1, 1, 1, 1]), buildAssessment({ i0: 3, i1: 'na', i2: 'na', i3: 'na' }));
    expect(firstGate(result).criteria[0]).toMatchObject({ status: 'pass', coverage: 0.8, value: 75 });
  });

  it('leaves a criterion just below the threshold unknown', () => {
    // weights 79 and 21: only the first answered → coverage 0.79 < 0.8.
    const result = scoreAssessment(five([79, 21]), buildAssessment({ i0: 4 }));
    expect(firstGate(result).criteria[0]).toMatchObject({ status: 'unknown', coverage: 0.79, value: 100, gap: 0 });
    expect(firstGate(result).verdict).toBe('insufficient-evidence');
  });

  it('does not let float noise leave an area at the threshold undecided', () => {
    // weights 0.7, 0.1, 0.2: (0.7 + 0.1)/1 = 0.7999999999999999 in floats, 0.8 exactly in real arithmetic.
    const result = scoreAssessment(five([0.7, 0.1, 0.2]), buildAssessment({ i0: 4, i1: 4 }));
    expect(firstGate(result).criteria[0]?.status).toBe('pass');
  });

  it('uses the rubric coverage setting', () => {
    // coverage 0.5: 3 of 5 answered → 0.6 ≥ 0.5 → decided; (0+0+4)/3 · 25 = 33.33 < 50 → fail, gap 16.67.
    const result = scoreAssessment(five([1, 1, 1, 1, 1], 0.5), buildAssessment({ i0: 0, i1: 0, i2: 4 }));
    expect(firstGate(result).criteria[0]?.status).toBe('fail');
    expect(firstGate(result).criteria[0]?.gap).toBeCloseTo(50 - 100 / 3, 12);
  });
});

describe('criterion threshold and tolerance', () => {
  const single = (min: number) =>
    buildRubric({
      principles: [{ id: 'p', indicators: [{ id: 'i', pillar: 'x' }] }],
      phases: [{ id: 'one', pillars: ['x'], exit: [{ target: 'pillar:x', min }] }],
    });
  const answer = buildAssessment({ i: 3 }); // 100 × 3/4 = 75

  it('passes exactly at the threshold', () => {
    expect(firstGate(scoreAssessment(single(75), answer)).criteria[0]).toMatchObject({ status: 'pass', gap: 0 });
  });

  it('passes within 1e-9 below the threshold', () => {
    expect(firstGate(scoreAssessment(single(75 + 5e-10), answer)).criteria[0]?.status).toBe('pass');
  });

  it('fails just beyond the tolerance, with the gap t − v', () => {
    const result = scoreAssessment(single(75.000001), answer);
    expect(firstGate(result).criteria[0]?.status).toBe('fail');
    expect(firstGate(result).criteria[0]?.gap).toBeCloseTo(0.000001, 12);
    expect(firstGate(result).verdict).toBe('not-ready');
  });

  it('gives progress 1 for a threshold of 0', () => {
    // min 0 with value 0: pass, progress 1 → index 100.
    const result = scoreAssessment(single(0), buildAssessment({ i: 0 }));
    expect(firstGate(result)).toMatchObject({ verdict: 'ready', index: 100 });
  });
});

describe('areas answered only n/a', () => {
  const r = buildRubric({
    principles: [
      {
        id: 'p',
        indicators: [
          { id: 'a1', pillar: 'a', na: true },
          { id: 'a2', pillar: 'a', na: true, weight: 2 },
          { id: 'b1', pillar: 'b' },
        ],
      },
    ],
    phases: [
      { id: 'one', pillars: ['a', 'b'], exit: [{ target: 'pillar:a', min: 60 }, { target: 'pillar:b', min: 60 }] },
      { id: 'two', pillars: [], exit: [{ target: 'pillar:a', min: 60 }] },
    ],
  });

  it('gives status na, excludes it from the index, and never puts n/a indicators in focus', () => {
    // a: both n/a → score null, coverage 1 → na. b: b1 level 2 → 50 < 60 → fail, gap 10.
    // index over b only: 100 × 50/60 = 83.33…
    const result = scoreAssessment(r, buildAssessment({ a1: 'na', a2: 'na', b1: 2 }));
    expect(result.readiness.criteria.map((c) => [c.status, c.value, c.coverage, c.gap])).toEqual([
      ['na', null, 1, 0],
      ['fail', 50, 1, 10],
    ]);
    expect(result.readiness.index).toBeCloseTo(250 / 3, 12);
    expect(result.readiness.focus.map((f) => f.indicator)).toEqual(['b1']);
  });

  it('makes an all-na gate ready with index 100', () => {
    const result = scoreAssessment(r, buildAssessment({ a1: 'na', a2: 'na', b1: 4 }));
    expect(result.gates[1]).toMatchObject({ verdict: 'ready', index: 100 });
    expect(result.gates[1]?.criteria[0]?.status).toBe('na');
  });
});

describe('phases', () => {
  const ready = { 'int.a': 4, 'int.b': 4, 'int.c': 4, 'self.a': 4, 'self.b': 3 } as const;

  it('flags a declared phase beyond the attained one, and reports the declared gate', () => {
    // attained berdaya (self fails, as in the first case); declared mandiri.
    const result = scoreAssessment(
      rubric,
      buildAssessment({ 'int.a': 3, 'int.b': 2, 'int.c': 'na', 'self.a': 4, 'self.b': 1 }, { phase: 'mandiri' }),
    );
    expect(result.phase).toEqual({ declared: 'mandiri', attained: 'berdaya', current: 'mandiri', next: 'graduated', mismatch: true });
    expect(result.readiness.criteria.map((c) => c.target)).toEqual(['pillar:p3', 'indicator:self.b']);
    // pillar:p3 and indicator:self.b both fail on self.b (level 1, priority 3·3 = 9).
    expect(result.readiness.focus.map((f) => [f.criterion, f.indicator, f.level, f.next])).toEqual([
      ['pillar:p3', 'self.b', 1, 2],
      ['indicator:self.b', 'self.b', 1, 2],
    ]);
  });

  it('does not flag a declared phase before the attained one', () => {
    // all berdaya criteria pass (p1 100, p2 100, self (100 + 3·75)/4 = 81.25); mandiri: p3 75 pass, self.b 3 pass.
    const result = scoreAssessment(rubric, buildAssessment(ready, { phase: 'berdaya' }));
    expect(result.phase).toEqual({ declared: 'berdaya', attained: 'graduated', current: 'berdaya', next: 'mandiri', mismatch: false });
    expect(result.readiness.verdict).toBe('ready');
  });

  it('graduates a community whose every gate is ready', () => {
    const result = scoreAssessment(rubric, buildAssessment(ready));
    expect(result.phase).toEqual({ declared: null, attained: 'graduated', current: 'graduated', next: null, mismatch: false });
    expect(result.readiness).toEqual({ verdict: 'graduated', index: 100, criteria: [], focus: [], path: null });
    expect(result.gates.map((g) => g.verdict)).toEqual(['ready', 'ready']);
  });

  it('treats a declared graduated as after every phase', () => {
    const result = scoreAssessment(rubric, buildAssessment({}, { phase: 'graduated' }));
    expect(result.phase).toMatchObject({ attained: 'berdaya', current: 'graduated', next: null, mismatch: true });
    expect(result.readiness.verdict).toBe('graduated');
  });

  it('reports the second gate when the first is ready', () => {
    // berdaya passes; mandiri: self.b 2 → p3 50 < 75 fail.
    const result = scoreAssessment(rubric, buildAssessment({ ...ready, 'self.b': 2 }));
    // self = (100 + 3·50)/4 = 62.5 ≥ 50, so berdaya stays ready.
    expect(result.phase).toMatchObject({ attained: 'mandiri', current: 'mandiri', next: 'graduated' });
    expect(result.readiness.verdict).toBe('not-ready');
  });

  it('nextPhase and attainedPhase follow rubric order', () => {
    expect(nextPhase(rubric, 'berdaya')).toBe('mandiri');
    expect(nextPhase(rubric, 'mandiri')).toBe('graduated');
    expect(nextPhase(rubric, 'graduated')).toBeNull();
    expect(attainedPhase([{ phase: 'a', verdict: 'ready' }, { phase: 'b', verdict: 'insufficient-evidence' }])).toBe('b');
    expect(attainedPhase([])).toBe('graduated');
  });
});

describe('focus order', () => {
  const focusRubric = (weights: readonly number[]) =>
    buildRubric({
      principles: [{ id: 'p', indicators: weights.map((weight, i) => ({ id: `i${i + 1}`, pillar: 'x', weight, na: true })) }],
      phases: [{ id: 'one', pillars: ['x'], exit: [{ target: 'pillar:x', min: 100 }] }],
      coverage: 0,
    });

  it('keeps the top 3 by weight × (max − level), rubric order breaking ties', () => {
    // i1 level 0, the rest missing; weights 1,2,2,1,2 → priorities 4,8,8,4,8 → i2, i3, i5.
    const result = scoreAssessment(focusRubric([1, 2, 2, 1, 2]), buildAssessment({ i1: 0 }));
    expect(result.readiness.focus.map((f) => f.indicator)).toEqual(['i2', 'i3', 'i5']);
  });

  it('counts missing as level 0 and skips indicators at max or n/a', () => {
    // weights 1: i1 3 → 1, i2 1 → 3, i3 missing → 4, i4 2 → 2, i5 1 → 3, i6 max, i7 n/a.
    // → i3 (4), i2 (3), i5 (3, after i2 in rubric order).
    const result = scoreAssessment(
      focusRubric([1, 1, 1, 1, 1, 1, 1]),
      buildAssessment({ i1: 3, i2: 1, i4: 2, i5: 1, i6: 4, i7: 'na' }),
    );
    expect(result.readiness.focus).toEqual([
      { criterion: 'pillar:x', indicator: 'i3', level: null, next: 1, action: descriptorText('i3', 1) },
      { criterion: 'pillar:x', indicator: 'i2', level: 1, next: 2, action: descriptorText('i2', 2) },
      { criterion: 'pillar:x', indicator: 'i5', level: 1, next: 2, action: descriptorText('i5', 2) },
    ]);
  });

  it('weighs a high weight above a low level', () => {
    // i1 w3 level 3 → 3·1 = 3; i2 w1 level 2 → 1·2 = 2: i1 first.
    const result = scoreAssessment(focusRubric([3, 1]), buildAssessment({ i1: 3, i2: 2 }));
    expect(result.readiness.focus.map((f) => f.indicator)).toEqual(['i1', 'i2']);
  });
});

describe('level criteria', () => {
  const r = buildRubric({
    principles: [{ id: 'p', indicators: [{ id: 'x', pillar: 'a', na: true }] }],
    phases: [{ id: 'one', pillars: ['a'], exit: [{ target: 'indicator:x', level: 3 }] }],
  });
  // Declaring the phase keeps a ready gate reported instead of graduating.
  const levelCriterion = (answers: Parameters<typeof buildAssessment>[0]) =>
    scoreAssessment(r, buildAssessment(answers, { phase: 'one' })).readiness;

  it('passes at the level, value = level', () => {
    expect(levelCriterion({ x: 3 })).toMatchObject({
      verdict: 'ready',
      index: 100,
      criteria: [{ kind: 'level', threshold: 3, value: 3, coverage: 1, status: 'pass', gap: 0 }],
    });
  });

  it('fails below the level with gap t − level and progress level/t', () => {
    // 2 < 3: gap 1, index 100 × 2/3.
    const readiness = levelCriterion({ x: 2 });
    expect(readiness.criteria[0]).toMatchObject({ value: 2, status: 'fail', gap: 1 });
    expect(readiness.index).toBeCloseTo(200 / 3, 12);
    expect(readiness.focus).toEqual([{ criterion: 'indicator:x', indicator: 'x', level: 2, next: 3, action: descriptorText('x', 3) }]);
  });

  it('is unknown when missing, with coverage 0', () => {
    const readiness = levelCriterion({});
    expect(readiness.criteria[0]).toMatchObject({ value: null, coverage: 0, status: 'unknown', gap: 0 });
    expect(readiness).toMatchObject({ verdict: 'insufficient-evidence', index: 0 });
    expect(readiness.focus.map((f) => [f.indicator, f.level, f.next])).toEqual([['x', null, 1]]);
  });

  it('is na when answered n/a, and leaves the index at 100', () => {
    const readiness = levelCriterion({ x: 'na' });
    expect(readiness.criteria[0]).toMatchObject({ value: null, coverage: 1, status: 'na', gap: 0 });
    expect(readiness).toMatchObject({ verdict: 'ready', index: 100, focus: [] });
  });

  it('is unknown when missing even if the rubric coverage is 0', () => {
    const lax = buildRubric({
      coverage: 0,
      principles: [{ id: 'p', indicators: [{ id: 'x', pillar: 'a' }] }],
      phases: [{ id: 'one', pillars: ['a'], exit: [{ target: 'indicator:x', level: 1 }] }],
    });
    expect(scoreAssessment(lax, buildAssessment({})).readiness.criteria[0]?.status).toBe('unknown');
  });
});

describe('other criterion targets', () => {
  it('reads overall and tag targets', () => {
    const r = buildRubric({
      ...base,
      phases: [{ id: 'one', pillars: ['p1', 'p2', 'p3'], exit: [{ target: 'overall', min: 50 }, { target: 'tag:tridaya:social', min: 80 }] }],
    });
    // overall 593.75/12 ≈ 49.48 < 50 → fail; social 250/3 ≥ 80 → pass.
    const result = scoreAssessment(r, buildAssessment({ 'int.a': 3, 'int.b': 2, 'int.c': 'na', 'self.a': 4, 'self.b': 1 }));
    const [overall, social] = result.readiness.criteria;
    expect(overall).toMatchObject({ status: 'fail', coverage: 1 });
    expect(overall?.gap).toBeCloseTo(50 - 593.75 / 12, 12);
    expect(social).toMatchObject({ status: 'pass' });
    expect(social?.value).toBeCloseTo(250 / 3, 12);
    // overall focus: priorities int.a 2·1, int.b 1·2, self.b 3·3, self.a at max → self.b, int.a, int.b
    expect(result.readiness.focus.map((f) => f.indicator)).toEqual(['self.b', 'int.a', 'int.b']);
  });

  it('gives an area with no indicators score null and coverage 0 (unknown)', () => {
    const r = buildRubric({
      principles: [{ id: 'p', indicators: [{ id: 'i', pillar: 'a' }] }],
      phases: [{ id: 'one', pillars: ['a', 'empty'], exit: [{ each: 'pillar', min: 10 }] }],
    });
    const result = scoreAssessment(r, buildAssessment({ i: 4 }));
    expect(result.pillars[1]).toEqual({ id: 'empty', phase: 'one', score: null, coverage: 0 });
    expect(result.readiness.criteria[1]).toMatchObject({ target: 'pillar:empty', status: 'unknown', value: null });
  });
});

describe('each-expanded criteria', () => {
  it('are concrete criteria by the time they reach the core', () => {
    const answers = buildAssessment({ 'int.a': 3, 'int.b': 2, 'int.c': 'na', 'self.a': 4, 'self.b': 1 });
    const expanded = buildRubric({ ...base, phases: [{ id: 'one', pillars: ['p1', 'p3'], exit: [{ each: 'pillar', min: 60 }, { each: 'principle', min: 50 }] }] });
    const explicit = buildRubric({
      ...base,
      phases: [
        {
          id: 'one',
          pillars: ['p1', 'p3'],
          exit: [
            { target: 'pillar:p1', min: 60 },
            { target: 'pillar:p3', min: 60 },
            { target: 'principle:int', min: 50 },
            { target: 'principle:self', min: 50 },
          ],
        },
      ],
    });
    expect(expanded.phases[0]?.exit.map((c) => c.target)).toEqual(['pillar:p1', 'pillar:p3', 'principle:int', 'principle:self']);
    expect(scoreAssessment(expanded, answers).readiness).toEqual(scoreAssessment(explicit, answers).readiness);
  });
});

describe('bandOf', () => {
  it('takes the last band whose lower bound the score meets, min inclusive, above exclusive', () => {
    // low min 0, mid min 50, high above 75
    expect(bandOf(rubric, 0)).toBe('low');
    expect(bandOf(rubric, 49.99)).toBe('low');
    expect(bandOf(rubric, 50)).toBe('mid');
    expect(bandOf(rubric, 75)).toBe('mid');
    expect(bandOf(rubric, 75.01)).toBe('high');
    expect(bandOf(rubric, 100)).toBe('high');
    expect(bandOf(rubric, null)).toBeNull();
  });

  it('is null below every bound or without bands', () => {
    const r = buildRubric({ ...base, bands: [{ id: 'some', above: 0 }] });
    expect(bandOf(r, 0)).toBeNull();
    expect(bandOf(r, 0.5)).toBe('some');
    expect(bandOf(buildRubric({ ...base, bands: [] }), 90)).toBeNull();
  });
});

describe('building blocks', () => {
  it('indicatorsOf resolves every target form in rubric order', () => {
    const ids = (target: string) => indicatorsOf(rubric, target).map((i) => i.id);
    expect(ids('overall')).toEqual(['int.a', 'int.b', 'int.c', 'self.a', 'self.b']);
    expect(ids('principle:self')).toEqual(['self.a', 'self.b']);
    expect(ids('pillar:p2')).toEqual(['int.c', 'self.a']);
    expect(ids('tag:tridaya:social')).toEqual(['int.a', 'self.a']);
    expect(ids('indicator:int.b')).toEqual(['int.b']);
    expect(ids('pillar:nope')).toEqual([]);
    expect(ids('tag:tridaya')).toEqual([]);
    expect(ids('bogus')).toEqual([]);
  });

  it('areaScore scores any list of indicators', () => {
    // int.a 3 (w2) → 75, int.b missing, self.b 2 (w3) → 50: (150 + 150)/5 = 60; coverage 5/6.
    const result = areaScore(rubric, buildAssessment({ 'int.a': 3, 'self.b': 2 }), [
      ...indicatorsOf(rubric, 'pillar:p1'),
      ...indicatorsOf(rubric, 'pillar:p3'),
    ]);
    expect(result.score).toBe(60);
    expect(result.coverage).toBeCloseTo(5 / 6, 12);
  });

  it('parseTarget splits targets without losing the tag value', () => {
    expect(parseTarget('overall')).toEqual({ kind: 'overall' });
    expect(parseTarget('tag:tridaya:social')).toEqual({ kind: 'tag', id: 'tridaya:social' });
    expect(parseTarget('indicator:a.b')).toEqual({ kind: 'indicator', id: 'a.b' });
    expect(parseTarget('pillar:')).toBeNull();
    expect(parseTarget('other:x')).toBeNull();
  });

  it('gateVerdict ranks fail over unknown over pass and na', () => {
    expect(gateVerdict([{ status: 'unknown' }, { status: 'fail' }])).toBe('not-ready');
    expect(gateVerdict([{ status: 'pass' }, { status: 'unknown' }])).toBe('insufficient-evidence');
    expect(gateVerdict([{ status: 'pass' }, { status: 'na' }])).toBe('ready');
    expect(gateVerdict([])).toBe('ready');
  });

  it('readinessIndex is 100 with no criteria, and clamps progress to 0..1', () => {
    expect(readinessIndex([])).toBe(100);
    // 120/60 → 1; 30/60 → 0.5 → mean 0.75
    expect(
      readinessIndex([
        { status: 'pass', value: 120, threshold: 60 },
        { status: 'fail', value: 30, threshold: 60 },
      ]),
    ).toBe(75);
  });
});
