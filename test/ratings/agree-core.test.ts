import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeAgreement, groupRatings, type Rating } from '../../src/core/agree.js';
import { draftConsensus, mergeAnswers } from '../../src/core/consensus.js';
import type { Answer } from '../../src/core/model.js';
import { loadAssessmentFile } from '../../src/io/assessment-loader.js';
import { RubricFinder } from '../../src/io/rubric-finder.js';
import { pairwiseAlpha } from './pairwise-alpha.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = 'test/fixtures/ratings';

async function ratingsOf(files: string[]): Promise<Rating[]> {
  const finder = new RubricFinder({ cwd: root, searchPath: undefined, inputRubrics: [] });
  const ratings: Rating[] = [];
  for (const file of files) {
    const { assessments, findings } = await loadAssessmentFile(file, finder, { cwd: root, rubricOverride: 'test/fixtures/rubrics/tiny' });
    expect(findings).toEqual([]);
    for (const loaded of assessments) ratings.push({ rater: loaded.assessment.rater!, file, document: loaded.document, assessment: loaded.assessment, rubric: loaded.rubric });
  }
  return ratings;
}

const pair = ['satu.ani', 'satu.budi', 'dua.ani', 'dua.budi'].map((name) => `${fixtures}/pair/${name}.yaml`);

// The units of pair/ (ani, budi), n/a and missing left out:
// 0001 a1 (2,2), b1 (0,2), b2 (2,1) [a2: budi n/a]; 0002 a1 (1,1), a2 (1,2), b1 (1,1) [b2: budi missing].
const UNITS = [[2, 2], [0, 2], [2, 1], [1, 1], [1, 2], [1, 1]];

describe('computeAgreement', () => {
  it('groups by community and period, raters sorted, and lists each indicator most spread first', async () => {
    const report = computeAgreement(groupRatings(await ratingsOf([...pair].reverse())));
    expect(report.groups.map((group) => [group.community.id, group.period, group.raters])).toEqual([
      ['0001', '2025', ['ani', 'budi']],
      ['0002', '2025', ['ani', 'budi']],
    ]);
    const [satu] = report.groups;
    expect(satu!.indicators).toEqual([
      { indicator: 'b1', principle: 'beta', levels: { ani: 0, budi: 2 }, spread: 2, flagged: true },
      { indicator: 'b2', principle: 'beta', levels: { ani: 2, budi: 1 }, spread: 1, flagged: false },
      { indicator: 'a1', principle: 'alpha', levels: { ani: 2, budi: 2 }, spread: 0, flagged: false },
      { indicator: 'a2', principle: 'alpha', levels: { ani: 1, budi: 'na' }, spread: null, flagged: false },
    ]);
    expect(satu!.flagged.map((row) => row.indicator)).toEqual(['b1']);
    expect(report.groups[1]!.indicators.find((row) => row.indicator === 'b2')!.levels).toEqual({ ani: 0, budi: null });
  });

  it('alpha overall, per principle, per group and per pair, and kappa, match independent calculations', async () => {
    const report = computeAgreement(groupRatings(await ratingsOf(pair)));
    expect(report.alpha.units).toBe(6);
    expect(report.alpha.values).toBe(12);
    expect(report.alpha.overall).toBeCloseTo(pairwiseAlpha(UNITS, 'ordinal'), 12);
    expect(report.alpha.overall!.toFixed(4)).toBe('-0.1230');
    expect(report.alpha.principles.map((entry) => [entry.id, entry.alpha?.toFixed(4), entry.units])).toEqual([
      ['alpha', pairwiseAlpha([[2, 2], [1, 1], [1, 2]], 'ordinal').toFixed(4), 3],
      ['beta', pairwiseAlpha([[0, 2], [2, 1], [1, 1]], 'ordinal').toFixed(4), 3],
    ]);
    expect(report.alpha.principles.map((entry) => entry.alpha!.toFixed(4))).toEqual(['0.4444', '-0.4722']);
    expect(report.groups.map((group) => group.alpha!.toFixed(4))).toEqual(['-0.2333', '0.0000']);
    expect(report.pairs).toEqual([{ raters: ['ani', 'budi'], alpha: report.alpha.overall, units: 6 }]);
    // Kappa by hand, ani first: pairs (2,2) (0,2) (2,1) (1,1) (1,2) (1,1); Σ(a − b)² = 0+4+1+0+1+0 = 6.
    // Cross pairs: ani levels 2,0,2,1,1,1 against budi levels 2,2,1,1,2,1: Σ_i Σ_j (a_i − b_j)² = 30, / 6 = 5.
    // kappa = 1 − 6/5 = −0.2 (the (max − min)² of the weights cancels).
    expect(report.kappa).toBeCloseTo(-0.2, 12);
    expect(report.kappaUnits).toBe(6);
  });

  it('a third rater: no kappa, alpha per pair over the units each pair shares', async () => {
    const report = computeAgreement(groupRatings(await ratingsOf([...pair, `${fixtures}/trio/satu.citra.yaml`])), { flag: 1 });
    expect(report.kappa).toBeNull();
    expect(report.groups[0]!.raters).toEqual(['ani', 'budi', 'citra']);
    expect(report.alpha.overall).toBeCloseTo(pairwiseAlpha([[2, 2, 1], [0, 2, 1], [2, 1, 2], [1, 1], [1, 2], [1, 1]], 'ordinal'), 12);
    expect(report.pairs.map((entry) => [entry.raters.join('+'), entry.alpha!.toFixed(4), entry.units])).toEqual([
      ['ani+budi', '-0.1230', 6],
      ['ani+citra', pairwiseAlpha([[2, 1], [0, 1], [2, 2]], 'ordinal').toFixed(4), 3],
      ['budi+citra', pairwiseAlpha([[2, 1], [2, 1], [1, 2]], 'ordinal').toFixed(4), 3],
    ]);
    // --flag 1: every indicator with any disagreement is flagged.
    expect(report.groups[0]!.flagged.map((row) => [row.indicator, row.spread])).toEqual([
      ['b1', 2],
      ['a1', 1],
      ['b2', 1],
    ]);
  });
});

