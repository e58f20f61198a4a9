import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { validateAgreeOutput } from '../../src/schema/generated/output-validators.js';
import { memoryContext } from '../helpers/memory-context.js';
import { pairwiseAlpha } from './pairwise-alpha.js';

const root = join(import.meta.dirname, '..', '..');
const ratings = 'examples/ratings/2025';

async function swadaya(args: string[]) {
  const memory = memoryContext({ cwd: root });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

/** The rating files read with a plain YAML parser: community id → rater → indicator → level (n/a left out). */
async function levelsByGroup(): Promise<Map<string, Map<string, Record<string, number>>>> {
  const groups = new Map<string, Map<string, Record<string, number>>>();
  for (const name of (await readdir(join(root, ratings))).sort()) {
    const data = parse(await readFile(join(root, ratings, name), 'utf8'));
    const levels: Record<string, number> = {};
    for (const [id, answer] of Object.entries(data.answers as Record<string, unknown>)) {
      const level = typeof answer === 'number' ? answer : (answer as { level?: number }).level;
      if (typeof level === 'number') levels[id] = level;
    }
    const group = groups.get(data.community.id) ?? new Map();
    group.set(data.rater, levels);
    groups.set(data.community.id, group);
  }
  return groups;
}

describe('the example ratings (examples/ratings/2025)', () => {
  it('agree: three kelurahan, two raters each, one large disagreement; alpha and kappa match an independent calculation', async () => {
    const result = await swadaya(['agree', ratings, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(validateAgreeOutput(output)).toBe(true);
    expect(output.groups.map((group: { community: { name: string }; raters: string[] }) => [group.community.name, group.raters])).toEqual([
      ['Kelurahan Sukaluyu', ['A. Rahman', 'N. Wulandari']],
      ['Kelurahan Mojosongo', ['B. Santoso', 'S. Pratiwi']],
      ['Kelurahan Kemijen', ['B. Santoso', 'D. Setyawati']],
    ]);
    const flagged = output.groups.flatMap((group: { flagged: { indicator: string; spread: number }[] }) => group.flagged);
    expect(flagged).toEqual([{ indicator: 'harmony.poor-targeting', principle: 'harmony', levels: { 'B. Santoso': 1, 'D. Setyawati': 3 }, spread: 2 }]);

    const units: number[][] = [];
    const pairs: [number, number][] = [];
    for (const raters of (await levelsByGroup()).values()) {
      const [first, second] = [...raters.keys()].sort();
      const a = raters.get(first!)!;
      const b = raters.get(second!)!;
      for (const id of Object.keys(a)) {
        if (b[id] === undefined) continue;
        units.push([a[id]!, b[id]!]);
        pairs.push([a[id]!, b[id]!]);
      }
    }
    expect(output.alpha.units).toBe(units.length);
    expect(output.alpha.overall).toBe(Math.round(pairwiseAlpha(units, 'ordinal') * 1e4) / 1e4);
    // Quadratic kappa in its cross-pair form: 1 − Σ(a − b)² / ((1/N) Σ_i Σ_j (a_i − b_j)²).
    const observed = pairs.reduce((sum, [a, b]) => sum + (a - b) ** 2, 0);
    let expected = 0;
    for (const [a] of pairs) for (const [, b] of pairs) expected += (a - b) ** 2;
    expect(output.kappa).toBe(Math.round((1 - observed / (expected / pairs.length)) * 1e4) / 1e4);
  });

  it('consensus drafts of the three score, with the large disagreement marked for discussion', async () => {
    const out = await mkdtemp(join(tmpdir(), 'swadaya-example-drafts-'));
    try {
      const result = await swadaya(['consensus', ratings, '-o', out]);
      expect(result.code).toBe(0);
      expect((await readdir(out)).sort()).toEqual(['kelurahan-kemijen-2025.consensus.yaml', 'kelurahan-mojosongo-2025.consensus.yaml', 'kelurahan-sukaluyu-2025.consensus.yaml']);
      const kemijen = await readFile(join(out, 'kelurahan-kemijen-2025.consensus.yaml'), 'utf8');
      expect(kemijen).toMatch(/ {2}# discuss: spread 2\n {2}harmony\.poor-targeting:\n {4}level: 1\n/);
      const scored = await swadaya(['score', out, '--format', 'json']);
      expect(scored.code).toBe(0);
      expect(JSON.parse(scored.stdout).results).toHaveLength(3);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('score refuses the ratings alone, and leaves them out beside the agreed examples/2025', async () => {
    const alone = await swadaya(['score', ratings, '--format', 'json']);
    expect(alone.code).toBe(2);
    expect(JSON.parse(alone.stdout).errors.map((error: { code: string }) => error.code)).toEqual(['ratings-not-scored', 'ratings-not-scored', 'ratings-not-scored']);
    const agreed = JSON.parse((await swadaya(['score', 'examples/2025', '--format', 'json'])).stdout).results.length;
    const both = await swadaya(['score', 'examples/2025', ratings, '--format', 'json']);
    expect(both.code).toBe(0);
    expect(JSON.parse(both.stdout).results).toHaveLength(agreed);
  });
});
