import type { Assessment, Criterion, Indicator, Rubric, Text } from './model.js';
import { MISSING, NA, RATED, TOLERANCE, indicatorScore, indicatorsOf, parseTarget } from './rubric-index.js';

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


/** How a criterion reads the answers, in `GatePlan.kinds`. */
const OVERALL = 0;
const AREA = 1;
const LEVEL = 2;

/**
 * One gate laid out for the search, built once per rubric and phase: the criteria as flat arrays,
 * and for each indicator the criteria that read it (`readers`, offsets into `readerList`).
 */
interface GatePlan {
  readonly targets: readonly string[];
  /** First position of each target in the gate: the order items list their criteria in. */
  readonly targetOrder: ReadonlyMap<string, number>;
  /** The same by criterion: where its target first appears in the gate. */
  readonly targetFirst: Int32Array;
  readonly kinds: Uint8Array;
  readonly thresholds: Float64Array;
  /** A level criterion's indicator position, -1 when the rubric has no such indicator. */
  readonly positions: Int32Array;
  /** An area criterion's indicator positions, in rubric order (empty for the other kinds). */
  readonly areas: readonly Int32Array[];
  readonly readerStart: Int32Array;
  readonly readerList: Int32Array;
  readonly scratch: Scratch;
}

interface Layout {
  readonly indicators: readonly Indicator[];
  readonly position: ReadonlyMap<string, number>;
  readonly weights: Float64Array;
  /** Each indicator's rank in id order: ties between equal gains and weights go to the smaller id. */
  readonly idRank: Int32Array;
  readonly principleOf: Int32Array;
  readonly principleWeights: Float64Array;
  readonly principleIndices: readonly Int32Array[];
  /** Σ W over the principles, summed in rubric order as the overall score sums it. */
  readonly principleTotal: number;
  readonly gates: ReadonlyMap<string, GatePlan>;
}

/**
 * The search's working state, reused from one assessment to the next (the search is synchronous):
 * the answers being changed, and for each area criterion and each principle the sums scoring
 * uses (Σ w·s, Σ w answered, Σ w covered, Σ w), four to an entry.
 */
interface Scratch {
  readonly state: Uint8Array;
  readonly level: Float64Array;
  readonly areaSums: Float64Array;
  readonly principleSums: Float64Array;
  /** Each principle's terms of the overall sums: W·coverage, and W·score when it has a score. */
  readonly principleCoverage: Float64Array;
  readonly principleScore: Float64Array;
  readonly principleScored: Uint8Array;
  readonly current: Float64Array;
  readonly open: Uint8Array;
  /** The answers as read, kept while the search looks at every answer at the top. */
  readonly savedState: Uint8Array;
  readonly savedLevel: Float64Array;
  /** Each indicator's next level, -1 when it cannot move (n/a, or at the top). */
  readonly next: Float64Array;
  /**
   * For each reader slot (an indicator and a criterion that reads it, `readerList`): the gap the
   * indicator's next step closes on that criterion. Kept from step to step; a slot is weighed
   * again only when its criterion's sums moved or its indicator did.
   */
  readonly closes: Float64Array;
  /** The criteria read by the step just taken: the ones whose slots are weighed again. */
  readonly moved: Uint8Array;
  /** The steps taken: indicator, level before (NaN: unanswered), level reached, gap closed. */
  readonly stepAt: Int32Array;
  readonly stepFrom: Float64Array;
  readonly stepTo: Float64Array;
  readonly stepGain: Float64Array;
  /** For each step and criterion (`step × count + c`): 1 when the step closed some of its gap. */
  readonly stepCloses: Uint8Array;
  /** Listing: each indicator's item (-1: none yet), and each item's criteria by first position in the gate. */
  readonly itemOf: Int32Array;
  readonly itemCriteria: Uint8Array;
}

const layouts = new WeakMap<Rubric, Layout>();

