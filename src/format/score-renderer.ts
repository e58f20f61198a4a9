import type { ChalkInstance } from 'chalk';
import type { ScoredDocument } from '../batch/process-file.js';
import type { Finding } from '../core/finding.js';
import type { Rubric } from '../core/model.js';
import type { ScoreResult } from '../core/result.js';
import type { ScoreSummary } from '../core/summary.js';
import type { Explanation } from '../core/explain.js';
import type { Language } from '../i18n/language.js';

/** One scored assessment, with its rubric for titles and texts. */
export interface ScoreEntry extends ScoredDocument {
  readonly result: ScoreResult;
  readonly rubric: Rubric;
  /** With --explain (in-process only). */
  readonly explanation?: Explanation | undefined;
}

export interface ScoreTotals {
  readonly summary: ScoreSummary;
  readonly groups?: { readonly field: string; readonly rows: readonly { readonly group: string; readonly summary: ScoreSummary }[] } | undefined;
  readonly findings: readonly Finding[];
}

export interface ScoreRenderOptions {
  /** Language of rubric texts; undefined: each rubric's first language. */
  readonly lang: string | undefined;
  readonly tool: Language;
  readonly colors: ChalkInstance;
}

/**
 * A renderer returns strings and never prints. It is fed one entry at a time, so a large batch
 * can stream (json, yaml, csv) without keeping its results; a view that needs them all keeps
 * only what it shows.
 */
export interface ScoreRenderer {
  begin(): string;
  add(entry: ScoreEntry): string;
  /**
   * Only where an entry's text depends on nothing but its result (json): adds a result already
   * rendered by the batch that scored it (`scoreResultText`), so a large batch is rendered on
   * the workers and the main thread only writes.
   */
  addRendered?(json: string): string;
  end(totals: ScoreTotals): string;
}
