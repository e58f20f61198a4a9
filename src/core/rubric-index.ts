import type { Assessment, Criterion, Indicator, Rubric } from './model.js';

/** Slack for comparing full-precision floats with a threshold (docs/scoring.md#criteria). */
export const TOLERANCE = 1e-9;

export type Target =
  | { readonly kind: 'overall' }
  | { readonly kind: 'principle' | 'pillar' | 'indicator'; readonly id: string }
  /** `id` is `GROUP:VALUE`, the form indicators carry in `tags`. */
  | { readonly kind: 'tag'; readonly id: string };

/** Parses `overall`, `principle:ID`, `pillar:ID`, `tag:GROUP:VALUE` or `indicator:ID`; null otherwise. */
export function parseTarget(target: string): Target | null {
  if (target === 'overall') return { kind: 'overall' };
  const colon = target.indexOf(':');
  if (colon <= 0 || colon === target.length - 1) return null;
  const kind = target.slice(0, colon);
  const id = target.slice(colon + 1);
  switch (kind) {
    case 'principle':
    case 'pillar':
    case 'indicator':
      return { kind, id };
    case 'tag': {
      const inner = id.indexOf(':');
      return inner > 0 && inner < id.length - 1 ? { kind, id } : null;
    }
    default:
      return null;
  }
}

/** The criterion target of a tag `GROUP:VALUE` (the id it has in the score output's `tags`). */
export function tagAreaTarget(tag: string): string {
  return `tag:${tag}`;
}

/** How one criterion's target is read, resolved once per rubric. */
export type CompiledTarget =
  | { readonly kind: 'overall'; readonly indices: readonly number[] }
  | { readonly kind: 'area'; readonly indices: readonly number[] }
  /** `position` is -1 when the indicator does not exist. */
  | { readonly kind: 'indicator'; readonly position: number; readonly indices: readonly number[] };

export interface CompiledCriterion {
  readonly criterion: Criterion;
  readonly target: CompiledTarget;
}

export interface RubricIndex {
  readonly max: number;
  readonly weights: Float64Array;
  readonly position: ReadonlyMap<string, number>;
  /** Indicator positions (rubric order) by target string. */
  readonly byTarget: Map<string, readonly number[]>;
  readonly indicatorLists: Map<string, readonly Indicator[]>;
  readonly principles: readonly { readonly id: string; readonly weight: number; readonly indices: readonly number[] }[];
  readonly pillars: readonly { readonly id: string; readonly phase: string; readonly indices: readonly number[] }[];
  /** Declared tag values in rubric order, then any used but undeclared, in first use order. */
  readonly tags: readonly { readonly id: string; readonly indices: readonly number[] }[];
  readonly phasePosition: ReadonlyMap<string, number>;
  readonly gates: readonly (readonly CompiledCriterion[])[];
}

const EMPTY: readonly number[] = [];
const indexCache = new WeakMap<Rubric, RubricIndex>();

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** The weight every item shares, or 1 when they differ (or there are none). */
function uniformWeight(weights: readonly number[]): number {
  const first = weights[0];
  return first !== undefined && first > 0 && weights.every((weight) => weight === first) ? first : 1;
}

