import { GRADUATED } from './model.js';
import { pathToReady } from './path.js';
import { answerTable, indexOf, indicatorScore, MISSING, NA, RATED, TOLERANCE, type AnswerTable, type CompiledCriterion, type RubricIndex } from './rubric-index.js';
import type { Assessment, Criterion, Indicator, Rubric, Text } from './model.js';
import type {
  AreaScore,
  CriterionResult,
  CriterionStatus,
  FocusItem,
  GateResult,
  GateVerdict,
  PhaseStatus,
  PillarScore,
  ScoreResult,
} from './result.js';

export { indicatorScore, indicatorsOf, parseTarget, tagAreaTarget, TOLERANCE, type Target } from './rubric-index.js';

/** How many focus entries each failing or unknown criterion contributes (docs/scoring.md#focus). */
export const FOCUS_PER_CRITERION = 3;


/** The answers of `assessment` by the index's rubric positions. */
function answersByPosition(index: RubricIndex, assessment: Assessment): AnswerTable {
  return answerTable(index.position, index.weights.length, assessment);
}

/** The sums behind an area's score and coverage (docs/scoring.md#areas). */
export interface AreaSums {
  /** Σ w·s over the indicators answered with a level. */
  readonly weightedSum: number;
  /** Σ w over the indicators answered with a level: the score's denominator. */
  readonly answeredWeight: number;
  /** Σ w over the indicators answered with a level or n/a. */
  readonly coveredWeight: number;
  /** Σ w over every indicator of the area: the coverage's denominator. */
  readonly totalWeight: number;
}

function sumArea(indices: readonly number[], index: RubricIndex, table: AnswerTable): AreaSums {
  let weightedSum = 0;
  let answeredWeight = 0;
  let coveredWeight = 0;
  let totalWeight = 0;
  const { weights, max } = index;
  for (const i of indices) {
    const w = weights[i] ?? 0;
    totalWeight += w;
    const state = table.state[i];
    if (state === MISSING) continue;
    coveredWeight += w;
    if (state === RATED) {
      answeredWeight += w;
      weightedSum += w * indicatorScore(table.level[i] ?? 0, max);
    }
  }
  return { weightedSum, answeredWeight, coveredWeight, totalWeight };
}

/** Score and coverage from an area's sums; a zero-weight area has score null and coverage 0. */
export function areaFromSums(sums: AreaSums): { score: number | null; coverage: number } {
  return {
    score: sums.answeredWeight > 0 ? sums.weightedSum / sums.answeredWeight : null,
    coverage: sums.totalWeight > 0 ? sums.coveredWeight / sums.totalWeight : 0,
  };
}

function positionsOf(index: RubricIndex, indicators: readonly Indicator[]): number[] {
  const positions: number[] = [];
  for (const indicator of indicators) {
    const at = index.position.get(indicator.id);
    if (at !== undefined) positions.push(at);
  }
  return positions;
}

/** The sums of docs/scoring.md#areas for any set of the rubric's indicators. */
export function areaSums(rubric: Rubric, assessment: Assessment, indicators: readonly Indicator[]): AreaSums {
  const index = indexOf(rubric);
  return sumArea(positionsOf(index, indicators), index, answersByPosition(index, assessment));
}

/** Score and coverage of an area (docs/scoring.md#areas). */
export function areaScore(
  rubric: Rubric,
  assessment: Assessment,
  indicators: readonly Indicator[],
): { score: number | null; coverage: number } {
  return areaFromSums(areaSums(rubric, assessment, indicators));
}

/** The sums behind the overall score and coverage (docs/scoring.md#overall). */
export interface OverallSums {
  /** Σ W·score over the principles whose score is not null. */
  readonly weightedScoreSum: number;
  /** Σ W over the principles whose score is not null: the score's denominator. */
  readonly scoredWeight: number;
  /** Σ W·coverage over every principle. */
  readonly weightedCoverageSum: number;
  /** Σ W over every principle: the coverage's denominator. */
  readonly totalWeight: number;
}

export function overallSums(
  principles: readonly { readonly weight: number; readonly score: number | null; readonly coverage: number }[],
): OverallSums {
  let weightedScoreSum = 0;
  let scoredWeight = 0;
  let weightedCoverageSum = 0;
  let totalWeight = 0;
  for (const { weight, score, coverage } of principles) {
    totalWeight += weight;
    weightedCoverageSum += weight * coverage;
    if (score !== null) {
      weightedScoreSum += weight * score;
      scoredWeight += weight;
    }
  }
  return { weightedScoreSum, scoredWeight, weightedCoverageSum, totalWeight };
}

