import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FileProcessor, type BatchOptions, type FileOutcome } from './process-file.js';
import type { ChunkRequest, ChunkResponse } from './worker.js';

/** Below this many files, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 300;
const CHUNK_SIZE = 64;

export interface RunBatchOptions extends BatchOptions {
  /** Number of worker threads; 0 runs in-process. Default: one per core once the batch is large. */
  readonly workers?: number | undefined;
  readonly keepLoaded?: boolean | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/** The built worker script, found from this module whether it runs bundled (dist/) or not. */
function workerScript(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i += 1) {
    const candidate = join(dir, 'dist', 'worker.js');
    if (existsSync(join(dir, 'package.json'))) return existsSync(candidate) ? candidate : undefined;
    dir = dirname(dir);
  }
  return undefined;
}

export function workerCountFor(files: number, requested: number | undefined): number {
  if (requested !== undefined) return requested;
  if (files < WORKER_THRESHOLD || workerScript() === undefined) return 0;
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(files / CHUNK_SIZE)));
}

/** Processes files and yields their outcomes in input order, in-process or across worker threads. */
export async function* runBatch(files: readonly string[], options: RunBatchOptions): AsyncGenerator<FileOutcome> {
  const workers = options.keepLoaded ? 0 : workerCountFor(files.length, options.workers);
  if (workers === 0) {
    const processor = new FileProcessor(options);
    for (const [index, file] of files.entries()) {
      yield await processor.process(file, options.keepLoaded);
      options.onProgress?.(index + 1, files.length);
    }
    return;
  }
  yield* runInWorkers(files, options, workers);
}

async function* runInWorkers(files: readonly string[], options: RunBatchOptions, count: number): AsyncGenerator<FileOutcome> {
  const script = workerScript();
  if (!script) throw new Error('dist/worker.js is missing: run npm run build');
  const chunks: string[][] = [];
  for (let start = 0; start < files.length; start += CHUNK_SIZE) chunks.push(files.slice(start, start + CHUNK_SIZE));
  const workerData: BatchOptions = { mode: options.mode, search: options.search, rubricOverride: options.rubricOverride, withAnswers: options.withAnswers };
  const pool = Array.from({ length: Math.min(count, chunks.length) }, () => new Worker(script, { workerData }));

  const finished = new Map<number, readonly FileOutcome[]>();
  let nextToSend = 0;
  let done = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const send = (worker: Worker): void => {
    if (nextToSend >= chunks.length) return;
    const chunk = nextToSend++;
    worker.postMessage({ chunk, files: chunks[chunk]! } satisfies ChunkRequest);
  };
  for (const worker of pool) {
    worker.on('message', (response: ChunkResponse) => {
      finished.set(response.chunk, response.outcomes);
      done += response.outcomes.length;
      options.onProgress?.(done, files.length);
      send(worker);
      notify();
    });
    worker.on('error', (error) => {
      failure ??= error;
      notify();
    });
    send(worker);
    send(worker); // two in flight, so a worker never waits for the main thread
  }
  try {
    for (let chunk = 0; chunk < chunks.length; chunk += 1) {
      while (!finished.has(chunk)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const outcomes = finished.get(chunk)!;
      finished.delete(chunk);
      yield* outcomes;
    }
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
