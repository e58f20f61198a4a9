import type { Finding } from '../core/finding.js';
import type { CriterionResult } from '../core/result.js';
import type { SummaryInput } from '../core/summary.js';
import type { OutcomeCache, StatsTaken } from '../io/outcome-cache.js';
import { STDIN_PATH } from '../io/stdin.js';
import { communityOf, type FileOutcome, type ScoredDocument } from './process-file.js';
import type { Projection, ProjectionKind, RenderedScore } from './projection.js';
import { runBatch, type RunBatchOptions } from './run-batch.js';

/** The layout of the records `encodeOutcome` makes: part of the cache's key, changed with it. */
export const RECORD_LAYOUT = 'outcome@2';

/** What a cached batch needs besides the cache: which rubric lookups a record may depend on. */
export interface CachedBatchOptions {
  readonly cache: OutcomeCache;
  /** The dependency names of a file that looked up the rubric references `refs`; undefined when its outcome must not be kept. */
  readonly dependencies: (refs: readonly string[]) => readonly string[] | undefined;
  /**
   * Whether a cached `json` result's open criteria are read (`score --require ready`). When not,
   * they are not even decoded, and reading them is an error.
   */
  readonly openCriteria?: boolean | undefined;
}

/**
 * The projection as the cache keeps it, whatever this run reads: a json result with its open
 * criteria, so that a run with --require ready finds what a run without it recorded.
 */
export function cachedProjection<P extends Projection>(projection: P): P {
  return projection.kind === 'json' ? { ...projection, open: true } : projection;
}

/**
 * A batch that takes what it can from the cache (docs/ci.md#the-cache): unchanged files are
 * not read again, only the changed ones go through `runBatch`, and the outcomes come out in
 * input order as before, byte for byte the same. Not for the `loaded` projection (the loaded
 * documents themselves) nor for --explain.
 */
export async function* cachedBatch<Kind extends ProjectionKind>(files: readonly string[], options: RunBatchOptions<Kind>, caching: CachedBatchOptions | undefined): AsyncGenerator<FileOutcome<Kind>> {
  const projection: Projection = options.projection;
  if (!caching || projection.kind === 'loaded' || (projection.kind === 'result' && projection.explain)) {
    yield* runBatch(files, options);
    return;
  }
  const { cache, dependencies } = caching;
  const openCriteria = caching.openCriteria ?? true;
  const hits: (number | undefined)[] = new Array<number | undefined>(files.length);
  const taken: (StatsTaken | undefined)[] = new Array<StatsTaken | undefined>(files.length);
  const misses: string[] = [];
  for (const [index, file] of files.entries()) {
    // Standard input is never cached: it has no file to stat.
    const lookup = file === STDIN_PATH ? { hit: undefined, taken: undefined } : cache.lookup(file, index);
    hits[index] = lookup.hit;
    taken[index] = lookup.taken;
    if (lookup.hit === undefined) misses.push(file);
  }
  const progress = options.onProgress;
  const hitCount = files.length - misses.length;
  const scoring: RunBatchOptions<Kind> = { ...options, projection: cachedProjection(options.projection) };
  const batch = runBatch(misses, { ...scoring, hashContent: true, onProgress: progress ? (done) => progress(hitCount + done, files.length) : undefined });
  const keep = (file: string, stats: StatsTaken | undefined, outcome: FileOutcome<Kind>): FileOutcome<Kind> => {
    const { hash, rubricRefs, ...rest } = outcome;
    const names = rubricRefs === undefined ? undefined : dependencies(rubricRefs);
    if (stats && hash !== undefined && names) cache.record(file, stats, hash, names, encodeOutcome(rest, projection.kind));
    return rest;
  };
  try {
    for (const [index, file] of files.entries()) {
      const hit = hits[index];
      if (hit !== undefined) {
        let decoded: FileOutcome<Kind> | undefined;
        try {
          decoded = decodeOutcome<Kind>(file, projection.kind, cache.read(hit), openCriteria);
        } catch {
          // A record that does not read back (a segment damaged since the index was written): scored again.
          cache.drop(hit);
        }
        if (decoded) {
          yield decoded;
          continue;
        }
        for await (const outcome of runBatch([file], { ...scoring, workers: 0, hashContent: true, onProgress: undefined })) yield keep(file, taken[index], outcome);
        continue;
      }
      const next = await batch.next();
      if (next.done) throw new Error('the batch ended before its files did');
      yield keep(file, taken[index], next.value);
    }
    progress?.(files.length, files.length);
  } finally {
    // Ends the inner batch, which stops its worker threads (they would keep the process alive).
    await batch.return(undefined);
  }
}

