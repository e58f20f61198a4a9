import type { Finding } from '../core/finding.js';
import { SwadayaError } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { readStdinFile, STDIN_NAME, STDIN_PATH, type StdinFile } from '../io/stdin.js';
import type { CommandContext } from './context.js';

export interface StdinOptions {
  /** --stdin-filename: the name standard input (`-`) goes by in messages and outputs. */
  readonly stdinFilename?: string | undefined;
}

/**
 * Standard input, when `-` is among the paths (docs/commands.md#standard-input): read once and
 * bounded like a file, under --stdin-filename (else `<stdin>`). The finding when it cannot be
 * taken (too large, not UTF-8). Refused before anything is read, exit 2: `-` more than once, a
 * terminal on standard input (it would wait for typing), --stdin-filename without `-`.
 */
export async function readStdinArgument(
  paths: readonly string[],
  options: StdinOptions,
  command: string,
  ctx: CommandContext,
  language: Language,
): Promise<StdinFile | Finding | undefined> {
  const name = options.stdinFilename;
  if (name !== undefined && name.trim() === '') throw new SwadayaError('bad-stdin-filename', t(language, 'stdin.filenameEmpty'));
  const count = paths.filter((path) => path === STDIN_PATH).length;
  if (count === 0) {
    if (name !== undefined) throw new SwadayaError('stdin-filename-without-stdin', t(language, 'stdin.filenameAlone', { name }));
    return undefined;
  }
  if (count > 1) throw new SwadayaError('stdin-twice', t(language, 'stdin.twice', { count }));
  if (ctx.stdin.isTTY) throw new SwadayaError('stdin-is-a-terminal', t(language, 'stdin.terminal', { command }));
  return readStdinFile(ctx.stdin, name ?? STDIN_NAME);
}
