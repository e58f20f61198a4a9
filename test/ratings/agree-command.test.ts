import { parse } from 'csv-parse/sync';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { validateAgreeOutput } from '../../src/schema/generated/output-validators.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');
const tiny = 'test/fixtures/rubrics/tiny';
const ratings = 'test/fixtures/ratings';

async function agree(args: string[], env: Record<string, string> = {}) {
  const memory = memoryContext({ cwd: root, env });
  const code = await runCli(['agree', ...args, '--rubric', tiny], memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

describe('swadaya agree', () => {
  it('json: the swadaya/agree@1 contract, valid against its schema, 4 decimals', async () => {
    const result = await agree([`${ratings}/pair`, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(validateAgreeOutput(output)).toBe(true);
    expect(output.schema).toBe('swadaya/agree@1');
    // Values worked out in test/ratings/agree-core.test.ts.
    expect(output.alpha).toEqual({ overall: -0.123, principles: { alpha: 0.4444, beta: -0.4722 }, units: 6, values: 12 });
    expect(output.kappa).toBe(-0.2);
    expect(output.pairs).toEqual([{ raters: ['ani', 'budi'], alpha: -0.123, units: 6 }]);
    expect(output.groups[0]).toMatchObject({
      community: { id: '0001', name: 'Desa Satu' },
      period: '2025',
      raters: ['ani', 'budi'],
      alpha: -0.2333,
      flagged: [{ indicator: 'b1', principle: 'beta', levels: { ani: 0, budi: 2 }, spread: 2 }],
    });
    expect(output.groups[1].indicators.find((row: { indicator: string }) => row.indicator === 'b2')).toEqual({
      indicator: 'b2',
      principle: 'beta',
      levels: { ani: 0, budi: null },
      spread: null,
      flagged: false,
    });
  });

  it('with a third rater kappa is null, consensus files and lone ratings are left out with a notice', async () => {
    const result = await agree([ratings, '--format', 'json', '--flag', '1']);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(validateAgreeOutput(output)).toBe(true);
    expect(output.kappa).toBeNull();
    expect(output.flag).toBe(1);
    expect(output.groups.map((group: { raters: string[] }) => group.raters)).toEqual([['ani', 'budi', 'citra'], ['ani', 'budi']]);
    expect(result.stderr.split('\n')).toEqual([
      `${ratings}/consensus/satu.consensus.yaml: a consensus file, not a rating; left out.`,
      'Desa Tiga (0003) (2025): only ani rated it; nothing to compare.',
      '',
    ]);
  });

  it('table: alpha and its reading, the flagged indicator first, in en and id', async () => {
    const result = await agree([`${ratings}/pair`]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Agreement of 4 ratings of 2 community-periods',
      "Krippendorff's alpha (ordinal): -0.1230  over 6 units  — not reliable (< 0.667)",
      "Cohen's kappa (quadratic weights): -0.2000  over 6 units",
    ]);
    const satu = lines.indexOf('Desa Satu (0001) · 2025 · raters: ani, budi · alpha -0.2333');
    expect(satu).toBeGreaterThan(0);
    expect(lines[satu + 4]).toBe('│ ⚑ b1      │   0 │    2 │      2 │');
    expect(lines[satu + 5]).toBe('│   b2      │   2 │    1 │      1 │');
    // A level against n/a has no spread, but the raters still differ: listed after the spreads.
    expect(lines[satu + 6]).toBe('│   a2      │   1 │  n/a │      — │');
    expect(lines[satu + 8]).toBe('1 other indicator(s) not listed: every rater gave the same answer.');
    const id = await agree([`${ratings}/pair`, '--lang', 'id']);
    expect(id.stdout).toContain('Alpha Krippendorff (ordinal): -0,1230  atas 6 unit  — tidak andal (< 0,667)');
  });

  it('csv: one row per rating of an indicator', async () => {
    const result = await agree([`${ratings}/pair`, '--format', 'csv']);
    const lines = result.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('community_id,community_name,period,indicator,principle,rater,level,spread,flagged');
    expect(lines).toHaveLength(1 + 2 * 4 * 2);
    expect(lines.slice(1, 3)).toEqual(['"0001",Desa Satu,"2025","b1","beta",ani,0,2,true', '"0001",Desa Satu,"2025","b1","beta",budi,2,2,true']);
    expect(lines).toContain('"0001",Desa Satu,"2025","a2","alpha",budi,na,,false');
    expect(lines).toContain('"0002",Desa Dua,"2025","b2","beta",budi,,,false');
  });

  it('csv --excel: BOM, ; between fields; read back by a parser set to ; it has the same rows as the JSON', async () => {
    const result = await agree([`${ratings}/pair`, '--format', 'csv', '--excel']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\uFEFFcommunity_id;community_name;period;indicator;principle;rater;level;spread;flagged\r\n')).toBe(true);
    const rows = parse(result.stdout, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    const json = JSON.parse((await agree([`${ratings}/pair`, '--format', 'json'])).stdout) as {
      groups: { community: { id: string }; period: string; raters: string[]; indicators: { indicator: string; principle: string; levels: Record<string, number | 'na' | null>; spread: number | null }[] }[];
    };
    const expected = json.groups.flatMap((group) =>
      group.indicators.flatMap((row) =>
        group.raters.map((rater) => [group.community.id, group.period, row.indicator, row.principle, rater, String(row.levels[rater] ?? ''), row.spread === null ? '' : String(row.spread)]),
      ),
    );
    expect(rows.map((row) => [row.community_id, row.period, row.indicator, row.principle, row.rater, row.level, row.spread])).toEqual(expected);
    expect(rows).toHaveLength(16);
    expect(rows[0]).toEqual({ community_id: '0001', community_name: 'Desa Satu', period: '2025', indicator: 'b1', principle: 'beta', rater: 'ani', level: '0', spread: '2', flagged: 'true' });
  });

  it('csv --csv-delimiter tab --bom, and the configuration\'s csv: {excel: true}', async () => {
    const tab = await agree([`${ratings}/pair`, '--format', 'csv', '--csv-delimiter', 'tab', '--bom']);
    expect(tab.stdout.split('\r\n')[1]).toBe('"0001"\tDesa Satu\t"2025"\t"b1"\t"beta"\tani\t0\t2\ttrue');
    expect(tab.stdout.startsWith('\uFEFF')).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'swadaya-agree-config-'));
    try {
      writeFileSync(join(dir, 'swadaya.config.yaml'), 'csv: {excel: true}\n');
      const memory = memoryContext({ cwd: dir });
      const code = await runCli(['agree', join(root, ratings, 'pair'), '--rubric', join(root, tiny), '--format', 'csv'], memory.ctx);
      expect(code).toBe(0);
      expect(memory.stdout().split('\r\n')[1]).toBe('"0001";Desa Satu;"2025";"b1";"beta";ani;0;2;true');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('markdown: the flagged row in bold', async () => {
    const result = await agree([`${ratings}/pair`, '--format', 'markdown']);
    expect(result.stdout).toContain('| ⚑ b1 | 0 | 2 | **2** |');
    expect(result.stdout).toContain('- Cohen\'s kappa (quadratic weights): -0.2000  over 6 units');
  });

  it('--min-alpha exits 1 below the threshold and says so; 0 at or above it', async () => {
    const below = await agree([`${ratings}/pair`, '--min-alpha', '0.667', '--format', 'json']);
    expect(below.code).toBe(1);
    expect(below.stderr).toBe('swadaya: overall alpha -0.1230 is below --min-alpha 0.667.\n');
    expect((await agree([`${ratings}/pair`, '--min-alpha', '-0.123', '--format', 'json'])).code).toBe(0);
  });

  it('no ratings to compare, or a bad --flag: exit 2 with a clear message', async () => {
    const none = await agree([`${ratings}/consensus`]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("swadaya: No ratings to compare: agree needs files with a `rater`");
    const bad = await agree([`${ratings}/pair`, '--flag', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"1.5" is not a whole number of 0 or more.');
  });

  it('--help cites Krippendorff\'s thresholds', async () => {
    const memory = memoryContext({ cwd: root });
    await runCli(['agree', '--help'], memory.ctx);
    expect(memory.stdout().replace(/\s+/g, ' ')).toContain('Krippendorff suggests 0.800 to draw conclusions, and 0.667 as the lowest for tentative ones');
  });
});
