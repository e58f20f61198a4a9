import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild } from '../helpers/build.js';
import packageJson from '../../package.json' with { type: 'json' };
import { VERSION } from '../../src/version.js';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'swadaya.js');
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

function swadaya(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the swadaya binary (built by test/global-setup.ts)', () => {
  beforeAll(assertFreshBuild);
  it('prints its version, the one in package.json', () => {
    expect(VERSION).toBe(packageJson.version);
    const { code, stdout } = swadaya(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(packageJson.version);
  });

  it('keys its cache by version and build: a hash of the sources it was built from', () => {
    const location = mkdtempSync(join(tmpdir(), 'swadaya-build-id-'));
    expect(swadaya(['score', 'examples/2025', '--format', 'json', '--cache-location', location]).code).toBe(0);
    const index = readdirSync(location).find((name) => name.endsWith('.cache'));
    const header = JSON.parse(readFileSync(join(location, index ?? ''), 'utf8').split('\n')[0] ?? '') as { version: string };
    expect(header.version).toMatch(new RegExp(`^${VERSION.replace(/\./g, '\\.')}\\+[0-9a-f]{16}$`));
    rmSync(location, { recursive: true, force: true });
  });

  it('prints help for the program and for a command', () => {
    const program = swadaya(['--help']);
    expect(program.code).toBe(0);
    for (const command of ['score', 'assess', 'diff', 'validate', 'rubric', 'template']) expect(program.stdout).toContain(command);
    const score = swadaya(['score', '--help']);
    expect(score.stdout).toContain('--fail-under');
  });

  it('exits 2 on an unknown option or format, without a stack trace', () => {
    const option = swadaya(['score', 'examples', '--bogus']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--bogus'");
    const format = swadaya(['score', 'examples', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).not.toMatch(STACK_TRACE);
  });

  it('scores the p2kp@1.0.0 fixtures as JSON that parses, and validates them with exit 0', () => {
    const scored = swadaya(['score', 'test/fixtures/p2kp-1.0.0/2024', 'test/fixtures/p2kp-1.0.0/2025', '--format', 'json']);
    expect(scored.code).toBe(0);
    expect(scored.stderr).toBe('');
    expect(JSON.parse(scored.stdout).results).toHaveLength(18);
    expect(swadaya(['validate', 'rubrics/p2kp@1.0.0', 'test/fixtures/p2kp-1.0.0']).code).toBe(0);
  });

  it('validates the shipped rubric and every bundled example with exit 0', () => {
    const { code, stdout } = swadaya(['validate', 'rubrics/p2kp', 'examples']);
    expect(stdout).toContain(': 0 error(s), 0 warning(s).');
    expect(code).toBe(0);
  });

  it('exits 1 on a broken rubric given to validate, listing every error with file:line:column', () => {
    const { code, stdout } = swadaya(['validate', 'test/fixtures/rubrics/broken']);
    expect(code).toBe(1);
    expect(stdout.match(/^test\/fixtures\/rubrics\/broken\/\w+\.yaml:\d+:\d+: error/gm)).toHaveLength(6);
  });

  it('uses no colour with NO_COLOR or --no-color, even when forced', () => {
    const plain = swadaya(['score', 'test/fixtures/p2kp-1.0.0/2025/mojosongo.yaml'], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(plain.stdout).not.toContain('\u001b[');
    const flag = swadaya(['score', 'test/fixtures/p2kp-1.0.0/2025/mojosongo.yaml', '--no-color'], { FORCE_COLOR: '1' });
    expect(flag.stdout).not.toContain('\u001b[');
    const coloured = swadaya(['score', 'test/fixtures/p2kp-1.0.0/2025/mojosongo.yaml'], { FORCE_COLOR: '1' });
    expect(coloured.stdout).toContain('\u001b[');
  });

  it('shows the Indonesian rubric tree with --lang id', () => {
    const { code, stdout } = swadaya(['rubric', 'show', 'p2kp', '--lang', 'id']);
    expect(code).toBe(0);
    const order = ['Keterpaduan', 'Keberlanjutan', 'Keserasian', 'Kemampuan sendiri', 'Kaderisasi'].map((title) => stdout.indexOf(title));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('prints a template that lists every indicator under answers', () => {
    const { code, stdout } = swadaya(['template', '--rubric', 'p2kp']);
    expect(code).toBe(0);
    expect(stdout).toContain('rubric: p2kp@2.0.0');
    expect(stdout).toMatch(/^ {2}self-reliance\.bkm-election:/m);
  });
});
