import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/io/config-file.js';

const project = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'swadaya-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
};

describe('the configuration file', () => {
  it('is found in the working directory or above, with a rubric path made absolute from the file', async () => {
    const dir = project({ 'swadaya.config.yaml': 'rubric: ./rubrics/mine\nlang: id\nformat: {score: csv}\nthresholds: {failUnder: 60}\n', 'assessments/2026/.keep': '' });
    const loaded = await loadConfig(join(dir, 'assessments', '2026'));
    expect(loaded.findings).toEqual([]);
    expect(loaded.file).toBe(join(dir, 'swadaya.config.yaml'));
    expect(loaded.config).toEqual({ rubric: join(dir, 'rubrics', 'mine'), lang: 'id', format: { score: 'csv' }, thresholds: { failUnder: 60 } });
  });

  it('is read from the "swadaya" key of package.json; a package.json without it is passed over', async () => {
    const dir = project({ 'package.json': '{\n  "name": "x",\n  "swadaya": {"rubric": "p2kp", "format": "json"}\n}\n', 'sub/package.json': '{"name": "sub"}' });
    const loaded = await loadConfig(join(dir, 'sub'));
    expect(loaded.file).toBe(join(dir, 'package.json'));
    expect(loaded.config).toEqual({ rubric: 'p2kp', format: 'json' });
  });

  it('passes over a project that names swadaya only as a dependency, and the outer "swadaya" key applies', async () => {
    const dir = project({
      'package.json': '{"swadaya": {"lang": "id"}}',
      'app/package.json': '{"name": "app", "devDependencies": {"swadaya": "^0.1.0"}, "scripts": {"score": "swadaya score data"}}',
    });
    const loaded = await loadConfig(join(dir, 'app'));
    expect(loaded.file).toBe(join(dir, 'package.json'));
    expect(loaded.config).toEqual({ lang: 'id' });
    // A package.json that is not JSON but names swadaya is read, so its error has a line.
    const broken = project({ 'package.json': '{\n  "name": "x"\n  "swadaya": {"lang": "id"}\n}\n' });
    const failed = await loadConfig(broken);
    expect(failed.findings.map((finding) => [finding.file, finding.line])).toEqual([[join(broken, 'package.json'), 3]]);
  });

  it('reports mistakes with file, line and column, and applies nothing', async () => {
    const dir = project({ 'swadaya.config.yaml': 'rubric: p2kp\nlang: fr\nthresholds:\n  failunder: 60\n' });
    const loaded = await loadConfig(dir);
    expect(loaded.config).toEqual({});
    expect(loaded.findings.map((finding) => [finding.code, finding.line, finding.column])).toEqual([
      ['not-allowed-value', 2, 7],
      ['unknown-key', 4, 3],
    ]);
    const json = project({ 'package.json': '{\n  "swadaya": {\n    "lang": "en",\n    "format": 7\n  }\n}\n' });
    const fromJson = await loadConfig(json);
    expect(fromJson.findings.map((finding) => [finding.code, finding.file, finding.line, finding.column])).toEqual([['wrong-type', join(json, 'package.json'), 4, 15]]);
  });

  it('is empty when there is none', async () => {
    const dir = project({ 'a.txt': '' });
    expect(await loadConfig(dir)).toEqual({ file: undefined, config: {}, findings: [] });
  });
});
