import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SwadayaError } from '../errors.js';
import type { Language } from '../i18n/language.js';
import { translator } from '../i18n/catalogue.js';

/** An error of a save, with an errno-style code the caller turns into its message. */
export class SaveError extends Error {
  constructor(
    readonly code: 'ENOSPC' | 'EIO' | 'EREADONLY' | 'EVERIFY' | string,
    message: string,
  ) {
    super(message);
  }
}

export interface AtomicWriteOptions {
  /** Checks the text read back from the temporary file before it replaces the target (e.g. that it parses). */
  readonly verify?: ((text: string) => boolean) | undefined;
}

/** Temporary files of swadaya's saves: `.NAME.swadaya-PID-RANDOM.tmp` beside the target. */
function temporaryName(file: string): string {
  return join(dirname(file), `.${basename(file)}.swadaya-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}
const TEMPORARY = /^\.(.+)\.swadaya-(\d+)-[0-9a-f]+\.tmp$/;

/**
 * Writes `text` to `file` so that the file is always either the old or the new version, and
 * never a version that was not written whole (docs: README, "Interviewing a community"):
 * a temporary file beside it, every byte written (a short write on a full disk is retried until
 * it fails), fsync, read back and compared (and `verify`d), then renamed over the target and the
 * directory fsynced so the rename survives a power cut. A target that has become read-only
 * (no write bit, or not writable by this user) is left alone. The temporary file keeps the
 * target's mode. On any failure the temporary file is removed and the target is unchanged.
 */
export async function writeFileAtomically(file: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  const existing = await stat(file).catch(() => undefined);
  if (existing) await assertStillWritable(file, existing.mode);
  const temp = temporaryName(file);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    // A new file gets the usual mode (0o666 less the umask); a replaced one keeps its own.
    handle = await open(temp, 'wx', 0o666);
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, written);
      if (bytesWritten === 0) throw new SaveError('ENOSPC', 'no byte could be written');
      written += bytesWritten;
    }
    if (existing) await handle.chmod(existing.mode & 0o7777);
    await handle.sync();
    await handle.close();
    handle = undefined;
    const back = await readFile(temp);
    if (back.length !== bytes.length || !back.equals(bytes)) throw new SaveError('EVERIFY', `read back ${back.length} of ${bytes.length} bytes`);
    if (options.verify && !options.verify(back.toString('utf8'))) throw new SaveError('EVERIFY', 'the written text does not read back as it should');
    // The target may have been made read-only while this was written.
    const now = await stat(file).catch(() => undefined);
    if (now) await assertStillWritable(file, now.mode);
    await rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(file));
}

async function assertStillWritable(file: string, mode: number): Promise<void> {
  // No write bit at all: someone made it read-only on purpose; root would otherwise ignore that.
  if ((mode & 0o222) === 0) throw new SaveError('EREADONLY', 'the file is read-only');
  const denied = await access(file, constants.W_OK).catch((error: NodeJS.ErrnoException) => error);
  if (denied) throw new SaveError('EREADONLY', denied.code ?? 'not writable');
}

/**
 * Removes the temporary files an earlier save of `file` left behind when its process was killed
 * (kill -9, a power cut): those whose process is gone. Returns their names.
 */
export async function removeStaleTemporaries(file: string): Promise<string[]> {
  const dir = dirname(file);
  const name = basename(file);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const match = TEMPORARY.exec(entry);
    if (!match || match[1] !== name || isAlive(Number(match[2]))) continue;
    if (await unlink(join(dir, entry)).then(() => true, () => false)) removed.push(entry);
  }
  return removed;
}

/** True when a process with this id exists (EPERM: it exists but belongs to another user). */
export function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms and file systems cannot fsync a directory; the rename has been done anyway.
  } finally {
    await handle?.close();
  }
}

/**
 * Checks, before anything is asked, that `file` can be saved: its directory exists and is
 * writable, and it is not itself a directory or a read-only file. Throws a SwadayaError that
 * says what to do. `shown` is the path as the user wrote it.
 */
export async function assertWritableTarget(file: string, shown: string, tool: Language): Promise<void> {
  const labels = translator(tool);
  const fail = (code: string, message: string): never => {
    throw new SwadayaError(code, message);
  };
  const dir = dirname(file);
  const target = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (!(target instanceof Error)) {
    if (target.isDirectory()) fail('target-is-directory', labels('assessTargetIsDirectory', { file: shown, example: join(shown, 'assessment.yaml') }));
    // A FIFO or a device would block or never end: only a regular file is read and replaced.
    if (!target.isFile()) fail('target-not-regular', labels('assessTargetNotRegular', { file: shown }));
    const denied = await access(file, constants.W_OK).catch((error: NodeJS.ErrnoException) => error);
    if (denied) fail('target-not-writable', labels('assessTargetFileNotWritable', { file: shown, reason: denied.code ?? denied.message }));
  } else if (target.code === 'ENOTDIR') {
    fail('target-parent-not-directory', labels('assessTargetParentNotDirectory', { file: shown, dir: await firstNonDirectory(dir) }));
  } else if (target.code !== 'ENOENT') {
    fail('target-not-writable', labels('assessTargetFileNotWritable', { file: shown, reason: target.code ?? target.message }));
  }
  const parent = await stat(dir).catch((error: NodeJS.ErrnoException) => error);
  if (parent instanceof Error) {
    if (parent.code === 'ENOTDIR') fail('target-parent-not-directory', labels('assessTargetParentNotDirectory', { file: shown, dir: await firstNonDirectory(dir) }));
    fail('target-directory-missing', labels('assessTargetNoDirectory', { file: shown, dir: dirname(shown) }));
  } else if (!parent.isDirectory()) {
    fail('target-parent-not-directory', labels('assessTargetParentNotDirectory', { file: shown, dir: dirname(shown) }));
  }
  const denied = await access(dir, constants.W_OK).catch((error: NodeJS.ErrnoException) => error);
  if (denied) fail('target-not-writable', labels('assessTargetNotWritable', { file: shown, dir: dirname(shown), reason: denied.code ?? denied.message }));
}

/** The deepest ancestor of `dir` that exists but is not a directory (for "x/y is not a directory"). */
async function firstNonDirectory(dir: string): Promise<string> {
  let current = dir;
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    if (info && !info.isDirectory()) return current;
    const up = dirname(current);
    if (up === current) return basename(dir);
    current = up;
  }
}
