/**
 * `swadaya agree` as data (docs/ratings.md): ratings grouped by community and period, each
 * indicator's levels and spread, and Krippendorff's alpha (ordinal) and Cohen's quadratic
 * kappa over all of them. Pure.
 */
import { coincidences, alphaOf, quadraticKappa } from './agreement.js';
import type { Answer, Assessment, Rubric } from './model.js';
import { byName, groupKey } from './ratings.js';

/** One rater's assessment of a community and period. */
export interface Rating {
  readonly rater: string;
  readonly file: string;
  readonly document: number;
  readonly assessment: Assessment;
  readonly rubric: Rubric;
}

export interface RatingGroup {
  readonly community: { readonly id: string; readonly name: string };
  readonly period: string;
  /** Sorted by name, as `ratings`. */
  readonly raters: readonly string[];
  readonly ratings: readonly Rating[];
}

/** Groups ratings by community and period, in community id then period order. One rating per rater and group is the caller's to ensure. */
export function groupRatings(ratings: Iterable<Rating>): RatingGroup[] {
  const groups = new Map<string, Rating[]>();
  for (const rating of ratings) {
    const key = groupKey(rating.assessment.community.id, rating.assessment.period);
    const group = groups.get(key);
    if (group) group.push(rating);
    else groups.set(key, [rating]);
  }
  return [...groups.values()]
    .map((members) => {
      const sorted = [...members].sort((a, b) => byName(a.rater, b.rater));
      const { community, period } = sorted[0]!.assessment;
      return { community: { id: community.id, name: community.name }, period, raters: sorted.map((rating) => rating.rater), ratings: sorted };
    })
    .sort((a, b) => byName(a.community.id, b.community.id) || byName(a.period, b.period));
}

/** A rater's answer reduced to what agreement compares: a level, "na", or null (missing). */
export type RatedLevel = number | 'na' | null;

export function ratedLevel(answer: Answer | undefined): RatedLevel {
  if (answer === undefined) return null;
  return answer.kind === 'na' ? 'na' : answer.level;
}

export interface IndicatorAgreement {
  readonly indicator: string;
  readonly principle: string;
  /** Every rater of the group, by name. */
  readonly levels: Readonly<Record<string, RatedLevel>>;
  /** Highest level − lowest; null with fewer than two levels. */
  readonly spread: number | null;
  readonly flagged: boolean;
}

export interface GroupAgreement {
  readonly community: { readonly id: string; readonly name: string };
  readonly period: string;
  readonly raters: readonly string[];
  readonly rubric: { readonly id: string; readonly version: string };
  readonly files: readonly string[];
  /** Alpha over this group's indicators alone. */
  readonly alpha: number | null;
  /** Most spread first, then rubric order; indicators with no level at all last. */
  readonly indicators: readonly IndicatorAgreement[];
  /** The indicators with a spread of at least the flag, in the same order: what a consensus meeting works through. */
  readonly flagged: readonly IndicatorAgreement[];
}

export interface PairAgreement {
  /** Sorted. */
  readonly raters: readonly [string, string];
  readonly alpha: number | null;
  /** Units both raters gave a level. */
  readonly units: number;
}

export interface AgreementReport {
  readonly flag: number;
  readonly alpha: {
    readonly overall: number | null;
    /** In rubric order. */
    readonly principles: readonly { readonly id: string; readonly alpha: number | null; readonly units: number }[];
    /** Units with at least two levels, and the levels in them. */
    readonly units: number;
    readonly values: number;
  };
  readonly pairs: readonly PairAgreement[];
  /** Only when every group has exactly two raters; null otherwise or when undefined. */
  readonly kappa: number | null;
  /** The pairs kappa pooled; 0 when it was not computed. */
  readonly kappaUnits: number;
  readonly groups: readonly GroupAgreement[];
}

/** Spread at which an indicator is flagged for discussion by default (`--flag`). */
export const DEFAULT_FLAG = 2;

interface Unit {
  readonly principle: string;
  /** Rater → level, raters with a level only. */
  readonly levels: ReadonlyMap<string, number>;
}

export function spreadOf(levels: Iterable<RatedLevel>): number | null {
  let low = Infinity;
  let high = -Infinity;
  let count = 0;
  for (const level of levels) {
    if (typeof level !== 'number') continue;
    count += 1;
    low = Math.min(low, level);
    high = Math.max(high, level);
  }
  return count < 2 ? null : high - low;
}

/**
 * Agreement of ratings (docs/ratings.md). A unit is one indicator of one community and period;
 * n/a and missing answers are missing values, and a unit with fewer than two levels is left out.
 */