/** Overall score (null when no principle has a score) and coverage (docs/scoring.md#overall). */
export function overallFromSums(sums: OverallSums): { score: number | null; coverage: number } {
  return {
    score: sums.scoredWeight > 0 ? sums.weightedScoreSum / sums.scoredWeight : null,
    coverage: sums.totalWeight > 0 ? sums.weightedCoverageSum / sums.totalWeight : 0,
  };
}

/** Status of an area criterion (docs/scoring.md#criteria); `coverageThreshold` is the rubric's `coverage`. */
export function areaStatus(
  value: number | null,
  coverage: number,
  threshold: number,
  coverageThreshold: number,
): CriterionStatus {
  // The tolerance keeps float noise (0.7 + 0.1 < 0.8) from leaving an area undecided.
  if (coverage < coverageThreshold - TOLERANCE) return 'unknown';
  if (value === null) return 'na';
  return value >= threshold - TOLERANCE ? 'pass' : 'fail';
}

/** Status of a level criterion: unknown when missing, na when answered n/a (docs/scoring.md#criteria). */
export function levelStatus(answer: 'missing' | 'na' | number, threshold: number): CriterionStatus {
  if (answer === 'missing') return 'unknown';
  if (answer === 'na') return 'na';
  return answer >= threshold - TOLERANCE ? 'pass' : 'fail';
}

function criterionResult(
  criterion: Criterion,
  value: number | null,
  coverage: number,
  status: CriterionStatus,
): CriterionResult {
  const threshold = criterion.kind === 'area' ? criterion.min : criterion.level;
  const gap = status === 'fail' && value !== null ? threshold - value : 0;
  return { target: criterion.target, kind: criterion.kind, threshold, value, coverage, status, gap };
}

/** `not-ready` on any fail, else `insufficient-evidence` on any unknown, else `ready` (docs/scoring.md#gate-verdict). */
export function gateVerdict(criteria: readonly { readonly status: CriterionStatus }[]): GateVerdict {
  let unknown = false;
  for (const { status } of criteria) {
    if (status === 'fail') return 'not-ready';
    if (status === 'unknown') unknown = true;
  }
  return unknown ? 'insufficient-evidence' : 'ready';
}

/** A criterion's progress `min(1, max(0, v) / t)`, 1 when `t = 0`; null for `na` (docs/scoring.md#readiness-index). */
export function criterionProgress(criterion: Pick<CriterionResult, 'status' | 'value' | 'threshold'>): number | null {
  if (criterion.status === 'na') return null;
  if (criterion.threshold === 0) return 1;
  return Math.min(1, Math.max(0, criterion.value ?? 0) / criterion.threshold);
}

/** The progress of the criteria that are not `na`, summed and counted: the terms of the readiness index. */
export function readinessSums(criteria: readonly Pick<CriterionResult, 'status' | 'value' | 'threshold'>[]): { readonly sum: number; readonly count: number } {
  let sum = 0;
  let count = 0;
  for (const criterion of criteria) {
    const progress = criterionProgress(criterion);
    if (progress === null) continue;
    sum += progress;
    count += 1;
  }
  return { sum, count };
}

/** `100 × mean(progress)` over the criteria that are not `na`; 100 when there are none (docs/scoring.md#readiness-index). */
export function readinessIndex(criteria: readonly Pick<CriterionResult, 'status' | 'value' | 'threshold'>[]): number {
  const { sum, count } = readinessSums(criteria);
  return count === 0 ? 100 : (100 * sum) / count;
}

/**
 * Which criteria of a gate feed the action plan: those that fail or are unknown, each target once
 * (two open criteria on one target, say min 50 and min 60, would list the same steps twice).
 */
export function focusServed(criteria: readonly Pick<CriterionResult, 'target' | 'status'>[]): boolean[] {
  const served = new Set<string>();
  return criteria.map(({ target, status }) => {
    if ((status !== 'fail' && status !== 'unknown') || served.has(target)) return false;
    served.add(target);
    return true;
  });
}

