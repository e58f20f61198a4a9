import type { Assessment, Indicator, Rubric } from './model.js';
import type { CriterionResult, GateVerdict, PhaseStatus, ScoreResult, Verdict } from './result.js';
import {
  FOCUS_PER_CRITERION,
  TOLERANCE,
  areaFromSums,
  areaSums,
  criterionProgress,
  focusPriority,
  focusServed,
  indicatorScore,
  indicatorsOf,
  overallSums,
  rankByPriority,
  readinessSums,
  tagAreaTarget,
} from './scoring.js';
import type { AreaSums, OverallSums } from './scoring.js';
import { planSteps, type PathStep } from './path.js';

/** How one indicator was answered. */
export type AnswerState =
  | { readonly kind: 'level'; readonly level: number }
  | { readonly kind: 'na' }
  | { readonly kind: 'missing' };

/** One indicator's term in an area's sums. */
export interface IndicatorTerm {
  readonly id: string;
  readonly weight: number;
  readonly answer: AnswerState;
  /** `100 × level / max`; null unless answered with a level. */
  readonly score: number | null;
  /** `weight × score`; null unless answered with a level. */
  readonly weighted: number | null;
}

/**
 * An area (principle, pillar, tag or indicator alone) with every term:
 * `score = weightedSum / answeredWeight`, `coverage = coveredWeight / totalWeight`.
 */
export interface AreaExplanation extends AreaSums {
  /** `principle:ID`, `pillar:ID`, `tag:GROUP:VALUE` or `indicator:ID`. */
  readonly target: string;
  /** The id in the score output: `ID`, or `GROUP:VALUE` for a tag. */
  readonly id: string;
  /** In rubric order. */
  readonly indicators: readonly IndicatorTerm[];
  readonly score: number | null;
  readonly coverage: number;
}

export interface PillarExplanation extends AreaExplanation {
  readonly phase: string;
}

/** One principle's term in the overall sums. */
export interface PrincipleTerm {
  readonly id: string;
  readonly weight: number;
  readonly score: number | null;
  readonly coverage: number;
  /** `weight × score`; null when the principle has no score (and is left out of the score). */
  readonly weightedScore: number | null;
  readonly weightedCoverage: number;
}

/** `score = weightedScoreSum / scoredWeight`, `coverage = weightedCoverageSum / totalWeight`. */
export interface OverallExplanation extends OverallSums {
  readonly principles: readonly PrincipleTerm[];
  readonly score: number | null;
  readonly coverage: number;
  readonly band: string | null;
}

/** Why a criterion got its status. */
export type StatusReason =
  /** area: coverage < rubric coverage (within the tolerance) */
  | 'coverage-below-threshold'
  /** indicator: not answered */
  | 'missing'
  /** nothing in the target is answered with a level, everything covered is n/a */
  | 'not-applicable'
  /** value ≥ threshold − tolerance */
  | 'meets-threshold'
  | 'below-threshold';

/** An indicator considered for the action plan of a failing or unknown criterion. */
export interface FocusCandidate {
  readonly indicator: string;
  readonly weight: number;
  /** null when missing (counted as level 0 in the priority). */
  readonly level: number | null;
  readonly next: number;
  /** `weight × (max − level)`. */
  readonly priority: number;
  /** Among the top entries kept in the focus. */
  readonly kept: boolean;
}

/** Where a criterion's value and coverage come from. */
export type CriterionSource =
  /** the overall score: see `Explanation.overall` */
  | { readonly kind: 'overall' }
  | { readonly kind: 'area'; readonly area: AreaExplanation }
  /** a level criterion; `indicator` is null when the rubric has no such indicator */
  | { readonly kind: 'indicator'; readonly indicator: IndicatorTerm | null };

export interface CriterionExplanation {
  readonly result: CriterionResult;
  readonly reason: StatusReason;
  readonly source: CriterionSource;
  /** `min(1, max(0, v) / t)`, 1 when t = 0; null for `na` (left out of the index). */
  readonly progress: number | null;
  /**
   * Ordered by priority, rubric order on ties; empty unless the criterion fails or is unknown
   * (the focus lists a target once, so a second open criterion on the same target adds nothing).
   */
  readonly focus: readonly FocusCandidate[];
}

/** `index = 100 × progressSum / progressCount`, or 100 when `progressCount` is 0. */
export interface GateExplanation {
  readonly phase: string;
  readonly verdict: GateVerdict;
  readonly index: number;
  readonly progressSum: number;
  readonly progressCount: number;
  readonly criteria: readonly CriterionExplanation[];
}

export interface Explanation {
  readonly maxLevel: number;
  /** The rubric's `coverage`: the share of an area's weight needed to decide a criterion. */
  readonly coverageThreshold: number;
  readonly tolerance: number;
  readonly overall: OverallExplanation;
  readonly principles: readonly AreaExplanation[];
  readonly pillars: readonly PillarExplanation[];
  readonly tags: readonly AreaExplanation[];
  /** Every gate's verdict in rubric order: the attained phase is the first that is not ready. */
  readonly gates: readonly { readonly phase: string; readonly verdict: GateVerdict; readonly index: number }[];
  readonly phase: PhaseStatus;
  readonly verdict: Verdict;
  /** The reported gate (the current phase's); null when the current phase is `graduated`. */
  readonly gate: GateExplanation | null;
  /** The path's one-level steps in the order chosen, with the gap each closed (docs/path.md). */
  readonly path: readonly PathStep[];
}

