import type { Assessment, Criterion, Indicator, Rubric, Text } from './model.js';
import { answerTable, MISSING, NA, RATED, TOLERANCE, indicatorScore, indicatorsOf, parseTarget, type AnswerTable } from './rubric-index.js';

/**
 * The path to the next phase (docs/path.md): the fewest one-level steps a greedy search finds
 * that make every criterion of a gate pass.
 *
 * A step raises one indicator by one level; an unanswered indicator's step is "assess it and
 * reach level 1". Steps are chosen by the share of the gate's gaps they close (the same
 * normalisation as the readiness index: a gap counts relative to its threshold), ties broken
 * by the heavier indicator, then by id. n/a answers are never changed.
 */

/** One indicator of the path, listed once, with every criterion its steps move. */
export interface PathItem {
  readonly indicator: string;
  /** null when the indicator is not answered yet. */
  readonly from: number | null;
  readonly to: number;
  /** The descriptor of level `to`: what the community has to reach. */
  readonly action: Text;
  /** Targets of the gate's criteria whose gap these steps close, in gate order. */
  readonly criteria: readonly string[];
}

export interface PathToReady {
  /** The phase whose exit gate the path passes. */
  readonly phase: string;
  /** One-level steps in the path: "steps to ready" when nothing is blocked. */
  readonly steps: number;
  /** In the order the steps were first chosen. */
  readonly items: readonly PathItem[];
  /**
   * Targets of criteria that no step can make pass (a threshold above what the scale allows,
   * an indicator the rubric lacks, an area without weight); the path passes all the others.
   */
  readonly blocked: readonly string[];
  /** How many items start from an unanswered indicator (assessing it may shorten the path). */
  readonly unanswered: number;
}

/** One chosen one-level step, in order, with how much of the gate's gaps it closed. */
export interface PathStep {
  readonly indicator: string;
  readonly from: number | null;
  readonly to: number;
  /** Decrease of the sum of relative gaps over the criteria that are not blocked. */
  readonly gain: number;
  readonly criteria: readonly string[];
}


type CompiledCriterion =
  | { readonly kind: 'overall'; readonly target: string; readonly threshold: number }
  | { readonly kind: 'area'; readonly target: string; readonly threshold: number; readonly indices: readonly number[] }
  /** `position` is -1 when the rubric has no such indicator. */
  | { readonly kind: 'level'; readonly target: string; readonly threshold: number; readonly position: number };

interface Layout {
  readonly indicators: readonly Indicator[];
  readonly position: ReadonlyMap<string, number>;
  readonly weights: Float64Array;
  readonly principleOf: Int32Array;
  readonly principles: readonly { readonly weight: number; readonly indices: readonly number[] }[];
  readonly gates: ReadonlyMap<string, readonly CompiledCriterion[]>;
  /** For each gate, for each indicator: the criteria (by position in the gate) that read it. */
  readonly readers: ReadonlyMap<string, readonly (readonly number[])[]>;
}

const layouts = new WeakMap<Rubric, Layout>();

function compile(rubric: Rubric): Layout {
  const indicators = rubric.indicators;
  const position = new Map(indicators.map((indicator, i) => [indicator.id, i]));
  const positionsOf = (target: string): number[] =>
    indicatorsOf(rubric, target).map((indicator) => position.get(indicator.id) ?? -1).filter((i) => i >= 0);
  const principleIds = rubric.principles.map((p) => p.id);
  const principleOf = new Int32Array(indicators.length);
  indicators.forEach((indicator, i) => (principleOf[i] = principleIds.indexOf(indicator.principle)));
  const gates = new Map<string, CompiledCriterion[]>();
  const readers = new Map<string, number[][]>();
  for (const phase of rubric.phases) {
    const compiled = phase.exit.map((criterion: Criterion): CompiledCriterion => {
      if (criterion.kind === 'level') {
        const parsed = parseTarget(criterion.target);
        const at = parsed?.kind === 'indicator' ? (position.get(parsed.id) ?? -1) : -1;
        return { kind: 'level', target: criterion.target, threshold: criterion.level, position: at };
      }
      if (criterion.target === 'overall') return { kind: 'overall', target: criterion.target, threshold: criterion.min };
      return { kind: 'area', target: criterion.target, threshold: criterion.min, indices: positionsOf(criterion.target) };
    });
    const byIndicator: number[][] = indicators.map(() => []);
    compiled.forEach((criterion, c) => {
      const read =
        criterion.kind === 'overall' ? indicators.map((_, i) => i) : criterion.kind === 'area' ? criterion.indices : criterion.position >= 0 ? [criterion.position] : [];
      for (const i of read) byIndicator[i]?.push(c);
    });
    gates.set(phase.id, compiled);
    readers.set(phase.id, byIndicator);
  }
  return {
    indicators,
    position,
    weights: Float64Array.from(indicators, (indicator) => indicator.weight),
    principleOf,
    principles: rubric.principles.map((p) => ({ weight: p.weight, indices: positionsOf(`principle:${p.id}`) })),
    gates,
    readers,
  };
}

