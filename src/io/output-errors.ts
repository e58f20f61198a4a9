import type { EventEmitter } from 'node:events';
import { toolLanguage, type Language } from '../i18n/language.js';
import { lookup, t } from '../i18n/catalogue.js';

/** The part of `process` the output guard touches, so it can be tested without a real full disk. */
export interface GuardedProcess {
  readonly stdout: EventEmitter;
  readonly stderr: EventEmitter & { write(chunk: string): unknown };
  exitCode?: number | string | undefined;
  exit(code?: number): never;
}

/** The one line a failed stdout ends the run with (docs: exit status 2). */
export function outputFailureLine(code: string, lang: Language): string {
  const reason = lookup(lang, `output.${code}`);
  const what = reason ? `${reason}, ${code}` : code;
  return `${t(lang, 'output.failed', { what })}\n`;
}

/**
 * Stream errors of stdout and stderr (docs/commands.md#exit-codes):
 * - stdout EPIPE (`swadaya score … | head`): the reader has what it wanted; silent, exit status unchanged;
 * - any other stdout error (ENOSPC on `> /dev/full`, EIO): one line on stderr and exit 2;
 * - a stderr error: nothing more can be said, and the exit status stays the command's own.
 */
export function guardOutputStreams(proc: GuardedProcess, lang: Language): void {
  let failed = false;
  proc.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      proc.exit(typeof proc.exitCode === 'number' ? proc.exitCode : 0);
      return;
    }
    if (!failed) {
      failed = true;
      try {
        proc.stderr.write(outputFailureLine(error.code ?? 'EIO', lang));
      } catch {
        // stderr is gone too: the exit status still tells.
      }
    }
    proc.exit(2);
  });
  proc.stderr.on('error', () => {
    // Nothing can be reported on a broken stderr; the exit status is the command's own.
  });
}

/** The tool language from the raw arguments and environment, before commander has parsed anything. */
export function earlyLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Language {
  const index = argv.indexOf('--lang');
  const fromArgs = index !== -1 ? argv[index + 1] : argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length);
  return toolLanguage(fromArgs ?? env.SWADAYA_LANG);
}
