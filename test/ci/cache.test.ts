import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeOutcome, encodeOutcome } from '../../src/batch/cached-batch.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { runCli } from '../../src/cli.js';
import { defaultCacheDirectory, OutcomeCache, RACY_MS } from '../../src/io/outcome-cache.js';
import { BUILD_ID, VERSION } from '../../src/version.js';
import { memoryContext } from '../helpers/memory-context.js';
import { root } from './helpers.js';

/** A scratch project: the CI fixtures and the tiny rubric in ./rubrics, where swadaya looks first after SWADAYA_RUBRIC_PATH. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'swadaya-cache-'));
  cpSync(join(root, 'test/fixtures/ci/set'), join(dir, 'set'), { recursive: true });
  cpSync(join(root, 'test/fixtures/rubrics/tiny'), join(dir, 'rubrics/tiny'), { recursive: true });
  return dir;
}

async function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  const memory = memoryContext({ cwd, env: { HOME: cwd, ...env } });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

/** The index's JSON header, and its paths and hashes (docs/ci.md#the-cache). */
function readIndex(file: string) {
  const bytes = readFileSync(file);
  const end = bytes.indexOf(10);
  const header = JSON.parse(bytes.toString('utf8', 0, end)) as { format: string; count: number; pathBytes: number; segments: string[]; dependencies: [string, string][][] };
  const hashesAt = end + 1 + header.count * 9 * 8;
  const pathsAt = hashesAt + header.count * 32;
  const hashes = Array.from({ length: header.count }, (_, entry) => bytes.toString('hex', hashesAt + entry * 32, hashesAt + (entry + 1) * 32));
  return { header, hashes, paths: bytes.toString('utf8', pathsAt).split('\u0000') };
}

const cacheFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.cache')) : []);
const segmentFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.seg')).sort() : []);

