import { describe, expect, it } from 'vitest';
import { diffDocuments, diffSubjects, fallsBeyond, transitionOf } from '../../src/core/diff.js';
import { type DiffDocument, type DiffSubject } from '../../src/core/diff-subjects.js';
import { scoreAssessment } from '../../src/core/scoring.js';
import { diffJson } from '../../src/contract/diff-json.js';
import { roundDelta } from '../../src/contract/rounding.js';
import { buildAssessment, buildRubric, type AnswerSpec } from '../core/rubric-builder.js';

/**
 * The fixture rubric of test/fixtures/diff/rubrics/mini, built in memory: every indicator scores
 * 25 × level; voice = mean(meetings, women), means = mean(savings, fund), overall = mean of both.
 * berdaya is left when participation and assets are >= 50, mandiri when governance >= 75.
 */
const mini = buildRubric({
  principles: [
    { id: 'voice', indicators: [{ id: 'voice.meetings', pillar: 'participation' }, { id: 'voice.women', pillar: 'participation' }] },
    { id: 'means', indicators: [{ id: 'means.savings', pillar: 'assets' }, { id: 'means.fund', pillar: 'governance', na: true }] },
  ],
  phases: [
    { id: 'berdaya', pillars: ['participation', 'assets'], exit: [{ each: 'pillar', min: 50 }] },
    { id: 'mandiri', pillars: ['governance'], exit: [{ each: 'pillar', min: 75 }] },
  ],
});

function doc(id: string, answers: Record<string, AnswerSpec>, side: '2024' | '2025', rubric = mini): DiffDocument {
  const assessment = buildAssessment(answers, { id });
  return {
    file: `${side}/${id}.yaml`,
    document: 0,
    community: { id, name: `Kelurahan ${id}` },
    period: side,
    result: scoreAssessment(rubric, assessment),
    answers: answers as Record<string, number | 'na'>,
  };
}

const levels = (meetings: number, women: number, savings: number, fund: number): Record<string, AnswerSpec> => ({
  'voice.meetings': meetings,
  'voice.women': women,
  'means.savings': savings,
  'means.fund': fund,
});

const before = [
  doc('001', levels(2, 1, 2, 1), '2024'),
  doc('002', levels(3, 3, 3, 3), '2024'),
  doc('003', levels(3, 2, 2, 2), '2024'),
  doc('004', levels(1, 1, 1, 1), '2024'),
  doc('006', { 'voice.meetings': 1, 'means.savings': 1, 'means.fund': 'na' }, '2024'),
  doc('007', { 'voice.meetings': 1, 'voice.women': 1 }, '2024'),
];
// Input order is not id order: the output is sorted anyway.
const after = [
  doc('007', levels(1, 1, 1, 1), '2025'),
  doc('001', levels(3, 3, 3, 2), '2025'),
  doc('002', levels(3, 3, 3, 2), '2025'),
  doc('003', levels(3, 1, 3, 2), '2025'),
  doc('005', levels(2, 2, 2, 2), '2025'),
  doc('006', levels(1, 2, 1, 1), '2025'),
];

const community = (result: ReturnType<typeof diffDocuments>, id: string) => {
  const found = [...result.communities].find((entry) => entry.id === id);
  if (!found) throw new Error(`no community ${id}`);
  return found;
};

