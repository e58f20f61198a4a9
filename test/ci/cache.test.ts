import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { defaultCacheDirectory, OutcomeCache, RACY_MS } from '../../src/io/outcome-cache.js';
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

  it('keeps one entry per file, the hash of its bytes, and writes nothing when nothing changed', async () => {
    const dir = project();
    await run(dir, ['score', 'set', '--format', 'json', '--cache-location', '.cache']);
    const [name] = cacheFiles(join(dir, '.cache'));
    const file = join(dir, '.cache', name!);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({ format: 'swadaya-cache@2', version: expect.any(String), rubrics: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const rows = JSON.parse(lines[1]!) as [string, string, string, string, string, number, string, number, number, number][];
    expect(rows.map((row) => row[0]).sort()).toEqual(['set/broken.yaml', 'set/not-ready.yaml', 'set/ready.yaml', 'set/two.yaml']);
    const hashes = Object.fromEntries(rows.map((row) => [row[0], row[6]]));
    expect(hashes['set/ready.yaml']).toBe(createHash('sha256').update(readFileSync(join(dir, 'set/ready.yaml'))).digest('hex'));
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
    const segmentsOf = () => JSON.parse(readFileSync(index, 'utf8').split('\n')[0]!).segments as string[];
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
    const good = readFileSync(file, 'utf8');
    // Damaged: the last line cut off, as an interrupted copy would leave it.
    writeFileSync(file, good.slice(0, good.length - 40));
    const damaged = await run(dir, args);
    expect(damaged.stdout).toBe(plain.stdout);
    expect(damaged.stderr).toBe(`swadaya: warning: ${file} is not a swadaya cache or is damaged; it is ignored, and rewritten after this run.\n`);
    expect(readFileSync(file, 'utf8').split('\n').length).toBe(good.split('\n').length);
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
  it('trusts an entry on its inode, size, mtime and ctime once the file was quiet when recorded; otherwise the hash decides', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swadaya-cache-unit-'));
    writeFileSync(join(dir, 'a.yaml'), 'one');
    const key = { version: '1', rubrics: 'r', projection: 'p' };
    const later = () => Date.now() + RACY_MS + 1000;
    const first = new OutcomeCache(join(dir, 'c.cache'), key, dir, later);
    const miss = first.lookup('a.yaml');
    expect(miss.read).toBeUndefined();
    first.record('a.yaml', miss.taken!, createHash('sha256').update('one').digest('hex'), 'PAYLOAD');
    first.save();

    // Quiet when recorded and untouched since: served from the entry without reading the file.
    const second = new OutcomeCache(join(dir, 'c.cache'), key, dir);
    expect(second.state).toBe('loaded');
    expect(second.lookup('a.yaml').read?.()).toBe('PAYLOAD');

    // Same size, mtime put back: ctime still moves, so the file is hashed, and the new bytes miss.
    const { mtime, atime } = statSync(join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'a.yaml'), 'two');
    utimesSync(join(dir, 'a.yaml'), atime, mtime);
    expect(second.lookup('a.yaml').read).toBeUndefined();

    // Another version, rubric set or projection: the whole file is outdated, silently.
    expect(new OutcomeCache(join(dir, 'c.cache'), { ...key, version: '2' }, dir).state).toBe('outdated');
    expect(new OutcomeCache(join(dir, 'c.cache'), { ...key, rubrics: 'other' }, dir).lookup('a.yaml').read).toBeUndefined();
  });
});
