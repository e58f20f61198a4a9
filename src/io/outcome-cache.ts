import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync, type BigIntStats } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

/**
 * The per-file cache of `--cache` (docs/ci.md#the-cache): what a batch made of each file, reused
 * while the file's content, the rubrics and swadaya's version are unchanged.
 *
 * Per command, working directory and projection: an index (`NAME.cache`) and one or more
 * segments (`NAME.ID.seg`) holding the cached texts back to back. The index's first line is a
 * JSON header (format, swadaya's version, a fingerprint of every rubric the run can see, the
 * projection, its segments); its second a JSON array with one entry per file:
 * `[path, ino, size, mtimeNs, ctimeNs, recordedMs, sha256, segment, offset, length]`. A run
 * writes the texts it made to a new segment, then the index (to a temporary file renamed over
 * the old one: the index is the commit). Segments are never changed once written, so an index
 * always points at whole texts; they are merged into one when half their bytes are no longer
 * used, or when there are eight.
 *
 * A file is re-read and hashed unless its inode, size, mtime and ctime are what they were AND
 * it had been left alone for RACY_MS before its entry was recorded (as git does for its index:
 * a write within the same timestamp tick as the recording could otherwise go unseen). ctime
 * cannot be set back by a program, so a changed file is always hashed; the hash decides.
 */
export const CACHE_FORMAT = 'swadaya-cache@2';
export const RACY_MS = 2000;
const MAX_SEGMENTS = 8;
const WINDOW = 4 << 20;

export interface CacheKey {
  /** swadaya's version. */
  readonly version: string;
  /** `rubricFingerprint` of the run's rubric search. */
  readonly rubrics: string;
  /** What the batch keeps of each file (the projection and its options), as text. */
  readonly projection: string;
}

type Place = { readonly segment: string; readonly offset: number; readonly length: number } | { readonly text: string };

interface Entry {
  readonly ino: string;
  readonly size: string;
  readonly mtime: string;
  readonly ctime: string;
  readonly recorded: number;
  readonly hash: string;
  readonly place: Place;
}

/** Why a cache file was not used: absent and outdated are expected; foreign and damaged are warned about. */
export type CacheState = 'empty' | 'loaded' | 'outdated' | 'foreign' | 'damaged';

/** A file's stats, and when they were taken: the entry is trusted on them only if the file was quiet then. */
export interface StatsTaken {
  readonly stats: BigIntStats;
  readonly at: number;
}

export interface CacheLookup {
  /** Reads the cached text, when the file is unchanged. Texts are best read in input order. */
  readonly read?: () => string;
  /** A miss: the file's stats before the batch reads it, to record with its outcome (absent when it cannot be read now). */
  readonly taken?: StatsTaken;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads texts from segments through a window, so texts read in order cost one read per few MB. */
class SegmentReader {
  private fd: number | undefined;
  private segment = '';
  private window = Buffer.alloc(0);
  private start = 0;

  constructor(private readonly dir: string) {}

  read(segment: string, offset: number, length: number): string {
    if (segment !== this.segment || offset < this.start || offset + length > this.start + this.window.length) {
      if (segment !== this.segment) {
        this.close();
        this.fd = openSync(join(this.dir, segment), 'r');
        this.segment = segment;
      }
      const buffer = Buffer.allocUnsafe(Math.max(WINDOW, length));
      const got = readSync(this.fd!, buffer, 0, buffer.length, offset);
      this.window = buffer.subarray(0, got);
      this.start = offset;
      if (got < length) throw new Error(`cache segment ${segment} is shorter than its index says`);
    }
    return this.window.toString('utf8', offset - this.start, offset - this.start + length);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.segment = '';
    this.window = Buffer.alloc(0);
  }
}

export class OutcomeCache {
  private readonly entries = new Map<string, Entry>();
  private readonly next = new Map<string, Entry>();
  private segments: string[] = [];
  private readonly dir: string;
  private readonly reader: SegmentReader;
  private changed = false;
  /** This run's new segment, opened at the first text recorded. */
  private writer: SegmentWriter | undefined;
  readonly state: CacheState;

  /**
   * `file`: the index file. `now`: the clock (tests move it). `cwd` resolves the paths, which are
   * kept as the command got them.
   */
  constructor(
    readonly file: string,
    private readonly key: CacheKey,
    private readonly cwd: string,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = dirname(file);
    this.reader = new SegmentReader(this.dir);
    this.state = this.load();
  }