describe('diffDocuments: per-community deltas', () => {
  const result = diffDocuments(before, after);

  it('matches by community id, sorted by id, with added and removed', () => {
    expect(Array.from(result.communities, (entry) => entry.id)).toEqual(['001', '002', '003', '006', '007']);
    expect(result.added.map((entry) => [entry.id, entry.file])).toEqual([['005', '2025/005.yaml']]);
    expect(result.removed.map((entry) => [entry.id, entry.file])).toEqual([['004', '2024/004.yaml']]);
    expect(result.assessments).toEqual({ before: 6, after: 6 });
    expect(result.periods).toEqual({ before: ['2024'], after: ['2025'] });
  });

  it('gives before, after and delta of the overall score, every principle and every pillar', () => {
    // 001: voice 37.5 → 75, means 37.5 → 62.5, overall 37.5 → 68.75.
    const alpha = community(result, '001');
    expect(alpha.before.overall).toBe(37.5);
    expect(alpha.after.overall).toBe(68.75);
    expect(alpha.delta.overall).toBe(31.25);
    expect(alpha.delta.principles).toEqual([
      { id: 'voice', before: 37.5, after: 75, delta: 37.5 },
      { id: 'means', before: 37.5, after: 62.5, delta: 25 },
    ]);
    expect(alpha.delta.pillars).toEqual([
      { id: 'participation', phase: 'berdaya', before: 37.5, after: 75, delta: 37.5 },
      { id: 'assets', phase: 'berdaya', before: 50, after: 75, delta: 25 },
      { id: 'governance', phase: 'mandiri', before: 25, after: 50, delta: 25 },
    ]);
    expect([alpha.before.phase, alpha.before.verdict, alpha.after.phase, alpha.after.verdict]).toEqual(['berdaya', 'not-ready', 'mandiri', 'not-ready']);
  });

  it('gives a null delta when either side has no score', () => {
    // 007 had no means answer in 2024: means is null there, the overall is voice alone (25).
    const eta = community(result, '007');
    expect(eta.delta.principles).toEqual([
      { id: 'voice', before: 25, after: 25, delta: 0 },
      { id: 'means', before: null, after: 25, delta: null },
    ]);
    expect(eta.delta.overall).toBe(0);
    // 006's fund was n/a: governance had no score.
    expect(community(result, '006').delta.pillars.find((pillar) => pillar.id === 'governance')).toEqual({
      id: 'governance',
      phase: 'mandiri',
      before: null,
      after: 25,
      delta: null,
    });
  });

  it('classifies transitions by phase position, graduated last', () => {
    expect(Array.from(result.communities, (entry) => [entry.id, entry.before.phase, entry.after.phase, entry.transition])).toEqual([
      ['001', 'berdaya', 'mandiri', 'advanced'],
      ['002', 'graduated', 'mandiri', 'regressed'],
      ['003', 'mandiri', 'mandiri', 'unchanged'],
      ['006', 'berdaya', 'berdaya', 'unchanged'],
      ['007', 'berdaya', 'berdaya', 'unchanged'],
    ]);
    expect(community(result, '002').before.verdict).toBe('graduated');
    expect(result.phases).toEqual(['berdaya', 'mandiri', 'graduated']);
  });

  it('summarises counts, mean deltas over communities with both scores, and the transition matrix in phase order', () => {
    expect(result.summary).toEqual({
      matched: 5,
      advanced: 1,
      regressed: 1,
      unchanged: 3,
      regressions: 2,
      meanDelta: {
        // overall (31.25 − 6.25 + 0 + 6.25 + 0)/5; voice (37.5 + 0 − 12.5 + 12.5 + 0)/5; means (25 − 12.5 + 12.5 + 0)/4, 007 left out.
        overall: 6.25,
        principles: [
          { id: 'voice', delta: 7.5 },
          { id: 'means', delta: 6.25 },
        ],
      },
      transitions: [
        { from: 'berdaya', to: 'berdaya', count: 2 },
        { from: 'berdaya', to: 'mandiri', count: 1 },
        { from: 'mandiri', to: 'mandiri', count: 1 },
        { from: 'graduated', to: 'mandiri', count: 1 },
      ],
    });
    expect(result.rubricVersionsDiffer).toBe(false);
    expect(result.duplicates).toEqual([]);
  });
});

describe('the regression rule', () => {
  it('counts a phase that went back, and a fall of the overall score or any principle beyond the tolerance', () => {
    const result = diffDocuments(before, after);
    expect(community(result, '002').reasons).toEqual([
      { kind: 'phase', from: 'graduated', to: 'mandiri' },
      { kind: 'overall', delta: -6.25 },
      { kind: 'principle', id: 'means', delta: -12.5 },
    ]);
    // 003: the overall score holds at 56.25, but voice falls 62.5 → 50.
    expect(community(result, '003').reasons).toEqual([{ kind: 'principle', id: 'voice', delta: -12.5 }]);
    expect([...result.communities].filter((entry) => entry.regression).map((entry) => entry.id)).toEqual(['002', '003']);
  });

  it('takes "more than --tolerance points": a fall equal to the tolerance is not a regression', () => {
    const at = (tolerance: number) =>
      [...diffDocuments(before, after, { tolerance }).communities].filter((entry) => entry.regression).map((entry) => entry.id);
    expect(at(12)).toEqual(['002', '003']);
    expect(at(12.5)).toEqual(['002']);
    // A phase that went back is a regression whatever the tolerance.
    expect(at(100)).toEqual(['002']);
    expect(diffDocuments(before, after, { tolerance: 12.5 }).summary.regressions).toBe(1);
  });

  it('ignores float noise and null deltas', () => {
    expect(fallsBeyond(-1e-12, 0)).toBe(false);
    expect(fallsBeyond(-0.01, 0)).toBe(true);
    expect(fallsBeyond(null, 0)).toBe(false);
    expect(fallsBeyond(-5, 5)).toBe(false);
    expect(fallsBeyond(-5.01, 5)).toBe(true);
  });

  it('orders phases with graduated last', () => {
    const order = ['berdaya', 'mandiri', 'madani', 'graduated'];
    expect(transitionOf(order, 'madani', 'graduated')).toBe('advanced');
    expect(transitionOf(order, 'graduated', 'berdaya')).toBe('regressed');
    expect(transitionOf(order, 'mandiri', 'mandiri')).toBe('unchanged');
  });
});

