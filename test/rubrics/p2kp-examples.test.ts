import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { memoryContext } from '../helpers/memory-context.js';

/** The bundled examples (examples/2024, 2025, 2026) against p2kp@2.0.0: the stories they tell. */
const root = join(import.meta.dirname, '..', '..');

async function swadaya(args: string[]) {
  const memory = memoryContext({ cwd: root });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

interface DiffCommunity {
  name: string;
  before: { overall: number; phase: string; verdict: string };
  after: { overall: number; phase: string; verdict: string };
  transition: string;
  indicators: { id: string; before: number | string | null; after: number | string | null }[];
}

describe('the bundled p2kp@2.0.0 examples', () => {
  it('validate with the shipped rubric', async () => {
    const { code, stdout } = await swadaya(['validate', 'rubrics/p2kp', 'examples']);
    expect(stdout).toContain('0 error(s), 0 warning(s)');
    expect(code).toBe(0);
  });

  it('2024 → 2025: Kotabaru graduates, Sukaluyu advances, Mariso regresses with its institution, not its neighbourhood', async () => {
    const { code, stdout } = await swadaya(['diff', 'examples/2024', 'examples/2025', '--detail', '--format', 'json']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as { rubricVersionsDiffer: boolean; communities: DiffCommunity[]; summary: Record<string, number> };
    expect(output.rubricVersionsDiffer).toBe(false);
    expect(output.summary).toMatchObject({ matched: 9, advanced: 2, regressed: 1, unchanged: 6 });
    const byName = new Map(output.communities.map((community) => [community.name, community]));
    expect(byName.get('Kelurahan Kotabaru')).toMatchObject({ transition: 'advanced', after: { phase: 'graduated', verdict: 'graduated' } });
    expect(byName.get('Kelurahan Sukaluyu')).toMatchObject({ transition: 'advanced', before: { phase: 'berdaya' }, after: { phase: 'mandiri' } });
    const mariso = byName.get('Kelurahan Mariso')!;
    expect(mariso).toMatchObject({ transition: 'regressed', before: { overall: 62.31, phase: 'mandiri' }, after: { overall: 53.15, phase: 'berdaya' } });
    const fell = mariso.indicators.filter((change) => Number(change.after) < Number(change.before)).map((change) => change.id);
    expect(fell).toEqual([
      'integration.musrenbang-synergy',
      'sustainability.participatory-review',
      'sustainability.audited-finances',
      'harmony.kelurahan-coordination',
      'self-reliance.bkm-election',
      'self-reliance.bkm-governance',
      'self-reliance.operating-costs',
      'cadre-building.bkm-regeneration',
    ]);
    // Every community has answers that rose or fell: none moves as a block.
    for (const community of output.communities) expect(community.indicators.length).toBeGreaterThan(2);
  });

  it('2026 holds a third year for four of the kelurahan', async () => {
    const { stdout } = await swadaya(['diff', 'examples/2025', 'examples/2026', '--format', 'json']);
    const output = JSON.parse(stdout) as { communities: DiffCommunity[]; removed: unknown[] };
    expect(output.communities.map((community) => [community.name, community.after.verdict])).toEqual([
      ['Kelurahan Sukaluyu', 'not-ready'],
      ['Kelurahan Kemijen', 'ready'],
      ['Kelurahan Tegalsari', 'not-ready'],
      ['Kelurahan Mariso', 'ready'],
    ]);
    expect(output.removed).toHaveLength(5);
  });
});