  private load(): CacheState {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return 'empty';
    }
    const headerEnd = text.indexOf('\n');
    let header: unknown;
    try {
      header = JSON.parse(headerEnd < 0 ? text : text.slice(0, headerEnd));
    } catch {
      return 'foreign';
    }
    if (!isHeader(header)) return 'foreign';
    if (header.version !== this.key.version || header.rubrics !== this.key.rubrics || header.projection !== this.key.projection) return 'outdated';
    let rows: unknown;
    try {
      rows = JSON.parse(text.slice(headerEnd + 1));
    } catch {
      return 'damaged';
    }
    if (!Array.isArray(rows)) return 'damaged';
    // Every segment must be there and hold every text its entries point at.
    const sizes = header.segments.map((segment) => {
      try {
        return statSync(join(this.dir, segment)).size;
      } catch {
        return -1;
      }
    });
    const entries = new Map<string, Entry>();
    for (const row of rows) {
      if (!isRow(row)) return 'damaged';
      const [path, ino, size, mtime, ctime, recorded, hash, segment, offset, length] = row;
      if (segment >= sizes.length || offset + length > sizes[segment]!) return 'damaged';
      entries.set(path, { ino, size, mtime, ctime, recorded, hash, place: { segment: header.segments[segment]!, offset, length } });
    }
    this.segments = header.segments;
    for (const [path, entry] of entries) this.entries.set(path, entry);
    return 'loaded';
  }

  /**
   * Looks `path` up: a hit when its content is what the cache recorded. A file with no entry is
   * only stat'ed here; the batch hashes the bytes it scores (`FileOutcome.hash`).
   */
  lookup(path: string): CacheLookup {
    const absolute = resolve(this.cwd, path);
    const at = this.now();
    let stats: BigIntStats;
    try {
      stats = statSync(absolute, { bigint: true });
    } catch {
      return {};
    }
    if (!stats.isFile()) return {};
    const taken = { stats, at };
    const entry = this.entries.get(path);
    if (!entry) return { taken };
    if (sameStats(entry, stats) && entry.recorded - Number(stats.ctimeMs) > RACY_MS) {
      this.next.set(path, entry);
      return { read: () => this.text(entry.place) };
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch {
      return {};
    }
    if (entry.hash !== sha256(bytes)) return { taken };
    // The same content. New times (touched, copied back), or quiet by now after being recorded
    // too soon: note them, so the next run need not read it. Otherwise keep the entry as it is.
    if (!sameStats(entry, stats) || at - Number(stats.ctimeMs) > RACY_MS) this.put(path, taken, entry.hash, entry.place);
    else this.next.set(path, entry);
    return { read: () => this.text(entry.place) };
  }

  /**
   * Records what the batch made of `path` from bytes hashing to `hash`, the file having had the
   * stats `taken` before the batch read it. The text goes straight to this run's new segment,
   * so a large cold run holds none of them in memory.
   */
  record(path: string, taken: StatsTaken, hash: string, text: string): void {
    try {
      this.writer ??= this.newSegment();
      this.put(path, taken, hash, { segment: this.writer.name, ...this.writer.append(text) });
    } catch {
      // A cache that cannot be written holds the text until save() reports why.
      this.put(path, taken, hash, { text });
    }
  }

  /**
   * `recorded` is when the stats were taken, before the bytes were read: were the file written
   * after that, its ctime would be later than the recorded one, and the entry no longer trusted.
   */
  private put(path: string, { stats, at }: StatsTaken, hash: string, place: Place): void {
    this.next.set(path, { ino: String(stats.ino), size: String(stats.size), mtime: String(stats.mtimeNs), ctime: String(stats.ctimeNs), recorded: at, hash, place });
    this.changed = true;
  }

  private text(place: Place): string {
    return 'text' in place ? place.text : this.reader.read(place.segment, place.offset, place.length);
  }

  private newSegment(): SegmentWriter {
    mkdirSync(this.dir, { recursive: true });
    return new SegmentWriter(this.dir, `${basename(this.file, '.cache')}.${randomBytes(6).toString('hex')}.seg`);
  }

  /**
   * Writes this run's entries (files no longer given are dropped) when anything changed: the
   * new texts to a new segment, then the index to a temporary file renamed over the old one.
   * Not fsynced: a cache lost in a power cut is rebuilt, a damaged one ignored.
   */
  save(): void {
    this.reader.close();
    if (!this.changed && this.next.size === this.entries.size && this.state === 'loaded') {
      this.writer?.abandon();
      return;
    }
    const fresh = this.writer ?? this.newSegment();
    this.writer = undefined;
    const liveOld = new Map<string, number>();
    for (const entry of this.next.values()) {
      if ('segment' in entry.place && entry.place.segment !== fresh.name) liveOld.set(entry.place.segment, (liveOld.get(entry.place.segment) ?? 0) + entry.place.length);
    }
    const oldBytes = this.segments.reduce((sum, segment) => sum + sizeOf(join(this.dir, segment)), 0);
    const liveBytes = [...liveOld.values()].reduce((sum, bytes) => sum + bytes, 0);
    // Merge the old segments into the new one once half their bytes are stale, or when there are too many.
    const compact = liveOld.size + 1 > MAX_SEGMENTS || liveBytes * 2 < oldBytes;
    const placed = new Map<string, Entry>();
    try {
      for (const [path, entry] of this.next) {
        const place = entry.place;
        const moves = 'text' in place || (compact && place.segment !== fresh.name);
        placed.set(path, moves ? { ...entry, place: { segment: fresh.name, ...fresh.append(this.text(place)) } } : entry);
      }
      fresh.close();
    } catch (error) {
      fresh.abandon();
      throw error;
    }
    this.reader.close();
    const segments = [...new Set([...placed.values()].map((entry) => (entry.place as { segment: string }).segment))];
    const index = new Map(segments.map((segment, position) => [segment, position]));
    const rows = [...placed].map(([path, entry]) => {
      const place = entry.place as { segment: string; offset: number; length: number };
      return [path, entry.ino, entry.size, entry.mtime, entry.ctime, entry.recorded, entry.hash, index.get(place.segment), place.offset, place.length];
    });
    const header = { format: CACHE_FORMAT, version: this.key.version, rubrics: this.key.rubrics, projection: this.key.projection, segments };
    const temporary = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    writeWhole(temporary, `${JSON.stringify(header)}\n${JSON.stringify(rows)}\n`);
    renameSync(temporary, this.file);
    if (!index.has(fresh.name)) removeQuietly(join(this.dir, fresh.name));
    for (const segment of this.segments) if (!index.has(segment)) removeQuietly(join(this.dir, segment));
  }
}

/** Appends texts to a new segment in blocks; `append` says where each one lands. */
class SegmentWriter {
  private readonly fd: number;
  private readonly path: string;
  private offset = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private closed = false;

