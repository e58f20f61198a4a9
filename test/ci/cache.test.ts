import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
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
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'swadaya-cache@1', version: expect.any(String), rubrics: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(lines.slice(1).map((line) => JSON.parse(line.slice(0, line.indexOf('\t')))[0]).sort()).toEqual(['set/broken.yaml', 'set/not-ready.yaml', 'set/ready.yaml', 'set/two.yaml']);
    const before = statSync(file).mtimeMs;
    utimesSync(file, new Date(before - 10_000), new Date(before - 10_000));
    const set = statSync(file).mtimeMs;
    await run(dir, ['score', 'set', '--format', 'json', '--cache-location', '.cache']);
    // Entries recorded just now are re-hashed (they could have changed within the same clock tick) but not rewritten.
    expect(statSync(file).mtimeMs).toBe(set);
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
    expect(miss.payload).toBeUndefined();
    first.record('a.yaml', miss.fingerprint!, 'PAYLOAD');
    first.save();

    // Quiet when recorded and untouched since: served from the entry without reading the file.
    const second = new OutcomeCache(join(dir, 'c.cache'), key, dir);
    expect(second.state).toBe('loaded');
    expect(second.lookup('a.yaml')).toEqual({ payload: 'PAYLOAD' });

    // Same size, mtime put back: ctime still moves, so the file is hashed, and the new bytes miss.
    const { mtime, atime } = statSync(join(dir, 'a.yaml'));
    writeFileSync(join(dir, 'a.yaml'), 'two');
    utimesSync(join(dir, 'a.yaml'), atime, mtime);
    expect(second.lookup('a.yaml').payload).toBeUndefined();

    // Another version, rubric set or projection: the whole file is outdated, silently.
    expect(new OutcomeCache(join(dir, 'c.cache'), { ...key, version: '2' }, dir).state).toBe('outdated');
    expect(new OutcomeCache(join(dir, 'c.cache'), { ...key, rubrics: 'other' }, dir).lookup('a.yaml').payload).toBeUndefined();
  });
});
