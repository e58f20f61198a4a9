import { describe, expect, it } from 'vitest';
import { renderGitlab } from '../../src/format/ci/gitlab.js';
import { SET, swadaya } from './helpers.js';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

describe('--format gitlab (Code Quality)', () => {
  it('score: an issue per finding and per failed gate, with the documented fields', async () => {
    const { code, stdout } = await swadaya(['score', SET, '--format', 'gitlab', '--require', 'ready']);
    expect(code).toBe(2);
    const issues = JSON.parse(stdout) as Issue[];
    expect(issues.map((issue) => [issue.check_name, issue.severity, issue.location.path, issue.location.lines.begin])).toEqual([
      ['level-out-of-range', 'major', 'test/fixtures/ci/set/broken.yaml', 5],
      ['unknown-indicator', 'major', 'test/fixtures/ci/set/broken.yaml', 6],
      ['gate-not-ready', 'major', 'test/fixtures/ci/set/not-ready.yaml', 2],
      ['gate-not-ready', 'major', 'test/fixtures/ci/set/two.yaml', 2],
    ]);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
    expect(issues[2]!.description).toBe('0001 Desa Satu (test/fixtures/ci/set/not-ready.yaml): indicator:a2 level 1, needs level 2');
  });

  it('fingerprints are the same across runs and do not move with the line; repeats stay unique', async () => {
    const first = JSON.parse((await swadaya(['validate', SET, '--format', 'gitlab'])).stdout) as Issue[];
    const second = JSON.parse((await swadaya(['validate', SET, '--format', 'gitlab'])).stdout) as Issue[];
    expect(second.map((issue) => issue.fingerprint)).toEqual(first.map((issue) => issue.fingerprint));
    const finding = { code: 'unknown-key', severity: 'error' as const, file: 'a.yaml', args: { key: 'x' } };
    const render = (line: number) =>
      JSON.parse(
        renderGitlab(
          { command: 'validate', findings: [{ ...finding, line }, { ...finding, line: line + 4 }], failures: [], assessments: [], checked: 0, gates: { names: [] } },
          { lang: 'en', findingsDocUri: 'file:///docs/findings.md' },
        ),
      ) as Issue[];
    const [a, b] = render(3);
    const [moved] = render(10);
    expect(moved!.fingerprint).toBe(a!.fingerprint);
    expect(b!.fingerprint).not.toBe(a!.fingerprint);
    expect(a!.location).toEqual({ path: 'a.yaml', lines: { begin: 3 } });
  });
});
