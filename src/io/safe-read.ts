import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Finding } from '../core/finding.js';

/**
 * Every rubric and assessment swadaya reads goes through here (docs: README, "Limits"): the
 * path must lead, after following links, to a regular file no larger than the size limit.
 * A FIFO would block forever and /dev/zero would fill memory, so they are refused before
 * they are opened; the open itself never blocks (O_NONBLOCK) and the file is checked again
 * through the open handle, so a file swapped in between is caught as well.
 */

/** Rubrics and assessments are kilobytes; a national multi-document file a few megabytes. */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

let maxFileBytes = DEFAULT_MAX_FILE_BYTES;

/** The size limit in force (SWADAYA_MAX_FILE_SIZE), set once per run and per batch worker. */
export function setMaxFileBytes(bytes: number): void {
  maxFileBytes = bytes;
}

export function currentMaxFileBytes(): number {
  return maxFileBytes;
}

/** Parses SWADAYA_MAX_FILE_SIZE: bytes, or with a K, M or G suffix (powers of 1024). Undefined when it is not a size. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(text);
  if (!match) return undefined;
  const factor = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const bytes = Math.floor(Number(match[1]) * factor);
  return bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

export type SpecialKind = 'fifo' | 'character-device' | 'block-device' | 'socket' | 'other';

/** What a non-regular, non-directory file is, for the message. */
export function specialKind(info: Pick<Stats, 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>): SpecialKind {
  if (info.isFIFO()) return 'fifo';
  if (info.isCharacterDevice()) return 'character-device';
  if (info.isBlockDevice()) return 'block-device';
  if (info.isSocket()) return 'socket';
  return 'other';
}

export function notRegularFinding(file: string, kind: SpecialKind, severity: 'error' | 'warning' = 'error'): Finding {
  return { code: severity === 'error' ? 'not-a-regular-file' : 'special-file-skipped', severity, file, args: { kind } };
}

function tooLarge(file: string, size: number, limit: number): Finding {
  return { code: 'file-too-large', severity: 'error', file, args: { size, limit } };
}

export function readFailureFinding(file: string, error: unknown): Finding {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  const finding = (name: string, args: Record<string, string> = {}): Finding => ({ code: name, severity: 'error', file, args });
  if (code === 'ENOENT') return finding('path-not-found');
  if (code === 'EISDIR') return finding('is-a-directory');
  if (code === 'EACCES' || code === 'EPERM') return finding('permission-denied');
  if (code === 'ELOOP') return finding('symlink-loop');
  return finding('unreadable-file', { reason: code });
}

/** Checks what `stat` found; returns the finding that refuses it, or undefined for a regular file within the limit. */
function refusal(file: string, info: Stats, limit: number): Finding | undefined {
  if (info.isDirectory()) return { code: 'is-a-directory', severity: 'error', file, args: {} };
  if (!info.isFile()) return notRegularFinding(file, specialKind(info));
  if (info.size > limit) return tooLarge(file, info.size, limit);
  return undefined;
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
/** Not on Windows, which has no FIFOs or device files to open by mistake: there every path takes the checked way. */
const NO_FOLLOW: number | undefined = constants.O_NOFOLLOW;

/** A buffer for a file of `size` bytes, with one byte more to notice growth. */
function bufferFor(size: number, limit: number): Buffer {
  return Buffer.allocUnsafe(Math.min(size, limit) + 1);
}

/** Room for more when a file grew while read, never beyond the limit; undefined when the limit is passed. */
function grow(buffer: Buffer, length: number, limit: number): Buffer | undefined {
  if (length > limit) return undefined;
  const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
  buffer.copy(bigger, 0, 0, length);
  return bigger;
}

/** The bytes of a regular file, or the finding that says why it was not read. Never blocks on a FIFO, never reads past the limit. */
export async function readRegularFile(file: string, shown = file, limit = maxFileBytes): Promise<Buffer | Finding> {
  try {
    const refused = refusal(shown, await stat(file), limit);
    if (refused) return refused;
    const handle = await open(file, OPEN_FLAGS);
    try {
      const info = await handle.stat();
      const again = refusal(shown, info, limit);
      if (again) return again;
      let buffer = bufferFor(info.size, limit);
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          const bigger = grow(buffer, length, limit);
          if (!bigger) return tooLarge(shown, length, limit);
          buffer = bigger;
        }
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) return buffer.subarray(0, length);
        length += bytesRead;
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    return readFailureFinding(shown, error);
  }
}

/**
 * readRegularFile without the event loop, for batch workers. `listed`: the path was listed by a
 * directory scan, a glob or a stat a moment ago as a regular file or a link, so it is opened at
 * once — one path lookup instead of two — refusing a final link (O_NOFOLLOW), which takes the
 * checked way; what was opened is checked through the handle all the same.
 */
export function readRegularFileSync(file: string, shown = file, limit = maxFileBytes, listed = false): Buffer | Finding {
  try {
    let fd: number;
    if (listed && NO_FOLLOW !== undefined) {
      try {
        fd = openSync(file, OPEN_FLAGS | NO_FOLLOW);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ELOOP') return readRegularFileSync(file, shown, limit);
        throw error;
      }
    } else {
      const refused = refusal(shown, statSync(file), limit);
      if (refused) return refused;
      fd = openSync(file, OPEN_FLAGS);
    }
    try {
      const info = fstatSync(fd);
      const again = refusal(shown, info, limit);
      if (again) return again;
      let buffer = bufferFor(info.size, limit);
      let length = 0;
      for (;;) {
        if (length === buffer.length) {
          const bigger = grow(buffer, length, limit);
          if (!bigger) return tooLarge(shown, length, limit);
          buffer = bigger;
        }
        const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
        if (bytesRead === 0) return buffer.subarray(0, length);
        length += bytesRead;
      }
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return readFailureFinding(shown, error);
  }
}

/**
 * The bytes of a stream (standard input read as a file, `-`) up to the size limit: past it,
 * reading stops there with `stdin-too-large`, so an endless pipe (`yes |`) never fills memory.
 */
export async function readBoundedStream(stream: AsyncIterable<unknown>, shown: string): Promise<Buffer | Finding> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      length += bytes.length;
      if (length > maxFileBytes) return { code: 'stdin-too-large', severity: 'error', file: shown, args: { limit: maxFileBytes } };
      chunks.push(bytes);
    }
  } catch (error) {
    return readFailureFinding(shown, error);
  }
  return Buffer.concat(chunks, length);
}
