import { describe, expect, it } from 'vitest';
import { FailureSample, regressionFailures, scoreGateFailure, type GateFailure } from '../../src/core/gates.js';
import { gateReport, NAMED_FAILURES } from '../../src/i18n/gate-messages.js';
import { renderGithub } from '../../src/format/ci/github.js';
import { SET, swadaya } from './helpers.js';

const READY_SET = ['test/fixtures/ci/set/not-ready.yaml', 'test/fixtures/ci/set/ready.yaml', 'test/fixtures/ci/set/two.yaml'];

describe('gates name who failed', () => {
  it('score --require ready --fail-under: each failing community, its file, criterion and figure, in English', async () => {
    const { code, stdout, stderr } = await swadaya(['score', ...READY_SET, '--require', 'ready', '--fail-under', '60', '--format', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).results).toHaveLength(4);
    expect(stderr).toBe(
      [
        'swadaya: 2 assessment(s) have an overall score below 60 (--fail-under).',
        'swadaya: 2 assessment(s) are not ready for their next phase (--require ready):',
        '  0001 Desa Satu (test/fixtures/ci/set/not-ready.yaml): overall 54.17 < 60; indicator:a2 level 1, needs level 2',
        '  0003 Desa Tiga (test/fixtures/ci/set/two.yaml): overall 0 < 60; pillar:p1 0, needs 50; pillar:p2 0, needs 50; indicator:a2 level 0, needs level 2',
        '',
      ].join('\n'),
    );
  });

  it('… and in Indonesian', async () => {
    const { code, stderr } = await swadaya(['score', ...READY_SET, '--require', 'ready', '--lang', 'id']);
    expect(code).toBe(1);
    expect(stderr).toBe(
      [
        'swadaya: 2 penilaian belum siap untuk fase berikutnya (--require ready):',
        '  0001 Desa Satu (test/fixtures/ci/set/not-ready.yaml): indicator:a2 tingkat 1, perlu tingkat 2',
        '  0003 Desa Tiga (test/fixtures/ci/set/two.yaml): pillar:p1 0, perlu 50; pillar:p2 0, perlu 50; indicator:a2 tingkat 0, perlu tingkat 2',
        '',
      ].join('\n'),
    );
  });

  it('names the first 20 and counts the rest', () => {
    const sample = new FailureSample(NAMED_FAILURES);
    for (let i = 1; i <= 23; i += 1) {
      const failure = scoreGateFailure(
        { file: `f${i}.yaml`, document: 0, period: '2025', community: { id: String(i), name: `C${i}` }, overall: { score: i }, readiness: { verdict: 'ready', criteria: [] } },
        { failUnder: 50 },
      );
      sample.add(failure!);
    }
    expect(sample.total).toBe(23);
    expect(sample.failures).toHaveLength(20);
    const text = gateReport(new Map([['fail-under', sample.count('fail-under')]]), sample.failures, sample.total, 'en', { threshold: 50 });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('swadaya: 23 assessment(s) have an overall score below 50 (--fail-under):');
    expect(lines).toHaveLength(22);
    expect(lines[20]).toBe('  20 C20 (f20.yaml): overall 20 < 50');
    expect(lines[21]).toBe('  … and 3 more (--format sarif, junit or gitlab lists them all).');
  });

  it('an undecided criterion and a verdict with no criterion to point at are named too', () => {
    const failure = scoreGateFailure(
      {
        file: 'a.yaml',
        document: 1,
        period: '2025',
        community: { id: '9', name: 'N' },
        overall: { score: null },
        readiness: { verdict: 'insufficient-evidence', criteria: [{ target: 'pillar:p1', kind: 'area', threshold: 50, value: null, status: 'unknown' }] },
      },
      { requireReady: true, failUnder: 10 },
    ) as GateFailure;
    const text = gateReport(new Map([['fail-under', 1], ['not-ready', 1]]), [failure], 1, 'en', { threshold: 10 });
    expect(text).toContain('  9 N (a.yaml (document 2)): no overall score (needs 10); pillar:p1 cannot be decided: too few answers (needs 50)\n');
    const bare = scoreGateFailure({ ...failure, overall: { score: 80 }, readiness: { verdict: 'not-ready', criteria: [] } }, { requireReady: true });
    expect(bare?.reasons).toEqual([{ gate: 'not-ready', verdict: 'not-ready' }]);
  });

  it('diff --fail-on-regression --format markdown > file: the reason is on stderr, exit 1', async () => {
    const { code, stdout, stderr } = await swadaya(['diff', `${SET}/ready.yaml`, 'test/fixtures/ci/later', '--fail-on-regression', '--format', 'markdown']);
    expect(code).toBe(1);
    expect(stdout).toContain('0002 Desa Dua');
    expect(stderr).toBe(
      'swadaya: 1 community(ies) regressed (--fail-on-regression, tolerance 0):\n' +
        '  0002 Desa Dua (test/fixtures/ci/later/ready.yaml): overall fell 8.33 points; principle alpha fell 25 points\n',
    );
    expect(regressionFailures([], 0)).toEqual([]);
  });
});