const level = (value: number, note?: string, evidence?: string[]): Answer => ({ kind: 'level', level: value, note, evidence });
const na = (reason: string): Answer => ({ kind: 'na', reason });

describe('mergeAnswers', () => {
  it('takes the median, the lower middle one for an even count, and lists every rater in the note', () => {
    expect(mergeAnswers([{ rater: 'a', answer: level(3) }, { rater: 'b', answer: level(1) }, { rater: 'c', answer: level(4) }])).toEqual({
      answer: { kind: 'level', level: 3, note: 'a: 3; b: 1; c: 4' },
      spread: 3,
    });
    expect(mergeAnswers([{ rater: 'a', answer: level(3, 'good minutes') }, { rater: 'b', answer: level(1) }]).answer).toEqual({
      kind: 'level',
      level: 1,
      note: 'a: 3 — good minutes; b: 1',
    });
    expect(mergeAnswers([1, 2, 3, 4].map((value, index) => ({ rater: `r${index}`, answer: level(value) }))).answer).toMatchObject({ level: 2 });
  });

  it('n/a only when every rater chose it (reasons joined); otherwise the levels given, or missing', () => {
    expect(mergeAnswers([{ rater: 'a', answer: na('no forum') }, { rater: 'b', answer: na('no forum meets') }])).toEqual({
      answer: { kind: 'na', reason: 'no forum / no forum meets', note: 'a: n/a — no forum; b: n/a — no forum meets' },
      spread: null,
    });
    expect(mergeAnswers([{ rater: 'a', answer: na('x') }, { rater: 'b', answer: na('x') }]).answer).toMatchObject({ reason: 'x' });
    expect(mergeAnswers([{ rater: 'a', answer: na('no forum') }, { rater: 'b', answer: level(2) }]).answer).toMatchObject({ kind: 'level', level: 2 });
    expect(mergeAnswers([{ rater: 'a', answer: na('no forum') }, { rater: 'b', answer: undefined }])).toEqual({ answer: undefined, spread: null });
    expect(mergeAnswers([{ rater: 'a', answer: undefined }, { rater: 'b', answer: level(2) }]).answer).toEqual({ kind: 'level', level: 2, note: 'a: —; b: 2' });
  });

  it('pools the evidence without repeats', () => {
    const merged = mergeAnswers([{ rater: 'a', answer: level(2, undefined, ['minutes', 'photos']) }, { rater: 'b', answer: level(2, undefined, ['minutes']) }]);
    expect(merged.answer).toMatchObject({ evidence: ['minutes', 'photos'] });
  });
});

describe('draftConsensus', () => {
  it('merges a group: header from the ratings, phase dropped when the raters differ, flagged answers marked', async () => {
    const [satu] = groupRatings(await ratingsOf(pair));
    const draft = draftConsensus(satu!);
    expect(draft).toMatchObject({
      rubric: 'tiny@1.0.0',
      community: { id: '0001', name: 'Desa Satu', region: 'North' },
      period: '2025',
      assessed: '2025-03-04',
      assessors: ['ani', 'budi'],
      rater: 'consensus',
      phase: undefined,
      phaseDisagreement: { ani: 'one', budi: 'two' },
    });
    expect(draft.answers.map((answer) => [answer.indicator, answer.answer.kind === 'level' ? answer.answer.level : 'na', answer.spread, answer.flagged, answer.naDisputed])).toEqual([
      ['a1', 2, 0, false, false],
      ['a2', 1, null, false, true],
      ['b1', 0, 2, true, false],
      ['b2', 1, 1, false, false],
    ]);
    expect(draft.answers[1]!.answer.note).toBe('ani: 1 — half done; budi: n/a — no such programme here');
  });
});
