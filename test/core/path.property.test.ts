import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assessment, Rubric } from '../../src/core/model.js';
import { planSteps } from '../../src/core/path.js';
import { scoreAssessment } from '../../src/core/scoring.js';
import { buildAssessment, buildRubric } from './rubric-builder.js';
import type { AnswerSpec, CriterionSpec, RubricSpec } from './rubric-builder.js';

const RUNS = { numRuns: 200 };

const arbIndicator = fc.record({
  pillar: fc.constantFrom('p1', 'p2', 'p3'),
  weight: fc.constantFrom(0.5, 1, 2, 3),
  tags: fc.subarray(['t:a', 't:b']),
  na: fc.boolean(),
});

const arbCriterion = fc.record({ pick: fc.nat(), min: fc.integer({ min: 0, max: 100 }), level: fc.nat() });

const arbShape = fc.record({
  max: fc.integer({ min: 1, max: 5 }),
  coverage: fc.constantFrom(0, 0.5, 0.8, 1),
  principles: fc.array(
    fc.record({ weight: fc.constantFrom(1, 2, 3), indicators: fc.array(arbIndicator, { minLength: 1, maxLength: 5 }) }),
    { minLength: 1, maxLength: 3 },
  ),
  gates: fc.tuple(fc.array(arbCriterion, { maxLength: 6 }), fc.array(arbCriterion, { maxLength: 6 })),
});

type Shape = typeof arbShape extends fc.Arbitrary<infer T> ? T : never;

function rubricFrom(shape: Shape): Rubric {
  const principles = shape.principles.map((p, pi) => ({
    id: `P${pi}`,
    weight: p.weight,
    indicators: p.indicators.map((i, ii) => ({ ...i, id: `P${pi}.i${ii}` })),
  }));
  const indicatorIds = principles.flatMap((p) => p.indicators.map((i) => i.id));
  const areaTargets = ['overall', ...principles.map((p) => `principle:${p.id}`), 'pillar:p1', 'pillar:p2', 'pillar:p3', 'tag:t:a', 'tag:t:b'];
  const toCriterion = (c: Shape['gates'][0][number]): CriterionSpec => {
    const at = c.pick % (areaTargets.length + indicatorIds.length);
    const area = areaTargets[at];
    if (area !== undefined) return { target: area, min: c.min };
    return { target: `indicator:${indicatorIds[at - areaTargets.length] ?? ''}`, level: c.level % (shape.max + 1) };
  };
  const spec: RubricSpec = {
    max: shape.max,
    coverage: shape.coverage,
    principles,
    phases: [
      { id: 'one', pillars: ['p1', 'p2'], exit: shape.gates[0].map(toCriterion) },
      { id: 'two', pillars: ['p3'], exit: shape.gates[1].map(toCriterion) },
    ],
    tags: { t: ['a', 'b'] },
  };
  return buildRubric(spec);
}

const arbCase = arbShape.chain((shape) => {
  const rubric = rubricFrom(shape);
  const answer = (na: boolean): fc.Arbitrary<AnswerSpec | undefined> =>
    fc.oneof(fc.integer({ min: 0, max: rubric.maxLevel }), fc.constant(undefined), ...(na ? [fc.constant('na' as const)] : []));
  return fc.record({
    rubric: fc.constant(rubric),
    answers: fc.tuple(...rubric.indicators.map((i) => answer(i.na))),
    phase: fc.constantFrom(undefined, 'one', 'two'),
  });
});

function assessmentOf(answers: ReadonlyMap<string, AnswerSpec>, phase: string | undefined): Assessment {
  return buildAssessment(Object.fromEntries(answers), phase === undefined ? {} : { phase });
}

function answerMap(rubric: Rubric, answers: readonly (AnswerSpec | undefined)[]): Map<string, AnswerSpec> {
  const map = new Map<string, AnswerSpec>();
  rubric.indicators.forEach((indicator, i) => {
    const answer = answers[i];
    if (answer !== undefined) map.set(indicator.id, answer);
  });
  return map;
}

/** The verdict of one phase's gate, whatever phase the assessment is in. */
function gateVerdict(rubric: Rubric, assessment: Assessment, phase: string): string | undefined {
  return scoreAssessment(rubric, assessment).gates.find((gate) => gate.phase === phase)?.verdict;
}

describe('the path to the next phase (property)', () => {
  it('passes the gate when applied, and no longer does without its last step', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, answers, phase }) => {
        const start = answerMap(rubric, answers);
        const before = scoreAssessment(rubric, assessmentOf(start, phase));
        const path = before.readiness.path;
        if (before.readiness.verdict === 'graduated') {
          expect(path).toBeNull();
          return;
        }
        expect(path).not.toBeNull();
        if (path === null) return;
        const gatePhase = path.phase;
        const { steps } = planSteps(rubric, assessmentOf(start, phase), gatePhase);
        expect(path.steps).toBe(steps.length);
        // Each item is one indicator, listed once, and its levels are the steps' levels.
        expect(new Set(path.items.map((item) => item.indicator)).size).toBe(path.items.length);
        expect(path.items.reduce((sum, item) => sum + item.to - (item.from ?? 0), 0)).toBe(steps.length);

        const applied = new Map(start);
        for (const item of path.items) applied.set(item.indicator, item.to);
        const after = scoreAssessment(rubric, assessmentOf(applied, phase));
        const gate = after.gates.find((candidate) => candidate.phase === gatePhase);
        if (path.blocked.length === 0) {
          expect(gate?.verdict).toBe('ready');
          if (phase !== undefined) expect(['ready', 'graduated']).toContain(after.readiness.verdict);
        } else {
          // Every criterion passes but the blocked ones, and those stay open.
          for (const criterion of gate?.criteria ?? []) {
            if (path.blocked.includes(criterion.target)) expect(['fail', 'unknown']).toContain(criterion.status);
            else expect(['pass', 'na']).toContain(criterion.status);
          }
        }

        const last = steps.at(-1);
        if (last === undefined) {
          expect(before.readiness.verdict === 'ready' || path.blocked.length > 0).toBe(true);
          return;
        }
        const shortened = new Map(applied);
        if (last.from === null) shortened.delete(last.indicator);
        else shortened.set(last.indicator, last.from);
        const withoutLast = scoreAssessment(rubric, assessmentOf(shortened, phase)).gates.find((candidate) => candidate.phase === gatePhase);
        const open = (withoutLast?.criteria ?? []).filter((c) => !path.blocked.includes(c.target) && c.status !== 'pass' && c.status !== 'na');
        expect(open.length).toBeGreaterThan(0);
        if (path.blocked.length === 0) expect(gateVerdict(rubric, assessmentOf(shortened, phase), gatePhase)).not.toBe('ready');
      }),
      RUNS,
    );
  });

  it('lists every step of the plan as a one-level rise, or an unanswered indicator reaching level 1', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, answers, phase }) => {
        const assessment = assessmentOf(answerMap(rubric, answers), phase);
        const result = scoreAssessment(rubric, assessment);
        if (result.readiness.path === null) return;
        const { steps } = planSteps(rubric, assessment, result.readiness.path.phase);
        for (const step of steps) expect(step.to).toBe(step.from === null ? 1 : step.from + 1);
      }),
      RUNS,
    );
  });
});