describe('--format github', () => {
  it('score: annotations on the failing community.id lines, then a ::notice with the totals', async () => {
    const { code, stdout } = await swadaya(['score', SET, '--format', 'github', '--require', 'ready']);
    expect(code).toBe(2);
    expect(stdout.trimEnd().split('\n')).toEqual([
      '::error file=test/fixtures/ci/set/broken.yaml,line=5,col=7,title=swadaya level-out-of-range::level 9 for a1 is outside the scale; use a level 0–2.',
      '::error file=test/fixtures/ci/set/broken.yaml,line=6,col=3,title=swadaya unknown-indicator::unknown indicator "zz". Did you mean "a1"? `swadaya rubric show` lists the indicators.',
      '::error file=test/fixtures/ci/set/not-ready.yaml,line=2,col=17,title=swadaya gate-not-ready::0001 Desa Satu (test/fixtures/ci/set/not-ready.yaml): indicator:a2 level 1, needs level 2',
      '::error file=test/fixtures/ci/set/two.yaml,line=2,col=17,title=swadaya gate-not-ready::0003 Desa Tiga (test/fixtures/ci/set/two.yaml): pillar:p1 0, needs 50; pillar:p2 0, needs 50; indicator:a2 level 0, needs level 2',
      '::notice title=swadaya score::4 assessment(s) checked: 2 error(s), 0 warning(s), 2 failed a gate (not-ready).',
    ]);
  });

  it('validate: ends with a notice; over GitHub\'s 10 annotations per step it says how many are only in the log', () => {
    const findings = Array.from({ length: 15 }, (_, i) => ({ code: 'empty-file', severity: 'error' as const, file: `f${i}.yaml`, args: {} }));
    const text = renderGithub({ command: 'validate', findings, failures: [], assessments: [], checked: 0, gates: { names: [] } }, { lang: 'en', findingsDocUri: 'file:///d/findings.md' });
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(16);
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(15);
    expect(lines[15]).toBe(
      '::notice title=swadaya validate::0 assessment(s) checked: 15 error(s), 0 warning(s). GitHub shows only 10 error and 10 warning annotations per step: 5 of 15 annotations are only in this step\'s log (or use --format sarif).',
    );
  });

  it('diff: the regressed community annotated at its community.id, then the notice (in Indonesian)', async () => {
    const { code, stdout } = await swadaya(['diff', `${SET}/ready.yaml`, 'test/fixtures/ci/later', '--fail-on-regression', '--format', 'github', '--lang', 'id']);
    expect(code).toBe(1);
    expect(stdout.trimEnd().split('\n')).toEqual([
      '::error file=test/fixtures/ci/later/ready.yaml,line=3,col=7,title=swadaya gate-regression::0002 Desa Dua (test/fixtures/ci/later/ready.yaml): skor keseluruhan turun 8.33 poin; prinsip alpha turun 25 poin',
      '::notice title=swadaya diff::1 komunitas dibandingkan: 0 kesalahan, 0 peringatan, 1 gagal gerbang (regression).',
    ]);
  });
});

describe('a diff whose inputs had errors says so in every format, exit 2', () => {
  const args = [SET, 'test/fixtures/ci/later'];
  it.each([
    ['table', 'input error(s): the assessments in those files were left out'],
    ['markdown', '> [!CAUTION]\n> 2 input error(s): the assessments in those files were left out'],
    ['json', '"code": "level-out-of-range"'],
    ['github', '::error file=test/fixtures/ci/set/broken.yaml,line=5'],
    ['sarif', '"ruleId": "level-out-of-range"'],
    ['junit', 'type="level-out-of-range"'],
    ['gitlab', '"check_name": "level-out-of-range"'],
  ])('%s', async (format, expected) => {
    const { code, stdout, stderr } = await swadaya(['diff', ...args, '--format', format]);
    expect(code).toBe(2);
    expect(stdout).toContain(expected);
    expect(stderr).toContain('test/fixtures/ci/set/broken.yaml:5:7: error [level-out-of-range]');
  });
});