  constructor(dir: string, readonly name: string) {
    this.path = join(dir, name);
    this.fd = openSync(this.path, 'wx');
  }

  append(text: string): { offset: number; length: number } {
    const bytes = Buffer.from(text, 'utf8');
    const at = { offset: this.offset, length: bytes.length };
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.offset += bytes.length;
    if (this.pendingBytes >= WINDOW) this.flush();
    return at;
  }

  private flush(): void {
    const block = Buffer.concat(this.pending, this.pendingBytes);
    let written = 0;
    while (written < block.length) written += writeSync(this.fd, block, written);
    this.pending = [];
    this.pendingBytes = 0;
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }

  abandon(): void {
    if (!this.closed) closeSync(this.fd);
    this.closed = true;
    removeQuietly(this.path);
  }
}

function writeWhole(path: string, text: string): void {
  const fd = openSync(path, 'wx');
  try {
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
  } finally {
    closeSync(fd);
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone already, or another run's to remove
  }
}

function sameStats(entry: Entry, stats: BigIntStats): boolean {
  return entry.ino === String(stats.ino) && entry.size === String(stats.size) && entry.mtime === String(stats.mtimeNs) && entry.ctime === String(stats.ctimeNs);
}

function isHeader(value: unknown): value is { format: string; version: string; rubrics: string; projection: string; segments: string[] } {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Record<string, unknown>;
  return (
    header.format === CACHE_FORMAT &&
    typeof header.version === 'string' &&
    typeof header.rubrics === 'string' &&
    typeof header.projection === 'string' &&
    Array.isArray(header.segments) &&
    header.segments.every((segment) => typeof segment === 'string' && /^[\w.-]+\.seg$/.test(segment))
  );
}

function isRow(value: unknown): value is [string, string, string, string, string, number, string, number, number, number] {
  return (
    Array.isArray(value) &&
    value.length === 10 &&
    typeof value[0] === 'string' &&
    value.slice(1, 5).every((part) => typeof part === 'string') &&
    typeof value[5] === 'number' &&
    typeof value[6] === 'string' &&
    value.slice(7).every((part) => Number.isSafeInteger(part) && (part as number) >= 0)
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
