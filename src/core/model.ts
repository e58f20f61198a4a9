/** A human-readable text: a plain string, or a map from language code to string. */
export type Text = string | Readonly<Record<string, string>>;

export interface ScaleLevel {
  readonly level: number;
  readonly label: Text;
}

export interface Indicator {
  readonly id: string;
  readonly principle: string;
  readonly pillar: string;
  /** `group:value`, e.g. `tridaya:social`. */
  readonly tags: readonly string[];
  readonly weight: number;
  readonly question: Text;
  readonly evidence: Text | undefined;
  /** One descriptor per scale level, lowest first. */
  readonly levels: readonly Text[];
  /** May be answered "not applicable". */
  readonly na: boolean;
  /** When n/a is allowed, if the rubric says (shown wherever n/a is offered). */
  readonly naWhen?: Text | undefined;
}

export interface Principle {
  readonly id: string;
  readonly title: Text;
  readonly summary: Text | undefined;
  readonly weight: number;
  readonly indicators: readonly Indicator[];
}

export interface Pillar {
  readonly id: string;
  readonly title: Text;
  readonly phase: string;
}

/**
 * One exit criterion, with `each` already expanded.
 * `target` is `overall`, `principle:ID`, `pillar:ID`, `tag:GROUP:VALUE` or `indicator:ID`.
 */
export type Criterion =
  | { readonly kind: 'area'; readonly target: string; readonly min: number }
  | { readonly kind: 'level'; readonly target: string; readonly level: number };

export interface Phase {
  readonly id: string;
  readonly title: Text;
  readonly pillars: readonly Pillar[];
  readonly exit: readonly Criterion[];
}

export interface Band {
  readonly id: string;
  readonly label: Text;
  /** Exactly one of `min` (inclusive) and `above` (exclusive) is set. */
  readonly min?: number;
  readonly above?: number;
}

export interface TagGroup {
  readonly id: string;
  readonly label: Text;
  readonly values: readonly { readonly id: string; readonly label: Text }[];
}

export interface Rubric {
  readonly id: string;
  readonly version: string;
  readonly title: Text;
  /** What every assessor must know before rating (e.g. how to choose a level); shown by rubric show, template and assess. */
  readonly guidance?: Text | undefined;
  /** The first one is the default. */
  readonly languages: readonly string[];
  /** Lowest first; levels are 0..maxLevel. */
  readonly scale: readonly ScaleLevel[];
  readonly maxLevel: number;
  /** Share of an area's weight that must be answered or n/a before a criterion on it is decided. */
  readonly coverage: number;
  readonly principles: readonly Principle[];
  /** Every indicator in rubric order: principle by principle, file order within one. */
  readonly indicators: readonly Indicator[];
  readonly phases: readonly Phase[];
  readonly bands: readonly Band[];
  readonly tags: readonly TagGroup[];
}

export type Answer =
  | {
      readonly kind: 'level';
      readonly level: number;
      readonly note?: string | undefined;
      readonly evidence?: readonly string[] | undefined;
    }
  | { readonly kind: 'na'; readonly reason: string; readonly note?: string | undefined };

export interface Community {
  readonly id: string;
  readonly name: string;
  readonly region?: string | undefined;
  /** Any further keys, kept for `--group-by`. */
  readonly [field: string]: unknown;
}

export interface Assessment {
  /** The rubric the file names: an id, optionally with a version. */
  readonly rubric: { readonly id: string; readonly version: string | undefined };
  readonly community: Community;
  readonly period: string;
  readonly assessed: string | undefined;
  readonly assessors: readonly string[];
  /** Who rated this file when several rate the same community and period (docs/ratings.md); trimmed. */
  readonly rater?: string | undefined;
  readonly phase: string | undefined;
  readonly answers: ReadonlyMap<string, Answer>;
  /** Where an imported assessment came from (`swadaya import`); absent for files written by hand. */
  readonly source?: AssessmentSource | undefined;
}

/** The form submission an assessment was imported from: kept so a re-import is idempotent. */
export interface AssessmentSource {
  /** `kobo`, `odk`, or whatever a spreadsheet's source.tool column said. */
  readonly tool?: string | undefined;
  /** The submission's instance id (its uuid). */
  readonly instance?: string | undefined;
  /** When the server received it, as the export wrote it. */
  readonly submitted?: string | undefined;
  readonly device?: string | undefined;
  /** The geopoint: latitude longitude altitude accuracy. */
  readonly location?: string | undefined;
}

export const GRADUATED = 'graduated';
