import type { Rendered, RenderContext, RendererEntry } from '../format/renderer.js';
import type { Language } from '../i18n/language.js';
import { write, type OutputStream } from '../io/streams.js';
import { NO_COLORS, type Settings } from './settings.js';

const OUTPUT_BLOCK = 64 * 1024;

/**
 * A command's stdout, written in blocks: a write per piece would cost a system call and a wait
 * for each of thousands. `flush` before writing to stderr keeps the two streams in order.
 */
export class OutputWriter {
  private pending = '';
  constructor(private readonly stream: OutputStream) {}

  async add(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length >= OUTPUT_BLOCK) await this.flush();
  }

  async flush(): Promise<void> {
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