describe('--cache', () => {
  it.each([
    ['score', 'json'],
    ['score', 'table'],
    ['score', 'sarif'],
    ['validate', 'text'],
    ['validate', 'junit'],
  ])('%s --format %s: the same bytes, exit code and stderr without the cache, cold and warm', async (command, format) => {
    const dir = project();
    const args = [command, 'set', '--format', format, ...(command === 'score' ? ['--require', 'ready'] : [])];
    const plain = await run(dir, args);
    const cold = await run(dir, [...args, '--cache-location', '.cache']);
    expect(cacheFiles(join(dir, '.cache'))).toHaveLength(1);
    const warm = await run(dir, [...args, '--cache-location', '.cache']);
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
    expect(plain.code).toBe(command === 'score' ? 2 : 1);
  });

  it('a cache filled without --require ready still names the open criteria when a later run requires ready', async () => {
    const dir = project();
    const args = ['score', 'set', '--format', 'json', '--require', 'ready'];
    const plain = await run(dir, args);
    expect(plain.stderr).toMatch(/not ready/i);
    await run(dir, ['score', 'set', '--format', 'json', '--cache-location', '.cache']);
    const [index] = cacheFiles(join(dir, '.cache'));
    const recorded = statSync(join(dir, '.cache', index!)).mtimeMs;
    expect(await run(dir, [...args, '--cache-location', '.cache'])).toEqual(plain);
    // The same cache served both: no second index, and nothing re-recorded.
    expect(cacheFiles(join(dir, '.cache'))).toEqual([index]);
    expect(statSync(join(dir, '.cache', index!)).mtimeMs).toBe(recorded);
  });

  it('keeps one entry per file, the hash of its bytes, and writes nothing when nothing changed', async () => {
    const dir = project();
    await run(dir, ['score', 'set', '--format', 'json', '--cache-location', '.cache']);
    const [name] = cacheFiles(join(dir, '.cache'));
    const file = join(dir, '.cache', name!);
    const { header, paths, hashes } = readIndex(file);
    expect(header).toMatchObject({ format: 'swadaya-cache@3', version: `${VERSION}+${BUILD_ID}`, layout: expect.stringMatching(/^[0-9a-f]{64}$/), count: 4 });
    // Every file looked up the rubric tiny: one dependency set, with its fingerprint.
    expect(header.dependencies).toEqual([[['tiny', expect.stringMatching(/^[0-9a-f]{64}$/)]]]);
    expect(paths).toEqual(['set/broken.yaml', 'set/not-ready.yaml', 'set/ready.yaml', 'set/two.yaml']);
    expect(hashes[2]).toBe(createHash('sha256').update(readFileSync(join(dir, 'set/ready.yaml'))).digest('hex'));
    expect(header.segments).toHaveLength(1);
    const before = statSync(file).mtimeMs;
    utimesSync(file, new Date(before - 10_000), new Date(before - 10_000));
    const set = statSync(file).mtimeMs;
    await run(dir, ['score', 'set', '--format', 'json', '--cache-location', '.cache']);
    // Entries recorded just now are re-hashed (they could have changed within the same clock tick) but not rewritten.
    expect(statSync(file).mtimeMs).toBe(set);
  });

  it('writes each run\'s new results to a new segment, merges segments once half their bytes are stale, leaves no stray files', async () => {
    const dir = project();
    const args = ['score', 'set', '--format', 'json', '--cache-location', '.cache'];
    const plain = await run(dir, args.slice(0, 4));
    await run(dir, args);
    const index = join(dir, '.cache', cacheFiles(join(dir, '.cache'))[0]!);
    const segmentsOf = () => readIndex(index).header.segments;
    expect(segmentsOf()).toHaveLength(1);
    const original = readFileSync(join(dir, 'set/ready.yaml'), 'utf8');
    // One file changed: its new result goes to a second segment; the first stays as it is.
    writeFileSync(join(dir, 'set/ready.yaml'), original.replace('b1: 1', 'b1: 2'));
    await run(dir, args);
    expect(segmentsOf()).toHaveLength(2);
    expect(segmentFiles(join(dir, '.cache'))).toEqual([...segmentsOf()].sort());
    // Back and forth until most bytes of the old segments are stale: merged into one.
    for (const level of ['0', '1', '2', '0', '1']) {
      writeFileSync(join(dir, 'set/two.yaml'), readFileSync(join(root, 'test/fixtures/ci/set/two.yaml'), 'utf8').replace('a1: 0,', `a1: ${level},`));
      writeFileSync(join(dir, 'set/not-ready.yaml'), readFileSync(join(root, 'test/fixtures/ci/set/not-ready.yaml'), 'utf8').replace('a1: 2', `a1: ${level}`));
      await run(dir, args);
      expect(segmentFiles(join(dir, '.cache'))).toEqual([...segmentsOf()].sort());
      expect(segmentsOf().length).toBeLessThanOrEqual(8);
    }
    writeFileSync(join(dir, 'set/ready.yaml'), original);
    cpSync(join(root, 'test/fixtures/ci/set'), join(dir, 'set'), { recursive: true });
    expect(await run(dir, args)).toEqual(plain);
    expect(readdirSync(join(dir, '.cache')).filter((name) => !name.endsWith('.seg') && !name.endsWith('.cache'))).toEqual([]);
  });

  it('lives in node_modules/.cache/swadaya when there is node_modules, else $XDG_CACHE_HOME/swadaya', async () => {
    const dir = project();
    expect(defaultCacheDirectory(dir, { XDG_CACHE_HOME: join(dir, 'xdg'), HOME: dir })).toBe(join(dir, 'xdg', 'swadaya'));
    expect(defaultCacheDirectory(dir, { HOME: dir })).toBe(join(dir, '.cache', 'swadaya'));
    await run(dir, ['validate', 'set', '--cache'], { XDG_CACHE_HOME: join(dir, 'xdg') });
    expect(cacheFiles(join(dir, 'xdg', 'swadaya'))).toHaveLength(1);
    mkdirSync(join(dir, 'node_modules'));
    await run(dir, ['validate', 'set', '--cache'], { XDG_CACHE_HOME: join(dir, 'xdg') });
    expect(cacheFiles(join(dir, 'node_modules', '.cache', 'swadaya'))).toHaveLength(1);
  });

  it('a damaged or foreign cache file is ignored with a warning (en/id), never trusted, and rewritten', async () => {
    const dir = project();
    const args = ['score', 'set/ready.yaml', '--format', 'json', '--cache-location', '.cache'];
    const plain = await run(dir, args.slice(0, 4));
    await run(dir, args);
    const file = join(dir, '.cache', cacheFiles(join(dir, '.cache'))[0]!);
    const good = readFileSync(file);
    // Damaged: cut short, as an interrupted copy would leave it.
    writeFileSync(file, good.subarray(0, good.length - 10));
    const damaged = await run(dir, args);
    expect(damaged.stdout).toBe(plain.stdout);
    expect(damaged.stderr).toBe(`swadaya: warning: ${file} is not a swadaya cache or is damaged; it is ignored, and rewritten after this run.\n`);
    expect(readIndex(file).paths).toEqual(['set/ready.yaml']);
    // A record that does not read back (its bytes overwritten in place): the file is scored again, with the warning.
    for (const segment of segmentFiles(join(dir, '.cache'))) writeFileSync(join(dir, '.cache', segment), Buffer.alloc(statSync(join(dir, '.cache', segment)).size, 0xff));
    const garbled = await run(dir, args);
    expect(garbled.stdout).toBe(plain.stdout);
    expect(garbled.stderr).toBe(`swadaya: warning: ${file} is not a swadaya cache or is damaged; it is ignored, and rewritten after this run.\n`);
    expect(await run(dir, args)).toEqual({ ...plain, stderr: '' });
    // A segment gone (or cut short): the index points at texts that are not there.
    for (const segment of segmentFiles(join(dir, '.cache'))) writeFileSync(join(dir, '.cache', segment), 'x');
    const cut = await run(dir, args);
    expect(cut.stdout).toBe(plain.stdout);
    expect(cut.stderr).toBe(`swadaya: warning: ${file} is not a swadaya cache or is damaged; it is ignored, and rewritten after this run.\n`);
    // Foreign: some other tool's file under the same name (here the cache of the Indonesian run).
    const plainId = await run(dir, [...args.slice(0, 4), '--lang', 'id']);
    await run(dir, [...args, '--lang', 'id']);
    const idFile = cacheFiles(join(dir, '.cache')).map((name) => join(dir, '.cache', name)).find((name) => name !== file)!;
    writeFileSync(idFile, '{"version": 3, "files": {}}\n');
    const foreign = await run(dir, [...args, '--lang', 'id']);
    expect(foreign.stderr).toBe(`swadaya: peringatan: ${idFile} bukan cache swadaya atau rusak; diabaikan, dan ditulis ulang setelah proses ini.\n`);
    expect(foreign.stdout).toBe(plainId.stdout);
  });

  it('a change to one rubric re-scores only the files that looked it up', async () => {
    const dir = project();
    // A second rubric on the search path, which no file of the set names.
    cpSync(join(dir, 'rubrics/tiny'), join(dir, 'rubrics/other'), { recursive: true });
    writeFileSync(join(dir, 'rubrics/other/rubric.yaml'), readFileSync(join(dir, 'rubrics/other/rubric.yaml'), 'utf8').replace('id: tiny', 'id: other'));
    const args = ['score', 'set', '--format', 'json', '--cache-location', '.cache'];
    await run(dir, args);
    const index = join(dir, '.cache', cacheFiles(join(dir, '.cache'))[0]!);
    const written = readFileSync(index);
    writeFileSync(join(dir, 'rubrics/other/rubric.yaml'), `${readFileSync(join(dir, 'rubrics/other/rubric.yaml'), 'utf8')}# edited\n`);
    const unrelated = await run(dir, args);
    // Nothing re-scored: the index is not even rewritten.
    expect(readFileSync(index)).toEqual(written);
    expect(unrelated).toEqual(await run(dir, args.slice(0, 4)));
    writeFileSync(join(dir, 'rubrics/tiny/rubric.yaml'), `${readFileSync(join(dir, 'rubrics/tiny/rubric.yaml'), 'utf8')}# edited\n`);
    const related = await run(dir, args);
    expect(readFileSync(index)).not.toEqual(written);
    expect(readIndex(index).header.segments).toHaveLength(1);
    expect(related).toEqual(await run(dir, args.slice(0, 4)));
  });

  it.each([
    ['/proc/swadaya-cache', 'ENOENT'],
    ['set/ready.yaml/cache', 'DIR/set/ready.yaml: ENOTDIR'],
  ])('--cache-location %s that cannot be made: a clear error, exit 2, before any work', async (location, expected) => {
    const dir = project();
    const reason = expected.replace('DIR', dir);
    const result = await run(dir, ['score', 'set', '--format', 'json', '--cache-location', location]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`The cache directory ${resolve(dir, location)} cannot be made or written to (${reason}).`);
    expect(result.stderr).toContain('Give a writable --cache-location DIR, or run without --cache.');
  });

  it('property: any byte changed in an assessment or in its rubric re-scores it', async () => {
    const dir = project();
    const targets = ['set/not-ready.yaml', 'set/two.yaml', 'rubrics/tiny/rubric.yaml'];
    const originals = new Map(targets.map((target) => [target, readFileSync(join(dir, target))]));
    const args = ['score', 'set', '--format', 'json', '--require', 'ready'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.nat(), fc.integer({ min: 1, max: 255 }), async (target, at, delta) => {
        for (const [name, bytes] of originals) writeFileSync(join(dir, name), bytes);
        await run(dir, [...args, '--cache-location', '.cache']); // the cache holds the original
        const bytes = Buffer.from(originals.get(target)!);
        const index = at % bytes.length;
        bytes[index] = (bytes[index]! + delta) % 256; // always a different byte
        writeFileSync(join(dir, target), bytes);
        const cached = await run(dir, [...args, '--cache-location', '.cache']);
        const fresh = await run(dir, args);
        expect(cached).toEqual(fresh);
      }),
      { numRuns: 12, seed: 14 },
    );
  });
});

