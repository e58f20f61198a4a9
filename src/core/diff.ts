import { GRADUATED } from './model.js';
import type { ScoreResult, Verdict } from './result.js';
import { TOLERANCE } from './scoring.js';

/** An answer as a diff compares it: a level, "na", or null when missing. */
export type AnswerValue = number | 'na' | null;

/** What the diff needs of one scored assessment; a batch's `ScoredDocument` is one. */
export interface DiffDocument {
  readonly file: string;
  readonly document: number;
  readonly community: { readonly id: string; readonly name: string };
  readonly period: string;
  readonly result?: ScoreResult | undefined;
  readonly answers?: Readonly<Record<string, number | 'na'>> | undefined;
}

export interface RubricRef {
  readonly id: string;
  readonly version: string;
}

/**
 * One side's assessment of one community, reduced to what a diff compares. A large set keeps
 * only these, never the full score results.
 */
export interface DiffSubject {
  readonly file: string;
  readonly document: number;
  readonly id: string;
  readonly name: string;
  readonly period: string;
  readonly rubric: RubricRef;
  readonly overall: number | null;
  readonly principles: readonly { readonly id: string; readonly score: number | null }[];
  readonly pillars: readonly { readonly id: string; readonly phase: string; readonly score: number | null }[];
  /** The current phase (SPEC §4.7). */
  readonly phase: string;
  readonly verdict: Verdict;
  /** The rubric's phase ids in order, without `graduated`. */
  readonly phases: readonly string[];
  readonly answers?: Readonly<Record<string, number | 'na'>> | undefined;
}

export type Side = 'before' | 'after';
export type Transition = 'advanced' | 'regressed' | 'unchanged';

export interface SideState {
  readonly file: string;
  readonly document: number;
  readonly period: string;
  readonly rubric: RubricRef;
  readonly overall: number | null;
  readonly phase: string;
  readonly verdict: Verdict;
}

/** Full precision; `delta` is null when either side has no score. */
export interface AreaChange {
  readonly id: string;
  readonly before: number | null;
  readonly after: number | null;
  readonly delta: number | null;
}

export interface PillarChange extends AreaChange {
  readonly phase: string;
}

/** Why a community counts as a regression: its phase went back, or a score fell by more than the tolerance. */
export type RegressionReason =
  | { readonly kind: 'phase'; readonly from: string; readonly to: string }
  | { readonly kind: 'overall'; readonly delta: number }
  | { readonly kind: 'principle'; readonly id: string; readonly delta: number };

export interface IndicatorChange {
  readonly id: string;
  readonly before: AnswerValue;
  readonly after: AnswerValue;
}

export interface CommunityDiff {
  readonly id: string;
  /** The name on the after side: the most recent one. */
  readonly name: string;
  readonly before: SideState;
  readonly after: SideState;
  readonly delta: {
    readonly overall: number | null;
    readonly principles: readonly AreaChange[];
    readonly pillars: readonly PillarChange[];
  };
  readonly transition: Transition;
  readonly regression: boolean;
  readonly reasons: readonly RegressionReason[];
  readonly rubricChanged: boolean;
  /** Only when asked for (`--detail`) and both sides carry their answers. */
  readonly indicators?: readonly IndicatorChange[];
}

export interface UnmatchedCommunity {
  readonly id: string;
  readonly name: string;
  readonly file: string;
  readonly document: number;
  readonly period: string;
  readonly overall: number | null;
  readonly phase: string;
  readonly verdict: Verdict;
}

export interface DuplicateCommunity {
  readonly side: Side;
  readonly id: string;
  readonly file: string;
  readonly document: number;
  /** Where the kept (first, in input order) assessment of this community is. */
  readonly first: { readonly file: string; readonly document: number };
}

export interface PhaseTransitionCount {
  readonly from: string;
  readonly to: string;
  readonly count: number;
}

export interface DiffSummary {
  readonly matched: number;
  readonly advanced: number;
  readonly regressed: number;
  readonly unchanged: number;
  /** Communities that count as a regression (phase, or a fall beyond the tolerance). */
  readonly regressions: number;
  readonly meanDelta: {
    readonly overall: number | null;
    readonly principles: readonly { readonly id: string; readonly delta: number | null }[];
  };
  /** Pairs with a count above 0, in rubric phase order of `from`, then of `to`. */
  readonly transitions: readonly PhaseTransitionCount[];
}

