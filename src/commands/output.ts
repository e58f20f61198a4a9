import type { Rendered, RenderContext, RenderedPiece, RendererEntry } from '../format/renderer.js';
import type { Language } from '../i18n/language.js';
import { write, type OutputStream } from '../io/streams.js';
import { NO_COLORS, type Settings } from './settings.js';

const OUTPUT_BLOCK = 64 * 1024;
/** The most a held output keeps in memory before it is written anyway (docs/commands.md#score). */
export const HOLD_LIMIT = 32 * 1024 * 1024;

/**
 * A command's stdout, written in blocks: a write per piece would cost a system call and a wait
 * for each of thousands. `flush` before writing to stderr keeps the two streams in order.
 */
export class OutputWriter {
  private pending = '';
  private waiting: (() => boolean) | undefined;
  /** Once a piece came as bytes: the block being filled, text included, and how much of it is. */
  private block: Buffer | undefined;
  private used = 0;
  /** Blocks the stream is done with, to fill again: fresh memory for each would cost page faults and collections. */
  private readonly free: Buffer[] = [];
  constructor(private readonly stream: OutputStream) {}

  /**
   * Keeps the output in memory while `waiting()` holds, so that a run refused for something only
   * the data can tell (`--group-by` a field no assessment has) writes nothing on stdout; then
   * `release` or `discard`. Past HOLD_LIMIT it is written anyway: memory stays bounded.
   */
  holdWhile(waiting: () => boolean): void {
    this.waiting = waiting;
  }

  private get held(): boolean {
    if (this.waiting && !(this.waiting() && this.pending.length < HOLD_LIMIT)) this.waiting = undefined;
    return this.waiting !== undefined;
  }

  /** Writes what was held, and everything after it. */
  async release(): Promise<void> {
    this.waiting = undefined;
    await this.flush();
  }

  /** Drops what was held: nothing of it is written. */
  discard(): void {
    this.pending = '';
  }

  /**
   * Adds a piece; returns a promise only when a block was written and may have to drain. Bytes
   * are copied before this returns: they may lie in a buffer their maker reuses for the next
   * piece (a cache's read window; docs/ci.md#the-cache).
   */
  add(piece: RenderedPiece): Promise<void> | undefined {
    if (this.block === undefined && (typeof piece === 'string' || this.held)) {
      // Held output is kept as text (a copy of any bytes).
      this.pending += typeof piece === 'string' ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8');
      return this.pending.length >= OUTPUT_BLOCK && !this.held ? this.flush() : undefined;
    }
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (this.block === undefined) {
      this.block = this.newBlock();
      const text = this.pending;
      this.pending = '';
      if (text !== '') return this.copyAll([Buffer.from(text, 'utf8'), bytes]);
    }
    return this.copyAll([bytes]);
  }

  /** Copies what fits into the block; when it is full, writes it and copies the rest once it drained. */
  private copyAll(parts: readonly Uint8Array[]): Promise<void> | undefined {
    for (const [index, bytes] of parts.entries()) {
      const block = (this.block ??= this.newBlock());
      const take = Math.min(bytes.length, block.length - this.used);
      block.set(take === bytes.length ? bytes : bytes.subarray(0, take), this.used);
      this.used += take;
      if (this.used === block.length) {
        const rest = [bytes.subarray(take), ...parts.slice(index + 1)];
        return this.flush().then(() => this.copyAll(rest));
      }
    }
    return undefined;
  }

  private newBlock(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafe(OUTPUT_BLOCK);
  }

  async flush(): Promise<void> {
    if (this.held) return;
    if (this.block !== undefined) {
      const block = this.block;
      const full = block.subarray(0, this.used);
      this.block = undefined;
      this.used = 0;
      await write(this.stream, full);
      // Reused only once the stream holds nothing: a stream that buffers the block keeps it.
      if (this.stream.writableLength === 0) this.free.push(block);
      return;
    }
    const text = this.pending;
    this.pending = '';
    await write(this.stream, text);
  }

  /** Writes a renderer's text, piece by piece as it comes, then flushes. */
  async render(rendered: Rendered): Promise<void> {
    if (typeof rendered === 'string') await this.add(rendered);
    else {
      for await (const piece of rendered) {
        const draining = this.add(piece);
        if (draining) await draining;
      }
    }
    await this.flush();
  }
}

/** The render context of a format on stdout: its colours only when the format carries colour. */
export function renderContextFor(entry: Pick<RendererEntry<never>, 'colored'>, settings: Settings, language: Language): RenderContext {
  return { language, requested: settings.language, colors: entry.colored ? settings.colors.stdout : NO_COLORS };
}