function layoutOf(rubric: Rubric): Layout {
  let layout = layouts.get(rubric);
  if (layout === undefined) {
    layout = compile(rubric);
    layouts.set(rubric, layout);
  }
  return layout;
}

/** The answers being changed by the search: a state and a level per rubric position. */
type Answers = AnswerTable;

function answersOf(layout: Layout, assessment: Assessment): Answers {
  return answerTable(layout.position, layout.indicators.length, assessment);
}

/** Σ w·s, Σ w answered, Σ w covered, Σ w: the sums scoring uses, in the same order (docs/path.md). */
interface Sums {
  weighted: number;
  answered: number;
  covered: number;
  total: number;
}

/** A change measured without being applied: one indicator raised to one level. */
interface Change {
  readonly at: number;
  readonly level: number;
}

/**
 * How far one gate is from passing for the answers at hand. Each area's sums are kept and
 * refreshed, in scoring's order, when an answer changes; a candidate change is measured as a
 * difference from them, so weighing every candidate costs a few operations per criterion.
 */
class GateGaps {
  private readonly areaSums = new Map<number, Sums>();
  private readonly principleSums: Sums[];

  constructor(
    private readonly layout: Layout,
    private readonly criteria: readonly CompiledCriterion[],
    private readonly max: number,
    private readonly coverageThreshold: number,
    private readonly answers: Answers,
  ) {
    criteria.forEach((criterion, c) => {
      if (criterion.kind === 'area') this.areaSums.set(c, this.sums(criterion.indices));
    });
    this.principleSums = layout.principles.map((principle) => this.sums(principle.indices));
  }

  private sums(indices: readonly number[]): Sums {
    const { weights } = this.layout;
    const { state, level } = this.answers;
    const sums: Sums = { weighted: 0, answered: 0, covered: 0, total: 0 };
    for (const i of indices) {
      const w = weights[i] ?? 0;
      sums.total += w;
      if (state[i] === MISSING) continue;
      sums.covered += w;
      if (state[i] === RATED) {
        sums.answered += w;
        sums.weighted += w * indicatorScore(level[i] ?? 0, this.max);
      }
    }
    return sums;
  }

  /** Sums of an area holding `change.at`, as they would be after the change. */
  private changed(sums: Sums, change: Change): Sums {
    const w = this.layout.weights[change.at] ?? 0;
    const state = this.answers.state[change.at];
    const before = state === RATED ? w * indicatorScore(this.answers.level[change.at] ?? 0, this.max) : 0;
    return {
      weighted: sums.weighted - before + w * indicatorScore(change.level, this.max),
      answered: sums.answered + (state === RATED ? 0 : w),
      covered: sums.covered + (state === MISSING ? w : 0),
      total: sums.total,
    };
  }

  /** After an answer changed: the sums of every area holding it, summed afresh. */
  refresh(at: number, readers: readonly number[]): void {
    for (const c of readers) {
      const criterion = this.criteria[c];
      if (criterion?.kind === 'area') this.areaSums.set(c, this.sums(criterion.indices));
    }
    const p = this.layout.principleOf[at] ?? -1;
    const principle = this.layout.principles[p];
    if (principle !== undefined) this.principleSums[p] = this.sums(principle.indices);
  }

