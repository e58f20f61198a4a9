import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { OutputStream } from './streams.js';

/**
 * `-o FILE`: a command's stdout going to FILE, atomically. The text is written to a temporary
 * file beside FILE; `commit` syncs it and renames it over FILE, `abandon` removes it, so FILE is
 * always either untouched or complete, never half a report. Writes are synchronous: a file never
 * needs to drain.
 */
export class AtomicOutputFile implements OutputStream {
  readonly isTTY = false;
  private readonly temporary: string;
  private readonly fd: number;

  constructor(readonly file: string) {
    this.temporary = join(dirname(file), `.${basename(file)}.${process.pid}.swadaya-tmp`);
    this.fd = openSync(this.temporary, 'w', 0o644);
  }

  /** Every write is done when it returns. */
  readonly writableLength = 0;

  write(chunk: string | Uint8Array): boolean {
    if (typeof chunk === 'string') writeSync(this.fd, chunk);
    else for (let at = 0; at < chunk.length; ) at += writeSync(this.fd, chunk, at);
    return true;
  }

  once(): this {
    return this;
  }

  commit(): void {
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.temporary, this.file);
  }

  abandon(): void {
    closeSync(this.fd);
    rmSync(this.temporary, { force: true });
  }
}

/** Lines that `--quiet` keeps: errors (a finding's `error`/`galat`, and `swadaya: …` failures). */
const KEPT = /^(\u001b\[[0-9;]*m)*(swadaya: |\S.*: (error|galat) \[)/;

/**
 * `--quiet`: stderr with only the errors. Progress bars, warnings, notices and "wrote …" lines
 * are dropped; it is not a terminal, so no progress bar is even started.
 */
export class QuietStream implements OutputStream {
  readonly isTTY = false;
  private partial = '';
  private keeping = false;

  constructor(private readonly target: OutputStream) {}

  write(chunk: string): boolean {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    let kept = '';
    for (const line of lines) {
      // An error's indented lines (the communities a gate names) stay with it.
      this.keeping = KEPT.test(line) || (this.keeping && /^(\u001b\[[0-9;]*m)*\s+\S/.test(line));
      if (this.keeping) kept += `${line}\n`;
    }
    return kept === '' ? true : this.target.write(kept);
  }

  once(event: 'drain' | 'close' | 'error', listener: () => void): unknown {
    return this.target.once(event, listener);
  }
}