export interface DiffResult {
  /** Sorted by community id. */
  readonly communities: readonly CommunityDiff[];
  readonly added: readonly UnmatchedCommunity[];
  readonly removed: readonly UnmatchedCommunity[];
  readonly summary: DiffSummary;
  /** Some matched community was scored with a different rubric (version) on each side. */
  readonly rubricVersionsDiffer: boolean;
  /** The rubrics of each side, in first-seen order. */
  readonly rubrics: { readonly before: readonly RubricRef[]; readonly after: readonly RubricRef[] };
  /** The distinct periods of each side, sorted. */
  readonly periods: { readonly before: readonly string[]; readonly after: readonly string[] };
  /** Assessments kept on each side (duplicates left out). */
  readonly assessments: { readonly before: number; readonly after: number };
  readonly duplicates: readonly DuplicateCommunity[];
  /** Phase ids in rubric order with `graduated` last: the rows and columns of the transition matrix. */
  readonly phases: readonly string[];
  /** Principle ids in rubric order. */
  readonly principles: readonly string[];
  /** Pillar ids in rubric order, with their phases. */
  readonly pillars: readonly { readonly id: string; readonly phase: string }[];
  readonly tolerance: number;
}

export interface DiffOptions {
  /** A fall of more than this many points in the overall score or a principle is a regression. Default 0. */
  readonly tolerance?: number | undefined;
  /** List indicator changes (`--detail`). */
  readonly detail?: boolean | undefined;
  /**
   * Indicator ids in rubric order by `rubricKey`. With `detail`, changes are listed on the ids both
   * sides' rubrics share. Without an entry, the ids answered on either side are compared, in the order the answers
   * were written (after side first).
   */
  readonly indicatorsByRubric?: ReadonlyMap<string, readonly string[]> | undefined;
}

export function rubricKey(rubric: RubricRef): string {
  return `${rubric.id}@${rubric.version}`;
}

/** Reduces a scored document to what the diff keeps. Throws on a document that was not scored (a programming error). */
export function diffSubjectOf(document: DiffDocument): DiffSubject {
  const result = document.result;
  if (!result) throw new Error(`diff needs scored documents: ${document.file} has no result`);
  return {
    file: document.file,
    document: document.document,
    id: document.community.id,
    name: document.community.name,
    period: document.period,
    rubric: { id: result.rubric.id, version: result.rubric.version },
    overall: result.overall.score,
    principles: result.principles.map((principle) => ({ id: principle.id, score: principle.score })),
    pillars: result.pillars.map((pillar) => ({ id: pillar.id, phase: pillar.phase, score: pillar.score })),
    phase: result.phase.current,
    verdict: result.readiness.verdict,
    phases: result.gates.map((gate) => gate.phase),
    ...(document.answers ? { answers: document.answers } : {}),
  };
}

/** A difference of scores; null when either is missing. */
export function scoreDelta(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before;
}

/** True when `delta` is a fall of more than `tolerance` points, float noise aside. */
export function fallsBeyond(delta: number | null, tolerance: number): boolean {
  return delta !== null && -delta > tolerance + TOLERANCE;
}

/** Position of a phase in `order` (which ends with `graduated`); -1 when unknown. */
export function phaseRank(order: readonly string[], phase: string): number {
  return order.indexOf(phase);
}

/** advanced / regressed / unchanged by the position of the current phase, `graduated` last (SPEC §7). */
export function transitionOf(order: readonly string[], from: string, to: string): Transition {
  const before = phaseRank(order, from);
  const after = phaseRank(order, to);
  if (after > before) return 'advanced';
  if (after < before) return 'regressed';
  return 'unchanged';
}

/** Appends the ids of `list` not yet in `order`, keeping first-seen order. */
function mergeOrder<T>(order: T[], seen: Set<string>, list: readonly T[], key: (item: T) => string): void {
  for (const item of list) {
    const id = key(item);
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(item);
  }
}

interface SideIndex {
  readonly byId: Map<string, DiffSubject>;
  readonly duplicates: DuplicateCommunity[];
}

