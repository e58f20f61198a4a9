import type { Verdict } from './result.js';

// The types of a comparison between two sides (docs/json-output.md#diff); the comparison itself is in diff.ts.

/** An answer as a diff compares it: a level, "na", or null when missing. */
export type AnswerValue = number | 'na' | null;

export interface RubricRef {
  readonly id: string;
  readonly version: string;
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

/**
 * The matched communities, sorted by id. Each comparison is built as it is read, so a diff of
 * two national sets holds its subjects, never 84,000 comparisons at once.
 */
export interface CommunityList extends Iterable<CommunityDiff> {
  readonly length: number;
}

export interface DiffResult {
  readonly communities: CommunityList;
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
