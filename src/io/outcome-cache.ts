import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, type BigIntStats } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The per-file cache of `--cache` (docs/ci.md#the-cache): what a batch made of each file, reused
 * while the file's content, the rubrics and swadaya's version are unchanged.
 *
 * One cache file per command, working directory and projection. Its first line is a JSON header
 * (format, swadaya's version, a fingerprint of every rubric the run can see, the projection);
 * each further line is one file: `[path, ino, size, mtimeNs, ctimeNs, recordedMs, sha256]`, a
 * tab, and the cached text. A file is re-read and its content hashed unless its inode, size,
 * mtime and ctime are what they were AND it had been left alone for RACY_MS before its entry
 * was recorded (as git does for its index: a write within the same timestamp tick as the
 * recording could otherwise go unseen). ctime cannot be set back by a program, so a changed
 * file is always hashed; the hash decides.
 */
export const CACHE_FORMAT = 'swadaya-cache@1';
export const RACY_MS = 2000;

export interface CacheKey {
  /** swadaya's version. */
  readonly version: string;
  /** `rubricFingerprint` of the run's rubric search. */
  readonly rubrics: string;
  /** What the batch keeps of each file (the projection and its options), as text. */
  readonly projection: string;
}

interface Entry {
  readonly ino: string;
  readonly size: string;
  readonly mtime: string;
  readonly ctime: string;
  readonly recorded: number;
  readonly hash: string;
  readonly payload: string;
}

/** Why a cache file was not used: absent and outdated are expected; foreign and damaged are warned about. */
export type CacheState = 'empty' | 'loaded' | 'outdated' | 'foreign' | 'damaged';

export interface CacheLookup {
  /** The cached text, when the file is unchanged. */
  readonly payload?: string;
  /** What to record for the file once it is processed (absent when it cannot be read now). */
  readonly fingerprint?: { readonly stats: BigIntStats; readonly hash: string };
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export class OutcomeCache {
  private readonly entries = new Map<string, Entry>();
  private readonly next = new Map<string, Entry>();
  private changed = false;
  readonly state: CacheState;

  /**
   * `file`: the cache file. `now`: the clock (tests move it). `cwd` resolves the paths, which are
   * kept as the command got them.
   */
  constructor(
    readonly file: string,
    private readonly key: CacheKey,
    private readonly cwd: string,
    private readonly now: () => number = Date.now,
  ) {
    this.state = this.load();
  }

  private load(): CacheState {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return 'empty';
    }
    const headerEnd = bytes.indexOf(10);
    let header: unknown;
    try {
      header = JSON.parse(bytes.subarray(0, headerEnd < 0 ? bytes.length : headerEnd).toString('utf8'));
    } catch {
      return 'foreign';
    }
    if (!isHeader(header)) return 'foreign';
    if (header.version !== this.key.version || header.rubrics !== this.key.rubrics || header.projection !== this.key.projection) return 'outdated';
    if (headerEnd < 0 || bytes[bytes.length - 1] !== 10) return 'damaged';
    const entries = new Map<string, Entry>();
    let start = headerEnd + 1;
    while (start < bytes.length) {
      const end = bytes.indexOf(10, start);
      const line = bytes.subarray(start, end).toString('utf8');
      start = end + 1;
      const tab = line.indexOf('\t');
      let head: unknown;
      try {
        head = JSON.parse(line.slice(0, tab));
      } catch {
        return 'damaged';
      }
      if (tab < 0 || !isEntryHead(head)) return 'damaged';
      const [path, ino, size, mtime, ctime, recorded, hash] = head;
      entries.set(path, { ino, size, mtime, ctime, recorded, hash, payload: line.slice(tab + 1) });
    }
    for (const [path, entry] of entries) this.entries.set(path, entry);
    return 'loaded';
  }

  /** Looks `path` up: a hit when its content is what the cache recorded. */
  lookup(path: string): CacheLookup {
    const absolute = resolve(this.cwd, path);
    let stats: BigIntStats;
    try {
      stats = statSync(absolute, { bigint: true });
    } catch {
      return {};
    }
    if (!stats.isFile()) return {};
    const entry = this.entries.get(path);
    if (entry && sameStats(entry, stats) && entry.recorded - Number(stats.ctimeMs) > RACY_MS) {
      this.next.set(path, entry);
      return { payload: entry.payload };
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch {
      return {};
    }
    const hash = sha256(bytes);
    if (entry && entry.hash === hash) {
      // The same content. New times (touched, copied back), or quiet by now after being recorded
      // too soon: note them, so the next run need not read it. Otherwise keep the entry as it is.
      if (!sameStats(entry, stats) || this.now() - Number(stats.ctimeMs) > RACY_MS) this.record(path, { stats, hash }, entry.payload);
      else this.next.set(path, entry);
      return { payload: entry.payload };
    }
    return { fingerprint: { stats, hash } };
  }

  /** Records what the batch made of `path`, read when it had `fingerprint`. */
  record(path: string, fingerprint: NonNullable<CacheLookup['fingerprint']>, payload: string): void {
    const { stats, hash } = fingerprint;
    this.next.set(path, { ino: String(stats.ino), size: String(stats.size), mtime: String(stats.mtimeNs), ctime: String(stats.ctimeNs), recorded: this.now(), hash, payload });
    this.changed = true;
  }

  /**
   * Writes the entries of this run (files no longer given are dropped) when anything changed:
   * to a temporary file beside the cache, then renamed over it, so the cache file is always a
   * whole one. Not fsynced: a cache lost in a power cut is rebuilt, a damaged one ignored.
   */
  save(): void {
    if (!this.changed && this.next.size === this.entries.size && this.state === 'loaded') return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      const header = { format: CACHE_FORMAT, version: this.key.version, rubrics: this.key.rubrics, projection: this.key.projection };
      let block = `${JSON.stringify(header)}\n`;
      for (const [path, entry] of this.next) {
        block += `${JSON.stringify([path, entry.ino, entry.size, entry.mtime, entry.ctime, entry.recorded, entry.hash])}\t${entry.payload}\n`;
        if (block.length >= 1 << 20) {
          writeSync(fd, block);
          block = '';
        }
      }
      writeSync(fd, block);
    } catch (error) {
      closeSync(fd);
      unlinkSync(temporary);
      throw error;
    }
    closeSync(fd);
    renameSync(temporary, this.file);
  }
}

function sameStats(entry: Entry, stats: BigIntStats): boolean {
  return entry.ino === String(stats.ino) && entry.size === String(stats.size) && entry.mtime === String(stats.mtimeNs) && entry.ctime === String(stats.ctimeNs);
}

function isHeader(value: unknown): value is { format: string; version: string; rubrics: string; projection: string } {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Record<string, unknown>;
  return header.format === CACHE_FORMAT && typeof header.version === 'string' && typeof header.rubrics === 'string' && typeof header.projection === 'string';
}

function isEntryHead(value: unknown): value is [string, string, string, string, string, number, string] {
  return (
    Array.isArray(value) &&
    value.length === 7 &&
    typeof value[0] === 'string' &&
    value.slice(1, 5).every((part) => typeof part === 'string') &&
    typeof value[5] === 'number' &&
    typeof value[6] === 'string'
  );
}

/**
 * A fingerprint of every rubric a run can see: each directory's files (names and bytes), in
 * search order. Any byte changed in any of them changes it, and with it the whole cache.
 */
export function rubricFingerprint(dirs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    hash.update(`dir\u0000${dir}\u0000`);
    for (const file of filesUnder(dir)) {
      hash.update(`${relative(dir, file)}\u0000`);
      try {
        hash.update(readFileSync(file));
      } catch {
        hash.update('\u0000unreadable');
      }
      hash.update('\u0000');
    }
  }
  return hash.digest('hex');
}

function filesUnder(path: string): string[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return [];
  }
  if (stats.isFile()) return [path];
  if (!stats.isDirectory()) return [];
  let names: string[];
  try {
    names = readdirSync(path).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => filesUnder(join(path, name)));
}

/**
 * Where the cache lives without --cache-location: ./node_modules/.cache/swadaya when the
 * working directory has node_modules (as other tools keep theirs), else $XDG_CACHE_HOME/swadaya,
 * else ~/.cache/swadaya.
 */
export function defaultCacheDirectory(cwd: string, env: Readonly<Record<string, string | undefined>>): string {
  if (existsSync(join(cwd, 'node_modules'))) return join(cwd, 'node_modules', '.cache', 'swadaya');
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && xdg !== '') return join(resolve(cwd, xdg), 'swadaya');
  return join(env.HOME ?? cwd, '.cache', 'swadaya');
}

/** The cache file of one command, working directory and projection, in the directory `location`. */
export function cacheFileOf(location: string, command: string, cwd: string, projection: string): string {
  return join(location, `${command}-${sha256(`${cwd}\u0000${projection}`).slice(0, 16)}.cache`);
}