  /** The relative gap of an area: 0 when it passes or is n/a, else value and coverage shortfalls over their thresholds. */
  private areaGap(score: number | null, coverage: number, threshold: number): number {
    const unknown = coverage < this.coverageThreshold - TOLERANCE;
    const valueGap = score === null ? (threshold > 0 ? 1 : 0) : score >= threshold - TOLERANCE ? 0 : (threshold - score) / threshold;
    if (!unknown) return score === null ? 0 : valueGap;
    return (this.coverageThreshold - coverage) / this.coverageThreshold + valueGap;
  }

  /** The relative gap of criterion `c`, after `change` if given; 0 exactly when scoring calls it pass or na. */
  gap(c: number, change?: Change): number {
    const criterion = this.criteria[c];
    if (criterion === undefined) return 0;
    const { threshold } = criterion;
    if (criterion.kind === 'level') {
      const at = criterion.position;
      const moves = change !== undefined && change.at === at;
      const state = at < 0 ? MISSING : moves ? RATED : this.answers.state[at];
      if (state === NA) return 0;
      // Missing counts as level 0 with its evidence still to find.
      if (state === MISSING) return 1 + (threshold > 0 ? 1 : 0);
      const level = moves ? change.level : (this.answers.level[at] ?? 0);
      return level >= threshold - TOLERANCE ? 0 : (threshold - level) / threshold;
    }
    if (criterion.kind === 'area') {
      const cached = this.areaSums.get(c) ?? { weighted: 0, answered: 0, covered: 0, total: 0 };
      const sums = change === undefined ? cached : this.changed(cached, change);
      const score = sums.answered > 0 ? sums.weighted / sums.answered : null;
      return this.areaGap(score, sums.total > 0 ? sums.covered / sums.total : 0, threshold);
    }
    // The overall score: the principles' weighted mean, summed in scoring's order.
    const changedPrinciple = change === undefined ? -1 : (this.layout.principleOf[change.at] ?? -1);
    let weightedScore = 0;
    let scoredWeight = 0;
    let weightedCoverage = 0;
    let totalWeight = 0;
    this.layout.principles.forEach((principle, p) => {
      const cached = this.principleSums[p] ?? { weighted: 0, answered: 0, covered: 0, total: 0 };
      const sums = p === changedPrinciple && change !== undefined ? this.changed(cached, change) : cached;
      totalWeight += principle.weight;
      weightedCoverage += principle.weight * (sums.total > 0 ? sums.covered / sums.total : 0);
      if (sums.answered > 0) {
        weightedScore += principle.weight * (sums.weighted / sums.answered);
        scoredWeight += principle.weight;
      }
    });
    return this.areaGap(scoredWeight > 0 ? weightedScore / scoredWeight : null, totalWeight > 0 ? weightedCoverage / totalWeight : 0, threshold);
  }
}

/** The level a step on position `at` reaches, or null when it cannot move (n/a, or at the top). */
function nextLevel(answers: Answers, at: number, max: number): number | null {
  const state = answers.state[at];
  if (state === NA) return null;
  if (state === MISSING) return Math.min(1, max);
  const level = answers.level[at] ?? 0;
  return level < max ? level + 1 : null;
}

/**
 * The one-level steps, in the order chosen, that make every criterion of `phase`'s gate pass
 * that can pass, and the criteria that cannot (docs/path.md). Empty when the gate already passes.
 */