/**
 * A `json` document in the cache: its fields in a fixed order, without names, so a warm run of
 * a national batch parses little (docs/ci.md#the-cache). The criteria still open and the
 * result's JSON text are kept apart: the first parsed only when read (by --require ready), the
 * second passed on as bytes and written out as they are.
 */
type JsonRecord = [
  document: number,
  period: string,
  rater: string | null,
  rubricRef: string,
  community: SummaryInput['community'],
  overall: [score: number | null, coverage: number, band: string | null],
  principles: [id: string, score: number | null, coverage: number][],
  phase: string,
  verdict: SummaryInput['readiness']['verdict'],
  index: number,
];

type OpenRecord = [target: string, kind: CriterionResult['kind'], threshold: number, value: number | null, coverage: number, status: CriterionResult['status'], gap: number];

/**
 * One outcome as the byte strings the cache keeps: first its JSON (without the file's name,
 * which the cache knows); for the `json` projection, then each document's open criteria and
 * rendered JSON text, neither escaped twice nor parsed when read back.
 */
export function encodeOutcome(outcome: FileOutcome, kind: ProjectionKind): (string | Uint8Array)[] {
  if (kind !== 'json') return [JSON.stringify({ documents: outcome.documents.map(({ file: _file, ...document }) => document), findings: outcome.findings })];
  const parts: (string | Uint8Array)[] = [];
  const records = outcome.documents.map((document): JsonRecord => {
    const { json, digest, open } = document.projected as RenderedScore;
    const openRecords = open.map((criterion): OpenRecord => [criterion.target, criterion.kind, criterion.threshold, criterion.value, criterion.coverage, criterion.status, criterion.gap]);
    parts.push(JSON.stringify(openRecords), json);
    return [
      document.document,
      document.period,
      document.rater ?? null,
      document.rubricRef,
      digest.community,
      [digest.overall.score, digest.overall.coverage, digest.overall.band],
      digest.principles.map((principle) => [principle.id, principle.score, principle.coverage]),
      digest.phase.current,
      digest.readiness.verdict,
      digest.readiness.index,
    ];
  });
  return [JSON.stringify([records, outcome.findings]), ...parts];
}

/**
 * The outcome `encodeOutcome` kept, as a batch without the cache gives it, but for a `json`
 * result's text: its bytes, valid until the next outcome is taken (the cache reuses its read
 * window). A rating waits for the end of the run (docs/ratings.md), so its bytes are copied.
 */
export function decodeOutcome<Kind extends ProjectionKind>(file: string, kind: ProjectionKind, parts: readonly Buffer[], openCriteria = true): FileOutcome<Kind> {
  const meta = parts[0]!.toString('utf8');
  if (kind !== 'json') {
    const { documents, findings } = JSON.parse(meta) as { documents: Omit<ScoredDocument, 'file'>[]; findings: Finding[] };
    return { file, documents: documents.map((document) => ({ file, ...document })), findings } as unknown as FileOutcome<Kind>;
  }
  const [records, findings] = JSON.parse(meta) as [JsonRecord[], Finding[]];
  const documents = records.map(([document, period, rater, rubricRef, community, [score, coverage, band], principles, phase, verdict, index], position): ScoredDocument<'json'> => {
    const openText = openCriteria ? parts[1 + position * 2]!.toString('utf8') : undefined;
    const text = parts[2 + position * 2]!;
    let open: CriterionResult[] | undefined;
    const projected: RenderedScore = {
      json: rater === null ? text : Buffer.from(text),
      digest: {
        community,
        overall: { score, coverage, band },
        principles: principles.map(([id, areaScore, areaCoverage]) => ({ id, score: areaScore, coverage: areaCoverage })),
        phase: { current: phase },
        readiness: { verdict, index },
      },
      get open(): CriterionResult[] {
        if (openText === undefined) throw new Error('the open criteria of a cached result were not read');
        open ??= (JSON.parse(openText) as OpenRecord[]).map(([target, criterionKind, threshold, value, criterionCoverage, status, gap]) => ({ target, kind: criterionKind, threshold, value, coverage: criterionCoverage, status, gap }));
        return open;
      },
    };
    return { file, document, community: communityOf(community), period, ...(rater === null ? {} : { rater }), rubricRef, projected };
  });
  return { file, documents, findings } as unknown as FileOutcome<Kind>;
}
