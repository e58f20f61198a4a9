import { GRADUATED } from './model.js';
import { TOLERANCE } from './scoring.js';
import type {
  AreaChange,
  CommunityDiff,
  CommunityList,
  DiffOptions,
  DiffResult,
  DiffSummary,
  DuplicateCommunity,
  IndicatorChange,
  PillarChange,
  RegressionReason,
  RubricRef,
  Side,
  SideState,
  Transition,
  UnmatchedCommunity,
} from './diff-types.js';
import { RunningMean } from './running-mean.js';
import { PhaseTransitionCounter } from './phase-transitions.js';
import { diffSubjectOf, LayoutRegistry, rubricKey, type DiffDocument, type DiffSubject, type SubjectLayout } from './diff-subjects.js';

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

/** advanced / regressed / unchanged by the position of the current phase, `graduated` last (docs/json-output.md#diff). */
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

/** One assessment per community on each side: the first in input order is kept (docs/json-output.md#diff). */
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

/** The order of a diff's lists: by community id, code unit by code unit (not by locale). */
export const byId = (a: { readonly id: string }, b: { readonly id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function stateOf(subject: DiffSubject): SideState {
  return {
    file: subject.file,
    document: subject.document,
    period: subject.period,
    rubric: subject.layout.rubric,
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

/** An area in the order a comparison lists it, with where its score sits in each side's `scores` (-1: not there). */
interface AlignedArea {
  readonly id: string;
  readonly phase: string;
  readonly before: number;
  readonly after: number;
}

/** How two layouts' areas line up: the after side's order, then what only the before side has. */
interface Alignment {
  readonly principles: readonly AlignedArea[];
  readonly pillars: readonly AlignedArea[];
}

type Area = { readonly id: string; readonly phase: string };

/** `offset`: where each side's areas start in its `scores`. */
function alignAreas(before: readonly Area[], after: readonly Area[], offset: { readonly before: number; readonly after: number }): AlignedArea[] {
  const order: Area[] = [];
  mergeOrder(order, new Set(), [...after, ...before], (area) => area.id);
  const indexIn = (areas: readonly Area[], start: number, id: string): number => {
    const index = areas.findIndex((area) => area.id === id);
    return index < 0 ? -1 : start + index;
  };
  return order.map(({ id, phase }) => ({ id, phase, before: indexIn(before, offset.before, id), after: indexIn(after, offset.after, id) }));
}

function align(before: SubjectLayout, after: SubjectLayout): Alignment {
  const principlesOf = (layout: SubjectLayout): Area[] => layout.principles.map((id) => ({ id, phase: '' }));
  return {
    principles: alignAreas(principlesOf(before), principlesOf(after), { before: 0, after: 0 }),
    pillars: alignAreas(before.pillars, after.pillars, { before: before.principles.length, after: after.principles.length }),
  };
}

/** The alignment of each pair of layouts, worked out once: a large set has one or two layouts. */
class Alignments {
  private readonly layouts = new LayoutRegistry();
  private readonly known = new Map<SubjectLayout, Map<SubjectLayout, Alignment>>();

  of(beforeLayout: SubjectLayout, afterLayout: SubjectLayout): Alignment {
    const before = this.layouts.shared(beforeLayout);
    const after = this.layouts.shared(afterLayout);
    let byAfter = this.known.get(before);
    if (!byAfter) this.known.set(before, (byAfter = new Map()));
    let alignment = byAfter.get(after);
    if (!alignment) byAfter.set(after, (alignment = align(before, after)));
    return alignment;
  }
}

const scoreAt = (subject: DiffSubject, index: number): number | null => (index < 0 ? null : (subject.scores[index] ?? null));

function principleChange(area: AlignedArea, before: DiffSubject, after: DiffSubject): AreaChange {
  const was = scoreAt(before, area.before);
  const is = scoreAt(after, area.after);
  return { id: area.id, before: was, after: is, delta: scoreDelta(was, is) };
}

// Spelt out, not `{ ...change, phase }`: on Node 20, V8 promoted those spread copies to the old
// generation, and a national diff's heap grew by about 2 KB per community until a full GC.
function pillarChange(area: AlignedArea, before: DiffSubject, after: DiffSubject): PillarChange {
  const { id, before: was, after: is, delta } = principleChange(area, before, after);
  return { id, before: was, after: is, delta, phase: area.phase };
}

function indicatorChanges(before: DiffSubject, after: DiffSubject, options: DiffOptions): IndicatorChange[] | undefined {
  if (!before.answers || !after.answers) return undefined;
  const beforeIds = options.indicatorsByRubric?.get(rubricKey(before.layout.rubric));
  const afterIds = options.indicatorsByRubric?.get(rubricKey(after.layout.rubric));
  let ids: readonly string[];
  if (beforeIds && afterIds) {
    const shared = new Set(beforeIds);
    ids = afterIds.filter((id) => shared.has(id));
  } else {
    ids = [...new Set([...Object.keys(after.answers), ...Object.keys(before.answers)])];
  }
  const changes: IndicatorChange[] = [];
  for (const id of ids) {
    // Own keys only: an indicator named `constructor` is an answer, not Object's constructor.
    const was = Object.hasOwn(before.answers, id) ? (before.answers[id] ?? null) : null;
    const is = Object.hasOwn(after.answers, id) ? (after.answers[id] ?? null) : null;
    if (was !== is) changes.push({ id, before: was, after: is });
  }
  return changes;
}

interface ComparisonContext {
  readonly phases: readonly string[];
  readonly tolerance: number;
  readonly alignments: Alignments;
  readonly options: DiffOptions;
}

function compareCommunity(before: DiffSubject, after: DiffSubject, context: ComparisonContext): CommunityDiff {
  const { phases, tolerance, options } = context;
  const alignment = context.alignments.of(before.layout, after.layout);
  const overall = scoreDelta(before.overall, after.overall);
  const principles = alignment.principles.map((area) => principleChange(area, before, after));
  const pillars = alignment.pillars.map((area) => pillarChange(area, before, after));
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
    rubricChanged: rubricKey(before.layout.rubric) !== rubricKey(after.layout.rubric),
    ...(indicators ? { indicators } : {}),
  };
}

type Pair = readonly [before: DiffSubject, after: DiffSubject];

class ComparedCommunities implements CommunityList {
  constructor(
    private readonly pairs: readonly Pair[],
    private readonly context: ComparisonContext,
  ) {}

  get length(): number {
    return this.pairs.length;
  }

  *[Symbol.iterator](): Iterator<CommunityDiff> {
    for (const [before, after] of this.pairs) yield compareCommunity(before, after, this.context);
  }
}

/** The summary and the version flag, in one pass over the comparisons. */
function summarise(communities: CommunityList, phases: readonly string[], principles: readonly string[]): { summary: DiffSummary; rubricVersionsDiffer: boolean } {
  const transitions = new PhaseTransitionCounter();
  const tally = { advanced: 0, regressed: 0, unchanged: 0 };
  let regressions = 0;
  let rubricVersionsDiffer = false;
  const overall = new RunningMean();
  const byPrinciple = new Map(principles.map((id) => [id, new RunningMean()]));
  for (const community of communities) {
    transitions.add(community.before.phase, community.after.phase);
    tally[community.transition] += 1;
    if (community.regression) regressions += 1;
    if (community.rubricChanged) rubricVersionsDiffer = true;
    overall.add(community.delta.overall);
    for (const change of community.delta.principles) byPrinciple.get(change.id)?.add(change.delta);
  }
  const summary: DiffSummary = {
    matched: communities.length,
    ...tally,
    regressions,
    meanDelta: {
      overall: overall.value,
      principles: principles.map((id) => ({ id, delta: byPrinciple.get(id)?.value ?? null })),
    },
    transitions: transitions.list(phases),
  };
  return { summary, rubricVersionsDiffer };
}

function distinctSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

function rubricsOf(subjects: readonly DiffSubject[]): RubricRef[] {
  const rubrics: RubricRef[] = [];
  mergeOrder(rubrics, new Set(), subjects.map((subject) => subject.layout.rubric), rubricKey);
  return rubrics;
}

/**
 * Compares two sides' assessments community by community (docs/json-output.md#diff). Pure: takes the reduced
 * subjects (see `diffSubjectOf`), returns full-precision data; rounding is the renderers' job.
 */
export function diffSubjects(before: readonly DiffSubject[], after: readonly DiffSubject[], options: DiffOptions = {}): DiffResult {
  const tolerance = options.tolerance ?? 0;
  const beforeSide = indexSide('before', before);
  const afterSide = indexSide('after', after);
  const kept = { before: [...beforeSide.byId.values()], after: [...afterSide.byId.values()] };

  const phaseOrder: string[] = [];
  const principleOrder: string[] = [];
  const pillarOrder: Area[] = [];
  const seenPhases = new Set<string>();
  const seenPrinciples = new Set<string>();
  const seenPillars = new Set<string>();
  for (const layout of new Set([...kept.after, ...kept.before].map((subject) => subject.layout))) {
    mergeOrder(phaseOrder, seenPhases, layout.phases, (phase) => phase);
    mergeOrder(principleOrder, seenPrinciples, layout.principles, (id) => id);
    mergeOrder(pillarOrder, seenPillars, layout.pillars, (pillar) => pillar.id);
  }
  const phases = [...phaseOrder.filter((phase) => phase !== GRADUATED), GRADUATED];

  const pairs: Pair[] = [];
  const removed: UnmatchedCommunity[] = [];
  for (const [id, was] of beforeSide.byId) {
    const is = afterSide.byId.get(id);
    if (is) pairs.push([was, is]);
    else removed.push(unmatched(was));
  }
  const added = kept.after.filter((subject) => !beforeSide.byId.has(subject.id)).map(unmatched);
  pairs.sort(([a], [b]) => byId(a, b));
  added.sort(byId);
  removed.sort(byId);

  const communities = new ComparedCommunities(pairs, { phases, tolerance, alignments: new Alignments(), options });
  const { summary, rubricVersionsDiffer } = summarise(communities, phases, principleOrder);
  return {
    communities,
    added,
    removed,
    summary,
    rubricVersionsDiffer,
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
  return diffSubjects(before.map((document) => diffSubjectOf(document)), after.map((document) => diffSubjectOf(document)), options);
}