/**
 * An indicator's claim on the action plan (docs/scoring.md#focus): `weight × (max − level)`, a
 * missing indicator counting as level 0; null when it has nothing left to gain (n/a, or at max).
 */
export function focusPriority(weight: number, answer: number | 'na' | 'missing', max: number): number | null {
  if (answer === 'na' || (answer !== 'missing' && answer >= max)) return null;
  return weight * (max - (answer === 'missing' ? 0 : answer));
}

/** Candidates highest priority first; the given (rubric) order breaks ties, the sort being stable. */
export function rankByPriority<T extends { readonly priority: number }>(candidates: T[]): T[] {
  return candidates.sort((a, b) => b.priority - a.priority);
}

/** Position of a phase in rubric order, `graduated` after every phase; -1 when unknown. */
export function phasePosition(rubric: Rubric, phase: string): number {
  if (phase === GRADUATED) return rubric.phases.length;
  return indexOf(rubric).phasePosition.get(phase) ?? -1;
}

/** The phase after `phase`: `graduated` after the last, null after `graduated` (docs/scoring.md#phases). */
export function nextPhase(rubric: Rubric, phase: string): string | null {
  if (phase === GRADUATED) return null;
  const at = phasePosition(rubric, phase);
  return rubric.phases[at + 1]?.id ?? GRADUATED;
}

/** The first phase whose gate is not ready, or `graduated` (docs/scoring.md#phases). */
export function attainedPhase(gates: readonly Pick<GateResult, 'phase' | 'verdict'>[]): string {
  return gates.find((gate) => gate.verdict !== 'ready')?.phase ?? GRADUATED;
}

/**
 * Declared, attained, current and next phase (docs/scoring.md#phases). A declared phase the rubric does
 * not know (the loader should reject it) is reported but ignored: current falls back to attained.
 */
export function phaseStatus(rubric: Rubric, declared: string | undefined, attained: string): PhaseStatus {
  const declaredAt = declared === undefined ? -1 : phasePosition(rubric, declared);
  const current = declared !== undefined && declaredAt >= 0 ? declared : attained;
  return {
    declared: declared ?? null,
    attained,
    current,
    next: nextPhase(rubric, current),
    mismatch: declaredAt >= 0 && declaredAt > phasePosition(rubric, attained),
  };
}

/** The last band whose lower bound the score meets: `min` inclusive, `above` exclusive (docs/scoring.md#bands). */
export function bandOf(rubric: Rubric, score: number | null): string | null {
  if (score === null) return null;
  let band: string | null = null;
  for (const candidate of rubric.bands) {
    // The tolerance treats a score within float noise of a bound as equal to it.
    const meets =
      candidate.min !== undefined
        ? score >= candidate.min - TOLERANCE
        : candidate.above !== undefined && score > candidate.above + TOLERANCE;
    if (meets) band = candidate.id;
  }
  return band;
}

/** Scores one assessment; every area it needs is computed once. */
class Scorer {
  readonly index: RubricIndex;
  readonly table: AnswerTable;
  readonly areas = new Map<readonly number[], { score: number | null; coverage: number }>();
  overall: { score: number | null; coverage: number } = { score: null, coverage: 0 };

  constructor(
    readonly rubric: Rubric,
    assessment: Assessment,
  ) {
    this.index = indexOf(rubric);
    this.table = answersByPosition(this.index, assessment);
  }

  area(indices: readonly number[]): { score: number | null; coverage: number } {
    let area = this.areas.get(indices);
    if (area === undefined) {
      area = areaFromSums(sumArea(indices, this.index, this.table));
      this.areas.set(indices, area);
    }
    return area;
  }

  criterion({ criterion, target }: CompiledCriterion): CriterionResult {
    const threshold = criterion.kind === 'area' ? criterion.min : criterion.level;
    if (target.kind === 'indicator') {
      const state = target.position < 0 ? MISSING : this.table.state[target.position];
      if (state === RATED) {
        const level = this.table.level[target.position] ?? 0;
        return criterionResult(criterion, level, 1, levelStatus(level, threshold));
      }
      if (state === NA) return criterionResult(criterion, null, 1, 'na');
      return criterionResult(criterion, null, 0, 'unknown');
    }
    const { score, coverage } = target.kind === 'overall' ? this.overall : this.area(target.indices);
    return criterionResult(criterion, score, coverage, areaStatus(score, coverage, threshold, this.rubric.coverage));
  }

