import type { ChalkInstance } from 'chalk';
import type { Language } from '../i18n/language.js';

/**
 * The one renderer contract of swadaya (docs/architecture.md#renderers): every output of every
 * command is a function from the command's data to text. It returns the whole text, or its pieces
 * in order (a generator) when the data is large, so a national batch is never one string. It never
 * prints; the command writes what it returns.
 */
export type Rendered = string | Iterable<RenderedPiece> | AsyncIterable<RenderedPiece>;

/** A piece of a renderer's text: text, or UTF-8 bytes passed through as they are (a cached result's JSON; docs/ci.md#the-cache). */
export type RenderedPiece = string | Uint8Array;

export type Renderer<Input> = (input: Input, context: RenderContext) => Rendered;

/** What every renderer is told besides its data, decided once from the settings. */
export interface RenderContext {
  /** The language of the tool's own labels. */
  readonly language: Language;
  /** The language asked for; rubric texts follow `textLanguage(requested, rubric)`. */
  readonly requested: Language | undefined;
  /** Colours for the stream the text goes to; a machine format is always given none. */
  readonly colors: ChalkInstance;
}

/** One `--format` of a command: its renderer, imported only when chosen (json never loads cli-table3). */
export interface RendererEntry<Input> {
  readonly load: () => Promise<Renderer<Input>>;
  /** False for machine formats (json, yaml, csv, github): they never carry colour. */
  readonly colored: boolean;
}

/** A command's formats by name: one registry per command, in `format/<command>/index.ts`. */
export type RendererRegistry<Format extends string, Input> = Readonly<Record<Format, RendererEntry<Input>>>;

export function formatsOf<Format extends string>(registry: Readonly<Record<Format, unknown>>): Format[] {
  return Object.keys(registry) as Format[];
}
