import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli.js';
import { firstDocuments, parseYamlText, tooDeepAt } from '../../src/io/yaml-source.js';
import { memoryContext } from '../helpers/memory-context.js';

const valid = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'bad', 'valid.yaml'), 'utf8');
const header = valid.slice(0, valid.indexOf('answers:'));
let dir: string;

interface JsonFinding { file: string; line: number | null; column: number | null; code: string; message: string }

async function validateJson(name: string, text: string) {
  writeFileSync(join(dir, name), text);
  const memory = memoryContext({ cwd: dir });
  const code = await runCli(['validate', name, '--format', 'json'], memory.ctx);
  const output = JSON.parse(memory.stdout()) as { errors: JsonFinding[] };
  return { code, errors: output.errors, stderr: memory.stderr() };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'swadaya-yaml-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nesting depth (limit 64)', () => {
  it('block nesting 2,000 deep (2 MB): one yaml-too-deep finding at the 65th level, and validate still prints JSON', async () => {
    const text = `${Array.from({ length: 2000 }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n')}\n${' '.repeat(2000)}x\n`;
    const result = await validateJson('deep-block.yaml', text);
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([
      {
        file: 'deep-block.yaml',
        line: 65,
        column: 65,
        code: 'yaml-too-deep',
        message: 'YAML nested more than 64 levels deep here; rubrics and assessments need a handful. Check the indentation, and for runaway "- - -" or brackets.',
      },
    ]);
  });

  it('"- - - x" 3,000 deep: the finding at the 65th dash', async () => {
    const result = await validateJson('deep-dash.yaml', `${'- '.repeat(3000)}x\n`);
    expect(result.code).toBe(1);
    expect(result.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([{ line: 1, column: 129, code: 'yaml-too-deep' }]);
  });

  it('flow nesting 100,000 deep, and a deep rubric: the same finding, exit 2 for a rubric', async () => {
    const flow = await validateJson('deep-flow.yaml', `${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(flow.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([{ line: 1, column: 64, code: 'yaml-too-deep' }]);
    mkdirSync(join(dir, 'deep-rubric'));
    writeFileSync(join(dir, 'deep-rubric', 'rubric.yaml'), `id: deep\n${'- '.repeat(500)}x\n`);
    const memory = memoryContext({ cwd: dir });
    expect(await runCli(['rubric', 'show', './deep-rubric'], memory.ctx)).toBe(2);
    expect(memory.stderr()).toContain('deep-rubric/rubric.yaml:2:129: error [yaml-too-deep]');
  });

  it('real files are far from the limit: the shipped rubric and the examples pass the scan', () => {
    for (const file of ['rubrics/p2kp/rubric.yaml', 'rubrics/p2kp/integration.yaml', 'examples/2025/kemijen.yaml']) {
      expect(tooDeepAt(readFileSync(join(import.meta.dirname, '..', '..', file), 'utf8'), 64)).toBeUndefined();
    }
    // Quotes, comments and brackets inside text do not count.
    expect(tooDeepAt(`a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}'\n# ${'['.repeat(100)}\n`, 64)).toBeUndefined();
  });
});

describe('findings and documents per file are capped (first 100 findings, first 1,000 documents)', () => {
  const more = (count: number) => `${count} more problem(s) in this file are not listed (the first 100 are). Fix these and check again.`;

  it('30,000 unknown answer keys: the first 100 at their lines, then one finding counting the rest', async () => {
    const answers = Array.from({ length: 30_000 }, (_, index) => `  nosuch.k${index}: 1\n`).join('');
    const result = await validateJson('unknown-keys.yaml', `${header}answers:\n${answers}`);
    expect(result.code).toBe(1);
    expect(result.errors).toHaveLength(101);
    expect(result.errors[0]).toMatchObject({ line: 7, column: 3, code: 'unknown-indicator' });
    expect(result.errors[99]).toMatchObject({ line: 106, column: 3, code: 'unknown-indicator' });
    expect(result.errors[100]).toEqual({ file: 'unknown-keys.yaml', line: null, column: null, code: 'more-findings', message: more(29_900) });
  });

  it('10,000 duplicate keys: each at its line, capped the same way', async () => {
    const answers = Array.from({ length: 10_000 }, () => '  integration.joint-planning: 1\n').join('');
    const result = await validateJson('duplicate-keys.yaml', `${header}answers:\n${answers}`);
    expect(result.errors).toHaveLength(101);
    expect(result.errors[0]).toMatchObject({ line: 8, column: 3, code: 'duplicate-key', message: expect.stringContaining('"integration.joint-planning" appears twice') });
    expect(result.errors[100]!.message).toBe(more(9_899));
  });

  it('10,000 documents with one bad level each: the first 1,000 documents are read, the count is reported', async () => {
    const bad = valid.replace('level: 2', 'level: 9');
    const text = Array.from({ length: 10_000 }, (_, index) => bad.replace('3273011004', String(index))).join('---\n');
    const result = await validateJson('many-documents.yaml', text);
    expect(result.code).toBe(1);
    expect(result.errors[0]).toEqual({
      file: 'many-documents.yaml',
      line: null,
      column: null,
      code: 'too-many-documents',
      message: 'the file holds 10000 YAML documents (--- lines); only the first 1000 were read. Split it into files of at most 1000 assessments.',
    });
    expect(result.errors).toHaveLength(101);
    expect(result.errors[100]!.message).toBe(more(901));
  });

  it('one million "---" lines are counted, never parsed', () => {
    const text = '---\n'.repeat(1_000_000);
    const { text: kept, total } = firstDocuments(text);
    expect(total).toBe(1_000_000);
    expect(kept).toBe('---\n'.repeat(1000));
    const parsed = parseYamlText('dashes.yaml', text);
    expect(parsed.findings.map((finding) => finding.code)).toEqual(['too-many-documents']);
  });
});

describe('keys that are maps or lists', () => {
  it('are reported at the key, and Node prints no "Keys with collection values will be stringified" warning', async () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const result = await validateJson('collection-key.yaml', `${header}answers:\n  ? [a, b]\n  : 1\n  ? {x: 1}\n  : 2\n`);
      expect(result.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
        { line: 7, column: 5, code: 'yaml-collection-key' },
        { line: 9, column: 5, code: 'yaml-collection-key' },
      ]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