export function computeAgreement(groups: readonly RatingGroup[], options: { readonly flag?: number } = {}): AgreementReport {
  const flag = options.flag ?? DEFAULT_FLAG;
  const units: Unit[] = [];
  const unitsByGroup: Unit[][] = [];
  const principleOrder: string[] = [];
  const reports = groups.map((group) => {
    const rubric = group.ratings[0]!.rubric;
    for (const principle of rubric.principles) if (!principleOrder.includes(principle.id)) principleOrder.push(principle.id);
    const groupUnits: Unit[] = [];
    const indicators = rubric.indicators.map((indicator, position) => {
      const levels: Record<string, RatedLevel> = {};
      const numeric = new Map<string, number>();
      for (const rating of group.ratings) {
        const level = ratedLevel(rating.assessment.answers.get(indicator.id));
        levels[rating.rater] = level;
        if (typeof level === 'number') numeric.set(rating.rater, level);
      }
      groupUnits.push({ principle: indicator.principle, levels: numeric });
      const spread = spreadOf(Object.values(levels));
      return { position, row: { indicator: indicator.id, principle: indicator.principle, levels, spread, flagged: spread !== null && spread >= flag } };
    });
    indicators.sort((a, b) => (b.row.spread ?? -1) - (a.row.spread ?? -1) || a.position - b.position);
    units.push(...groupUnits);
    unitsByGroup.push(groupUnits);
    const rows = indicators.map((entry) => entry.row);
    return {
      community: group.community,
      period: group.period,
      raters: group.raters,
      rubric: { id: rubric.id, version: rubric.version },
      files: group.ratings.map((rating) => rating.file),
      alpha: alphaOfUnits(groupUnits),
      indicators: rows,
      flagged: rows.filter((row) => row.flagged),
    } satisfies GroupAgreement;
  });

  const overall = coincidences(units.map(valuesOf));
  const principles = principleOrder.map((id) => {
    const members = units.filter((unit) => unit.principle === id);
    return { id, alpha: alphaOfUnits(members), units: members.filter((unit) => unit.levels.size >= 2).length };
  });
  return {
    flag,
    alpha: { overall: alphaOf(overall, 'ordinal'), principles, units: overall.units, values: overall.total },
    pairs: pairAgreements(groups, units),
    ...kappaOf(groups, unitsByGroup),
    groups: reports,
  };
}

function valuesOf(unit: Unit): number[] {
  return [...unit.levels.values()];
}

function alphaOfUnits(units: readonly Unit[]): number | null {
  return alphaOf(coincidences(units.map(valuesOf)), 'ordinal');
}

/** Alpha of each pair of raters who rated a community together, over the units both gave a level. */
function pairAgreements(groups: readonly RatingGroup[], units: readonly Unit[]): PairAgreement[] {
  const pairs = new Map<string, [string, string]>();
  for (const group of groups) {
    for (let i = 0; i < group.raters.length; i += 1) {
      for (let j = i + 1; j < group.raters.length; j += 1) {
        const pair: [string, string] = [group.raters[i]!, group.raters[j]!];
        pairs.set(pair.join('\u0000'), pair);
      }
    }
  }
  return [...pairs.values()]
    .sort((a, b) => byName(a[0], b[0]) || byName(a[1], b[1]))
    .map(([first, second]) => {
      const shared = units.filter((unit) => unit.levels.has(first) && unit.levels.has(second)).map((unit) => [unit.levels.get(first)!, unit.levels.get(second)!]);
      return { raters: [first, second] as const, alpha: alphaOf(coincidences(shared), 'ordinal'), units: shared.length };
    });
}

/**
 * Quadratic-weighted kappa, pooled over every unit both raters answered, when every group has
 * exactly two raters: the first rater of a group is the one whose name sorts first. The
 * categories are the rubric's scale levels.
 */
function kappaOf(groups: readonly RatingGroup[], unitsByGroup: readonly (readonly Unit[])[]): { kappa: number | null; kappaUnits: number } {
  if (groups.length === 0 || groups.some((group) => group.raters.length !== 2)) return { kappa: null, kappaUnits: 0 };
  let min = Infinity;
  let max = -Infinity;
  for (const group of groups) {
    for (const rating of group.ratings) {
      min = Math.min(min, rating.rubric.scale[0]?.level ?? 0);
      max = Math.max(max, rating.rubric.maxLevel);
    }
  }
  const pairs: [number, number][] = [];
  for (const [index, group] of groups.entries()) {
    const [first, second] = group.raters as [string, string];
    for (const unit of unitsByGroup[index]!) {
      if (unit.levels.has(first) && unit.levels.has(second)) pairs.push([unit.levels.get(first)!, unit.levels.get(second)!]);
    }
  }
  return { kappa: quadraticKappa(pairs, { min, max }), kappaUnits: pairs.length };
}