function answerState(assessment: Assessment, indicator: Indicator): AnswerState {
  const answer = assessment.answers.get(indicator.id);
  if (answer === undefined) return { kind: 'missing' };
  if (answer.kind === 'na') return { kind: 'na' };
  return { kind: 'level', level: answer.level };
}

function indicatorTerm(rubric: Rubric, assessment: Assessment, indicator: Indicator): IndicatorTerm {
  const answer = answerState(assessment, indicator);
  const score = answer.kind === 'level' ? indicatorScore(answer.level, rubric.maxLevel) : null;
  return {
    id: indicator.id,
    weight: indicator.weight,
    answer,
    score,
    weighted: score === null ? null : indicator.weight * score,
  };
}

function areaExplanation(rubric: Rubric, assessment: Assessment, target: string, id: string): AreaExplanation {
  const indicators = indicatorsOf(rubric, target);
  const sums = areaSums(rubric, assessment, indicators);
  return {
    target,
    id,
    indicators: indicators.map((indicator) => indicatorTerm(rubric, assessment, indicator)),
    ...sums,
    ...areaFromSums(sums),
  };
}

function statusReason(result: CriterionResult): StatusReason {
  switch (result.status) {
    case 'unknown':
      return result.kind === 'level' ? 'missing' : 'coverage-below-threshold';
    case 'na':
      return 'not-applicable';
    case 'pass':
      return 'meets-threshold';
    case 'fail':
      return 'below-threshold';
  }
}

function focusCandidates(rubric: Rubric, assessment: Assessment, target: string, keep: boolean): FocusCandidate[] {
  const max = rubric.maxLevel;
  const ranked: Omit<FocusCandidate, 'kept'>[] = [];
  for (const indicator of indicatorsOf(rubric, target)) {
    const answer = answerState(assessment, indicator);
    const level = answer.kind === 'level' ? answer.level : null;
    const priority = focusPriority(indicator.weight, answer.kind === 'level' ? answer.level : answer.kind, max);
    if (priority === null) continue;
    ranked.push({ indicator: indicator.id, weight: indicator.weight, level, next: (level ?? 0) + 1, priority });
  }
  return rankByPriority(ranked).map((candidate, i) => ({ ...candidate, kept: keep && i < FOCUS_PER_CRITERION }));
}

function criterionSource(
  rubric: Rubric,
  assessment: Assessment,
  criterion: Pick<CriterionResult, 'kind' | 'target'>,
  areas: ReadonlyMap<string, AreaExplanation>,
): CriterionSource {
  if (criterion.kind === 'level') {
    const indicator = indicatorsOf(rubric, criterion.target)[0];
    return { kind: 'indicator', indicator: indicator === undefined ? null : indicatorTerm(rubric, assessment, indicator) };
  }
  if (criterion.target === 'overall') return { kind: 'overall' };
  const area = areas.get(criterion.target) ?? areaExplanation(rubric, assessment, criterion.target, criterion.target);
  return { kind: 'area', area };
}

/**
 * How every number of `result` was derived, as plain data for a renderer.
 * `result` must be `scoreAssessment(rubric, assessment)`.
 */
export function explainResult(rubric: Rubric, assessment: Assessment, result: ScoreResult): Explanation {
  const principles = rubric.principles.map((p) => areaExplanation(rubric, assessment, `principle:${p.id}`, p.id));
  const pillars: PillarExplanation[] = result.pillars.map((pillar) => ({
    ...areaExplanation(rubric, assessment, `pillar:${pillar.id}`, pillar.id),
    phase: pillar.phase,
  }));
  const tags = result.tags.map((tag) => areaExplanation(rubric, assessment, tagAreaTarget(tag.id), tag.id));
  const areas = new Map<string, AreaExplanation>();
  for (const area of [...principles, ...pillars, ...tags]) areas.set(area.target, area);

  const principleTerms: PrincipleTerm[] = rubric.principles.map((p, i) => {
    const area = principles[i];
    const score = area?.score ?? null;
    const coverage = area?.coverage ?? 0;
    return {
      id: p.id,
      weight: p.weight,
      score,
      coverage,
      weightedScore: score === null ? null : p.weight * score,
      weightedCoverage: p.weight * coverage,
    };
  });
  const overall: OverallExplanation = {
    principles: principleTerms,
    ...overallSums(principleTerms),
    score: result.overall.score,
    coverage: result.overall.coverage,
    band: result.overall.band,
  };

  const reported = result.gates.find((gate) => gate.phase === result.phase.current);
  let gate: GateExplanation | null = null;
  if (reported !== undefined) {
    const served = focusServed(reported.criteria);
    const criteria = reported.criteria.map((criterion, at): CriterionExplanation => {
      const open = criterion.status === 'fail' || criterion.status === 'unknown';
      return {
        result: criterion,
        reason: statusReason(criterion),
        source: criterionSource(rubric, assessment, criterion, areas),
        progress: criterionProgress(criterion),
        focus: open ? focusCandidates(rubric, assessment, criterion.target, served[at] === true) : [],
      };
    });
    const { sum: progressSum, count: progressCount } = readinessSums(reported.criteria);
    gate = { phase: reported.phase, verdict: reported.verdict, index: reported.index, progressSum, progressCount, criteria };
  }

  return {
    maxLevel: rubric.maxLevel,
    coverageThreshold: rubric.coverage,
    tolerance: TOLERANCE,
    overall,
    principles,
    pillars,
    tags,
    gates: result.gates.map(({ phase: id, verdict, index }) => ({ phase: id, verdict, index })),
    phase: result.phase,
    verdict: result.readiness.verdict,
    gate,
    path: result.readiness.path === null ? [] : planSteps(rubric, assessment, result.readiness.path.phase).steps,
  };
}
