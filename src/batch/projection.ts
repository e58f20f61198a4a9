import type { DiffSubject } from '../core/diff-subjects.js';
import type { ReportRow } from '../core/report-set.js';
import type { Explanation } from '../core/explain.js';
import type { CriterionResult, ScoreResult } from '../core/result.js';
import type { SummaryInput } from '../core/summary.js';
import type { TrendPoint } from '../core/trend.js';
import type { Language } from '../i18n/language.js';
import type { LoadedAssessment } from '../io/assessment-loader.js';

/**
 * What a batch keeps of each assessment it loads, chosen by the command for its output
 * (docs/architecture.md#projections). The batch, in-process or on a worker, makes the projection
 * where the assessment is scored, so only what the output needs crosses between threads.
 */
export type Projection =
  /** Load and check only (validate). */
  | { readonly kind: 'check' }
  /** The whole score result; with `explain`, how each number was derived too. */
  | { readonly kind: 'result'; readonly explain: boolean }
  /**
   * The result as its published JSON text (docs/json-output.md#score), plus what a summary reads;
   * with `open`, the criteria not met too (what --require ready names, and what the cache keeps).
   */
  | { readonly kind: 'json'; readonly language: Language | undefined; readonly open: boolean }
  /** What `diff` compares; with `answers`, each answer too (--detail). */
  | { readonly kind: 'diff-subject'; readonly answers: boolean }
  /** What `trend` follows of each result. */
  | { readonly kind: 'trend-point' }
  /** What a set report shows of each result (`report`; docs/report.md): ids and a few numbers. */
  | { readonly kind: 'report-row'; readonly groupBy: string | undefined }
  /** The loaded assessment and its rubric themselves: in-process only (agree, consensus). */
  | { readonly kind: 'loaded' };

export type ProjectionKind = Projection['kind'];

export interface ScoredResult {
  readonly result: ScoreResult;
  readonly explanation?: Explanation | undefined;
}

/** A result rendered where it was scored: its JSON text, and what a summary needs of it. */
export interface RenderedScore {
  /** UTF-8 bytes, made on the worker or read back from the cache (docs/ci.md#the-cache): written out as they are. */
  readonly json: Uint8Array;
  readonly digest: SummaryInput;
  /** The readiness criteria not met or undecided: what a gate failure names (docs/ci.md). Empty unless the projection asked for them. */
  readonly open: readonly CriterionResult[];
}

/** The projection of one assessment, by kind. */
export interface Projected {
  readonly check: undefined;
  readonly result: ScoredResult;
  readonly json: RenderedScore;
  readonly 'diff-subject': DiffSubject;
  readonly 'trend-point': TrendPoint;
  readonly 'report-row': ReportRow;
  readonly loaded: LoadedAssessment;
}

export function digestOf(result: ScoreResult): SummaryInput {
  const { community, overall, principles, phase, readiness } = result;
  return { community, overall, principles, phase: { current: phase.current }, readiness: { verdict: readiness.verdict, index: readiness.index } };
}
