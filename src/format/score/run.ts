import type { Explanation } from '../../core/explain.js';
import type { Finding } from '../../core/finding.js';
import type { Rubric } from '../../core/model.js';
import type { ScoreResult } from '../../core/result.js';
import type { ScoreSummary } from '../../core/summary.js';
import type { CsvOptions } from '../csv.js';

/** One scored assessment, with its rubric for titles and texts. */
export interface ScoreEntry {
  readonly file: string;
  readonly document: number;
  readonly result: ScoreResult;
  readonly rubric: Rubric;
  /** With --explain (in-process only). */
  readonly explanation?: Explanation | undefined;
}

/** One result already rendered as its JSON text where it was scored (the batch's `json` projection), or its bytes from the cache. */
export interface ScoreJsonEntry {
  /** The result's JSON text as UTF-8, made where it was scored or read back from the cache. */
  readonly json: Uint8Array;
}

export interface ScoreTotals {
  readonly summary: ScoreSummary;
  readonly groups?: { readonly field: string; readonly rows: readonly { readonly group: string; readonly summary: ScoreSummary }[] } | undefined;
  readonly findings: readonly Finding[];
}

/**
 * What a score renderer is given: the entries as they are scored, then the totals. `totals` may
 * be read only once `entries` is exhausted. A renderer that can stream (json, yaml, csv) writes
 * each entry as it comes; a view that needs them all keeps only what it shows.
 */
export interface ScoreRun<Entry> extends CsvOptions {
  readonly entries: AsyncIterable<Entry>;
  totals(): ScoreTotals;
}
