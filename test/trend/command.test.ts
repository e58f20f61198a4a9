import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { validateTrendOutput } from '../../src/schema/generated/output-validators.js';
import { memoryContext } from '../helpers/memory-context.js';

/** The diff fixtures (test/fixtures/diff/README.md) plus their third year, 2026; `mini` is found in ./rubrics. */
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'diff');

async function run(command: string, args: string[], env: Record<string, string | undefined> = {}) {
  const memory = memoryContext({ cwd: fixtures, env });
  const code = await runCli([command, ...args], memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

interface SeriesJson {
  period: string;
  overall: number | null;
  phase: string;
  verdict: string;
  principles: Record<string, number | null>;
}
interface CommunityJson {
  id: string;
  name: string;
  slope: number | null;
  flags: { stalled: boolean; regressed: boolean; gaps: boolean };
  advanced: boolean;
  missing: string[];
  series: SeriesJson[];
}

async function trendJson(args: string[]) {
  const result = await run('trend', [...args, '--format', 'json']);
  const output = JSON.parse(result.stdout);
  expect(validateTrendOutput(output), JSON.stringify(validateTrendOutput.errors)).toBe(true);
  return { ...result, output, communities: new Map<string, CommunityJson>(output.communities.map((c: CommunityJson) => [c.id, c])) };
}

describe('swadaya trend --format json', () => {
  it('follows every community across three years, valid against schemas/trend.schema.json', async () => {
    const { code, stderr, output, communities } = await trendJson(['2024', '2025', '2026']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(output.schema).toBe('swadaya/trend@1');
    expect(output.periods).toEqual(['2024', '2025', '2026']);
    expect(output.phases).toEqual(['berdaya', 'mandiri', 'graduated']);
    expect(output.communities.map((c: CommunityJson) => c.id)).toEqual(['001', '002', '003', '004', '005', '006', '007']);
    // Alpha: 37.5, 68.75, 81.25 at 2024–2026; mean year 2025, mean score 62.5;
    // slope = ((-1)(-25) + 0 + (1)(18.75)) / 2 = 21.875 points a year.
    expect(communities.get('001')).toEqual({
      id: '001',
      name: 'Kelurahan Alpha',
      slope: 21.88,
      flags: { stalled: false, regressed: false, gaps: false },
      advanced: true,
      missing: [],
      series: [
        { period: '2024', file: '2024/alpha.yaml', rubric: { id: 'mini', version: '1.0.0' }, overall: 37.5, phase: 'berdaya', declared: null, verdict: 'not-ready', principles: { voice: 37.5, means: 37.5 } },
        { period: '2025', file: '2025/alpha.yaml', rubric: { id: 'mini', version: '1.0.0' }, overall: 68.75, phase: 'mandiri', declared: null, verdict: 'not-ready', principles: { voice: 75, means: 62.5 } },
        { period: '2026', file: '2026/alpha.yaml', rubric: { id: 'mini', version: '1.0.0' }, overall: 81.25, phase: 'graduated', declared: null, verdict: 'graduated', principles: { voice: 75, means: 87.5 } },
      ],
    });
  });

  it('flags the stalled, the regressed and the gaps, and gives each slope', async () => {
    const { communities, output } = await trendJson(['2024', '2025', '2026']);
    const view = (id: string) => {
      const c = communities.get(id)!;
      return [c.slope, c.flags, c.missing, c.series.map((entry) => entry.phase).join(' ')];
    };
    // Beta 75 → 68.75 → 62.5: a straight fall of 6.25 a year, graduated → mandiri.
    expect(view('002')).toEqual([-6.25, { stalled: false, regressed: true, gaps: false }, [], 'graduated mandiri mandiri']);
    // Gamma 56.25, 56.25, 68.75: slope (4.1667 + 8.3333) / 2 = 6.25; mandiri three times.
    expect(view('003')).toEqual([6.25, { stalled: true, regressed: false, gaps: false }, [], 'mandiri mandiri mandiri']);
    // Delta 25 in 2024 and 37.5 in 2026: 12.5 over two years; not assessed in 2025.
    expect(view('004')).toEqual([6.25, { stalled: false, regressed: false, gaps: true }, ['2025'], 'berdaya berdaya']);
    // Epsilon: 2025 only, so no slope; Zeta is missing in 2026 after its last period: no gap.
    expect(view('005')).toEqual([null, { stalled: false, regressed: false, gaps: false }, [], 'mandiri']);
    expect(view('006')).toEqual([6.25, { stalled: false, regressed: false, gaps: false }, [], 'berdaya berdaya']);
    expect(output.summary).toEqual({
      communities: 7,
      stalled: 1,
      regressed: 1,
      advanced: 1,
      gaps: 1,
      periods: [
        { period: '2024', assessed: 6, meanOverall: 40.63, phases: { berdaya: 4, mandiri: 1, graduated: 1 } },
        { period: '2025', assessed: 6, meanOverall: 50, phases: { berdaya: 2, mandiri: 4, graduated: 0 } },
        { period: '2026', assessed: 4, meanOverall: 62.5, phases: { berdaya: 1, mandiri: 2, graduated: 1 } },
      ],
      steps: [
        {
          from: '2024', to: '2025', matched: 5, advanced: 1, regressed: 1, unchanged: 3,
          transitions: [{ from: 'berdaya', to: 'berdaya', count: 2 }, { from: 'berdaya', to: 'mandiri', count: 1 }, { from: 'mandiri', to: 'mandiri', count: 1 }, { from: 'graduated', to: 'mandiri', count: 1 }],
        },
        {
          from: '2025', to: '2026', matched: 3, advanced: 1, regressed: 0, unchanged: 2,
          transitions: [{ from: 'mandiri', to: 'mandiri', count: 2 }, { from: 'mandiri', to: 'graduated', count: 1 }],
        },
      ],
    });
  });

  it('--stall 2 counts two assessments in one phase as stalled', async () => {
    const { communities } = await trendJson(['2024', '2025', '2026', '--stall', '2']);
    expect([...communities.values()].filter((c) => c.flags.stalled).map((c) => c.id)).toEqual(['002', '003', '004', '006', '007']);
  });

  it('agrees with diff on every figure the two share', async () => {
    const trend = await trendJson(['2024', '2025']);
    const diff = JSON.parse((await run('diff', ['2024', '2025', '--format', 'json'])).stdout);
    let compared = 0;
    for (const community of diff.communities) {
      const followed = trend.communities.get(community.id)!;
      const [before, after] = followed.series;
      expect([before!.overall, after!.overall]).toEqual([community.before.overall, community.after.overall]);
      // The fixtures declare no phase, so the attained phase is the current one diff shows.
      expect([before!.phase, after!.phase]).toEqual([community.before.phase, community.after.phase]);
      expect([before!.verdict, after!.verdict]).toEqual([community.before.verdict, community.after.verdict]);
      for (const change of community.delta.principles) expect([before!.principles[change.id], after!.principles[change.id]]).toEqual([change.before, change.after]);
      compared += 1;
    }
    expect(compared).toBe(diff.summary.matched);
    const step = trend.output.summary.steps[0];
    expect(step.transitions).toEqual(diff.summary.transitions);
    expect([step.matched, step.advanced, step.regressed, step.unchanged]).toEqual([diff.summary.matched, diff.summary.advanced, diff.summary.regressed, diff.summary.unchanged]);
  });

  it('groups a pool of files by period, sorted, whatever the order of the paths', async () => {
    const pooled = await trendJson(['202[4-6]/*.yaml']);
    const ordered = await trendJson(['2024', '2025', '2026']);
    expect(pooled.output.periods).toEqual(['2024', '2025', '2026']);
    expect(pooled.output.communities).toEqual(ordered.output.communities);
  });

  it('takes one set per period in the order given', async () => {
    const { output } = await trendJson(['2026', '2024']);
    expect(output.periods).toEqual(['2026', '2024']);
    expect(output.summary.steps[0]).toMatchObject({ from: '2026', to: '2024', matched: 4 });
  });
});

describe('swadaya trend: other formats', () => {
  it('writes the long CSV: one row per measure per period', async () => {
    const { code, stdout } = await run('trend', ['2024', '2025', '2026', '--format', 'csv']);
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe('community_id,community_name,period,measure,value');
    expect(lines.slice(1, 6)).toEqual([
      '"001",Kelurahan Alpha,"2024",overall,37.5',
      '"001",Kelurahan Alpha,"2024",voice,37.5',
      '"001",Kelurahan Alpha,"2024",means,37.5',
      '"001",Kelurahan Alpha,"2024",phase,berdaya',
      '"001",Kelurahan Alpha,"2024",verdict,not-ready',
    ]);
    // 16 assessments × (overall, 2 principles, phase, verdict) + the header + the final newline.
    expect(lines).toHaveLength(16 * 5 + 2);
  });

  it('lays the CSV out for Excel with --excel: BOM, semicolons, decimal commas, ids quoted', async () => {
    const { code, stdout } = await run('trend', ['2024', '2025', '2026', '--format', 'csv', '--excel']);
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe('\uFEFFcommunity_id;community_name;period;measure;value');
    expect(lines[1]).toBe('"001";Kelurahan Alpha;"2024";overall;37,5');
  });

  it('draws a sparkline per community on the 0–100 scale, · where a period is missing', async () => {
    const { code, stdout } = await run('trend', ['2024', '2025', '2026']);
    expect(code).toBe(0);
    expect(stdout).toContain('Trend over 3 periods: 2024 → 2025 → 2026 · 7 communities: 1 stalled, 1 slid back, 1 advanced, 1 with gaps');
    const alpha = stdout.split('\n').find((line) => line.includes('Kelurahan Alpha'))!;
    // 37.5, 68.75 and 81.25 fall in the 4th, 6th and 7th of eight blocks.
    expect(alpha).toContain('▄▆▇');
    expect(alpha).toContain('berdaya → mandiri → graduated');
    expect(alpha).toContain('+21.9/yr');
    expect(stdout.split('\n').find((line) => line.includes('Kelurahan Delta'))).toContain('▃·▄');
    expect(stdout).toContain('2024 → 2025: 5 matched · 1 advanced · 1 regressed · 3 unchanged — berdaya → mandiri 1, graduated → mandiri 1');
  });

  it('speaks Indonesian with --lang id', async () => {
    const { stdout } = await run('trend', ['2024', '2025', '2026', '--lang', 'id']);
    expect(stdout).toContain('Tren selama 3 periode: 2024 → 2025 → 2026 · 7 komunitas: 1 mandek, 1 mundur, 1 naik fase, 1 ada periode terlewat');
    expect(stdout).toContain('berdaya → mandiri → lulus');
    expect(stdout).toContain('tidak dinilai pada 2025');
  });

  it('writes Markdown tables for a pull request', async () => {
    const { stdout } = await run('trend', ['2024', '2025', '2026', '--format', 'markdown']);
    expect(stdout).toContain('| 001 | Kelurahan Alpha | ▄▆▇ | 37.5 → 68.8 → 81.3 | berdaya → mandiri → graduated | +21.9/yr |  |');
    expect(stdout).toContain('| Mean overall | 40.6 | 50.0 | 62.5 |');
  });
});

describe('swadaya trend: gates and bad input', () => {
  it('--fail-on-stall exits 1 and names the stalled communities', async () => {
    const { code, stderr } = await run('trend', ['2024', '2025', '2026', '--fail-on-stall', '--format', 'json']);
    expect(code).toBe(1);
    expect(stderr).toBe('swadaya: 1 community(ies) stalled (--fail-on-stall):\n  003 Kelurahan Gamma (2026/gamma.yaml): 2024 mandiri → 2025 mandiri → 2026 mandiri\n');
  });

  it('--fail-on-regression exits 1 and names who slid back, in Indonesian too', async () => {
    const { code, stderr } = await run('trend', ['2024', '2025', '2026', '--fail-on-regression', '--lang', 'id', '--format', 'csv']);
    expect(code).toBe(1);
    expect(stderr).toBe('swadaya: 1 komunitas mundur (--fail-on-regression):\n  002 Kelurahan Beta (2026/beta.yaml): 2024 lulus → 2025 mandiri → 2026 mandiri\n');
    expect((await run('trend', ['2025', '2026', '--fail-on-regression'])).code).toBe(0);
  });

  it('reports a community assessed twice in one period and exits 2', async () => {
    const { code, stderr, stdout } = await run('trend', ['2024', '2025', 'duplicates/2025/alpha.yaml', '--format', 'json']);
    expect(code).toBe(2);
    expect(stderr).toContain('duplicates/2025/alpha.yaml:2:17: error [duplicate-assessment]');
    // The first assessment in input order is kept; the trend is still shown.
    const output = JSON.parse(stdout);
    expect(output.periods).toEqual(['2024', '2025']);
    expect(output.communities[0].series[1].file).toBe('2025/alpha.yaml');
  });

  it('warns when periods use different rubric versions and keeps the series going', async () => {
    const { code, stderr, stdout } = await run('trend', ['2024', 'versions/2025', '--format', 'json'], { SWADAYA_RUBRIC_PATH: 'rubrics-next' });
    expect(code).toBe(0);
    expect(stderr).toContain('different rubric versions: 2024 mini@1.0.0; 2025 mini@1.1.0');
    expect(JSON.parse(stdout).rubricVersionsDiffer).toBe(true);
  });

  it('says in every format that inputs had errors, and exits 2', async () => {
    const json = await run('trend', ['2024', 'invalid/2025', '--format', 'json']);
    expect(json.code).toBe(2);
    const output = JSON.parse(json.stdout);
    expect(validateTrendOutput(output)).toBe(true);
    expect(output.errors.map((error: { file: string; code: string }) => [error.file, error.code])).toEqual([['invalid/2025/broken.yaml', 'unknown-indicator']]);
    const table = await run('trend', ['2024', 'invalid/2025']);
    expect(table.stdout).toContain('1 input error(s): the assessments in those files are not in the trend');
    const markdown = await run('trend', ['2024', 'invalid/2025', '--format', 'markdown', '--lang', 'id']);
    expect(markdown.stdout).toContain('1 kesalahan pada masukan');
    expect(markdown.stdout).toContain('invalid/2025/broken.yaml');
  });

  it('refuses a --stall below 2 and paths with nothing to follow', async () => {
    const stall = await run('trend', ['2024', '2025', '--stall', '1']);
    expect(stall.code).toBe(2);
    expect(stall.stderr).toContain('--stall must be a whole number of 2 or more (got 1)');
    const nothing = await run('trend', ['no-such-dir', 'nor-this']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('no valid assessment to follow');
  });
});
