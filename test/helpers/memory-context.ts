import { PassThrough } from 'node:stream';
import type { CommandContext, OutputStream } from '../../src/commands/context.js';
import { buildSettings, type GlobalFlags, type Settings } from '../../src/commands/settings.js';

class MemoryStream implements OutputStream {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
  once(): this {
    return this;
  }
}

export interface MemoryContext {
  readonly ctx: CommandContext;
  stdout(): string;
  stderr(): string;
}

/** A CommandContext whose output is collected in memory, for running commands in-process. */
export function memoryContext(options: { cwd?: string; env?: Record<string, string | undefined>; tty?: boolean } = {}): MemoryContext {
  const stdout = new MemoryStream(options.tty ?? false);
  const stderr = new MemoryStream(options.tty ?? false);
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  const ctx: CommandContext = {
    stdout,
    stderr,
    stdin,
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd ?? process.cwd(),
  };
  return { ctx, stdout: () => stdout.text, stderr: () => stderr.text };
}

/** The settings `cli.ts` would build for these global flags in this context. */
export function settingsFor(ctx: CommandContext, flags: GlobalFlags = {}): Settings {
  return buildSettings(flags, ctx);
}
