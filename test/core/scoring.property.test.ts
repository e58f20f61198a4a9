import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Assessment, Rubric } from '../../src/core/model.js';
import type { ScoreResult } from '../../src/core/result.js';
import { areaScore, indicatorsOf, scoreAssessment } from '../../src/core/scoring.js';
import { buildAssessment, buildRubric, descriptorText } from './rubric-builder.js';
import type { AnswerSpec, CriterionSpec, RubricSpec } from './rubric-builder.js';

const RUNS = { numRuns: 200 };
const EPS = 1e-9;

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
  gates: fc.tuple(fc.array(arbCriterion, { maxLength: 5 }), fc.array(arbCriterion, { maxLength: 5 })),
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
    const all = areaTargets.length + indicatorIds.length;
    const at = c.pick % all;
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

/** A rubric, then an answer for each of its indicators: a level, n/a where allowed, or missing. */
const arbCase = arbShape.chain((shape) => {
  const rubric = rubricFrom(shape);
  const answer = (na: boolean): fc.Arbitrary<AnswerSpec | undefined> =>
    fc.oneof(fc.integer({ min: 0, max: rubric.maxLevel }), fc.constant(undefined), ...(na ? [fc.constant('na' as const)] : []));
  return fc.record({
    rubric: fc.constant(rubric),
    answers: fc.tuple(...rubric.indicators.map((i) => answer(i.na))),
    phase: fc.constantFrom(undefined, 'one', 'two', 'graduated'),
  });
});

function assessmentOf(rubric: Rubric, answers: readonly (AnswerSpec | undefined)[], phase?: string): Assessment {
  const record: Record<string, AnswerSpec> = {};
  rubric.indicators.forEach((indicator, i) => {
    const answer = answers[i];
    if (answer !== undefined) record[indicator.id] = answer;
  });
  return buildAssessment(record, phase === undefined ? {} : { phase });
}

/** docs/scoring.md#areas written out naively, as an oracle independent of the implementation. */
function naiveArea(rubric: Rubric, answers: readonly (AnswerSpec | undefined)[], keep: (i: number) => boolean) {
  let sum = 0;
  let answered = 0;
  let covered = 0;
  let total = 0;
  rubric.indicators.forEach((indicator, i) => {
    if (!keep(i)) return;
    const answer = answers[i];
    total += indicator.weight;
    if (answer !== undefined) covered += indicator.weight;
    if (typeof answer === 'number') {
      answered += indicator.weight;
      sum += (indicator.weight * 100 * answer) / rubric.maxLevel;
    }
  });
  return { score: answered > 0 ? sum / answered : null, coverage: total > 0 ? covered / total : 0 };
}

