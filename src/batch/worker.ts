import { parentPort, workerData } from 'node:worker_threads';
import { loadCatalogue } from '../i18n/catalogue.js';
import { setMaxFileBytes } from '../io/safe-read.js';
import { FileProcessor, type BatchOptions, type FileOutcome } from './process-file.js';
import type { ProjectionKind } from './projection.js';

/** What a worker is started with: the batch's options (plain data, a projection) and the file size limit. */
export interface WorkerData<Kind extends ProjectionKind = ProjectionKind> extends BatchOptions<Kind> {
  readonly maxFileBytes: number;
}

/** A batch worker: processes the chunks of files it is sent and posts the outcomes back. */
export interface ChunkRequest {
  readonly chunk: number;
  readonly files: readonly string[];
}
export interface ChunkResponse<Kind extends ProjectionKind = ProjectionKind> {
  readonly chunk: number;
  readonly outcomes: readonly FileOutcome<Kind>[];
}

const options = workerData as WorkerData;
setMaxFileBytes(options.maxFileBytes);
await loadCatalogue();
const processor = new FileProcessor(options, true);
parentPort?.on('message', async (request: ChunkRequest) => {
  const outcomes: FileOutcome[] = [];
  for (const file of request.files) outcomes.push(await processor.process(file));
  parentPort?.postMessage({ chunk: request.chunk, outcomes } satisfies ChunkResponse);
});
