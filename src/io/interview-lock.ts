import { unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isAlive } from './atomic-write.js';

/** Who holds an interview lock: written into the lock file as JSON. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export type LockResult = { readonly release: () => Promise<void> } | { readonly heldBy: LockHolder; readonly lockFile: string };

/** The lock of an interview on `file`: `.NAME.swadaya-lock` beside it (hidden, so `score DIR` skips it). */
export function lockFileOf(file: string): string {
  return join(dirname(file), `.${basename(file)}.swadaya-lock`);
}

/**
 * Takes the interview lock on `file` (docs: README, "Interviewing a community"): one interview
 * per file at a time. A lock whose process is gone (kill -9, a crash, a reboot) is taken over;
 * a live one is reported with its holder's pid. The lock is released by `release`, and on exit.
 */
export async function acquireInterviewLock(file: string): Promise<LockResult> {
  const lockFile = lockFileOf(file);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    try {
      const handle = await open(lockFile, 'wx', 0o644);
      await handle.writeFile(`${JSON.stringify(holder)}\n`);
      await handle.close();
      const onExit = (): void => {
        try {
          unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once('exit', onExit);
      return {
        release: async () => {
          process.removeListener('exit', onExit);
          await unlink(lockFile).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = await readHolder(lockFile);
    // A lock from another machine (a shared drive) cannot be checked: it is respected.
    if (current && (current.host !== hostname() || isAlive(current.pid))) return { heldBy: current, lockFile };
    await unlink(lockFile).catch(() => undefined);
  }
  const current = await readHolder(lockFile);
  return { heldBy: current ?? { pid: 0, host: hostname(), since: '' }, lockFile };
}

async function readHolder(lockFile: string): Promise<LockHolder | undefined> {
  try {
    const data = JSON.parse(await readFile(lockFile, 'utf8')) as Partial<LockHolder>;
    if (typeof data.pid !== 'number') return undefined;
    return { pid: data.pid, host: typeof data.host === 'string' ? data.host : '', since: typeof data.since === 'string' ? data.since : '' };
  } catch {
    return undefined; // unreadable or half-written: treated as stale
  }
}