function expectClose(actual: number | null | undefined, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

function allAreas(result: ScoreResult) {
  return [...result.principles, ...result.pillars, ...result.tags, result.overall];
}

describe('scoring properties', () => {
  it('keeps every score within 0–100, every coverage within 0–1, every index within 0–100', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, answers, phase }) => {
        const result = scoreAssessment(rubric, assessmentOf(rubric, answers, phase));
        for (const area of allAreas(result)) {
          if (area.score !== null) expect(area.score >= 0 && area.score <= 100).toBe(true);
          expect(area.coverage >= 0 && area.coverage <= 1).toBe(true);
        }
        for (const gate of result.gates) {
          expect(gate.index >= 0 && gate.index <= 100).toBe(true);
          for (const c of gate.criteria) expect(c.coverage >= 0 && c.coverage <= 1).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('matches a naive reading of docs/scoring.md (areas, overall) for every area and the overall', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, answers }) => {
        const result = scoreAssessment(rubric, assessmentOf(rubric, answers));
        const at = (pred: (i: number) => boolean) => naiveArea(rubric, answers, pred);
        const principleAreas = rubric.principles.map((p) => ({ weight: p.weight, ...at((i) => rubric.indicators[i]?.principle === p.id) }));
        result.principles.forEach((p, k) => {
          expectClose(p.score, principleAreas[k]?.score ?? null);
          expectClose(p.coverage, principleAreas[k]?.coverage ?? 0);
        });
        for (const pillar of result.pillars) {
          const expected = at((i) => rubric.indicators[i]?.pillar === pillar.id);
          expectClose(pillar.score, expected.score);
          expectClose(pillar.coverage, expected.coverage);
        }
        for (const tag of result.tags) {
          const expected = at((i) => rubric.indicators[i]?.tags.includes(tag.id) ?? false);
          expectClose(tag.score, expected.score);
          expectClose(tag.coverage, expected.coverage);
        }
        const scored = principleAreas.filter((p) => p.score !== null);
        const scoredWeight = scored.reduce((s, p) => s + p.weight, 0);
        const totalWeight = principleAreas.reduce((s, p) => s + p.weight, 0);
        expectClose(result.overall.score, scoredWeight > 0 ? scored.reduce((s, p) => s + p.weight * (p.score ?? 0), 0) / scoredWeight : null);
        expectClose(result.overall.coverage, principleAreas.reduce((s, p) => s + p.weight * p.coverage, 0) / totalWeight);
      }),
      RUNS,
    );
  });

  it('agrees with areaScore on the indicators of each area', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, answers }) => {
        const assessment = assessmentOf(rubric, answers);
        const result = scoreAssessment(rubric, assessment);
        for (const pillar of result.pillars) {
          expect(areaScore(rubric, assessment, indicatorsOf(rubric, `pillar:${pillar.id}`))).toEqual({
            score: pillar.score,
            coverage: pillar.coverage,
          });
        }
      }),
      RUNS,
    );
  });

  it('never lowers an area score, the overall score or any gate index when one level rises', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), fc.integer({ min: 1, max: 5 }), ({ rubric, answers, phase }, pick, step) => {
        const raisable = answers.flatMap((a, i) => (typeof a === 'number' && a < rubric.maxLevel ? [i] : []));
        const at = raisable[pick % Math.max(1, raisable.length)];
        if (at === undefined) return;
        const raised = answers.map((a, i) => (i === at && typeof a === 'number' ? Math.min(rubric.maxLevel, a + step) : a));
        const before = scoreAssessment(rubric, assessmentOf(rubric, answers, phase));
        const after = scoreAssessment(rubric, assessmentOf(rubric, raised, phase));
        const pairs = allAreas(before).map((area, k) => [area.score, allAreas(after)[k]?.score] as const);
        for (const [b, a] of pairs) {
          expect(a === null).toBe(b === null);
          if (b !== null && a !== null && a !== undefined) expect(a).toBeGreaterThanOrEqual(b - EPS);
        }
        before.gates.forEach((gate, k) => expect(after.gates[k]?.index).toBeGreaterThanOrEqual(gate.index - EPS));
      }),
      RUNS,
    );
  });

  it('gives a verdict that matches the statuses exactly', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, answers, phase }) => {
        const result = scoreAssessment(rubric, assessmentOf(rubric, answers, phase));
        for (const gate of result.gates) {
          const statuses = gate.criteria.map((c) => c.status);
          // ready ⇔ every criterion passes or is na; not-ready ⇔ some fails; otherwise some is unknown.
          const expected = statuses.includes('fail') ? 'not-ready' : statuses.includes('unknown') ? 'insufficient-evidence' : 'ready';
          expect(gate.verdict).toBe(expected);
          if (gate.verdict === 'ready') expect(gate.index).toBeGreaterThan(100 - 1e-6);
          if (statuses.every((s) => s === 'na')) expect(gate.index).toBe(100);
          for (const c of gate.criteria) {
            // gap > 0 exactly for fail, and then it is t − v
            if (c.status === 'fail') expect(c.gap).toBeCloseTo(c.threshold - (c.value ?? 0), 12);
            else expect(c.gap).toBe(0);
            if (c.status === 'fail') expect(c.gap).toBeGreaterThan(0);
            if (c.status === 'pass' || c.status === 'fail') expect(c.value).not.toBeNull();
            if (c.status === 'na') expect(c.value).toBeNull();
          }
        }
      }),
      RUNS,
    );
  });

  it('attains the first phase that is not ready and reports the current gate', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, answers, phase }) => {
        const result = scoreAssessment(rubric, assessmentOf(rubric, answers, phase));
        const firstOpen = result.gates.findIndex((g) => g.verdict !== 'ready');
        expect(result.phase.attained).toBe(firstOpen < 0 ? 'graduated' : rubric.phases[firstOpen]?.id);
        expect(result.phase.current).toBe(phase ?? result.phase.attained);
        const order = [...rubric.phases.map((p) => p.id), 'graduated'];
        const currentAt = order.indexOf(result.phase.current);
        expect(result.phase.next).toBe(result.phase.current === 'graduated' ? null : order[currentAt + 1]);
        expect(result.phase.mismatch).toBe(phase !== undefined && currentAt > order.indexOf(result.phase.attained));
        const gate = result.gates.find((g) => g.phase === result.phase.current);
        if (gate === undefined) expect(result.readiness).toEqual({ verdict: 'graduated', index: 100, criteria: [], focus: [], path: null });
        else expect(result.readiness).toMatchObject({ verdict: gate.verdict, index: gate.index, criteria: gate.criteria });
      }),
      RUNS,
    );
  });

  it('builds focus only from open criteria, at most 3 each, never from n/a or maxed indicators', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, answers, phase }) => {
        const assessment = assessmentOf(rubric, answers, phase);
        const result = scoreAssessment(rubric, assessment);
        const open = new Set(result.readiness.criteria.filter((c) => c.status === 'fail' || c.status === 'unknown').map((c) => c.target));
        const perCriterion = new Map<string, number>();
        for (const item of result.readiness.focus) {
          expect(open.has(item.criterion)).toBe(true);
          perCriterion.set(item.criterion, (perCriterion.get(item.criterion) ?? 0) + 1);
          const answer = assessment.answers.get(item.indicator);
          expect(answer?.kind).not.toBe('na');
          expect(item.level).toBe(answer?.kind === 'level' ? answer.level : null);
          expect(item.level ?? 0).toBeLessThan(rubric.maxLevel);
          expect(item.next).toBe((item.level ?? 0) + 1);
          expect(item.action).toEqual(descriptorText(item.indicator, item.next));
        }
        for (const count of perCriterion.values()) expect(count).toBeLessThanOrEqual(3);
      }),
      RUNS,
    );
  });

  it('does not depend on the order answers were given in', () => {
    fc.assert(
      fc.property(arbCase, ({ rubric, answers, phase }) => {
        const forward = assessmentOf(rubric, answers, phase);
        const reversed: Assessment = { ...forward, answers: new Map([...forward.answers].reverse()) };
        expect(scoreAssessment(rubric, reversed)).toEqual(scoreAssessment(rubric, forward));
      }),
      RUNS,
    );
  });
});