function buildIndex(rubric: Rubric): RubricIndex {
  const indicators = rubric.indicators;
  const weights = new Float64Array(indicators.length);
  const position = new Map<string, number>();
  const byTarget = new Map<string, number[]>();
  const overall: number[] = [];
  const usedTags: string[] = [];
  // Equal weights count as 1, so they score the same whatever their magnitude; unequal ones are
  // used as written (README, "Formats": weights 0.001 to 1000, so the sums stay exact enough).
  const indicatorScale = uniformWeight(indicators.map((indicator) => indicator.weight));
  const principleScale = uniformWeight(rubric.principles.map((principle) => principle.weight));
  indicators.forEach((indicator, i) => {
    weights[i] = indicator.weight / indicatorScale;
    position.set(indicator.id, i);
    overall.push(i);
    push(byTarget, `indicator:${indicator.id}`, i);
    push(byTarget, `principle:${indicator.principle}`, i);
    push(byTarget, `pillar:${indicator.pillar}`, i);
    for (const tag of indicator.tags) {
      const key = tagAreaTarget(tag);
      if (!byTarget.has(key)) usedTags.push(tag);
      push(byTarget, key, i);
    }
  });
  byTarget.set('overall', overall);
  const lookup = (key: string): readonly number[] => byTarget.get(key) ?? EMPTY;

  const declaredTags = rubric.tags.flatMap((group) => group.values.map((value) => `${group.id}:${value.id}`));
  const declared = new Set(declaredTags);
  const tagIds = [...declaredTags, ...usedTags.filter((tag) => !declared.has(tag))];

  const compileTarget = (criterion: Criterion): CompiledTarget => {
    const parsed = parseTarget(criterion.target);
    if (criterion.kind === 'level') {
      const at = parsed?.kind === 'indicator' ? (position.get(parsed.id) ?? -1) : -1;
      return { kind: 'indicator', position: at, indices: at < 0 ? EMPTY : [at] };
    }
    if (parsed?.kind === 'overall') return { kind: 'overall', indices: overall };
    return { kind: 'area', indices: parsed === null ? EMPTY : lookup(criterion.target) };
  };

  return {
    max: rubric.maxLevel,
    weights,
    position,
    byTarget,
    indicatorLists: new Map(),
    principles: rubric.principles.map((p) => ({ id: p.id, weight: p.weight / principleScale, indices: lookup(`principle:${p.id}`) })),
    pillars: rubric.phases.flatMap((phase) =>
      phase.pillars.map((pillar) => ({ id: pillar.id, phase: phase.id, indices: lookup(`pillar:${pillar.id}`) })),
    ),
    tags: tagIds.map((id) => ({ id, indices: lookup(tagAreaTarget(id)) })),
    phasePosition: new Map(rubric.phases.map((phase, i) => [phase.id, i])),
    gates: rubric.phases.map((phase) => phase.exit.map((criterion) => ({ criterion, target: compileTarget(criterion) }))),
  };
}

export function indexOf(rubric: Rubric): RubricIndex {
  let index = indexCache.get(rubric);
  if (index === undefined) {
    index = buildIndex(rubric);
    indexCache.set(rubric, index);
  }
  return index;
}

/** The indicators of `overall`, `principle:ID`, `pillar:ID`, `tag:G:V` or `indicator:ID`, in rubric order. */
export function indicatorsOf(rubric: Rubric, target: string): readonly Indicator[] {
  const index = indexOf(rubric);
  let list = index.indicatorLists.get(target);
  if (list === undefined) {
    const positions = parseTarget(target) === null ? EMPTY : (index.byTarget.get(target) ?? EMPTY);
    list = positions.map((i) => rubric.indicators[i]).filter((indicator) => indicator !== undefined);
    index.indicatorLists.set(target, list);
  }
  return list;
}

/** `100 × level / max` (docs/scoring.md#indicator-score). */
export function indicatorScore(level: number, max: number): number {
  return max > 0 ? (100 * level) / max : 100;
}


/** An answer's state in an `AnswerTable`. */
export const MISSING = 0;
export const NA = 1;
export const RATED = 2;

/** One assessment's answers laid out by rubric position: a state and a level per indicator. */
export interface AnswerTable {
  readonly state: Uint8Array;
  readonly level: Float64Array;
}

/** Lays out the answers by `position` (indicator id → rubric position); ids the rubric lacks are left out. */
export function answerTable(position: ReadonlyMap<string, number>, size: number, assessment: Assessment): AnswerTable {
  const state = new Uint8Array(size);
  const level = new Float64Array(size);
  for (const [id, answer] of assessment.answers) {
    const at = position.get(id);
    if (at === undefined) continue;
    if (answer.kind === 'na') state[at] = NA;
    else {
      state[at] = RATED;
      level[at] = answer.level;
    }
  }
  return { state, level };
}
