import type { Rendered, RenderContext, RendererEntry } from '../format/renderer.js';
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

  async add(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length >= OUTPUT_BLOCK && !this.held) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.held) return;
    const text = this.pending;
    this.pending = '';
    await write(this.stream, text);
  }

  /** Writes a renderer's text, piece by piece as it comes, then flushes. */
  async render(rendered: Rendered): Promise<void> {
    if (typeof rendered === 'string') await this.add(rendered);
    else for await (const piece of rendered) await this.add(piece);
    await this.flush();
  }
}

/** The render context of a format on stdout: its colours only when the format carries colour. */
export function renderContextFor(entry: Pick<RendererEntry<never>, 'colored'>, settings: Settings, language: Language): RenderContext {
  return { language, requested: settings.language, colors: entry.colored ? settings.colors.stdout : NO_COLORS };
}