/** One assessment per community on each side: the first in input order is kept (SPEC §7). */
function indexSide(side: Side, subjects: readonly DiffSubject[]): SideIndex {
  const byId = new Map<string, DiffSubject>();
  const duplicates: DuplicateCommunity[] = [];
  for (const subject of subjects) {
    const first = byId.get(subject.id);
    if (first === undefined) byId.set(subject.id, subject);
    else duplicates.push({ side, id: subject.id, file: subject.file, document: subject.document, first: { file: first.file, document: first.document } });
  }
  return { byId, duplicates };
}

const byId = (a: { readonly id: string }, b: { readonly id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function stateOf(subject: DiffSubject): SideState {
  return {
    file: subject.file,
    document: subject.document,
    period: subject.period,
    rubric: subject.rubric,
    overall: subject.overall,
    phase: subject.phase,
    verdict: subject.verdict,
  };
}

function unmatched(subject: DiffSubject): UnmatchedCommunity {
  return {
    id: subject.id,
    name: subject.name,
    file: subject.file,
    document: subject.document,
    period: subject.period,
    overall: subject.overall,
    phase: subject.phase,
    verdict: subject.verdict,
  };
}

function areaChanges<T extends { readonly id: string; readonly score: number | null }>(
  before: readonly T[],
  after: readonly T[],
): { readonly item: T; readonly change: AreaChange }[] {
  const order: T[] = [];
  const seen = new Set<string>();
  mergeOrder(order, seen, after, (item) => item.id);
  mergeOrder(order, seen, before, (item) => item.id);
  const scoreIn = (list: readonly T[], id: string): number | null => list.find((item) => item.id === id)?.score ?? null;
  return order.map((item) => {
    const was = scoreIn(before, item.id);
    const is = scoreIn(after, item.id);
    return { item, change: { id: item.id, before: was, after: is, delta: scoreDelta(was, is) } };
  });
}

function indicatorChanges(before: DiffSubject, after: DiffSubject, options: DiffOptions): IndicatorChange[] | undefined {
  if (!before.answers || !after.answers) return undefined;
  const beforeIds = options.indicatorsByRubric?.get(rubricKey(before.rubric));
  const afterIds = options.indicatorsByRubric?.get(rubricKey(after.rubric));
  let ids: readonly string[];
  if (beforeIds && afterIds) {
    const shared = new Set(beforeIds);
    ids = afterIds.filter((id) => shared.has(id));
  } else {
    ids = [...new Set([...Object.keys(after.answers), ...Object.keys(before.answers)])];
  }
  const changes: IndicatorChange[] = [];
  for (const id of ids) {
    const was = before.answers[id] ?? null;
    const is = after.answers[id] ?? null;
    if (was !== is) changes.push({ id, before: was, after: is });
  }
  return changes;
}

function compareCommunity(before: DiffSubject, after: DiffSubject, phases: readonly string[], tolerance: number, options: DiffOptions): CommunityDiff {
  const overall = scoreDelta(before.overall, after.overall);
  const principles = areaChanges(before.principles, after.principles).map(({ change }) => change);
  const pillars = areaChanges(before.pillars, after.pillars).map(({ item, change }): PillarChange => ({ ...change, phase: item.phase }));
  const transition = transitionOf(phases, before.phase, after.phase);

  const reasons: RegressionReason[] = [];
  if (transition === 'regressed') reasons.push({ kind: 'phase', from: before.phase, to: after.phase });
  if (overall !== null && fallsBeyond(overall, tolerance)) reasons.push({ kind: 'overall', delta: overall });
  for (const principle of principles) {
    if (principle.delta !== null && fallsBeyond(principle.delta, tolerance)) reasons.push({ kind: 'principle', id: principle.id, delta: principle.delta });
  }

  const indicators = options.detail ? indicatorChanges(before, after, options) : undefined;
  return {
    id: after.id,
    name: after.name,
    before: stateOf(before),
    after: stateOf(after),
    delta: { overall, principles, pillars },
    transition,
    regression: reasons.length > 0,
    reasons,
    rubricChanged: rubricKey(before.rubric) !== rubricKey(after.rubric),
    ...(indicators ? { indicators } : {}),
  };
}

function mean(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

function summarise(communities: readonly CommunityDiff[], phases: readonly string[], principles: readonly string[]): DiffSummary {
  const counts = new Map<string, number>();
  for (const community of communities) {
    const key = `${community.before.phase}\u0000${community.after.phase}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const transitions: PhaseTransitionCount[] = [];
  const ordered = [...phases];
  for (const key of counts.keys()) {
    for (const phase of key.split('\u0000')) if (!ordered.includes(phase)) ordered.push(phase);
  }
  for (const from of ordered) {
    for (const to of ordered) {
      const count = counts.get(`${from}\u0000${to}`) ?? 0;
      if (count > 0) transitions.push({ from, to, count });
    }
  }
  return {
    matched: communities.length,
    advanced: communities.filter((community) => community.transition === 'advanced').length,
    regressed: communities.filter((community) => community.transition === 'regressed').length,
    unchanged: communities.filter((community) => community.transition === 'unchanged').length,
    regressions: communities.filter((community) => community.regression).length,
    meanDelta: {
      overall: mean(communities.map((community) => community.delta.overall)),
      principles: principles.map((id) => ({
        id,
        delta: mean(communities.map((community) => community.delta.principles.find((principle) => principle.id === id)?.delta ?? null)),
      })),
    },
    transitions,
  };
}

function distinctSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function rubricsOf(subjects: Iterable<DiffSubject>): RubricRef[] {
  const rubrics: RubricRef[] = [];
  mergeOrder(rubrics, new Set(), [...subjects].map((subject) => subject.rubric), rubricKey);
  return rubrics;
}

/**
 * Compares two sides' assessments community by community (SPEC §7). Pure: takes the reduced
 * subjects (see `diffSubjectOf`), returns full-precision data; rounding is the renderers' job.
 */
export function diffSubjects(before: readonly DiffSubject[], after: readonly DiffSubject[], options: DiffOptions = {}): DiffResult {
  const tolerance = options.tolerance ?? 0;
  const beforeSide = indexSide('before', before);
  const afterSide = indexSide('after', after);
  const kept = { before: [...beforeSide.byId.values()], after: [...afterSide.byId.values()] };

  const phaseOrder: string[] = [];
  const principleOrder: string[] = [];
  const pillarOrder: { id: string; phase: string }[] = [];
  const seenPhases = new Set<string>();
  const seenPrinciples = new Set<string>();
  const seenPillars = new Set<string>();
  for (const subject of [...kept.after, ...kept.before]) {
    mergeOrder(phaseOrder, seenPhases, subject.phases, (phase) => phase);
    mergeOrder(principleOrder, seenPrinciples, subject.principles.map((principle) => principle.id), (id) => id);
    mergeOrder(pillarOrder, seenPillars, subject.pillars.map(({ id, phase }) => ({ id, phase })), (pillar) => pillar.id);
  }
  const phases = [...phaseOrder.filter((phase) => phase !== GRADUATED), GRADUATED];

  const communities: CommunityDiff[] = [];
  const removed: UnmatchedCommunity[] = [];
  for (const [id, was] of beforeSide.byId) {
    const is = afterSide.byId.get(id);
    if (is) communities.push(compareCommunity(was, is, phases, tolerance, options));
    else removed.push(unmatched(was));
  }
  const added = kept.after.filter((subject) => !beforeSide.byId.has(subject.id)).map(unmatched);
  communities.sort(byId);
  added.sort(byId);
  removed.sort(byId);

  return {
    communities,
    added,
    removed,
    summary: summarise(communities, phases, principleOrder),
    rubricVersionsDiffer: communities.some((community) => community.rubricChanged),
    rubrics: { before: rubricsOf(kept.before), after: rubricsOf(kept.after) },
    periods: { before: distinctSorted(kept.before.map((subject) => subject.period)), after: distinctSorted(kept.after.map((subject) => subject.period)) },
    assessments: { before: kept.before.length, after: kept.after.length },
    duplicates: [...beforeSide.duplicates, ...afterSide.duplicates],
    phases,
    principles: principleOrder,
    pillars: pillarOrder,
    tolerance,
  };
}

/** `diffSubjects` on scored documents, for callers that hold them anyway. */
export function diffDocuments(before: readonly DiffDocument[], after: readonly DiffDocument[], options: DiffOptions = {}): DiffResult {
  return diffSubjects(before.map(diffSubjectOf), after.map(diffSubjectOf), options);
}
