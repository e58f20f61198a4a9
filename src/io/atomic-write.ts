import { constants } from 'node:fs';
import { access, open, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { SwadayaError } from '../errors.js';
import { labelsFor } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';
import { fillLabel } from '../i18n/fill-label.js';

/**
 * Writes `text` to `file` so that the file is always either the old or the new version: a
 * temporary file in the same directory, fsync, rename over the target, then fsync the directory
 * so the rename itself survives a power cut.
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text, { encoding: 'utf8', fsync: true });
  await syncDirectory(dirname(file));
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
  const labels = labelsFor(tool);
  const fail = (code: string, template: string, args: Record<string, string>): never => {
    throw new SwadayaError(code, fillLabel(template, { file: shown, ...args }));
  };
  const dir = dirname(file);
  const target = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (!(target instanceof Error)) {
    if (target.isDirectory()) fail('target-is-directory', labels.assessTargetIsDirectory, { example: join(shown, 'assessment.yaml') });
    // A FIFO or a device would block or never end: only a regular file is read and replaced.
    if (!target.isFile()) fail('target-not-regular', labels.assessTargetNotRegular, {});
    const denied = await access(file, constants.W_OK).catch((error: NodeJS.ErrnoException) => error);
    if (denied) fail('target-not-writable', labels.assessTargetFileNotWritable, { reason: denied.code ?? denied.message });
  } else if (target.code === 'ENOTDIR') {
    fail('target-parent-not-directory', labels.assessTargetParentNotDirectory, { dir: await firstNonDirectory(dir) });
  } else if (target.code !== 'ENOENT') {
    fail('target-not-writable', labels.assessTargetFileNotWritable, { reason: target.code ?? target.message });
  }
  const parent = await stat(dir).catch((error: NodeJS.ErrnoException) => error);
  if (parent instanceof Error) {
    if (parent.code === 'ENOTDIR') fail('target-parent-not-directory', labels.assessTargetParentNotDirectory, { dir: await firstNonDirectory(dir) });
    fail('target-directory-missing', labels.assessTargetNoDirectory, { dir: dirname(shown) });
  } else if (!parent.isDirectory()) {
    fail('target-parent-not-directory', labels.assessTargetParentNotDirectory, { dir: dirname(shown) });
  }
  const denied = await access(dir, constants.W_OK).catch((error: NodeJS.ErrnoException) => error);
  if (denied) fail('target-not-writable', labels.assessTargetNotWritable, { dir: dirname(shown), reason: denied.code ?? denied.message });
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