export function planSteps(rubric: Rubric, assessment: Assessment, phase: string): { steps: PathStep[]; blocked: string[] } {
  const layout = layoutOf(rubric);
  const criteria = layout.gates.get(phase) ?? [];
  const readers = layout.readers.get(phase) ?? [];
  const max = rubric.maxLevel;
  const answers = answersOf(layout, assessment);
  const gaps = new GateGaps(layout, criteria, max, rubric.coverage, answers);
  const current = criteria.map((_, c) => gaps.gap(c));
  if (current.every((gap) => gap === 0)) return { steps: [], blocked: [] };

  // A criterion that still fails with every answer that can move at the top is blocked.
  const best: Answers = { state: answers.state.slice(), level: answers.level.slice() };
  best.state.forEach((state, i) => {
    if (state === NA) return;
    best.state[i] = RATED;
    best.level[i] = max;
  });
  const atBest = new GateGaps(layout, criteria, max, rubric.coverage, best);
  const open = criteria.map((_, c) => atBest.gap(c) === 0);
  const blocked = criteria.filter((_, c) => !open[c]).map((criterion) => criterion.target);

  const steps: PathStep[] = [];
  const remaining = (): boolean => current.some((gap, c) => open[c] && gap > 0);
  while (remaining()) {
    let chosen: { at: number; level: number; gain: number } | null = null;
    for (let at = 0; at < layout.indicators.length; at += 1) {
      const level = nextLevel(answers, at, max);
      if (level === null) continue;
      let gain = 0;
      for (const c of readers[at] ?? []) if (open[c]) gain += (current[c] ?? 0) - gaps.gap(c, { at, level });
      if (chosen === null || better(layout, { at, gain }, chosen)) chosen = { at, level, gain };
    }
    // Unreachable while a criterion is open: an open criterion passes with every movable answer at the top.
    if (chosen === null) break;
    const indicator = layout.indicators[chosen.at];
    const from = answers.state[chosen.at] === RATED ? (answers.level[chosen.at] ?? 0) : null;
    answers.state[chosen.at] = RATED;
    answers.level[chosen.at] = chosen.level;
    const affected = readers[chosen.at] ?? [];
    gaps.refresh(chosen.at, affected);
    const moved: string[] = [];
    for (const c of affected) {
      const gap = gaps.gap(c);
      if (open[c] && (current[c] ?? 0) - gap > TOLERANCE) moved.push(criteria[c]?.target ?? '');
      current[c] = gap;
    }
    steps.push({ indicator: indicator?.id ?? '', from, to: chosen.level, gain: chosen.gain, criteria: [...new Set(moved)] });
  }
  return { steps, blocked };
}

/** More gap closed first, then the heavier indicator, then the smaller id. */
function better(layout: Layout, candidate: { at: number; gain: number }, chosen: { at: number; gain: number }): boolean {
  if (candidate.gain > chosen.gain + TOLERANCE) return true;
  if (candidate.gain < chosen.gain - TOLERANCE) return false;
  const weight = (layout.weights[candidate.at] ?? 0) - (layout.weights[chosen.at] ?? 0);
  if (weight !== 0) return weight > 0;
  return (layout.indicators[candidate.at]?.id ?? '') < (layout.indicators[chosen.at]?.id ?? '');
}

/** The steps grouped by indicator, each listed once, in the order first chosen. */
export function pathItems(rubric: Rubric, phase: string, steps: readonly PathStep[]): PathItem[] {
  const byIndicator = new Map<string, { from: number | null; to: number; criteria: Set<string> }>();
  for (const step of steps) {
    const item = byIndicator.get(step.indicator);
    if (item === undefined) byIndicator.set(step.indicator, { from: step.from, to: step.to, criteria: new Set(step.criteria) });
    else {
      item.to = step.to;
      for (const target of step.criteria) item.criteria.add(target);
    }
  }
  const layout = layoutOf(rubric);
  const criteria = layout.gates.get(phase) ?? [];
  const gateOrder = (target: string): number => criteria.findIndex((criterion) => criterion.target === target);
  return [...byIndicator].map(([id, item]) => {
    const indicator = rubric.indicators[layout.position.get(id) ?? -1];
    return {
      indicator: id,
      from: item.from,
      to: item.to,
      action: indicator?.levels[item.to] ?? '',
      criteria: [...item.criteria].sort((a, b) => gateOrder(a) - gateOrder(b)),
    };
  });
}

/** The path through `phase`'s exit gate for one assessment (docs/path.md). */
export function pathToReady(rubric: Rubric, assessment: Assessment, phase: string): PathToReady {
  const { steps, blocked } = planSteps(rubric, assessment, phase);
  const items = pathItems(rubric, phase, steps);
  return { phase, steps: steps.length, items, blocked, unanswered: items.filter((item) => item.from === null).length };
}
