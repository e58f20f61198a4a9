import { hasUnsafe, terminalSafe } from '../core/terminal-text.js';

/** The part of a Node stream swadaya writes to: real streams in the CLI, memory streams in tests. */
export interface OutputStream {
  write(chunk: string | Uint8Array): boolean;
  /** Bytes the stream still holds (Node's writables): 0 once it is done with every chunk it was given. */
  readonly writableLength?: number | undefined;
  once(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  /** Real streams have it: the listeners of a wait that is over are taken off again. */
  removeListener?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  readonly isTTY?: boolean | undefined;
  /** True once the stream failed or was closed: nothing more will be written or drained. */
  readonly destroyed?: boolean | undefined;
  readonly columns?: number | undefined;
}

export type InputStream = NodeJS.ReadableStream & { readonly isTTY?: boolean | undefined };

/** The three standard streams of a run. */
export interface Streams {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: InputStream;
}

/** Streams of a run that carry no colour of swadaya's (--no-color, NO_COLOR, not a terminal). */
const colourless = new WeakSet<OutputStream>();

/** Marks a stream as colourless: an ESC written to it can only come from data, so every ESC is escaped on a terminal. */
export function markColourless(stream: OutputStream): void {
  colourless.add(stream);
}

/** Writes and waits for the stream to drain, so large outputs are not buffered whole in memory. */
export async function write(stream: OutputStream, chunk: string | Uint8Array): Promise<void> {
  // A broken stream (a full disk, a closed terminal) never drains: the output guard of main.ts reports it.
  if (chunk.length === 0 || stream.destroyed) return;
  // On a terminal, data never moves the cursor, rings, or reorders the line (README, "Limits").
  const text = stream.isTTY && typeof chunk !== 'string' ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8') : chunk;
  const keepColour = !colourless.has(stream);
  const shown = typeof text === 'string' && stream.isTTY && hasUnsafe(text, keepColour) ? terminalSafe(text, keepColour) : text;
  if (stream.write(shown) || stream.destroyed) return;
  // Whichever comes first ends the wait; the other two listeners are removed, or every wait of a
  // large output would leave two behind (Node warns past ten).
  await new Promise<void>((resolve) => {
    const events = ['drain', 'close', 'error'] as const;
    const finish = (): void => {
      for (const event of events) stream.removeListener?.(event, finish);
      resolve();
    };
    for (const event of events) stream.once(event, finish);
  });
}
