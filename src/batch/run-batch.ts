import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../io/package-root.js';
import { currentMaxFileBytes } from '../io/safe-read.js';
import { FileProcessor, type BatchOptions, type FileOutcome } from './process-file.js';
import type { ProjectionKind } from './projection.js';
import type { ChunkRequest, ChunkResponse, WorkerData } from './worker.js';

/** Below this many files, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 300;
const CHUNK_SIZE = 64;
/** How many chunks each worker may run ahead of the consumer: two in flight, two waiting. */
const CHUNKS_AHEAD_PER_WORKER = 4;

export interface RunBatchOptions<Kind extends ProjectionKind> extends BatchOptions<Kind> {
  /** Number of worker threads; 0 runs in-process. Default: one per core once the batch is large. */
  readonly workers?: number | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/** The built worker script, found from this module whether it runs bundled (dist/) or not. */
function workerScript(): string | undefined {
  const script = join(packageRoot(), 'dist', 'worker.js');
  return existsSync(script) ? script : undefined;
}

export function workerCountFor(files: number, requested: number | undefined): number {
  if (requested !== undefined) return requested;
  if (files < WORKER_THRESHOLD || workerScript() === undefined) return 0;
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(files / CHUNK_SIZE)));
}

/** Processes files and yields their outcomes in input order, in-process or across worker threads. */
export async function* runBatch<Kind extends ProjectionKind>(files: readonly string[], options: RunBatchOptions<Kind>): AsyncGenerator<FileOutcome<Kind>> {
  // Loaded assessments hold a rubric each: they are not worth copying between threads.
  const workers = options.projection.kind === 'loaded' ? 0 : workerCountFor(files.length, options.workers);
  if (workers === 0) {
    const processor = new FileProcessor(options);
    for (const [index, file] of files.entries()) {
      yield await processor.process(file);
      options.onProgress?.(index + 1, files.length);
    }
    return;
  }
  yield* runInWorkers(files, options, workers);
}

async function* runInWorkers<Kind extends ProjectionKind>(files: readonly string[], options: RunBatchOptions<Kind>, count: number): AsyncGenerator<FileOutcome<Kind>> {
  const script = workerScript();
  if (!script) throw new Error('dist/worker.js is missing: run npm run build');
  // At least eight chunks per worker, so that the workers finish close together.
  const chunkSize = Math.max(1, Math.min(CHUNK_SIZE, Math.ceil(files.length / (count * 8))));
  const chunks: string[][] = [];
  for (let start = 0; start < files.length; start += chunkSize) chunks.push(files.slice(start, start + chunkSize));
  const { projection, search, rubricOverride, hashContent, stdin } = options;
  const workerData: WorkerData<Kind> = { projection, search, rubricOverride, hashContent, stdin, maxFileBytes: currentMaxFileBytes() };
  const pool = Array.from({ length: Math.min(count, chunks.length) }, () => new Worker(script, { workerData }));

  // Chunks are sent only while few enough are waiting to be consumed: a slow reader (a pipe)
  // slows the workers down instead of letting finished outcomes pile up in memory.
  const window = CHUNKS_AHEAD_PER_WORKER * pool.length;
  const inFlight = new Map<Worker, number>(pool.map((worker) => [worker, 0]));
  const finished = new Map<number, readonly FileOutcome<Kind>[]>();
  let nextToSend = 0;
  let consumed = 0;
  let done = 0;
  let closing = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const fail = (error: Error): void => {
    failure ??= error;
    notify();
  };
  const pump = (): void => {
    for (const worker of pool) {
      // Two in flight, so a worker never waits for the main thread.
      while (inFlight.get(worker)! < 2 && nextToSend < chunks.length && nextToSend - consumed < window) {
        const chunk = nextToSend++;
        inFlight.set(worker, inFlight.get(worker)! + 1);
        worker.postMessage({ chunk, files: chunks[chunk]! } satisfies ChunkRequest);
      }
    }
  };
  for (const worker of pool) {
    worker.on('message', (response: ChunkResponse<Kind>) => {
      inFlight.set(worker, inFlight.get(worker)! - 1);
      finished.set(response.chunk, response.outcomes);
      done += response.outcomes.length;
      options.onProgress?.(done, files.length);
      pump();
      notify();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`a batch worker stopped early (exit code ${code})`));
    });
  }
  pump();
  try {
    for (let chunk = 0; chunk < chunks.length; chunk += 1) {
      while (!finished.has(chunk)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const outcomes = finished.get(chunk)!;
      finished.delete(chunk);
      yield* outcomes;
      consumed += 1;
      pump();
    }
  } finally {
    closing = true;
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
