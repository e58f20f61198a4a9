import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/io/rubric-loader.js';
import { parseYamlText } from '../../src/io/yaml-source.js';

const root = join(import.meta.dirname, '..', '..');
const bad = join(root, 'test', 'fixtures', 'bad');

function codesOf(text: string): string[] {
  const parsed = parseYamlText('x.yaml', text);
  return [...parsed.findings, ...parsed.documents.flatMap((document) => document.findings)].map((finding) => finding.code);
}

describe('rubrics and assessments are data, never code', () => {
  it.each([
    ['!!js/function', 'name: !!js/function "function () { return 1 }"\n'],
    ['!!js/undefined', 'name: !!js/undefined ""\n'],
    ['!!python/object', 'name: !!python/object:os.system [id]\n'],
    ['a custom local tag', 'period: !swadaya/now ""\n'],
    ['a verbatim tag', 'a: !<tag:example.com,2000:app/foo> 1\n'],
    // yaml would build a Uint8Array, a Set, a Map or a Date from these: not plain data.
    ['!!binary', 'rubric: !!binary cDJrcA==\n'],
    ['!!set', 'tags: !!set {a, b}\n'],
    ['!!omap', 'answers: !!omap [a: 1]\n'],
    ['!!timestamp', 'assessed: !!timestamp 2025-08-14\n'],
  ])('rejects %s with a yaml-tag finding', (_name, text) => {
    expect(codesOf(text)).toEqual(['yaml-tag']);
  });

  it('reads a %YAML 1.1 document with the 1.2 core schema: dates stay strings, merge keys stay keys', () => {
    const parsed = parseYamlText('x.yaml', '%YAML 1.1\n---\nassessed: 2025-08-14\nok: yes\nbase: &b {a: 1}\nmerged: {<<: *b}\n');
    expect(parsed.documents[0]?.findings).toEqual([]);
    expect(parsed.documents[0]?.data).toEqual({ assessed: '2025-08-14', ok: 'yes', base: { a: 1 }, merged: { '<<': { a: 1 } } });
  });

  it('standard tags that keep plain data are fine', () => {
    const parsed = parseYamlText('x.yaml', 'id: !!str 0173011004\nlevel: !!int "3"\n');
    expect(parsed.documents[0]?.data).toEqual({ id: '0173011004', level: 3 });
  });

  it('a __proto__ key is kept as a plain key and pollutes nothing', () => {
    const parsed = parseYamlText('x.yaml', '__proto__: {polluted: true}\n');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.documents[0]?.data)).toBe(Object.prototype);
  });

  it('rejects a tag in a rubric too, with its place', async () => {
    const loaded = await loadRubric(join(bad, 'rubric-with-tag'));
    expect(loaded.rubric).toBeUndefined();
    expect(loaded.findings).toEqual([expect.objectContaining({ code: 'yaml-tag', line: 3, column: 8, args: { tag: '!!js/eval' } })]);
  });

  it('an alias bomb (billion laughs) stops fast with a finding, in bounded memory', () => {
    const text = readFileSync(join(bad, 'alias-bomb.yaml'), 'utf8');
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    expect(codesOf(text)).toEqual(['yaml-alias']);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('deep nesting gives one clear finding, not a crash', () => {
    const text = `a: ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    const parsed = parseYamlText('x.yaml', text);
    const findings = [...parsed.findings, ...parsed.documents.flatMap((document) => document.findings)];
    // Refused before parsing, at the bracket that goes past the limit (docs: README, "Limits").
    expect(findings).toEqual([{ code: 'yaml-too-deep', severity: 'error', file: 'x.yaml', line: 1, column: 4 + 63, args: { limit: 64 } }]);
  });

  it('src/ holds no eval, no new Function, and no network module', () => {
    const files = sourceFiles(join(root, 'src')).filter((file) => !file.includes(join('src', 'schema', 'generated')));
    expect(files.length).toBeGreaterThan(10);
    const forbidden = [
      /\beval\s*\(/,
      /\bnew\s+Function\s*\(/,
      /\bFunction\s*\(\s*['"`]/,
      /['"](node:)?(http|https|http2|net|tls|dgram|dns)['"]/,
      /\bfetch\s*\(/,
      /\bXMLHttpRequest\b/,
      /\bWebSocket\b/,
      /['"](node:)?vm['"]/,
    ];
    const offences = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return forbidden.filter((pattern) => pattern.test(text)).map((pattern) => `${relative(root, file)}: ${pattern}`);
    });
    expect(offences).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}
