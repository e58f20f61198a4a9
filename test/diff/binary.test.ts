import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild } from '../helpers/build.js';
import { validateDiffOutput } from '../../src/schema/generated/output-validators.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'diff');

function swadaya(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'swadaya.js'), ...args], {
    cwd: fixtures,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('swadaya diff, the binary (built by test/global-setup.ts)', () => {
  beforeAll(assertFreshBuild);
  it('prints JSON that parses and matches the schema, and fails CI on a regression with exit 1', () => {
    const json = swadaya(['diff', '2024', '2025', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(validateDiffOutput(JSON.parse(json.stdout))).toBe(true);
    const gate = swadaya(['diff', '2024', '2025', '--fail-on-regression', '--format', 'markdown']);
    expect(gate.code).toBe(1);
    expect(gate.stdout).toContain('regressions: 2');
  });

  it('honours NO_COLOR and exits 2 on a duplicate without a stack trace', () => {
    expect(swadaya(['diff', '2024', '2025'], { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
    const duplicate = swadaya(['diff', '2024', 'duplicates/2025']);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('[duplicate-community]');
    expect(duplicate.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
