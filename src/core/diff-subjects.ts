import { SharedCopies } from './shared-copies.js';
import type { ScoreResult, Verdict } from './result.js';
import type { RubricRef } from './diff-types.js';

// What a diff keeps of each scored assessment: compact subjects sharing one layout per rubric,
// so a national set holds ids, names and one array of scores each (docs/commands.md#scale).

/** What the diff needs of one scored assessment; a batch's `ScoredDocument` is one. */
export interface DiffDocument {
  readonly file: string;
  readonly document: number;
  readonly community: { readonly id: string; readonly name: string };
  readonly period: string;
  readonly result?: ScoreResult | undefined;
  readonly answers?: Readonly<Record<string, number | 'na'>> | undefined;
}

/** What every subject scored with one rubric shares: shared, not copied, across a large set. */
export interface SubjectLayout {
  readonly rubric: RubricRef;
  readonly principles: readonly string[];
  readonly pillars: readonly { readonly id: string; readonly phase: string }[];
  /** The rubric's phase ids in order, without `graduated`. */
  readonly phases: readonly string[];
}

/**
 * One side's assessment of one community, reduced to what a diff compares: a few strings and
 * one array of numbers. A national set keeps 168,000 of these, never the full score results.
 */
export interface DiffSubject {
  readonly file: string;
  readonly document: number;
  readonly id: string;
  readonly name: string;
  readonly period: string;
  readonly layout: SubjectLayout;
  readonly overall: number | null;
  /** The principle scores, then the pillar scores, in layout order. */
  readonly scores: readonly (number | null)[];
  /** The current phase (docs/scoring.md#phases). */
  readonly phase: string;
  readonly verdict: Verdict;
  readonly answers?: Readonly<Record<string, number | 'na'>> | undefined;
}

export function rubricKey(rubric: RubricRef): string {
  return `${rubric.id}@${rubric.version}`;
}

/** The same for every result of one rubric: share it among them (see `diffSubjectOf`). */
export function layoutOf(result: ScoreResult): SubjectLayout {
  return {
    rubric: { id: result.rubric.id, version: result.rubric.version },
    principles: result.principles.map((principle) => principle.id),
    pillars: result.pillars.map((pillar) => ({ id: pillar.id, phase: pillar.phase })),
    phases: result.gates.map((gate) => gate.phase),
  };
}

/**
 * Reduces a scored document to what the diff keeps. Throws on a document that was not scored (a programming error).
 * `layout`: the layout of its rubric, when the caller shares one among many subjects.
 */
export function diffSubjectOf(document: DiffDocument, layout?: SubjectLayout): DiffSubject {
  const result = document.result;
  if (!result) throw new Error(`diff needs scored documents: ${document.file} has no result`);
  return {
    file: document.file,
    document: document.document,
    id: document.community.id,
    name: document.community.name,
    period: document.period,
    layout: layout ?? layoutOf(result),
    overall: result.overall.score,
    scores: [...result.principles.map((principle) => principle.score), ...result.pillars.map((pillar) => pillar.score)],
    phase: result.phase.current,
    verdict: result.readiness.verdict,
    ...(document.answers ? { answers: document.answers } : {}),
  };
}

/** One object per distinct layout: each batch message from a worker brings its own copy. */
export class LayoutRegistry extends SharedCopies<SubjectLayout> {}