describe('duplicates, detail and rubric versions', () => {
  it('keeps the first assessment of a community on a side and reports the others with both places', () => {
    const again = { ...doc('001', levels(0, 0, 0, 0), '2025'), file: '2025/alpha-again.yaml' };
    const result = diffDocuments(before, [...after, again]);
    expect(result.duplicates).toEqual([
      { side: 'after', id: '001', file: '2025/alpha-again.yaml', document: 0, first: { file: '2025/001.yaml', document: 0 } },
    ]);
    expect(community(result, '001').after.overall).toBe(68.75);
    expect(result.assessments.after).toBe(6);
  });

  it('lists, with detail, every indicator whose answer changed: a level, "na" or null when missing', () => {
    const result = diffDocuments(before, after, { detail: true });
    expect(community(result, '006').indicators).toEqual([
      { id: 'voice.women', before: null, after: 2 },
      { id: 'means.fund', before: 'na', after: 1 },
    ]);
    expect(community(result, '002').indicators).toEqual([{ id: 'means.fund', before: 3, after: 2 }]);
    expect([...diffDocuments(before, after).communities][0]?.indicators).toBeUndefined();
  });

  it('compares indicators on the ids both rubric versions share, and says the versions differ', () => {
    const next = { ...buildRubric({
      principles: [
        { id: 'voice', indicators: [{ id: 'voice.meetings', pillar: 'participation' }, { id: 'voice.women', pillar: 'participation' }, { id: 'voice.youth', pillar: 'participation' }] },
        { id: 'means', indicators: [{ id: 'means.savings', pillar: 'assets' }, { id: 'means.fund', pillar: 'governance', na: true }] },
      ],
      phases: [
        { id: 'berdaya', pillars: ['participation', 'assets'], exit: [{ each: 'pillar', min: 50 }] },
        { id: 'mandiri', pillars: ['governance'], exit: [{ each: 'pillar', min: 75 }] },
      ],
    }), version: '1.1.0' };
    const later = doc('001', { ...levels(3, 3, 3, 2), 'voice.youth': 4 }, '2025', next);
    const indicatorsByRubric = new Map([
      ['test@1.0.0', mini.indicators.map((indicator) => indicator.id)],
      ['test@1.1.0', next.indicators.map((indicator) => indicator.id)],
    ]);
    const result = diffDocuments([before[0]!], [later], { detail: true, indicatorsByRubric });
    expect(result.rubricVersionsDiffer).toBe(true);
    expect(result.rubrics).toEqual({ before: [{ id: 'test', version: '1.0.0' }], after: [{ id: 'test', version: '1.1.0' }] });
    expect(community(result, '001').indicators?.map((change) => change.id)).toEqual(['voice.meetings', 'voice.women', 'means.savings', 'means.fund']);
    // voice = (75 + 75 + 100)/3 = 83.33…; overall = (83.33… + 62.5)/2 = 72.916…
    expect(community(result, '001').after.overall).toBeCloseTo(72.9166667, 6);
  });
});

describe('JSON rounding', () => {
  const subject = (id: string, overall: number, period: string): DiffSubject => ({
    file: `${period}/${id}.yaml`,
    document: 0,
    id,
    name: id,
    period,
    layout: { rubric: { id: 'test', version: '1.0.0' }, principles: ['p'], pillars: [], phases: ['one'] },
    overall,
    scores: [overall],
    phase: 'one',
    verdict: 'not-ready',
  });

  it('rounds the delta of the full-precision scores, not the difference of the rounded ones', () => {
    // 10.006 and 10.014 both show as 10.01, yet the score rose by 0.008, shown as 0.01.
    const json = diffJson(diffSubjects([subject('x', 10.006, '2024')], [subject('x', 10.014, '2025')])) as {
      communities: { before: { overall: number }; after: { overall: number }; delta: { overall: number } }[];
    };
    const [entry] = json.communities;
    expect(entry?.before.overall).toBe(10.01);
    expect(entry?.after.overall).toBe(10.01);
    expect(entry?.delta.overall).toBe(0.01);
  });

  it('rounds a fall and a rise of the same size alike', () => {
    expect(roundDelta(2.125)).toBe(2.13);
    expect(roundDelta(-2.125)).toBe(-2.13);
    expect(Object.is(roundDelta(-0.001), 0)).toBe(true);
    expect(roundDelta(null)).toBeNull();
  });
});
