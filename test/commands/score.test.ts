import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { validateScoreOutput } from '../../src/schema/generated/output-validators.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');
const tinyRubric = 'test/fixtures/rubrics/tiny';
const tinyAssessment = 'test/fixtures/assessments/tiny.yaml';

async function score(args: string[]) {
  const memory = memoryContext({ cwd: root });
  const code = await runCli(['score', ...args], memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

describe('swadaya score', () => {
  it('scores the tiny assessment exactly (hand-worked) as JSON that matches the published schema', async () => {
    const { code, stdout, stderr } = await score([tinyAssessment, '--rubric', tinyRubric, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(validateScoreOutput(output)).toBe(true);
    const [result] = output.results;
    // Indicator scores (max 2): a1 100, a2 50, b1 0, b2 100.
    // alpha = (1·100 + 3·50) / 4 = 62.5; beta = (100·0 + 1·100)/2 = 50; overall = (1·62.5 + 2·50)/3 = 54.1666…
    expect(result.overall).toEqual({ score: 54.17, coverage: 1, band: 'low' });
    expect(result.principles).toEqual([
      { id: 'alpha', score: 62.5, coverage: 1 },
      { id: 'beta', score: 50, coverage: 1 },
    ]);
    // p1 = (a1 100 + b1 0)/2 = 50; p2 = a2 = 50; p3 = b2 = 100.
    expect(result.pillars).toEqual([
      { id: 'p1', phase: 'one', score: 50, coverage: 1 },
      { id: 'p2', phase: 'one', score: 50, coverage: 1 },
      { id: 'p3', phase: 'two', score: 100, coverage: 1 },
    ]);
    expect(result.tags).toEqual([{ id: 'kind:social', score: 50, coverage: 1 }]);
    expect(result.phase).toEqual({ declared: null, attained: 'one', current: 'one', next: 'two', mismatch: false });
    // Gate one: p1 50 ≥ 50 pass, p2 50 ≥ 50 pass, a2 level 1 < 2 fail (gap 1); index = 100·(1 + 1 + 0.5)/3.
    expect(result.readiness).toEqual({
      verdict: 'not-ready',
      index: 83.33,
      criteria: [
        { target: 'pillar:p1', min: 50, value: 50, coverage: 1, status: 'pass', gap: 0 },
        { target: 'pillar:p2', min: 50, value: 50, coverage: 1, status: 'pass', gap: 0 },
        { target: 'indicator:a2', level: 2, value: 1, coverage: 1, status: 'fail', gap: 1 },
      ],
      focus: [{ criterion: 'indicator:a2', indicator: 'a2', level: 1, next: 2, action: 'A2 full' }],
      // One step: a2 1 → 2 passes the only failing criterion; the two pillars already pass.
      path: {
        phase: 'one',
        steps: 1,
        blocked: [],
        unanswered: 0,
        items: [{ indicator: 'a2', from: 1, to: 2, action: 'A2 full', criteria: ['indicator:a2'] }],
      },
    });
    expect(output.errors).toEqual([]);
  });

  it('localises the action plan with --lang id', async () => {
    const { stdout } = await score([tinyAssessment, '--rubric', tinyRubric, '--format', 'json', '--lang', 'id']);
    const readiness = JSON.parse(stdout).results[0].readiness;
    expect(readiness.focus[0].action).toBe('A2 penuh');
    expect(readiness.path.items[0].action).toBe('A2 penuh');
  });

  it('--fail-under exits 1 when an overall score is below the threshold, 0 otherwise', async () => {
    expect((await score([tinyAssessment, '--rubric', tinyRubric, '--fail-under', '54.2'])).code).toBe(1);
    expect((await score([tinyAssessment, '--rubric', tinyRubric, '--fail-under', '54.1'])).code).toBe(0);
  });

  it('--require ready exits 1 for a not-ready community and names the reason on stderr', async () => {
    const { code, stderr } = await score([tinyAssessment, '--rubric', tinyRubric, '--require', 'ready']);
    expect(code).toBe(1);
    expect(stderr).toContain('--require ready');
  });

  it('prints the detailed view for one assessment', async () => {
    const { stdout } = await score([tinyAssessment, '--rubric', tinyRubric]);
    expect(stdout).toContain('Desa Satu (0001)');
    expect(stdout).toContain('✘ fail');
    expect(stdout).toContain('gap 1.0');
    expect(stdout).toContain('→ A2 full');
    expect(stdout).toContain('Path to Phase two: 1 step(s) to ready');
    expect(stdout).toContain('1. a2 level 1 → 2');
    expect(stdout).not.toContain('Action plan');
  });

  it('lists each indicator of the path once in the detail view, however many criteria it serves', async () => {
    const { stdout } = await score(['examples/2025/sukaluyu.yaml', '--no-color']);
    const path = stdout.slice(stdout.indexOf('Path to'));
    const listed = [...path.matchAll(/^ {2}\d+\. (\S+) /gm)].map((match) => match[1]);
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed).size).toBe(listed.length);
    const steps = Number(/: (\d+) step\(s\) to ready/.exec(path)?.[1]);
    const levels = [...path.matchAll(/^ {2}\d+\. \S+ level (\d) → (\d)/gm)].reduce((sum, match) => sum + Number(match[2]) - Number(match[1]), 0);
    expect(levels).toBe(steps);
  });

  it('scores a file that names p2kp@1.0.0 with the shipped 1.0.0, without a version warning', async () => {
    const { code, stdout, stderr } = await score(['test/fixtures/p2kp-1.0.0/2024/sukaluyu.yaml', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout).results;
    expect(result.rubric).toEqual({ id: 'p2kp', version: '1.0.0' });
    expect(result.overall.score).toBe(41.63);
  });

  it('scores the 2025 p2kp@1.0.0 fixtures: one row each, in input order, and valid JSON', async () => {
    const { code, stdout } = await score(['test/fixtures/p2kp-1.0.0/2025', '--format', 'json']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(validateScoreOutput(output)).toBe(true);
    const files = output.results.map((result: { file: string }) => result.file);
    expect(files).toEqual([...files].sort());
    expect(output.results.length).toBe(output.summary.count);
  });

  it('writes one CSV row per assessment with a column per principle and pillar', async () => {
    const { stdout } = await score([tinyAssessment, '--rubric', tinyRubric, '--format', 'csv']);
    const [header, row] = stdout.trim().split('\r\n');
    expect(header?.split(',').slice(-5)).toEqual(['principle_alpha', 'principle_beta', 'pillar_p1', 'pillar_p2', 'pillar_p3']);
    expect(row?.split(',').slice(-5)).toEqual(['62.5', '50', '50', '50', '100']);
  });

  it('--group-by region gives mean scores and counts per group', async () => {
    const { stdout } = await score(['test/fixtures/p2kp-1.0.0/2025', '--format', 'json', '--group-by', 'region']);
    const groups = JSON.parse(stdout).groups as { value: string; summary: { count: number } }[];
    const medan = groups.find((group) => group.value === 'Kota Medan');
    expect(medan?.summary.count).toBe(2);
    expect(groups.reduce((sum, group) => sum + group.summary.count, 0)).toBe(9);
  });

  it('--explain shows the weighted sums behind the overall score', async () => {
    const { stdout } = await score([tinyAssessment, '--rubric', tinyRubric, '--explain']);
    expect(stdout).toContain('162.5 / 3 = 54.2');
    expect(stdout).toContain('a2 (w 3): level 1 → 50.0 × 3 = 150.0');
    // a2's gap is (2 − 1) / 2 of its threshold: the one step closes 0.5.
    expect(stdout).toContain('1. a2 1 → 2: gap closed 0.5 (indicator:a2)');
  });
});
