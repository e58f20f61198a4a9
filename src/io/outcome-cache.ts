import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * The per-file cache of `--cache` (docs/ci.md#the-cache): what a batch made of each file, reused
 * while the file's bytes, the rubrics it looked up, the run's rubric layout and swadaya's version
 * are unchanged.
 *
 * Per command, working directory and projection: an index (`NAME.cache`) and one or more
 * segments (`NAME.ID.seg`) holding each file's cached record (a few byte strings) back to back.
 * The index is one JSON header line, then three binary blocks: RECORD_FIELDS little-endian
 * doubles per entry, a 32-byte SHA-256 per entry, and the paths joined by NUL. Entries are kept
 * in input order, so a run over the same files matches them by position, without a lookup.
 *
 * A run appends the records it made to a new segment, then writes the index to a temporary file
 * renamed over the old one: the index is the commit. Segments never change once written, so an
 * index always points at whole records; they are merged into one when half their bytes are no
 * longer used, or when there are MAX_SEGMENTS.
 *
 * A file is re-read and hashed unless its inode, size, mtime and ctime are what they were AND it
 * had been left alone for RACY_MS before its entry was recorded (git's racy-timestamp rule: a
 * write in the same timestamp tick as the recording could otherwise go unseen). A program cannot
 * set ctime back, so a file written since is always hashed; the hash decides.
 */
export const CACHE_FORMAT = 'swadaya-cache@3';
export const RACY_MS = 2000;
const MAX_SEGMENTS = 8;
const WINDOW = 4 << 20;
/** ino, size, mtimeMs, ctimeMs, recordedMs, segment, offset, length, dependency set. */
const RECORD_FIELDS = 9;
const RECORD_BYTES = RECORD_FIELDS * 8;
const HASH_BYTES = 32;
const HASH_CHUNK = 1024;

export interface CacheKey {
  /** swadaya's version. */
  readonly version: string;
  /** What the batch keeps of each file (the projection and its options), as text. */
  readonly projection: string;
  /** Everything about the rubrics that every file depends on (`RubricFingerprints.layout`). */
  readonly layout: string;
}

/** The fingerprints of the rubrics a file may look up, by dependency name (docs/ci.md#the-cache). */
export interface DependencyFingerprints {
  /** The fingerprint of `name` when the run began: the same string as long as what it names is unchanged. */
  of(name: string): string;
  /** The fingerprint of `name` now. */
  now(name: string): string;
}

/** Why a cache file was not used: absent and outdated are expected; foreign and damaged are warned about. */
export type CacheState = 'empty' | 'loaded' | 'outdated' | 'foreign' | 'damaged';

/** A file's stats (ino, size, mtime, ctime), and when they were taken. */
export interface StatsTaken {
  readonly ino: number;
  readonly size: number;
  readonly mtime: number;
  readonly ctime: number;
  readonly at: number;
}

export interface CacheLookup {
  /** The file is unchanged: its cached record, to read with `OutcomeCache.read` in input order. */
  readonly hit?: number;
  /** A miss: the file's stats before the batch reads it, to record with its outcome (absent when it cannot be read now). */
  readonly taken?: StatsTaken;
}

interface Header {
  readonly format: string;
  readonly version: string;
  readonly projection: string;
  readonly layout: string;
  /** Each dependency set: the names it holds and their fingerprints when recorded. */
  readonly dependencies: readonly (readonly [string, string])[][];
  readonly segments: readonly string[];
  readonly count: number;
  readonly pathBytes: number;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Reads records from segments through one window per segment, so records read in order cost one
 * read per few MB. The window is reused: what `read` returns is valid until the next `read`.
 */
class SegmentReader {
  private readonly open = new Map<string, { fd: number; window: Buffer; start: number; end: number }>();

  constructor(private readonly dir: string) {}

  /** The record's byte strings, valid until the next read (they lie in the reused window). */
  read(segment: string, offset: number, length: number): Buffer[] {
    return unframe(this.readRecord(segment, offset, length));
  }

  readRecord(segment: string, offset: number, length: number): Buffer {
    let reader = this.open.get(segment);
    if (!reader) {
      reader = { fd: openSync(join(this.dir, segment), 'r'), window: Buffer.allocUnsafe(WINDOW), start: 0, end: 0 };
      this.open.set(segment, reader);
    }
    if (offset < reader.start || offset + length > reader.end) {
      // One window, read again and again: fresh memory for each would cost a page fault per page.
      if (length > reader.window.length) reader.window = Buffer.allocUnsafe(length);
      const got = readSync(reader.fd, reader.window, 0, reader.window.length, offset);
      reader.start = offset;
      reader.end = offset + got;
      if (got < length) throw new Error(`cache segment ${segment} is shorter than its index says`);
    }
    return reader.window.subarray(offset - reader.start, offset - reader.start + length);
  }

  close(): void {
    for (const reader of this.open.values()) closeSync(reader.fd);
    this.open.clear();
  }
}

/** A record's byte strings (SegmentWriter.appendParts wrote them). */
function unframe(record: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < record.length) {
    if (at + 4 > record.length) throw new Error('a cache record is cut short');
    const length = record.readUInt32LE(at);
    if (at + 4 + length > record.length) throw new Error('a cache record is cut short');
    parts.push(record.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return parts;
}

/**
 * The entries of one index, in a few flat arrays: a national batch's index holds no object per
 * file. A hash is where it lies (the old index's block, or a new record's own), copied on save.
 */
class EntryTable {
  paths: string[] = [];
  /** RECORD_FIELDS per entry; grown by doubling. */
  numbers: Float64Array<ArrayBufferLike> = new Float64Array(1024 * RECORD_FIELDS);
  private hashSources: Buffer[] = [];
  private hashOffsets: number[] = [];

  get length(): number {
    return this.paths.length;
  }

  add(path: string, numbers: ArrayLike<number>, hash: Buffer, hashAt: number): void {
    const at = this.paths.length * RECORD_FIELDS;
    this.paths.push(path);
    if (at + RECORD_FIELDS > this.numbers.length) {
      const grown = new Float64Array(Math.max(1024 * RECORD_FIELDS, this.numbers.length * 2));
      grown.set(this.numbers);
      this.numbers = grown;
    }
    for (let field = 0; field < RECORD_FIELDS; field += 1) this.numbers[at + field] = numbers[field]!;
    this.hashSources.push(hash);
    this.hashOffsets.push(hashAt);
  }

  /** The old index's entries: its records, hashes and paths as read. */
  static read(paths: string[], numbers: Float64Array, hashes: Buffer): EntryTable {
    const table = new EntryTable();
    table.paths = paths;
    table.numbers = numbers;
    table.hashSources = new Array<Buffer>(paths.length).fill(hashes);
    table.hashOffsets = Array.from({ length: paths.length }, (_, entry) => entry * HASH_BYTES);
    return table;
  }

  field(entry: number, field: number): number {
    return this.numbers[entry * RECORD_FIELDS + field]!;
  }

  setField(entry: number, field: number, value: number): void {
    this.numbers[entry * RECORD_FIELDS + field] = value;
  }

  hashSource(entry: number): Buffer {
    return this.hashSources[entry]!;
  }

  hashOffset(entry: number): number {
    return this.hashOffsets[entry]!;
  }

  sameHash(entry: number, hash: Buffer): boolean {
    const at = this.hashOffsets[entry]!;
    return hash.equals(this.hashSources[entry]!.subarray(at, at + HASH_BYTES));
  }

  hashBlock(): Buffer {
    const block = Buffer.allocUnsafe(this.length * HASH_BYTES);
    for (let entry = 0; entry < this.length; entry += 1) this.hashSources[entry]!.copy(block, entry * HASH_BYTES, this.hashOffsets[entry]!, this.hashOffsets[entry]! + HASH_BYTES);
    return block;
  }
}

const INO = 0;
const SIZE = 1;
const MTIME = 2;
const CTIME = 3;
const RECORDED = 4;
const SEGMENT = 5;
const OFFSET = 6;
const LENGTH = 7;
const DEPENDENCIES = 8;

export class OutcomeCache {
  private old = new EntryTable();
  private oldPosition = new Map<string, number>();
  private oldSegments: readonly string[] = [];
  /** For each old dependency set: whether all its rubrics are unchanged. */
  private oldSetValid: boolean[] = [];
  private readonly next = new EntryTable();
  /** Segment names of `next`: its SEGMENT field indexes this list. */
  private readonly nextSegments: string[] = [];
  /** Dependency sets of `next`, by their names joined; DEPENDENCIES indexes `nextSets`. */
  private readonly nextSetIndex = new Map<string, number>();
  private readonly nextSets: (readonly string[])[] = [];
  private readonly dir: string;
  private readonly reader: SegmentReader;
  private changed = false;
  /** Why a record could not be written, if one could not. */
  private failure: unknown;
  private damagedRecords = false;
  private hashChunk = Buffer.alloc(0);
  private hashChunkUsed = HASH_CHUNK;
  private readonly scratch = new Array<number>(RECORD_FIELDS).fill(0);
  /** The old segments' and dependency sets' numbers in the next index. */
  private oldSegmentNumbers: number[] = [];
  private oldSetNumbers: number[] = [];
  /** This run's new segment, opened at the first record. */
  private writer: SegmentWriter | undefined;
  readonly state: CacheState;

  /**
   * `file`: the index file. `dependencies`: the rubrics' fingerprints now. `now`: the clock
   * (tests move it). `cwd` resolves the paths, which are kept as the command got them.
   */
  constructor(
    readonly file: string,
    private readonly key: CacheKey,
    private readonly dependencies: DependencyFingerprints,
    private readonly cwd: string,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = dirname(file);
    this.reader = new SegmentReader(this.dir);
    this.state = this.load();
    if (this.state !== 'loaded') this.old = new EntryTable();
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
      header = JSON.parse(bytes.toString('utf8', 0, headerEnd < 0 ? bytes.length : headerEnd));
    } catch {
      return 'foreign';
    }
    if (!isHeader(header)) return 'foreign';
    if (header.version !== this.key.version || header.projection !== this.key.projection || header.layout !== this.key.layout) return 'outdated';
    const { count, pathBytes } = header;
    const recordsAt = headerEnd + 1;
    const hashesAt = recordsAt + count * RECORD_BYTES;
    const pathsAt = hashesAt + count * HASH_BYTES;
    if (bytes.length !== pathsAt + pathBytes) return 'damaged';
    const paths = count === 0 ? [] : bytes.toString('utf8', pathsAt, pathsAt + pathBytes).split('\u0000');
    if (paths.length !== count) return 'damaged';
    const sizes = header.segments.map((segment) => sizeOf(join(this.dir, segment)));
    const numbers = readDoubles(bytes, recordsAt, count * RECORD_FIELDS);
    for (let entry = 0; entry < count; entry += 1) {
      const at = entry * RECORD_FIELDS;
      const segment = numbers[at + SEGMENT]!;
      const end = numbers[at + OFFSET]! + numbers[at + LENGTH]!;
      if (!(segment >= 0 && segment < sizes.length && Number.isSafeInteger(end) && end <= sizes[segment]! && numbers[at + DEPENDENCIES]! < header.dependencies.length)) return 'damaged';
    }
    this.old = EntryTable.read(paths, numbers, bytes.subarray(hashesAt, pathsAt));
    this.oldSegments = header.segments;
    this.oldSetValid = header.dependencies.map((set) => set.every(([name, fingerprint]) => this.dependencies.of(name) === fingerprint));
    this.oldSegmentNumbers = header.segments.map((segment) => this.segmentNumber(segment));
    this.oldSetNumbers = header.dependencies.map((set) => this.setNumber(set.map(([name]) => name)));
    return 'loaded';
  }

  /** The old entry of `path`, given it is the `position`th input: most runs give the same files in the same order. */
  private entryOf(path: string, position: number): number {
    if (this.old.paths[position] === path) return position;
    if (this.oldPosition.size === 0) for (const [index, old] of this.old.paths.entries()) this.oldPosition.set(old, index);
    return this.oldPosition.get(path) ?? -1;
  }

  /**
   * Looks up `path`, the `position`th input: a hit when its content is what the cache recorded
   * and the rubrics it looked up are unchanged. A file with no entry is only stat'ed here; the
   * batch hashes the bytes it scores (`FileOutcome.hash`).
   */
  lookup(path: string, position: number): CacheLookup {
    const absolute = isAbsolute(path) ? path : resolve(this.cwd, path);
    const at = this.now();
    let stats;
    try {
      stats = statSync(absolute, { throwIfNoEntry: false });
    } catch {
      return {};
    }
    if (!stats?.isFile()) return {};
    const entry = this.entryOf(path, position);
    const old = this.old;
    const same = entry >= 0 && old.field(entry, INO) === stats.ino && old.field(entry, SIZE) === stats.size && old.field(entry, MTIME) === stats.mtimeMs && old.field(entry, CTIME) === stats.ctimeMs;
    const valid = entry >= 0 && this.oldSetValid[old.field(entry, DEPENDENCIES)] === true;
    // The common case, allocating nothing: unchanged, and quiet when recorded.
    if (same && valid && old.field(entry, RECORDED) - stats.ctimeMs > RACY_MS) return { hit: this.keep(path, entry, undefined) };
    const taken: StatsTaken = { ino: stats.ino, size: stats.size, mtime: stats.mtimeMs, ctime: stats.ctimeMs, at };
    if (!valid) return { taken };
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch {
      return {};
    }
    if (!old.sameHash(entry, createHash('sha256').update(bytes).digest())) return { taken };
    // The same content. New times (touched, copied back, a CI checkout), or quiet by now after
    // being recorded too soon: note them, so the next run need not read it. Otherwise keep the entry as it was.
    return { hit: this.keep(path, entry, !same || at - taken.ctime > RACY_MS ? taken : undefined) };
  }

  /** Carries an old entry over to the next index (with new stats when `taken`); returns its number there. */
  private keep(path: string, entry: number, taken: StatsTaken | undefined): number {
    const numbers = this.scratch;
    for (let field = 0; field < RECORD_FIELDS; field += 1) numbers[field] = this.old.field(entry, field);
    numbers[SEGMENT] = this.oldSegmentNumbers[numbers[SEGMENT]!]!;
    numbers[DEPENDENCIES] = this.oldSetNumbers[numbers[DEPENDENCIES]!]!;
    if (taken) {
      numbers[INO] = taken.ino;
      numbers[SIZE] = taken.size;
      numbers[MTIME] = taken.mtime;
      numbers[CTIME] = taken.ctime;
      numbers[RECORDED] = taken.at;
      this.changed = true;
    }
    if (entry !== this.next.length) this.changed = true;
    this.next.add(path, numbers, this.old.hashSource(entry), this.old.hashOffset(entry));
    return this.next.length - 1;
  }

  /**
   * Leaves a hit out of the next index: its record did not read back. The cache is then
   * `damaged`, which the command warns about.
   */
  drop(hit: number): void {
    this.next.setField(hit, LENGTH, -1);
    this.changed = true;
    this.damagedRecords = true;
  }

  /** True when a record did not read back during the run. */
  get damaged(): boolean {
    return this.damagedRecords;
  }

  /** The byte strings of a hit, as they were recorded. Best read in input order: the segments are read in windows. */
  read(hit: number): Buffer[] {
    const segment = this.nextSegments[this.next.field(hit, SEGMENT)]!;
    return this.reader.read(segment, this.next.field(hit, OFFSET), this.next.field(hit, LENGTH));
  }

  /**
   * Records what the batch made of `path` (`parts`, byte strings to get back as they are) from
   * bytes hashing to `hash` (hex), the file having had the stats `taken` before the batch read
   * it, having looked up the rubrics `dependencies`. The record goes straight to this run's new
   * segment, so a large cold run holds none of them in memory. `recorded` is when the stats were
   * taken, before the bytes were read: were the file written after that, its ctime would be
   * later, and the entry no longer trusted.
   */
  record(path: string, taken: StatsTaken, hash: string, dependencies: readonly string[], parts: readonly (string | Uint8Array)[]): void {
    if (this.failure !== undefined) return;
    let offset: number;
    let length: number;
    try {
      this.writer ??= this.newSegment();
      ({ offset, length } = this.writer.appendParts(parts));
    } catch (error) {
      // A full disk, say: the run goes on without recording; save() reports why.
      this.failure = error;
      return;
    }
    const numbers = [taken.ino, taken.size, taken.mtime, taken.ctime, taken.at, this.segmentNumber(this.writer.name), offset, length, this.setNumber(dependencies)];
    const { chunk, at } = this.hashSlot();
    chunk.write(hash, at, 'hex');
    this.next.add(path, numbers, chunk, at);
    this.changed = true;
  }

  /** Where a new record's hash goes: chunks of a few hundred, so that no hash holds a pooled slab alive. */
  private hashSlot(): { chunk: Buffer; at: number } {
    if (this.hashChunkUsed === HASH_CHUNK) {
      this.hashChunk = Buffer.alloc(HASH_CHUNK * HASH_BYTES);
      this.hashChunkUsed = 0;
    }
    const at = this.hashChunkUsed * HASH_BYTES;
    this.hashChunkUsed += 1;
    return { chunk: this.hashChunk, at };
  }

  private segmentNumber(segment: string): number {
    let index = this.nextSegments.indexOf(segment);
    if (index < 0) index = this.nextSegments.push(segment) - 1;
    return index;
  }

  private setNumber(names: readonly string[]): number {
    const sorted = [...new Set(names)].sort();
    const key = sorted.join('\u0000');
    let index = this.nextSetIndex.get(key);
    if (index === undefined) {
      index = this.nextSets.push(sorted) - 1;
      this.nextSetIndex.set(key, index);
    }
    return index;
  }

  private newSegment(): SegmentWriter {
    return new SegmentWriter(this.dir, `${basename(this.file, '.cache')}.${randomBytes(6).toString('hex')}.seg`);
  }

  /**
   * Writes this run's entries (files no longer given are dropped) when anything changed: new
   * records are in this run's segment already; then the index goes to a temporary file renamed
   * over the old one. Entries that looked up a rubric changed since the run began are left out:
   * they may have been scored with either version. Not fsynced: a cache lost in a power cut is
   * rebuilt, a damaged one ignored.
   */
  save(): void {
    this.reader.close();
    if (this.failure !== undefined) {
      this.writer?.abandon();
      throw this.failure;
    }
    const stale = this.nextSets.map((names) => names.some((name) => this.dependencies.now(name) !== this.dependencies.of(name)));
    if (!this.changed && !stale.includes(true) && this.next.length === this.old.length && this.state === 'loaded') {
      this.writer?.abandon();
      return;
    }
    const fresh = this.writer ?? this.newSegment();
    this.writer = undefined;
    const freshNumber = this.segmentNumber(fresh.name);
    const live = new Map<number, number>();
    for (let entry = 0; entry < this.next.length; entry += 1) {
      const segment = this.next.field(entry, SEGMENT);
      if (segment !== freshNumber && this.next.field(entry, LENGTH) > 0) live.set(segment, (live.get(segment) ?? 0) + this.next.field(entry, LENGTH));
    }
    const oldBytes = this.oldSegments.reduce((sum, segment) => sum + sizeOf(join(this.dir, segment)), 0);
    const liveBytes = [...live.values()].reduce((sum, bytes) => sum + bytes, 0);
    // Merge the old segments into the new one once half their bytes are stale, or when there are too many.
    const compact = live.size + 1 > MAX_SEGMENTS || liveBytes * 2 < oldBytes;
    const kept = new EntryTable();
    const reader = new SegmentReader(this.dir);
    try {
      for (let entry = 0; entry < this.next.length; entry += 1) {
        if (stale[this.next.field(entry, DEPENDENCIES)] || this.next.field(entry, LENGTH) < 0) continue;
        const numbers = Array.from(this.next.numbers.subarray(entry * RECORD_FIELDS, (entry + 1) * RECORD_FIELDS));
        if (compact && numbers[SEGMENT] !== freshNumber) {
          const segment = this.nextSegments[numbers[SEGMENT]!]!;
          const moved = fresh.appendRecord(reader.readRecord(segment, numbers[OFFSET]!, numbers[LENGTH]!));
          numbers[SEGMENT] = freshNumber;
          numbers[OFFSET] = moved.offset;
          numbers[LENGTH] = moved.length;
        }
        kept.add(this.next.paths[entry]!, numbers, this.next.hashSource(entry), this.next.hashOffset(entry));
      }
      fresh.close();
    } catch (error) {
      fresh.abandon();
      throw error;
    } finally {
      reader.close();
    }
    // Renumber the segments still used, and the dependency sets, for the header.
    const usedSegments = [...new Set(Array.from({ length: kept.length }, (_, entry) => kept.field(entry, SEGMENT)))];
    const segmentIndex = new Map(usedSegments.map((segment, position) => [segment, position]));
    const usedSets = [...new Set(Array.from({ length: kept.length }, (_, entry) => kept.field(entry, DEPENDENCIES)))];
    const setIndex = new Map(usedSets.map((set, position) => [set, position]));
    const records = Buffer.allocUnsafe(kept.length * RECORD_BYTES);
    for (let entry = 0; entry < kept.length; entry += 1) {
      kept.setField(entry, SEGMENT, segmentIndex.get(kept.field(entry, SEGMENT))!);
      kept.setField(entry, DEPENDENCIES, setIndex.get(kept.field(entry, DEPENDENCIES))!);
      for (let field = 0; field < RECORD_FIELDS; field += 1) records.writeDoubleLE(kept.field(entry, field), (entry * RECORD_FIELDS + field) * 8);
    }
    const paths = Buffer.from(kept.paths.join('\u0000'), 'utf8');
    const segments = usedSegments.map((segment) => this.nextSegments[segment]!);
    const header: Header = {
      format: CACHE_FORMAT,
      version: this.key.version,
      projection: this.key.projection,
      layout: this.key.layout,
      dependencies: usedSets.map((set) => this.nextSets[set]!.map((name) => [name, this.dependencies.of(name)] as const)),
      segments,
      count: kept.length,
      pathBytes: paths.length,
    };
    const temporary = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    writeWhole(temporary, [Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), records, kept.hashBlock(), paths]);
    renameSync(temporary, this.file);
    if (!segments.includes(fresh.name)) removeQuietly(join(this.dir, fresh.name));
    for (const segment of this.oldSegments) if (!segments.includes(segment)) removeQuietly(join(this.dir, segment));
    for (const stray of strayFiles(this.file, segments, Date.now())) removeQuietly(join(this.dir, stray));
  }
}

/**
 * Appends records to a new segment through one buffer, written out whenever it fills: a cold run
 * of a national batch makes no buffer per record (small ones would each hold a slab of Node's
 * buffer pool alive). `append*` say where each record lands.
 */
class SegmentWriter {
  private readonly fd: number;
  private readonly path: string;
  private offset = 0;
  private buffer = Buffer.allocUnsafe(WINDOW);
  private used = 0;
  private closed = false;

  constructor(dir: string, readonly name: string) {
    this.path = join(dir, name);
    this.fd = openSync(this.path, 'wx');
  }

  /** A record of byte strings, each preceded by its length (u32 LE). */
  appendParts(parts: readonly (string | Uint8Array)[]): { offset: number; length: number } {
    const at = this.offset + this.used;
    for (const part of parts) {
      const bytes = typeof part === 'string' ? Buffer.byteLength(part, 'utf8') : part.length;
      this.room(4 + bytes);
      this.buffer.writeUInt32LE(bytes, this.used);
      if (typeof part === 'string') this.buffer.write(part, this.used + 4, 'utf8');
      else this.buffer.set(part, this.used + 4);
      this.used += 4 + bytes;
    }
    return { offset: at, length: this.offset + this.used - at };
  }

  /** A record as it was read from another segment. */
  appendRecord(record: Uint8Array): { offset: number; length: number } {
    const at = this.offset + this.used;
    this.room(record.length);
    this.buffer.set(record, this.used);
    this.used += record.length;
    return { offset: at, length: record.length };
  }

  private room(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    this.flush();
    if (bytes > this.buffer.length) this.buffer = Buffer.allocUnsafe(bytes);
  }

  private flush(): void {
    writeAll(this.fd, this.buffer.subarray(0, this.used));
    this.offset += this.used;
    this.used = 0;
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

function writeAll(fd: number, block: Uint8Array): void {
  let written = 0;
  while (written < block.length) written += writeSync(fd, block, written);
}

function writeWhole(path: string, blocks: readonly Uint8Array[]): void {
  const fd = openSync(path, 'wx');
  try {
    for (const block of blocks) writeAll(fd, block);
  } finally {
    closeSync(fd);
  }
}

/** `count` little-endian doubles from `bytes` at `at`. */
function readDoubles(bytes: Buffer, at: number, count: number): Float64Array {
  const numbers = new Float64Array(count);
  if (endianness() === 'LE') new Uint8Array(numbers.buffer).set(bytes.subarray(at, at + count * 8));
  else for (let index = 0; index < count; index += 1) numbers[index] = bytes.readDoubleLE(at + index * 8);
  return numbers;
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone already, or another run's to remove
  }
}

function isHeader(value: unknown): value is Header {
  if (typeof value !== 'object' || value === null) return false;
  const header = value as Record<string, unknown>;
  return (
    header.format === CACHE_FORMAT &&
    typeof header.version === 'string' &&
    typeof header.projection === 'string' &&
    typeof header.layout === 'string' &&
    Array.isArray(header.segments) &&
    header.segments.every((segment) => typeof segment === 'string' && /^[\w.-]+\.seg$/.test(segment)) &&
    Array.isArray(header.dependencies) &&
    header.dependencies.every((set) => Array.isArray(set) && set.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every((part) => typeof part === 'string'))) &&
    Number.isSafeInteger(header.count) &&
    (header.count as number) >= 0 &&
    Number.isSafeInteger(header.pathBytes) &&
    (header.pathBytes as number) >= 0
  );
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

/** Segments of this index that it does not name and that nobody wrote to for an hour: left by a run that was killed, or lost a race. */
function strayFiles(file: string, named: readonly string[], now: number): string[] {
  const prefix = `${basename(file, '.cache')}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return [];
  }
  return names.filter((name) => name.startsWith(prefix) && (name.endsWith('.seg') || name.endsWith('.tmp')) && !named.includes(name) && now - mtimeOf(join(dirname(file), name)) > 3_600_000);
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
