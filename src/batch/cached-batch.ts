import type { OutcomeCache } from '../io/outcome-cache.js';
import type { FileOutcome, ScoredDocument } from './process-file.js';
import type { Projection, ProjectionKind } from './projection.js';
import { runBatch, type RunBatchOptions } from './run-batch.js';

/**
 * A batch that takes what it can from the cache (docs/ci.md#the-cache): unchanged files are
 * not read again, only the changed ones go through `runBatch`, and the outcomes come out in
 * input order as before, byte for byte the same. Not for the `loaded` projection (the loaded
 * documents themselves) nor for --explain.
 */
export async function* cachedBatch<Kind extends ProjectionKind>(files: readonly string[], options: RunBatchOptions<Kind>, cache: OutcomeCache | undefined): AsyncGenerator<FileOutcome<Kind>> {
  const projection: Projection = options.projection;
  if (!cache || projection.kind === 'loaded' || (projection.kind === 'result' && projection.explain)) {
    yield* runBatch(files, options);
    return;
  }
  const lookups = files.map((file) => cache.lookup(file));
  const misses = files.filter((_, index) => lookups[index]!.read === undefined);
  const hits = files.length - misses.length;
  const progress = options.onProgress;
  const batch = runBatch(misses, { ...options, hashContent: true, onProgress: progress ? (done) => progress(hits + done, files.length) : undefined });
  try {
    for (const [index, file] of files.entries()) {
      const { read, taken } = lookups[index]!;
      if (read) {
        yield decodeOutcome<Kind>(read());
        continue;
      }
      const next = await batch.next();
      if (next.done) throw new Error('the batch ended before its files did');
      const outcome = next.value;
      if (taken && outcome.hash !== undefined) cache.record(file, taken, outcome.hash, encodeOutcome(outcome));
      yield stripHash(outcome);
    }
    progress?.(files.length, files.length);
  } finally {
    // Ends the inner batch, which stops its worker threads (they would keep the process alive).
    await batch.return(undefined);
  }
}

/** The outcome as a batch without the cache gives it. */
function stripHash<Kind extends ProjectionKind>(outcome: FileOutcome<Kind>): FileOutcome<Kind> {
  const { hash: _hash, ...rest } = outcome;
  return rest;
}

/**
 * One outcome as one line of text: its JSON with each rendered result's JSON text taken out
 * and appended after a tab (JSON text never holds a raw tab or newline), so the large texts are
 * neither escaped twice nor parsed when read back.
 */
export function encodeOutcome<Kind extends ProjectionKind>(outcome: FileOutcome<Kind>): string {
  const texts: string[] = [];
  const documents = outcome.documents.map((document): ScoredDocument => {
    const projected = document.projected as { json?: unknown } | undefined;
    if (typeof projected?.json !== 'string') return document;
    texts.push(projected.json);
    return { ...document, projected: { ...projected, json: '' } } as ScoredDocument;
  });
  return [JSON.stringify({ file: outcome.file, documents, findings: outcome.findings }), ...texts].join('\t');
}

export function decodeOutcome<Kind extends ProjectionKind>(payload: string): FileOutcome<Kind> {
  const parts = payload.split('\t');
  const outcome = JSON.parse(parts[0]!) as FileOutcome<Kind>;
  if (parts.length === 1) return outcome;
  let next = 1;
  const documents = outcome.documents.map((document) => {
    const projected = document.projected as { json?: unknown } | undefined;
    return typeof projected?.json === 'string' ? ({ ...document, projected: { ...projected, json: parts[next++]! } } as ScoredDocument<Kind>) : document;
  });
  return { ...outcome, documents };
}