  gate(phase: string, compiled: readonly CompiledCriterion[]): GateResult {
    const criteria = compiled.map((c) => this.criterion(c));
    return { phase, verdict: gateVerdict(criteria), index: readinessIndex(criteria), criteria };
  }

  focus(compiled: readonly CompiledCriterion[], results: readonly CriterionResult[]): FocusItem[] {
    const focus: FocusItem[] = [];
    const served = focusServed(results);
    compiled.forEach(({ criterion, target }, at) => {
      if (!served[at]) return;
      for (const i of focusCandidates(target.indices, this.index, this.table)) {
        const indicator = this.rubric.indicators[i];
        if (indicator === undefined) continue;
        const level = this.table.state[i] === RATED ? (this.table.level[i] ?? 0) : null;
        const next = (level ?? 0) + 1;
        focus.push({ criterion: criterion.target, indicator: indicator.id, level, next, action: descriptor(indicator, next) });
      }
    });
    return focus;
  }
}

function descriptor(indicator: Indicator, level: number): Text {
  return indicator.levels[level] ?? '';
}

/**
 * Top focus positions of a target: ranked by `focusPriority`, the first FOCUS_PER_CRITERION kept,
 * in rankByPriority's order (a stable sort: rubric order on ties). Each candidate is inserted
 * after the equal priorities among the few kept, so the whole list is never sorted.
 */
function focusCandidates(indices: readonly number[], index: RubricIndex, table: AnswerTable): number[] {
  const top: { at: number; priority: number }[] = [];
  for (const at of indices) {
    const state = table.state[at];
    const answer = state === NA ? 'na' : state === RATED ? (table.level[at] ?? 0) : 'missing';
    const priority = focusPriority(index.weights[at] ?? 0, answer, index.max);
    if (priority === null) continue;
    let slot = top.length;
    while (slot > 0 && top[slot - 1]!.priority < priority) slot -= 1;
    if (slot >= FOCUS_PER_CRITERION) continue;
    top.splice(slot, 0, { at, priority });
    if (top.length > FOCUS_PER_CRITERION) top.pop();
  }
  return top.map((entry) => entry.at);
}

/** What a caller needs beyond the scores: `path: false` skips the search of docs/path.md. */
export interface ScoreOptions {
  readonly path?: boolean;
}

/**
 * Everything in docs/scoring.md for one assessment. Pure; full precision. The path search is the
 * costliest part, so outputs that never show it (diff, trend) ask for `{ path: false }`.
 */
export function scoreAssessment(rubric: Rubric, assessment: Assessment, options: ScoreOptions = {}): ScoreResult {
  const scorer = new Scorer(rubric, assessment);
  const { index } = scorer;

  const principleWeights: { weight: number; score: number | null; coverage: number }[] = [];
  const principles: AreaScore[] = index.principles.map(({ id, weight, indices }) => {
    const area = scorer.area(indices);
    principleWeights.push({ weight, ...area });
    return { id, ...area };
  });
  const pillars: PillarScore[] = index.pillars.map(({ id, phase, indices }) => ({ id, phase, ...scorer.area(indices) }));
  const tags: AreaScore[] = index.tags.map(({ id, indices }) => ({ id, ...scorer.area(indices) }));
  scorer.overall = overallFromSums(overallSums(principleWeights));

  const gates = rubric.phases.map((phase, i) => scorer.gate(phase.id, index.gates[i] ?? []));
  const phase = phaseStatus(rubric, assessment.phase, attainedPhase(gates));

  let readiness: ScoreResult['readiness'];
  const at = phasePosition(rubric, phase.current);
  const gate = gates[at];
  if (phase.current === GRADUATED || gate === undefined) {
    readiness = { verdict: 'graduated', index: 100, criteria: [], focus: [], path: null };
  } else {
    readiness = {
      verdict: gate.verdict,
      index: gate.index,
      criteria: gate.criteria,
      focus: scorer.focus(index.gates[at] ?? [], gate.criteria),
      path: options.path === false ? null : pathToReady(rubric, assessment, gate.phase),
    };
  }

  return {
    rubric: { id: rubric.id, version: rubric.version },
    community: assessment.community,
    period: assessment.period,
    overall: { ...scorer.overall, band: bandOf(rubric, scorer.overall.score) },
    principles,
    pillars,
    tags,
    phase,
    readiness,
    gates,
  };
}