describe('OutcomeCache', () => {
  const fingerprints = (values: Record<string, string>) => ({ of: (name: string) => values[name] ?? '', now: (name: string) => values[name] ?? '' });

  it('trusts an entry on its inode, size, mtime and ctime once the file was quiet when recorded; otherwise the hash decides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swadaya-cache-unit-'));
    writeFileSync(join(dir, 'a.yaml'), 'one');
    const key = { version: '1', layout: 'r', projection: 'p' };
    const rubrics = fingerprints({ tiny: 't1' });
    const later = () => Date.now() + RACY_MS + 1000;
    const first = new OutcomeCache(join(dir, 'c.cache'), key, rubrics, dir, later);
    const miss = first.lookup('a.yaml', 0);
    expect(miss.hit).toBeUndefined();
    first.record('a.yaml', miss.taken!, createHash('sha256').update('one').digest('hex'), ['tiny'], ['META', 'TEXT']);
    first.save();

    // Quiet when recorded and untouched since: served from the entry without reading the file.
    const second = new OutcomeCache(join(dir, 'c.cache'), key, rubrics, dir);
    expect(second.state).toBe('loaded');
    const hit = second.lookup('a.yaml', 0).hit;
    expect(second.read(hit!).map(String)).toEqual(['META', 'TEXT']);

    // Same size, mtime put back: ctime still moves, so the file is hashed, and the new bytes miss.
    const { mtime, atime } = statSync(join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'a.yaml'), 'two');
    utimesSync(join(dir, 'a.yaml'), atime, mtime);
    expect(new OutcomeCache(join(dir, 'c.cache'), key, rubrics, dir).lookup('a.yaml', 0).hit).toBeUndefined();
    writeFileSync(join(dir, 'a.yaml'), 'one');

    // Another version, rubric layout or projection: the whole file is outdated, silently.
    expect(new OutcomeCache(join(dir, 'c.cache'), { ...key, version: '2' }, rubrics, dir).state).toBe('outdated');
    expect(new OutcomeCache(join(dir, 'c.cache'), { ...key, layout: 'other' }, rubrics, dir).state).toBe('outdated');
    // The rubric it looked up changed: that entry misses, the index is still used.
    const changed = new OutcomeCache(join(dir, 'c.cache'), key, fingerprints({ tiny: 't2' }), dir);
    expect(changed.state).toBe('loaded');
    expect(changed.lookup('a.yaml', 0).hit).toBeUndefined();
    expect(new OutcomeCache(join(dir, 'c.cache'), key, fingerprints({ tiny: 't1', other: 'o2' }), dir).lookup('a.yaml', 0).hit).toBe(0);
  });

  it('does not keep an outcome whose rubric changed while the run went on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swadaya-cache-unit-'));
    writeFileSync(join(dir, 'a.yaml'), 'one');
    const values: Record<string, string> = { tiny: 't1' };
    const rubrics = { of: () => 't1', now: (name: string) => values[name] ?? '' };
    const cache = new OutcomeCache(join(dir, 'c.cache'), { version: '1', layout: 'r', projection: 'p' }, rubrics, dir);
    const miss = cache.lookup('a.yaml', 0);
    cache.record('a.yaml', miss.taken!, createHash('sha256').update('one').digest('hex'), ['tiny'], ['META']);
    values.tiny = 't2';
    cache.save();
    expect(readIndex(join(dir, 'c.cache')).header.count).toBe(0);
  });
});

