import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { validateDiffOutput } from '../../src/schema/generated/output-validators.js';
import { memoryContext } from '../helpers/memory-context.js';

/** The fixtures are read with this folder as the working directory, so `mini` is found in ./rubrics. */
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'diff');

async function diff(args: string[], env: Record<string, string | undefined> = {}) {
  const memory = memoryContext({ cwd: fixtures, env });
  const code = await runCli(['diff', ...args], memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

async function diffJson(args: string[], env: Record<string, string | undefined> = {}) {
  const run = await diff([...args, '--format', 'json'], env);
  const output = JSON.parse(run.stdout);
  const valid = validateDiffOutput(output);
  expect(validateDiffOutput.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return { ...run, output };
}

describe('swadaya diff --format json', () => {
  it('prints the docs/json-output.md#diff contract, valid against schemas/diff.schema.json', async () => {
    const { code, stderr, output } = await diffJson(['2024', '2025']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(output.schema).toBe('swadaya/diff@1');
    expect(output.tool.name).toBe('swadaya');
    expect(output.rubricVersionsDiffer).toBe(false);
    expect(output.communities[0]).toEqual({
      id: '001',
      name: 'Kelurahan Alpha',
      before: { file: '2024/alpha.yaml', period: '2024', rubric: { id: 'mini', version: '1.0.0' }, overall: 37.5, phase: 'berdaya', verdict: 'not-ready' },
      after: { file: '2025/alpha.yaml', period: '2025', rubric: { id: 'mini', version: '1.0.0' }, overall: 68.75, phase: 'mandiri', verdict: 'not-ready' },
      delta: {
        overall: 31.25,
        principles: [
          { id: 'voice', before: 37.5, after: 75, delta: 37.5 },
          { id: 'means', before: 37.5, after: 62.5, delta: 25 },
        ],
        pillars: [
          { id: 'participation', before: 37.5, after: 75, delta: 37.5 },
          { id: 'assets', before: 50, after: 75, delta: 25 },
          { id: 'governance', before: 25, after: 50, delta: 25 },
        ],
      },
      transition: 'advanced',
      regression: false,
    });
  });

  it('pins transitions, regressions, added, removed and the summary on the fixtures', async () => {
    const { output } = await diffJson(['2024', '2025']);
    expect(output.communities.map((c: { id: string; transition: string; regression: boolean }) => [c.id, c.transition, c.regression])).toEqual([
      ['001', 'advanced', false],
      ['002', 'regressed', true],
      ['003', 'unchanged', true],
      ['006', 'unchanged', false],
      ['007', 'unchanged', false],
    ]);
    expect(output.communities[4].delta.principles[1]).toEqual({ id: 'means', before: null, after: 25, delta: null });
    expect(output.added).toEqual([{ id: '005', name: 'Kelurahan Epsilon', file: '2025/epsilon.yaml' }]);
    expect(output.removed).toEqual([{ id: '004', name: 'Kelurahan Delta', file: '2024/delta.yaml' }]);
    expect(output.summary).toEqual({
      matched: 5,
      advanced: 1,
      regressed: 1,
      unchanged: 3,
      regressions: 2,
      meanDelta: { overall: 6.25, principles: [{ id: 'voice', delta: 7.5 }, { id: 'means', delta: 6.25 }] },
      transitions: [
        { from: 'berdaya', to: 'berdaya', count: 2 },
        { from: 'berdaya', to: 'mandiri', count: 1 },
        { from: 'mandiri', to: 'mandiri', count: 1 },
        { from: 'graduated', to: 'mandiri', count: 1 },
      ],
    });
    expect(output.communities.some((c: object) => 'indicators' in c)).toBe(false);
  });

  it('lists changed answers with --detail', async () => {
    const { output } = await diffJson(['2024', '2025', '--detail']);
    const zeta = output.communities.find((c: { id: string }) => c.id === '006');
    expect(zeta.indicators).toEqual([
      { id: 'voice.women', before: null, after: 2 },
      { id: 'means.fund', before: 'na', after: 1 },
    ]);
  });

  it('takes globs and single files as sides', async () => {
    const { code, output } = await diffJson(['2024/*.yaml', '2025/alpha.yaml']);
    expect(code).toBe(0);
    expect(output.summary.matched).toBe(1);
    expect(output.added).toEqual([]);
    expect(output.removed.map((c: { id: string }) => c.id)).toEqual(['002', '003', '004', '006', '007']);
  });
});

describe('regressions and exit codes', () => {
  it('exits 0 with regressions unless --fail-on-regression, then 1', async () => {
    expect((await diff(['2024', '2025'])).code).toBe(0);
    const failing = await diff(['2024', '2025', '--fail-on-regression']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('Regressions (2, tolerance 0 points)');
  });

  it('applies --tolerance to falls in the overall score and the principles, not to a phase that went back', async () => {
    const { code, output } = await diffJson(['2024', '2025', '--tolerance', '12.5', '--fail-on-regression']);
    expect(output.summary.regressions).toBe(1);
    expect(output.communities.find((c: { id: string }) => c.id === '003').regression).toBe(false);
    expect(code).toBe(1);
    // Without 002 (whose phase went back) nothing regresses beyond 12.5 points.
    const calm = await diff(['2024', '2025/gamma.yaml', '--tolerance', '12.5', '--fail-on-regression']);
    expect(calm.code).toBe(0);
    const strict = await diff(['2024', '2025/gamma.yaml', '--tolerance', '12', '--fail-on-regression']);
    expect(strict.code).toBe(1);
  });

  it('rejects a negative tolerance with exit 2', async () => {
    const { code, stderr } = await diff(['2024', '2025', '--tolerance', '-1']);
    expect(code).toBe(2);
    expect(stderr).toContain('--tolerance must be 0 or more');
  });

  it('exits 2 when a community appears twice on one side, naming it and both files', async () => {
    const { code, stderr, stdout } = await diff(['2024', 'duplicates/2025', '--fail-on-regression']);
    expect(code).toBe(2);
    expect(stderr).toContain('[duplicate-community]');
    expect(stderr).toContain('community 001 appears more than once on the after side');
    expect(stderr).toContain('duplicates/2025/alpha.yaml');
    expect(stderr).toContain('duplicates/2025/alpha-again.yaml');
    // The first one (in sorted order alpha-again.yaml) is kept and the diff is still shown.
    expect(stdout).toContain('Kelurahan Alpha');
  });

  it('reports an invalid file with file:line:column and exits 2, still comparing the valid ones', async () => {
    const { code, stderr, stdout } = await diff(['2024', 'invalid/2025']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^invalid\/2025\/broken\.yaml:6:3: error \[unknown-indicator\] .*Did you mean "voice\.women"\?/m);
    expect(stdout).toContain('Kelurahan Alpha');
  });

  it('exits 2 when a side holds no valid assessment', async () => {
    const { code, stderr, stdout } = await diff(['2024', 'invalid/2025/broken.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('invalid/2025/broken.yaml (after): holds no valid assessment to compare.');
    expect(stdout).toBe('');
    const missing = await diff(['2023', '2025']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('2023: error [path-not-found]');
  });
});

describe('different rubric versions', () => {
  // rubrics-next holds mini 1.1.0 (adds voice.youth); ./rubrics holds mini 1.0.0. Each side gets the version it names.
  const env = { SWADAYA_RUBRIC_PATH: 'rubrics-next' };

  it('scores each side with its own version, compares shared indicators only, and says the versions differ', async () => {
    const { code, stderr, output } = await diffJson(['2024/alpha.yaml', 'versions/2025', '--detail'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(output.rubricVersionsDiffer).toBe(true);
    const [alpha] = output.communities;
    expect(alpha.before.rubric).toEqual({ id: 'mini', version: '1.0.0' });
    expect(alpha.after.rubric).toEqual({ id: 'mini', version: '1.1.0' });
    // voice = (75 + 75 + 100)/3 = 83.33…, overall = (83.33… + 62.5)/2 = 72.916…: delta 35.416… → 35.42.
    expect(alpha.after.overall).toBe(72.92);
    expect(alpha.delta.overall).toBe(35.42);
    expect(alpha.delta.principles[0]).toEqual({ id: 'voice', before: 37.5, after: 83.33, delta: 45.83 });
    expect(alpha.indicators.map((change: { id: string }) => change.id)).toEqual(['voice.meetings', 'voice.women', 'means.savings', 'means.fund']);
  });

  it('says so in the table', async () => {
    const { stdout } = await diff(['2024/alpha.yaml', 'versions/2025'], env);
    expect(stdout).toContain('The two sides were scored with different rubric versions: mini 1.0.0 → mini 1.1.0. Indicators are compared on the ids both versions share.');
  });
});

describe('table, markdown and csv', () => {
  it('marks rises, falls and regressions in the table', async () => {
    const { stdout } = await diff(['2024', '2025']);
    expect(stdout).toMatch(/001 .*Kelurahan Alpha .*37\.50 → 68\.75 +▲ 31\.25 .*berdaya → mandiri .*▲ advanced/);
    expect(stdout).toMatch(/002 .*75\.00 → 68\.75 +▼ 6\.25 .*graduated → mandiri .*▼ regressed ⚠/);
    expect(stdout).toMatch(/003 .*= unchanged ⚠/);
    expect(stdout).toContain('5 matched · 1 advanced · 1 regressed · 3 unchanged · regressions: 2 (tolerance 0 points) · 1 added · 1 removed');
    expect(stdout).toContain('002 Kelurahan Beta: phase graduated → mandiri; Overall ▼ 6.25; Means ▼ 12.50');
    expect(stdout).toContain('003 Kelurahan Gamma: Voice ▼ 12.50');
    expect(stdout).toMatch(/Added: only in the after set \(1\)\n +005 +Kelurahan Epsilon/);
    expect(stdout).toMatch(/Removed: only in the before set \(1\)\n +004 +Kelurahan Delta/);
    expect(stdout).not.toMatch(/\u001b\[/);
  });

  it('draws the transition matrix in phase order, graduated last', async () => {
    const { stdout } = await diff(['2024', '2025']);
    const matrix = stdout.slice(stdout.indexOf('Phase transitions'));
    expect(matrix).toMatch(/before \\ after +│ berdaya +│ mandiri +│ graduated/);
    expect(matrix).toMatch(/│ berdaya +│ +2 │ +1 │ +· │/);
    expect(matrix).toMatch(/│ graduated +│ +· │ +1 │ +· │/);
  });

  it('speaks Indonesian with --lang id', async () => {
    const { stdout } = await diff(['2024', '2025', '--lang', 'id']);
    expect(stdout).toContain('Membandingkan 2024');
    expect(stdout).toContain('▲ naik');
    expect(stdout).toContain('▼ turun');
    expect(stdout).toContain('Suara warga');
    expect(stdout).toContain('5 dicocokkan · 1 naik · 1 turun · 3 tetap · kemunduran: 2 (toleransi 0 poin) · 1 baru · 1 hilang');
    expect(stdout).toContain('fase lulus → mandiri');
  });

  it('colours the table only when asked, never json or csv', async () => {
    const coloured = await diff(['2024', '2025'], { NO_COLOR: undefined, FORCE_COLOR: '1' });
    expect(coloured.stdout).toMatch(/\u001b\[/);
    expect((await diff(['2024', '2025', '--no-color'], { NO_COLOR: undefined, FORCE_COLOR: '1' })).stdout).not.toMatch(/\u001b\[/);
    for (const format of ['json', 'csv', 'markdown']) {
      expect((await diff(['2024', '2025', '--format', format], { NO_COLOR: undefined, FORCE_COLOR: '1' })).stdout).not.toMatch(/\u001b\[/);
    }
  });

  it('writes a pull-request comment: the summary first, then the communities that changed phase or regressed', async () => {
    const { stdout } = await diff(['2024', '2025', '--format', 'markdown', '--detail']);
    const summaryAt = stdout.indexOf('5 matched');
    const notableAt = stdout.indexOf('#### Communities that changed phase or regressed (3)');
    const detailsAt = stdout.indexOf('<details>');
    expect(summaryAt).toBeGreaterThan(0);
    expect(notableAt).toBeGreaterThan(summaryAt);
    expect(detailsAt).toBeGreaterThan(notableAt);
    const notable = stdout.slice(notableAt, detailsAt);
    expect(notable).toContain('| 001 Kelurahan Alpha | 37.50 → 68.75 | ▲ 31.25 | berdaya → mandiri |');
    expect(notable).toContain('⚠️ 002 Kelurahan Beta');
    expect(notable).toContain('⚠️ 003 Kelurahan Gamma');
    expect(notable).not.toContain('Zeta');
    expect(stdout).toContain('| 006 | `voice.women` | missing | 2 |');
    expect(stdout).toContain('| 006 | `means.fund` | n/a | 1 |');
  });

  it('writes one csv row per community with before, after and delta for the overall score and every principle', async () => {
    const { stdout } = await diff(['2024', '2025', '--format', 'csv']);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'community_id,community_name,status,file_before,file_after,period_before,period_after,phase_current_before,phase_current_after,verdict_before,verdict_after,transition,regression,' +
        'overall_before,overall_after,overall_delta,principle_voice_before,principle_voice_after,principle_voice_delta,principle_means_before,principle_means_after,principle_means_delta',
    );
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['"001"', '"002"', '"003"', '"004"', '"005"', '"006"', '"007"']);
    expect(lines.every((line) => line.split(',').length === 22)).toBe(true);
    expect(lines[2]).toBe('"002",Kelurahan Beta,matched,2024/beta.yaml,2025/beta.yaml,"2024","2025",graduated,mandiri,graduated,not-ready,regressed,true,75,68.75,-6.25,75,75,0,75,62.5,-12.5');
    expect(lines[4]).toBe('"004",Kelurahan Delta,removed,2024/delta.yaml,,"2024",,berdaya,,not-ready,,,,25,,,,,,,,');
    expect(lines[7]).toBe('"007",Kelurahan Eta,matched,2024/zeta-eta.yaml,2025/zeta-eta.yaml,"2024","2025",berdaya,berdaya,not-ready,not-ready,unchanged,false,25,25,0,25,25,0,,25,');
  });
});
