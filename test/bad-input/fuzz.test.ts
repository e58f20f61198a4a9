import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { scoreAssessment } from '../../src/core/scoring.js';
import { formatFinding, hasMessage } from '../../src/i18n/messages.js';
import { loadAssessmentText, type AssessmentFileResult } from '../../src/io/assessment-loader.js';
import { RubricFinder } from '../../src/io/rubric-finder.js';
import { loadRubric } from '../../src/io/rubric-loader.js';
import { parseYamlText } from '../../src/io/yaml-source.js';

const root = join(import.meta.dirname, '..', '..');
const finder = new RubricFinder({ cwd: root, searchPath: undefined });
const tmp = mkdtempSync(join(tmpdir(), 'swadaya-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A finding the user can read: a known code with wording, a file, and a place that is a real position. */
function expectReadable(finding: Finding, file: string): void {
  expect(hasMessage(finding.code), finding.code).toBe(true);
  expect(finding.file).toBe(file);
  if (finding.line !== undefined) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.column).toBeGreaterThanOrEqual(1);
  }
  expect(formatFinding(finding, 'en')).toMatch(/^\S.*: (error|warning) \[[a-z-]+\] ./);
  expect(() => formatFinding(finding, 'id')).not.toThrow();
}

/** Every outcome is findings or assessments: nothing escapes, nothing invalid slips through unreported. */
async function checkAssessmentText(text: string): Promise<AssessmentFileResult> {
  const result = await loadAssessmentText('fuzz.yaml', text, finder);
  for (const finding of result.findings) expectReadable(finding, 'fuzz.yaml');
  if (result.assessments.length === 0) expect(result.findings.some((finding) => finding.severity === 'error')).toBe(true);
  for (const loaded of result.assessments) expect(() => scoreAssessment(loaded.rubric, loaded.assessment)).not.toThrow();
  return result;
}

const FRAGMENTS = [
  'rubric: p2kp\n', 'rubric: p2kp@1.0.0\n', 'community:\n', '  id: "3273011004"\n', '  id: 0173011004\n', '  name: Sukaluyu\n',
  'period: "2025"\n', 'period: 2025\n', 'phase: mandiri\n', 'answers:\n', '  integration.joint-planning: 3\n',
  '  self-reliance.bkm-election: {level: 2, note: x}\n', '  sustainability.disaster-risk: {na: "no hazard"}\n',
  '  integration.joint-planing: 9\n', '---\n', '...\n', '%YAML 1.1\n', '- ', '? ', ': ', '&a ', '*a', '*b', '<<: *a\n',
  '!!str ', '!!binary ', '!x ', '{', '}', '[', ']', ', ', '"', "'", '# c\n', '|\n', '>-\n', '\t', '  ', '    ', '\n', '\r\n',
  '\uFEFF', '\u0085', '\u2028', 'level: ', '-1', '2.5', '.nan', '~', 'null', 'true', '1e400', '0x1F', 'na: ', 'é', '🙂',
];
const yamlLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

const INDICATORS = ['integration.joint-planning', 'self-reliance.bkm-election', 'sustainability.disaster-risk', 'integration.nope'];
const answer = fc.oneof(
  fc.integer({ min: -2, max: 6 }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.record(
    { level: fc.oneof(fc.integer({ min: -1, max: 5 }), fc.jsonValue({ maxDepth: 1 })), na: fc.jsonValue({ maxDepth: 1 }), note: fc.jsonValue({ maxDepth: 1 }), evidence: fc.jsonValue({ maxDepth: 1 }) },
    { requiredKeys: [] },
  ),
);
/** Mostly the right value, sometimes an arbitrary JSON value. */
const mostly = <T,>(right: fc.Arbitrary<T>, depth = 1): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: right, weight: 6 }, { arbitrary: fc.jsonValue({ maxDepth: depth }), weight: 1 });
/** Near-valid assessments: each field is right, absent or an arbitrary JSON value. */
const assessmentLike = fc.record(
  {
    rubric: mostly(fc.constantFrom('p2kp', 'p2kp@1.0.0', 'p2kp@9.9.9')),
    community: mostly(fc.record({ id: mostly(fc.constantFrom('3273011004', '0173011004')), name: mostly(fc.constant('Sukaluyu')) }, { requiredKeys: [] }), 2),
    period: mostly(fc.constantFrom('2025', '2025-08', 2025, '2025-13', '25')),
    phase: mostly(fc.constantFrom('berdaya', 'mandiri', 'madani', 'graduated', 'mandri')),
    answers: mostly(fc.dictionary(fc.constantFrom(...INDICATORS), answer, { maxKeys: 4 }), 2),
    extra: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: ['rubric', 'community', 'period'] },
);

describe('fuzzing the loaders: no exception escapes', () => {
  it('parseYamlText takes any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), yamlLike), (text) => {
        const parsed = parseYamlText('fuzz.yaml', text);
        for (const finding of [...parsed.findings, ...parsed.documents.flatMap((document) => document.findings)]) expectReadable(finding, 'fuzz.yaml');
      }),
      { numRuns: 400 },
    );
  });

  it('loadAssessmentText takes any YAML-like text', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), yamlLike), async (text) => {
      await checkAssessmentText(text);
    }), { numRuns: 300 });
  });

  it('loadAssessmentText takes any JSON value written as YAML', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), async (value) => {
      await checkAssessmentText(stringify(value));
    }), { numRuns: 150 });
  });

  it('loadAssessmentText takes near-valid assessments with arbitrary values in every field', async () => {
    let loaded = 0;
    await fc.assert(
      fc.asyncProperty(assessmentLike, async (value) => {
        loaded += (await checkAssessmentText(stringify(value))).assessments.length;
      }),
      // A fixed seed: the count below checks that the generator reaches valid files at all,
      // which an unlucky random run of near-valid values need not do.
      { numRuns: 300, seed: 20251127 },
    );
    expect(loaded).toBeGreaterThan(0);
  });

  it('loadRubric takes any JSON value, and the tiny rubric with any one value replaced or removed', async () => {
    const tiny = parse(readFileSync(join(root, 'test', 'fixtures', 'rubrics', 'tiny', 'rubric.yaml'), 'utf8')) as unknown;
    const paths = pathsOf(tiny);
    const file = join(tmp, 'rubric.yaml');
    const mutated = fc.record({ path: fc.constantFrom(...paths), value: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }) }).map(({ path, value }) => replaceAt(tiny, path, value));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), mutated), async (value) => {
        writeFileSync(file, stringify(value) ?? '');
        const result = await loadRubric(file);
        for (const finding of result.findings) expect(hasMessage(finding.code), finding.code).toBe(true);
        if (!result.rubric) expect(result.findings.some((finding) => finding.severity === 'error')).toBe(true);
      }),
      { numRuns: 250 },
    );
  });
});

type Path = readonly (string | number)[];

function pathsOf(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [path];
  const children = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [path, ...children.flatMap(([key, child]) => pathsOf(child, [...path, key]))];
}

/** A copy of `value` with the value at `path` replaced, or removed when `replacement` is undefined. */
function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const next = replaceAt(copy[head!], rest, replacement);
  if (next === undefined) delete copy[head!];
  else copy[head!] = next;
  return copy;
}
