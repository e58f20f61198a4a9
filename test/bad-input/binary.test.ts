import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild } from '../helpers/build.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'swadaya.js');
const bad = 'test/fixtures/bad';
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
/** Every line the tool writes to stderr about input: `file[:line:column]: error|warning [code] message`. */
const FINDING_LINE = /^\S+?(:\d+:\d+)?: (error|warning) \[[a-z-]+\] \S/;

function swadaya(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 15_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bad input through the real binary (built by test/global-setup.ts)', () => {
  beforeAll(assertFreshBuild);
  it('scores the whole corpus: exit 2, the valid documents in the JSON, one finding line per problem, no stack trace', () => {
    const files = readdirSync(join(root, bad))
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => `${bad}/${name}`);
    const started = Date.now();
    const result = swadaya(['score', ...files, `${bad}/duplicate-assessment`, 'no-such-file.yaml', '--format', 'json']);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).not.toMatch(/Warning/);
    for (const line of result.stderr.trimEnd().split('\n')) expect(line).toMatch(FINDING_LINE);
    const output = JSON.parse(result.stdout);
    const scored = output.results.map((entry: { file: string; document: number }) => `${entry.file}#${entry.document}`);
    // Both files of duplicate-assessment/ repeat valid.yaml's community and period, so they are reported, not scored.
    expect(scored).toEqual([`${bad}/multi-document.yaml#0`, `${bad}/multi-document.yaml#2`, `${bad}/valid.yaml#0`]);
    expect(output.errors.length).toBeGreaterThanOrEqual(files.length - 2);
  });

  it('validate exits 2 for a path that does not exist and 1 for validation errors, without a stack trace', () => {
    const missing = swadaya(['validate', 'no-such-dir']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('no-such-dir: error [path-not-found]');
    const invalid = swadaya(['validate', `${bad}/level-string.yaml`, `${bad}/alias-bomb.yaml`]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain(`${bad}/level-string.yaml:8:31: error [level-not-a-number]`);
    for (const result of [missing, invalid]) expect(result.stderr + result.stdout).not.toMatch(STACK_TRACE);
  });

  it('an unknown format exits 2 without a stack trace', () => {
    const result = swadaya(['validate', bad, '--format', 'xml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'xml' is invalid. Allowed choices are text, json, github, sarif, junit, gitlab.");
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });
});
