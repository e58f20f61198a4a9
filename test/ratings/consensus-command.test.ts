import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');
const tiny = join(root, 'test/fixtures/rubrics/tiny');
const ratings = join(root, 'test/fixtures/ratings');

async function swadaya(args: string[], cwd = root) {
  const memory = memoryContext({ cwd });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'swadaya-consensus-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('swadaya consensus', () => {
  it('writes one draft per rated community and period: median, notes, discuss comments; the drafts validate and score', async () => {
    const out = join(dir, 'drafts');
    const result = await swadaya(['consensus', `${ratings}/pair`, `${ratings}/trio`, '-o', out, '--rubric', tiny]);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')).toEqual([
      `wrote ${out}/desa-satu-2025.consensus.yaml: 4 answers, 1 to discuss`,
      `wrote ${out}/desa-dua-2025.consensus.yaml: 4 answers, 0 to discuss`,
      '',
    ]);
    expect((await readdir(out)).sort()).toEqual(['desa-dua-2025.consensus.yaml', 'desa-satu-2025.consensus.yaml']);
    const satu = await readFile(join(out, 'desa-satu-2025.consensus.yaml'), 'utf8');
    const lines = satu.split('\n');
    expect(lines).toContain('assessors: [ani, budi, citra]');
    expect(lines).toContain('rater: consensus');
    expect(lines).toContain('assessed: "2025-03-04"');
    expect(lines.some((line) => line.startsWith('phase:'))).toBe(false);
    expect(lines).toContain('# discuss: the raters declared different phases (ani one, budi two, citra —); set phase: when agreed');
    // b1: ani 0, budi 2, citra 1 → median 1, spread 2 → flagged.
    const b1 = lines.indexOf('  b1:');
    expect(lines.slice(b1 - 1, b1 + 3)).toEqual(['  # discuss: spread 2', '  b1:', '    level: 1', '    note: "ani: 0; budi: 2 — the new hall counts; citra: 1"']);
    // a2: ani 1, budi and citra n/a → the one level given, marked for discussion.
    expect(lines.slice(lines.indexOf('  a2:') - 1, lines.indexOf('  a2:') + 3)).toEqual([
      '  # discuss: n/a against a level',
      '  a2:',
      '    level: 1',
      '    note: "ani: 1 — half done; budi: n/a — no such programme here; citra: n/a — not run in this village"',
    ]);
    // Desa Dua, two raters: a2 ani 1, budi 2 → the lower middle, 1; b2 only ani answered → 0.
    const dua = await readFile(join(out, 'desa-dua-2025.consensus.yaml'), 'utf8');
    expect(dua).toContain('  a2:\n    level: 1\n    note: "ani: 1; budi: 2"\n');
    expect(dua).toContain('  b2:\n    level: 0\n    note: "ani: 0; budi: —"\n');

    expect((await swadaya(['validate', out, '--rubric', tiny])).code).toBe(0);
    const scored = await swadaya(['score', out, '--rubric', tiny, '--format', 'json']);
    expect(scored.code).toBe(0);
    const results = JSON.parse(scored.stdout).results;
    // Desa Dua: a1 1, a2 1 (weight 3), b1 1, b2 0 → alpha (50 + 3·50)/4 = 50, beta 25, overall (50 + 2·25)/3 = 33.33.
    // Desa Satu: a1 2, a2 1, b1 1, b2 2 → alpha (100 + 3·50)/4 = 62.5, beta 75, overall (62.5 + 2·75)/3 = 70.83.
    expect(results.map((entry: { community: { id: string }; overall: { score: number } }) => [entry.community.id, entry.overall.score])).toEqual([
      ['0002', 33.33],
      ['0001', 70.83],
    ]);
  });

  it('never overwrites an existing consensus file without --force, and then writes nothing at all', async () => {
    const taken = join(dir, 'desa-satu-2025.consensus.yaml');
    await writeFile(taken, '# agreed by hand\n');
    const refused = await swadaya(['consensus', `${ratings}/pair`, '-o', dir, '--rubric', tiny]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`swadaya: ${taken} already exists; consensus writes nothing. Add --force to overwrite it.\n`);
    expect(await readFile(taken, 'utf8')).toBe('# agreed by hand\n');
    expect(await readdir(dir)).toEqual(['desa-satu-2025.consensus.yaml']);
    const forced = await swadaya(['consensus', `${ratings}/pair`, '-o', dir, '--rubric', tiny, '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(taken, 'utf8')).toContain('rater: consensus');
  });

  it('an n/a answer only when every rater chose n/a, with the reasons joined', async () => {
    const rating = (rater: string, a2: string) =>
      `rubric: tiny@1.0.0\ncommunity: {id: "0009", name: Desa Sembilan}\nperiod: "2025"\nrater: ${rater}\nanswers:\n  a1: 1\n  a2: {na: ${a2}}\n`;
    await writeFile(join(dir, 'a.yaml'), rating('ani', 'no programme'));
    await writeFile(join(dir, 'b.yaml'), rating('budi', 'not run here'));
    const result = await swadaya(['consensus', dir, '-o', join(dir, 'out'), '--rubric', tiny]);
    expect(result.code).toBe(0);
    const draft = await readFile(join(dir, 'out', 'desa-sembilan-2025.consensus.yaml'), 'utf8');
    expect(draft).toContain('  a2:\n    na: no programme / not run here\n    note: "ani: n/a — no programme; budi: n/a — not run here"\n');
    expect(draft).not.toContain('  b1:');
  });

  it('refuses -o naming a file, invalid ratings, and inputs without two ratings of anything (exit 2)', async () => {
    const file = join(dir, 'file');
    await writeFile(file, '');
    const notDir = await swadaya(['consensus', `${ratings}/pair`, '-o', file, '--rubric', tiny]);
    expect(notDir.code).toBe(2);
    expect(notDir.stderr).toContain(`-o ${file} is not a directory.`);
    await writeFile(join(dir, 'broken.yaml'), 'rubric: tiny@1.0.0\ncommunity: {id: "0001", name: Desa Satu}\nperiod: "2025"\nrater: citra\nanswers: {a1: 7}\n');
    const invalid = await swadaya(['consensus', `${ratings}/pair`, join(dir, 'broken.yaml'), '-o', join(dir, 'out'), '--rubric', tiny]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('[level-out-of-range]');
    await expect(readdir(join(dir, 'out'))).rejects.toThrow();
    const lone = await swadaya(['consensus', `${ratings}/alone`, '-o', join(dir, 'out'), '--rubric', tiny]);
    expect(lone.code).toBe(2);
    expect(lone.stderr).toContain('No community and period with two or more ratings');
  });
});

describe('swadaya consensus: a directory it cannot make', () => {
  it('exits 2 naming the directory and the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'swadaya-consensus-file-'));
    try {
      await writeFile(join(dir, 'file'), '');
      const out = join(dir, 'file', 'drafts');
      const result = await swadaya(['consensus', `${ratings}/pair`, '-o', out, '--rubric', tiny]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`swadaya: could not write ${out} (ENOTDIR). Check that the directory exists and is writable, or name another with -o.\n`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
