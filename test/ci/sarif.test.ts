import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { renderSarif, artifactLocation } from '../../src/format/ci/sarif.js';
import { allRules } from '../../src/format/ci/rules.js';
import { findingCodes } from '../../src/i18n/messages.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SET, root, sarifSchema, swadaya } from './helpers.js';

// CommonJS packages: under NodeNext their classes are on `default`.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(sarifSchema());

function checkedSarif(text: string) {
  const sarif = JSON.parse(text);
  const valid = validateSarif(sarif);
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return sarif;
}

describe('--format sarif', () => {
  it('validate: one result per finding, valid SARIF 2.1.0, every code a rule with descriptions and help', async () => {
    const { code, stdout } = await swadaya(['validate', SET, '--format', 'sarif']);
    expect(code).toBe(1);
    const sarif = checkedSarif(stdout);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('swadaya');
    const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ruleIds).toEqual([...findingCodes(), 'gate-fail-under', 'gate-not-ready', 'gate-regression']);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.helpUri).toMatch(new RegExp(`^file://.*/docs/findings\\.md#${rule.id}$`));
    }
    expect(run.results.map((result: { ruleId: string; level: string }) => [result.ruleId, result.level])).toEqual([
      ['level-out-of-range', 'error'],
      ['unknown-indicator', 'error'],
    ]);
    const [first] = run.results;
    expect(run.tool.driver.rules[first!.ruleIndex].id).toBe('level-out-of-range');
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'test/fixtures/ci/set/broken.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 7 },
    });
    expect(first.message.text).toBe('level 9 for a1 is outside the scale; use a level 0–2.');
  });

  it('score gates: a result per failed gate at the community.id line; findings too', async () => {
    const { code, stdout } = await swadaya(['score', SET, '--format', 'sarif', '--require', 'ready', '--fail-under', '60']);
    expect(code).toBe(2); // broken.yaml has errors: invalid input wins over the gates
    const results = checkedSarif(stdout).runs[0].results;
    const summary = results.map((result: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => {
      const where = result.locations[0]!.physicalLocation;
      return `${result.ruleId} ${where.artifactLocation.uri}:${where.region.startLine}`;
    });
    expect(summary).toEqual([
      'level-out-of-range test/fixtures/ci/set/broken.yaml:5',
      'unknown-indicator test/fixtures/ci/set/broken.yaml:6',
      'gate-fail-under test/fixtures/ci/set/not-ready.yaml:2',
      'gate-not-ready test/fixtures/ci/set/not-ready.yaml:2',
      'gate-fail-under test/fixtures/ci/set/two.yaml:2',
      'gate-not-ready test/fixtures/ci/set/two.yaml:2',
    ]);
    expect(results[3].message.text).toBe('0001 Desa Satu (test/fixtures/ci/set/not-ready.yaml): indicator:a2 level 1, needs level 2');
    expect(results[5].message.text).toBe('0003 Desa Tiga (test/fixtures/ci/set/two.yaml): pillar:p1 0, needs 50; pillar:p2 0, needs 50; indicator:a2 level 0, needs level 2');
  });

  it('a gate failure in the second document of a file points at that document\'s community.id', async () => {
    // --fail-under takes 0–100 (docs: README): the second document, otherwise a perfect 100, is made to fall short.
    const dir = mkdtempSync(join(tmpdir(), 'swadaya-sarif-'));
    writeFileSync(join(dir, 'two.yaml'), readFileSync(join(root, SET, 'two.yaml'), 'utf8').replace('b2: 2}', 'b2: 1}'));
    const { code, stdout } = await swadaya(['score', join(dir, 'two.yaml'), '--format', 'sarif', '--fail-under', '100']);
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    const lines = checkedSarif(stdout).runs[0].results.map((result: { locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }) => result.locations[0]!.physicalLocation.region);
    expect(lines).toEqual([
      { startLine: 2, startColumn: 17 },
      { startLine: 9, startColumn: 7 },
    ]);
  });

  it('diff --fail-on-regression: the regressed community at its after-side community.id', async () => {
    const { code, stdout } = await swadaya(['diff', `${SET}/ready.yaml`, 'test/fixtures/ci/later', '--format', 'sarif', '--fail-on-regression']);
    expect(code).toBe(1);
    const [result, ...rest] = checkedSarif(stdout).runs[0].results;
    expect(rest).toEqual([]);
    expect(result.ruleId).toBe('gate-regression');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 7 });
    expect(result.message.text).toBe('0002 Desa Dua (test/fixtures/ci/later/ready.yaml): overall fell 8.33 points; principle alpha fell 25 points');
  });

  it('pure builder: file URIs for absolute paths, percent-encoded segments, a rule for every gate', () => {
    expect(artifactLocation('a b/c#d.yaml')).toEqual({ uri: 'a%20b/c%23d.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('/abs/x.yaml')).toEqual({ uri: 'file:///abs/x.yaml' });
    expect(artifactLocation('C:\\data\\x.yaml')).toEqual({ uri: 'file:///C:/data/x.yaml' });
    const text = renderSarif(
      {
        command: 'score',
        findings: [{ code: 'path-not-found', severity: 'error', file: 'missing dir', args: {} }],
        failures: [],
        assessments: [],
        checked: 0,
        gates: { names: [] },
      },
      { lang: 'id', findingsDocUri: 'file:///pkg/docs/findings.md' },
    );
    const sarif = checkedSarif(text);
    expect(sarif.runs[0].results[0].message.text).toContain('berkas atau direktori tidak ada');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
    expect(allRules('id').find((rule) => rule.id === 'gate-not-ready')?.title).toBe('Belum siap untuk fase berikutnya');
    const rule = sarif.runs[0].tool.driver.rules.find((candidate: { id: string }) => candidate.id === 'gate-not-ready');
    expect(rule.fullDescription.text).toBe('score --require ready: sebuah kriteria gerbang kelulusan fase berikutnya tidak terpenuhi atau belum dapat diputuskan.');
    expect(rule.help.text).toBe('score --require ready: sebuah kriteria gerbang kelulusan fase berikutnya tidak terpenuhi atau belum dapat diputuskan. Lihat docs/findings.md#gate-not-ready.');
    expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].description.text).toBe('Direktori tempat swadaya dijalankan.');
  });

  it('words the rules in English by default, and names standard input without --stdin-filename <stdin>, percent-encoded', async () => {
    const { stdout } = await swadaya(['validate', SET, '--format', 'sarif']);
    const run = checkedSarif(stdout).runs[0];
    expect(run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'gate-not-ready').help.text).toBe(
      "score --require ready: a criterion of the next phase's exit gate is not met or cannot be decided. See docs/findings.md#gate-not-ready.",
    );
    expect(run.originalUriBaseIds['%SRCROOT%'].description.text).toBe('The directory swadaya ran in.');
    // A relative reference no checkout holds: viewers show the result without a file; --stdin-filename names one.
    expect(artifactLocation('<stdin>')).toEqual({ uri: '%3Cstdin%3E', uriBaseId: '%SRCROOT%' });
  });
});
