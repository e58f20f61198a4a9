import { Chalk, type ChalkInstance } from 'chalk';
import { LANGUAGES, type Language } from '../i18n/language.js';
import { SwadayaError } from '../errors.js';

export interface OutputStream {
  write(chunk: string): boolean;
  once(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  readonly isTTY?: boolean | undefined;
  /** True once the stream failed or was closed: nothing more will be written or drained. */
  readonly destroyed?: boolean | undefined;
  readonly columns?: number | undefined;
}

/** Everything a command touches of the outside world, so tests can run commands in-process. */
export interface CommandContext {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean | undefined };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export interface GlobalOptions {
  readonly lang?: string | undefined;
  /** commander turns --no-color into color: false. */
  readonly color?: boolean | undefined;
  readonly debug?: boolean | undefined;
}

/** One chalk instance for a stream: off for --no-color, NO_COLOR, FORCE_COLOR=0 or a stream that is not a terminal. */
export function colorsFor(stream: OutputStream, options: GlobalOptions, env: CommandContext['env']): ChalkInstance {
  const disabled = options.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.FORCE_COLOR === '0';
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== '';
  const level = disabled ? 0 : forced || stream.isTTY ? 1 : 0;
  return new Chalk({ level: level === 0 ? 0 : env.COLORTERM === 'truecolor' ? 3 : 1 });
}

/**
 * The requested language: --lang, then SWADAYA_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG:
 * `id_ID.UTF-8` gives id, any other locale en); undefined means "the rubric's first language".
 */
export function requestedLanguage(options: GlobalOptions, env: CommandContext['env']): string | undefined {
  const lang = options.lang ?? env.SWADAYA_LANG;
  if (lang === '' || lang === undefined) return localeLanguage(env);
  if (!(LANGUAGES as readonly string[]).includes(lang)) {
    throw new SwadayaError('bad-language', `SWADAYA_LANG="${lang}" is not a language swadaya speaks. Use ${LANGUAGES.join(' or ')}, or unset it.`);
  }
  return lang;
}

/** The language of the POSIX locale, when it is one swadaya speaks; C, POSIX and unset locales say nothing. */
export function localeLanguage(env: CommandContext['env']): Language | undefined {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const language = /^([a-z]{2,3})(?:[_.@-]|$)/i.exec(locale)?.[1]?.toLowerCase();
  if (language === undefined) return undefined;
  return (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : undefined;
}

/** Writes and waits for the stream to drain, so large outputs are not buffered whole in memory. */
export async function write(stream: OutputStream, text: string): Promise<void> {
  // A broken stream (a full disk, a closed terminal) never drains: the output guard of main.ts reports it.
  if (text === '' || stream.destroyed) return;
  if (stream.write(text) || stream.destroyed) return;
  await new Promise<void>((resolve) => {
    stream.once('drain', resolve);
    stream.once('close', resolve);
    stream.once('error', resolve);
  });
}

export type { Language };
