import type { Finding } from '../core/finding.js';
import { readBoundedStream } from './safe-read.js';
import { decodeText } from './yaml-source.js';

/** The path that stands for standard input among a command's inputs (docs/commands.md#standard-input). */
export const STDIN_PATH = '-';

/** What standard input is called in messages and outputs when no --stdin-filename names it. */
export const STDIN_NAME = '<stdin>';

/** Standard input read as one assessment file, shown everywhere under `name`. */
export interface StdinFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Reads standard input as a file is read: up to the size limit (SWADAYA_MAX_FILE_SIZE), UTF-8
 * text (a byte order mark dropped). The finding, under `name`, when it cannot be taken.
 */
export async function readStdinFile(stream: AsyncIterable<unknown>, name: string): Promise<StdinFile | Finding> {
  const bytes = await readBoundedStream(stream, name);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const text = decodeText(name, bytes);
  return typeof text === 'string' ? { name, text } : text;
}

export function isStdinFile(input: StdinFile | Finding | undefined): input is StdinFile {
  return input !== undefined && 'text' in input;
}