describe('cached records', () => {
  it('a json outcome reads back as the batch gave it, field for field (a field added to the projection fails here first)', async () => {
    const dir = project();
    const files = ['set/ready.yaml', 'set/not-ready.yaml', 'set/two.yaml', 'set/broken.yaml'];
    const search = { cwd: dir, searchPath: undefined };
    for (const kind of ['json', 'check'] as const) {
      const projection = kind === 'json' ? ({ kind, language: undefined, open: true } as const) : ({ kind } as const);
      for await (const outcome of runBatch(files, { projection, search, workers: 0 })) {
        const decoded = decodeOutcome(outcome.file, kind, encodeOutcome(outcome, kind).map((part) => Buffer.from(part)));
        // The bytes of a json result, as text on both sides: the batch makes a Uint8Array, the cache gives a Buffer.
        const asText = (documents: readonly { readonly projected: unknown }[]) =>
          documents.map((document) => {
            const projected = document.projected as { json?: unknown } | undefined;
            return projected?.json instanceof Uint8Array ? { ...document, projected: { ...projected, json: Buffer.from(projected.json).toString('utf8') } } : document;
          });
        // JSON has no undefined: `check`'s empty projection reads back absent.
        if (kind === 'json') expect({ ...decoded, documents: asText(decoded.documents) }).toStrictEqual({ ...outcome, documents: asText(outcome.documents) });
        else expect(decoded).toEqual(outcome);
      }
    }
  });
});
