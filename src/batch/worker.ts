import { parentPort, workerData } from 'node:worker_threads';
import { FileProcessor, type BatchOptions, type FileOutcome } from './process-file.js';

/** A batch worker: processes the chunks of files it is sent and posts the outcomes back. */
export interface ChunkRequest {
  readonly chunk: number;
  readonly files: readonly string[];
}
export interface ChunkResponse {
  readonly chunk: number;
  readonly outcomes: readonly FileOutcome[];
}

import { setMaxFileBytes } from '../io/safe-read.js';

const options = workerData as BatchOptions & { maxFileBytes: number };
setMaxFileBytes(options.maxFileBytes);
const processor = new FileProcessor(options, true);
parentPort?.on('message', async (request: ChunkRequest) => {
  const outcomes: FileOutcome[] = [];
  for (const file of request.files) outcomes.push(await processor.process(file));
  parentPort?.postMessage({ chunk: request.chunk, outcomes } satisfies ChunkResponse);
});
