import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

interface Step {
  name: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; steps: Step[] };
};
const steps = action.runs.steps;
const step = (id: string): Step => steps.find((candidate) => candidate.id === id)!;

/** What the runner does with `${{ … }}` in env: inputs (with their defaults), the action's path, earlier steps' outputs. */
function expand(value: string, context: { inputs: Record<string, string>; outputs: Record<string, string> }): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    if (expression === 'github.action_path') return root;
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) return context.inputs[input[1]!] ?? action.inputs[input[1]!]?.default ?? '';
    const output = /^steps\.run\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return context.outputs[output[1]!] ?? '';
    throw new Error(`unexpected expression ${expression}`);
  });
}

/** Runs one `run:` step as GitHub's runner would: bash, its env expanded, GITHUB_OUTPUT collected. */
function runStep(id: string, cwd: string, inputs: Record<string, string>, outputs: Record<string, string> = {}) {
  const target = step(id);
  const outputFile = join(cwd, `github-output-${id}`);
  writeFileSync(outputFile, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GITHUB_OUTPUT: outputFile, GITHUB_ACTION_PATH: root, NO_COLOR: '1' };
  for (const [key, value] of Object.entries(target.env ?? {})) env[key] = expand(value, { inputs, outputs });
  const result = spawnSync('bash', ['-e', '-c', target.run!], { cwd, env, encoding: 'utf8' });
  const written = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outputs: written };
}

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'swadaya-action-'));
  const fixture = readFileSync(join(root, 'test/fixtures/ci/set/not-ready.yaml'), 'utf8');
  writeFileSync(join(dir, 'a.yaml'), fixture);
  writeFileSync(join(dir, 'broken.yaml'), readFileSync(join(root, 'test/fixtures/ci/set/broken.yaml'), 'utf8'));
  return dir;
}

const rubricArgs = `--rubric ${join(root, 'test/fixtures/rubrics/tiny')}`;

describe('action.yml (composite)', () => {
  it('sets up Node, installs, runs, uploads SARIF only when asked, then fails on the exit code', () => {
    expect(action.runs.using).toBe('composite');
    expect(steps.map((candidate) => candidate.uses ?? candidate.id)).toEqual(['actions/setup-node@v4', 'install', 'run', 'github/codeql-action/upload-sarif@v3', 'verdict']);
    expect(Object.keys(action.inputs)).toEqual(['command', 'paths', 'args', 'format', 'output', 'upload-sarif', 'node-version']);
    expect(step('install').run).toBe('npm ci --no-audit --no-fund'); // not run here: it installs the action's own dependencies
    const upload = steps[3]!;
    expect(upload.if).toContain("inputs.upload-sarif == 'true'");
    expect(upload.with?.sarif_file).toBe('${{ steps.run.outputs.output-file }}');
    // No input is pasted into a script: they reach bash through env only.
    for (const candidate of steps) expect(candidate.run ?? '').not.toMatch(/\$\{\{/);
  });

  it('score --require ready with format github: annotations in the log, exit code 1 recorded, the last step fails', () => {
    const dir = scratch();
    const inputs = { command: 'score', paths: 'a.yaml', args: `--require ready ${rubricArgs}` };
    const run = runStep('run', dir, inputs);
    expect(run.status).toBe(0);
    expect(run.outputs).toEqual({ 'exit-code': '1' });
    expect(run.stdout).toContain('::error file=a.yaml,line=2,col=17,title=swadaya gate-not-ready::0001 Desa Satu (a.yaml): indicator:a2 level 1, needs level 2');
    expect(run.stdout).toContain('::notice title=swadaya score::1 assessment(s) checked: 0 error(s), 0 warning(s), 1 failed a gate (not-ready).');
    expect(run.stderr).toContain('swadaya: 1 assessment(s) are not ready for their next phase (--require ready):');
    expect(runStep('verdict', dir, inputs, run.outputs).status).toBe(1);
  });

  it('validate with format sarif: written to swadaya.sarif, named as the step output for the upload', () => {
    const dir = scratch();
    const inputs = { command: 'validate', paths: 'a.yaml broken.yaml', format: 'sarif', 'upload-sarif': 'true', args: rubricArgs };
    const run = runStep('run', dir, inputs);
    expect(run.outputs).toEqual({ 'output-file': 'swadaya.sarif', 'exit-code': '1' });
    const sarif = JSON.parse(readFileSync(join(dir, 'swadaya.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['level-out-of-range', 'unknown-indicator']);
    expect(runStep('verdict', dir, inputs, run.outputs).status).toBe(1);
  });

  it('a clean run passes; an unknown command is refused with exit code 2', () => {
    const dir = scratch();
    const ok = runStep('run', dir, { command: 'validate', paths: 'a.yaml', args: rubricArgs });
    expect(ok.outputs).toEqual({ 'exit-code': '0' });
    expect(ok.stdout).toBe('::notice title=swadaya validate::1 assessment(s) checked: 0 error(s), 0 warning(s).\n');
    expect(runStep('verdict', dir, {}, ok.outputs).status).toBe(0);
    const bad = runStep('run', dir, { command: 'rm', paths: 'a.yaml' });
    expect(bad.outputs).toEqual({ 'exit-code': '2' });
    expect(bad.stdout).toContain('::error title=swadaya action::command must be validate, score or diff (got "rm").');
  });
});