function compile(rubric: Rubric): Layout {
  const indicators = rubric.indicators;
  const size = indicators.length;
  const position = new Map(indicators.map((indicator, i) => [indicator.id, i]));
  const positionsOf = (target: string): Int32Array =>
    Int32Array.from(indicatorsOf(rubric, target).map((indicator) => position.get(indicator.id) ?? -1).filter((i) => i >= 0));
  const principleIds = rubric.principles.map((p) => p.id);
  const principleOf = new Int32Array(size);
  indicators.forEach((indicator, i) => (principleOf[i] = principleIds.indexOf(indicator.principle)));
  const principleIndices = rubric.principles.map((p) => positionsOf(`principle:${p.id}`));
  const principleWeights = Float64Array.from(rubric.principles, (p) => p.weight);
  let principleTotal = 0;
  for (const weight of principleWeights) principleTotal += weight;
  const byId = indicators.map((indicator, i) => ({ id: indicator.id, i })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const idRank = new Int32Array(size);
  byId.forEach(({ i }, rank) => (idRank[i] = rank));

  const gates = new Map<string, GatePlan>();
  for (const phase of rubric.phases) {
    const count = phase.exit.length;
    const kinds = new Uint8Array(count);
    const thresholds = new Float64Array(count);
    const positions = new Int32Array(count).fill(-1);
    const areas: Int32Array[] = [];
    const readers: number[][] = indicators.map(() => []);
    const targetOrder = new Map<string, number>();
    phase.exit.forEach((criterion: Criterion, c) => {
      if (!targetOrder.has(criterion.target)) targetOrder.set(criterion.target, c);
      let read: Int32Array;
      if (criterion.kind === 'level') {
        const parsed = parseTarget(criterion.target);
        const at = parsed?.kind === 'indicator' ? (position.get(parsed.id) ?? -1) : -1;
        kinds[c] = LEVEL;
        thresholds[c] = criterion.level;
        positions[c] = at;
        read = at >= 0 ? Int32Array.of(at) : new Int32Array(0);
        areas.push(new Int32Array(0));
      } else if (criterion.target === 'overall') {
        kinds[c] = OVERALL;
        thresholds[c] = criterion.min;
        read = Int32Array.from(indicators, (_, i) => i);
        areas.push(new Int32Array(0));
      } else {
        kinds[c] = AREA;
        thresholds[c] = criterion.min;
        read = positionsOf(criterion.target);
        areas.push(read);
      }
      for (const i of read) readers[i]?.push(c);
    });
    const readerStart = new Int32Array(size + 1);
    readers.forEach((list, i) => (readerStart[i + 1] = (readerStart[i] ?? 0) + list.length));
    const principles = rubric.principles.length;
    const readerList = Int32Array.from(readers.flat());
    // Every step raises one level: at most the whole scale for every indicator.
    const maxSteps = size * Math.max(1, rubric.maxLevel);
    gates.set(phase.id, {
      targets: phase.exit.map((criterion) => criterion.target),
      targetOrder,
      targetFirst: Int32Array.from(phase.exit, (criterion) => targetOrder.get(criterion.target) ?? 0),
      kinds,
      thresholds,
      positions,
      areas,
      readerStart,
      readerList,
      scratch: {
        state: new Uint8Array(size),
        level: new Float64Array(size),
        areaSums: new Float64Array(4 * count),
        principleSums: new Float64Array(4 * principles),
        principleCoverage: new Float64Array(principles),
        principleScore: new Float64Array(principles),
        principleScored: new Uint8Array(principles),
        current: new Float64Array(count),
        open: new Uint8Array(count),
        savedState: new Uint8Array(size),
        savedLevel: new Float64Array(size),
        next: new Float64Array(size),
        closes: new Float64Array(readerList.length),
        moved: new Uint8Array(count),
        stepAt: new Int32Array(maxSteps),
        stepFrom: new Float64Array(maxSteps),
        stepTo: new Float64Array(maxSteps),
        stepGain: new Float64Array(maxSteps),
        stepCloses: new Uint8Array(maxSteps * count),
        itemOf: new Int32Array(size),
        itemCriteria: new Uint8Array(size * count),
      },
    });
  }
  return {
    indicators,
    position,
    weights: Float64Array.from(indicators, (indicator) => indicator.weight),
    idRank,
    principleOf,
    principleWeights,
    principleIndices,
    principleTotal,
    gates,
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

/**
 * The search over one gate for one assessment (docs/path.md). The sums of every area and
 * principle are kept for the answers at hand and summed afresh, in scoring's order, when an
 * answer changes; a candidate step is weighed as a difference from them, without allocating,
 * so weighing every candidate costs a few operations per criterion that reads it.
 */
class GateSearch {
  private readonly state: Uint8Array;
  private readonly level: Float64Array;
  private readonly areaSums: Float64Array;
  private readonly principleSums: Float64Array;
  private readonly principleCoverage: Float64Array;
  private readonly principleScore: Float64Array;
  private readonly principleScored: Uint8Array;

  /** The change being weighed: its indicator's principle, and the sums' differences it makes. */
  private changePrinciple = -1;
  private changeLost = 0;
  private changeGained = 0;
  private changeAnswered = 0;
  private changeCovered = 0;

  constructor(
    private readonly layout: Layout,
    private readonly plan: GatePlan,
    private readonly max: number,
    private readonly coverageThreshold: number,
  ) {
    ({
      state: this.state,
      level: this.level,
      areaSums: this.areaSums,
      principleSums: this.principleSums,
      principleCoverage: this.principleCoverage,
      principleScore: this.principleScore,
      principleScored: this.principleScored,
    } = plan.scratch);
  }

  /** Lays out `assessment`'s answers and sums every area and principle. */
  load(assessment: Assessment): void {
    const { state, level } = this;
    state.fill(MISSING);
    level.fill(0);
    for (const [id, answer] of assessment.answers) {
      const at = this.layout.position.get(id);
      if (at === undefined) continue;
      if (answer.kind === 'na') state[at] = NA;
      else {
        state[at] = RATED;
        level[at] = answer.level;
      }
    }
    this.resum();
  }

  /** Every answer that can move set at the top level, and the sums for it: where a blocked criterion still fails. */
  toBest(): void {
    const { state, level } = this;
    for (let i = 0; i < state.length; i += 1) {
      if (state[i] === NA) continue;
      state[i] = RATED;
      level[i] = this.max;
    }
    this.resum();
  }

  /** Sums every area and principle afresh for the answers at hand. */
  resum(): void {
    const { kinds, areas } = this.plan;
    for (let c = 0; c < kinds.length; c += 1) if (kinds[c] === AREA) this.sum(areas[c]!, this.areaSums, 4 * c);
    for (let p = 0; p < this.layout.principleIndices.length; p += 1) this.refreshPrinciple(p);
  }

  /** Σ w·s, Σ w answered, Σ w covered, Σ w over `indices`, in scoring's order, into `into[at…at+3]`. */
  private sum(indices: Int32Array, into: Float64Array, at: number): void {
    const { weights } = this.layout;
    const { state, level, max } = this;
    let weighted = 0;
    let answered = 0;
    let covered = 0;
    let total = 0;
    for (let k = 0; k < indices.length; k += 1) {
      const i = indices[k]!;
      const w = weights[i]!;
      total += w;
      const s = state[i];
      if (s === MISSING) continue;
      covered += w;
      if (s === RATED) {
        answered += w;
        weighted += w * indicatorScore(level[i]!, max);
      }
    }
    into[at] = weighted;
    into[at + 1] = answered;
    into[at + 2] = covered;
    into[at + 3] = total;
  }

  private refreshPrinciple(p: number): void {
    const sums = this.principleSums;
    this.sum(this.layout.principleIndices[p]!, sums, 4 * p);
    const weight = this.layout.principleWeights[p]!;
    const answered = sums[4 * p + 1]!;
    const total = sums[4 * p + 3]!;
    this.principleCoverage[p] = weight * (total > 0 ? sums[4 * p + 2]! / total : 0);
    this.principleScored[p] = answered > 0 ? 1 : 0;
    this.principleScore[p] = answered > 0 ? weight * (sums[4 * p]! / answered) : 0;
  }

  /** Sets the answer at `at` to `level` and sums afresh every area and the principle that hold it. */
  apply(at: number, level: number): void {
    this.state[at] = RATED;
    this.level[at] = level;
    const { kinds, areas, readerStart, readerList } = this.plan;
    for (let k = readerStart[at]!; k < readerStart[at + 1]!; k += 1) {
      const c = readerList[k]!;
      if (kinds[c] === AREA) this.sum(areas[c]!, this.areaSums, 4 * c);
    }
    const p = this.layout.principleOf[at]!;
    if (p >= 0 && p < this.layout.principleIndices.length) this.refreshPrinciple(p);
  }

  /** Makes `level` at `at` the change `gapAfter` weighs. */
  weigh(at: number, level: number): void {
    const w = this.layout.weights[at]!;
    const state = this.state[at];
    this.changePrinciple = this.layout.principleOf[at]!;
    this.changeLost = state === RATED ? w * indicatorScore(this.level[at]!, this.max) : 0;
    this.changeGained = w * indicatorScore(level, this.max);
    this.changeAnswered = state === RATED ? 0 : w;
    this.changeCovered = state === MISSING ? w : 0;
  }

  /** The relative gap of an area: 0 when it passes or is n/a, else value and coverage shortfalls over their thresholds. */
  private areaGap(scored: boolean, score: number, coverage: number, threshold: number): number {
    const unknown = coverage < this.coverageThreshold - TOLERANCE;
    const valueGap = !scored ? (threshold > 0 ? 1 : 0) : score >= threshold - TOLERANCE ? 0 : (threshold - score) / threshold;
    if (!unknown) return scored ? valueGap : 0;
    return (this.coverageThreshold - coverage) / this.coverageThreshold + valueGap;
  }

  /** The relative gap of criterion `c` for the answers at hand; 0 exactly when scoring calls it pass or na. */
  gap(c: number): number {
    const threshold = this.plan.thresholds[c]!;
    const kind = this.plan.kinds[c];
    if (kind === LEVEL) {
      const at = this.plan.positions[c]!;
      const state = at < 0 ? MISSING : this.state[at];
      if (state === NA) return 0;
      // Missing counts as level 0 with its evidence still to find.
      if (state === MISSING) return 1 + (threshold > 0 ? 1 : 0);
      const level = this.level[at]!;
      return level >= threshold - TOLERANCE ? 0 : (threshold - level) / threshold;
    }
    if (kind === AREA) {
      const sums = this.areaSums;
      const answered = sums[4 * c + 1]!;
      const total = sums[4 * c + 3]!;
      return this.areaGap(answered > 0, answered > 0 ? sums[4 * c]! / answered : 0, total > 0 ? sums[4 * c + 2]! / total : 0, threshold);
    }
    return this.overallGap(-1, 0, 0, threshold);
  }

  /**
   * The relative gap of criterion `c` after the change of `weigh`, which moves an indicator `c`
   * reads: the same sums, each as it would be after the change.
   */
  gapAfter(c: number, level: number): number {
    const threshold = this.plan.thresholds[c]!;
    const kind = this.plan.kinds[c];
    if (kind === LEVEL) return level >= threshold - TOLERANCE ? 0 : (threshold - level) / threshold;
    if (kind === AREA) {
      const sums = this.areaSums;
      const weighted = sums[4 * c]! - this.changeLost + this.changeGained;
      const answered = sums[4 * c + 1]! + this.changeAnswered;
      const covered = sums[4 * c + 2]! + this.changeCovered;
      const total = sums[4 * c + 3]!;
      return this.areaGap(answered > 0, answered > 0 ? weighted / answered : 0, total > 0 ? covered / total : 0, threshold);
    }
    const p = this.changePrinciple;
    if (p < 0 || p >= this.layout.principleIndices.length) return this.overallGap(-1, 0, 0, threshold);
    const sums = this.principleSums;
    const weight = this.layout.principleWeights[p]!;
    const weighted = sums[4 * p]! - this.changeLost + this.changeGained;
    const answered = sums[4 * p + 1]! + this.changeAnswered;
    const covered = sums[4 * p + 2]! + this.changeCovered;
    const total = sums[4 * p + 3]!;
    const coverage = weight * (total > 0 ? covered / total : 0);
    return this.overallGap(p, coverage, answered > 0 ? weight * (weighted / answered) : Number.NaN, threshold);
  }

  /**
   * The overall score's gap: the principles' weighted mean, summed in scoring's order, principle
   * `changed` (if not -1) taking the terms given (`score` NaN when it has no score).
   */
  private overallGap(changed: number, coverage: number, score: number, threshold: number): number {
    let weightedScore = 0;
    let scoredWeight = 0;
    let weightedCoverage = 0;
    const weights = this.layout.principleWeights;
    for (let p = 0; p < weights.length; p += 1) {
      if (p === changed) {
        weightedCoverage += coverage;
        if (!Number.isNaN(score)) {
          weightedScore += score;
          scoredWeight += weights[p]!;
        }
        continue;
      }
      weightedCoverage += this.principleCoverage[p]!;
      if (this.principleScored[p] === 1) {
        weightedScore += this.principleScore[p]!;
        scoredWeight += weights[p]!;
      }
    }
    const totalWeight = this.layout.principleTotal;
    return this.areaGap(scoredWeight > 0, scoredWeight > 0 ? weightedScore / scoredWeight : 0, totalWeight > 0 ? weightedCoverage / totalWeight : 0, threshold);
  }
}

/**
 * The greedy search of docs/path.md over `plan`'s gate, its steps left in the plan's scratch
 * (`stepAt` …). Returns how many steps it took, or -1 when the gate already passes; the targets
 * of the criteria no step can make pass are pushed onto `blocked`.
 */
function runSearch(rubric: Rubric, assessment: Assessment, layout: Layout, plan: GatePlan, blocked: string[]): number {
  const max = rubric.maxLevel;
  const count = plan.kinds.length;
  const scratch = plan.scratch;
  const { current, open, state, level: levels, next, closes, moved } = scratch;
  const search = new GateSearch(layout, plan, max, rubric.coverage);

  search.load(assessment);
  let passes = true;
  for (let c = 0; c < count; c += 1) {
    current[c] = search.gap(c);
    if (current[c] !== 0) passes = false;
  }
  if (passes) return -1;

  // A criterion that still fails with every answer that can move at the top is blocked.
  scratch.savedState.set(state);
  scratch.savedLevel.set(levels);
  search.toBest();
  let remaining = false;
  for (let c = 0; c < count; c += 1) {
    open[c] = search.gap(c) === 0 ? 1 : 0;
    if (open[c] === 0) blocked.push(plan.targets[c]!);
    else if (current[c]! > 0) remaining = true;
  }
  state.set(scratch.savedState);
  levels.set(scratch.savedLevel);
  search.resum();

  const { readerStart, readerList } = plan;
  const size = layout.indicators.length;
  const top = Math.min(1, max);
  const nextOf = (at: number): number => {
    const answer = state[at];
    if (answer === NA) return -1;
    if (answer === MISSING) return top;
    const now = levels[at]!;
    return now < max ? now + 1 : -1;
  };
  // What each step would close on each criterion that reads it, for every indicator that can move.
  const weighSlots = (at: number, onlyMoved: boolean): void => {
    const level = next[at]!;
    let weighed = false;
    for (let k = readerStart[at]!; k < readerStart[at + 1]!; k += 1) {
      const c = readerList[k]!;
      if (open[c] === 0 || (onlyMoved && moved[c] === 0)) continue;
      if (!weighed) {
        search.weigh(at, level);
        weighed = true;
      }
      closes[k] = current[c]! - search.gapAfter(c, level);
    }
  };
  for (let at = 0; at < size; at += 1) {
    next[at] = nextOf(at);
    if (next[at]! >= 0) weighSlots(at, false);
  }

  let steps = 0;
  while (remaining) {
    let chosenAt = -1;
    let chosenGain = 0;
    for (let at = 0; at < size; at += 1) {
      if (next[at]! < 0) continue;
      // Summed in reader order from 0, as the gap closed is defined (docs/path.md).
      let gain = 0;
      for (let k = readerStart[at]!; k < readerStart[at + 1]!; k += 1) if (open[readerList[k]!] === 1) gain += closes[k]!;
      if (chosenAt < 0 || better(layout, at, gain, chosenAt, chosenGain)) {
        chosenAt = at;
        chosenGain = gain;
      }
    }
    // Unreachable while a criterion is open: an open criterion passes with every movable answer at the top.
    if (chosenAt < 0) break;
    const chosenLevel = next[chosenAt]!;
    scratch.stepAt[steps] = chosenAt;
    scratch.stepFrom[steps] = state[chosenAt] === RATED ? levels[chosenAt]! : Number.NaN;
    scratch.stepTo[steps] = chosenLevel;
    scratch.stepGain[steps] = chosenGain;
    search.apply(chosenAt, chosenLevel);
    const row = steps * count;
    scratch.stepCloses.fill(0, row, row + count);
    moved.fill(0);
    for (let k = readerStart[chosenAt]!; k < readerStart[chosenAt + 1]!; k += 1) {
      const c = readerList[k]!;
      const gap = search.gap(c);
      if (open[c] === 1 && current[c]! - gap > TOLERANCE) scratch.stepCloses[row + c] = 1;
      current[c] = gap;
      moved[c] = 1;
    }
    steps += 1;

    next[chosenAt] = nextOf(chosenAt);
    for (let at = 0; at < size; at += 1) if (next[at]! >= 0) weighSlots(at, at !== chosenAt);
    remaining = false;
    for (let c = 0; c < count; c += 1) {
      if (open[c] === 1 && current[c]! > 0) {
        remaining = true;
        break;
      }
    }
  }
  return steps;
}

/**
 * The one-level steps, in the order chosen, that make every criterion of `phase`'s gate pass
 * that can pass, and the criteria that cannot (docs/path.md). Empty when the gate already passes.
 */
export function planSteps(rubric: Rubric, assessment: Assessment, phase: string): { steps: PathStep[]; blocked: string[] } {
  const layout = layoutOf(rubric);
  const plan = layout.gates.get(phase);
  const blocked: string[] = [];
  const count = plan === undefined ? -1 : runSearch(rubric, assessment, layout, plan, blocked);
  if (plan === undefined || count < 0) return { steps: [], blocked: [] };
  const { stepAt, stepFrom, stepTo, stepGain, stepCloses } = plan.scratch;
  const criteria = plan.kinds.length;
  const steps: PathStep[] = [];
  for (let s = 0; s < count; s += 1) {
    // In the order the criteria read the indicator, each target once.
    const closed: string[] = [];
    for (let c = 0; c < criteria; c += 1) {
      const target = plan.targets[c]!;
      if (stepCloses[s * criteria + c] === 1 && !closed.includes(target)) closed.push(target);
    }
    const from = stepFrom[s]!;
    steps.push({ indicator: layout.indicators[stepAt[s]!]?.id ?? '', from: Number.isNaN(from) ? null : from, to: stepTo[s]!, gain: stepGain[s]!, criteria: closed });
  }
  return { steps, blocked };
}

/** More gap closed first, then the heavier indicator, then the smaller id. */
function better(layout: Layout, at: number, gain: number, chosenAt: number, chosenGain: number): boolean {
  if (gain > chosenGain + TOLERANCE) return true;
  if (gain < chosenGain - TOLERANCE) return false;
  const weight = layout.weights[at]! - layout.weights[chosenAt]!;
  if (weight !== 0) return weight > 0;
  return layout.idRank[at]! < layout.idRank[chosenAt]!;
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
  const order = layout.gates.get(phase)?.targetOrder;
  const gateOrder = (target: string): number => order?.get(target) ?? -1;
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
  const layout = layoutOf(rubric);
  const plan = layout.gates.get(phase);
  const blocked: string[] = [];
  const count = plan === undefined ? -1 : runSearch(rubric, assessment, layout, plan, blocked);
  if (plan === undefined || count < 0) return { phase, steps: 0, items: [], blocked: [], unanswered: 0 };
  // The steps grouped by indicator, each listed once in the order first chosen, with every
  // criterion its steps closed some of, in gate order (pathItems, without its maps).
  const { stepAt, stepFrom, stepTo, stepCloses, itemOf, itemCriteria } = plan.scratch;
  const { targetFirst, targets } = plan;
  const criteria = plan.kinds.length;
  itemOf.fill(-1);
  const itemAt: number[] = [];
  const itemFrom: number[] = [];
  const itemTo: number[] = [];
  for (let s = 0; s < count; s += 1) {
    const at = stepAt[s]!;
    let item = itemOf[at]!;
    if (item < 0) {
      item = itemAt.length;
      itemOf[at] = item;
      itemAt.push(at);
      itemFrom.push(stepFrom[s]!);
      itemTo.push(0);
      itemCriteria.fill(0, item * criteria, (item + 1) * criteria);
    }
    itemTo[item] = stepTo[s]!;
    for (let c = 0; c < criteria; c += 1) if (stepCloses[s * criteria + c] === 1) itemCriteria[item * criteria + targetFirst[c]!] = 1;
  }
  let unanswered = 0;
  const items = itemAt.map((at, item): PathItem => {
    const closed: string[] = [];
    for (let t = 0; t < criteria; t += 1) if (itemCriteria[item * criteria + t] === 1) closed.push(targets[t]!);
    const from = itemFrom[item]!;
    if (Number.isNaN(from)) unanswered += 1;
    const to = itemTo[item]!;
    return { indicator: layout.indicators[at]?.id ?? '', from: Number.isNaN(from) ? null : from, to, action: layout.indicators[at]?.levels[to] ?? '', criteria: closed };
  });
  return { phase, steps: count, items, blocked, unanswered };
}
