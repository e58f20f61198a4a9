import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli.js';
import type { Answer, Rubric } from '../../src/core/model.js';
import type { ImportedAssessment } from '../../src/io/field/submission.js';
import { localize } from '../../src/i18n/language.js';
import { loadAssessmentFile } from '../../src/io/assessment-loader.js';
import { RubricFinder } from '../../src/io/rubric-finder.js';
import { writeXlsx } from '../../src/io/tables.js';
import { simulatedExport, toCsv, type ExportShape, type SimulatedSubmission } from '../helpers/field-exports.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'swadaya-roundtrip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function loadRubric(reference: string): Promise<Rubric> {
  const found = await new RubricFinder({ cwd: root, searchPath: undefined }).find(reference, reference);
  if ('code' in found || !found.rubric) throw new Error(`cannot load ${reference}`);
  return found.rubric;
}

/** Text a facilitator might type: Indonesian and other letters, YAML and CSV specials, line breaks; trimmed, never blank. */
const CHARS = ['a', 'B', 'k', 'Z', 'é', 'ñ', 'ü', '中', ' ', ' ', ',', ';', ':', '#', '"', "'", '/', '-', '0', '7', '&', '*', '%', '@', '!', '?', '[', '{', '\n', '\t', '\\', '|', '=', '+'];
const text = (unit = fc.constantFrom(...CHARS)) =>
  fc.string({ unit, minLength: 1, maxLength: 24 }).map((value) => value.trim()).filter((value) => value !== '');
const personName = text(fc.constantFrom(...CHARS.filter((char) => !',;\n'.includes(char))));
const period = fc.oneof(
  fc.integer({ min: 1990, max: 2040 }).map(String),
  fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const date = fc.tuple(fc.integer({ min: 2000, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

function assessmentOf(rubric: Rubric): fc.Arbitrary<ImportedAssessment> {
  const answers = fc.tuple(
    ...rubric.indicators.map((indicator) => {
      const options: fc.Arbitrary<Answer | undefined>[] = [
        fc.constant(undefined),
        fc.integer({ min: 0, max: rubric.maxLevel }).map((level): Answer => ({ kind: 'level', level })),
        fc.tuple(fc.integer({ min: 0, max: rubric.maxLevel }), text()).map(([level, note]): Answer => ({ kind: 'level', level, note })),
      ];
      if (indicator.na) options.push(fc.tuple(text(), fc.option(text(), { nil: undefined })).map(([reason, note]): Answer => ({ kind: 'na', reason, note })));
      return fc.oneof(...options);
    }),
  );
  return fc
    .record({
      id: fc.stringMatching(/^[0-9]{10}$/),
      name: text(),
      region: fc.option(text(), { nil: undefined }),
      period,
      assessed: fc.option(date, { nil: undefined }),
      assessors: fc.array(personName, { maxLength: 3 }),
      phase: fc.option(fc.constantFrom(...rubric.phases.map((phase) => phase.id)), { nil: undefined }),
      answers,
    })
    .map((r) => ({
      rubric: `${rubric.id}@${rubric.version}`,
      community: { id: r.id, name: r.name, ...(r.region !== undefined ? { region: r.region } : {}) },
      period: r.period,
      assessed: r.assessed,
      assessors: r.assessors,
      phase: r.phase,
      answers: new Map(rubric.indicators.flatMap((indicator, index) => (r.answers[index] ? [[indicator.id, r.answers[index]] as const] : []))),
    }));
}

/** The original file, written by the yaml library (not by the importer's writer). */
function originalYaml(a: ImportedAssessment): string {
  const answers: Record<string, unknown> = {};
  for (const [id, answer] of a.answers) {
    if (answer.kind === 'level') answers[id] = answer.note === undefined ? answer.level : { level: answer.level, note: answer.note };
    else answers[id] = answer.note === undefined ? { na: answer.reason } : { na: answer.reason, note: answer.note };
  }
  return stringify({
    rubric: a.rubric, community: a.community, period: a.period,
    ...(a.assessed !== undefined ? { assessed: a.assessed } : {}),
    ...(a.assessors.length > 0 ? { assessors: a.assessors } : {}),
    ...(a.phase !== undefined ? { phase: a.phase } : {}),
    answers,
  });
}

async function cli(args: string[], cwd = root) {
  const memory = memoryContext({ cwd });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

/** What an assessment file says, without where it came from. */
async function contentOf(dir: string, rubricPath: string) {
  const finder = new RubricFinder({ cwd: root, searchPath: undefined });
  const out: unknown[] = [];
  for (const name of readdirSync(dir).sort()) {
    const result = await loadAssessmentFile(join(dir, name), finder, { rubricOverride: rubricPath });
    expect(result.findings).toEqual([]);
    for (const { assessment } of result.assessments) {
      out.push({ name, community: assessment.community, period: assessment.period, assessed: assessment.assessed, assessors: assessment.assessors, phase: assessment.phase, answers: [...assessment.answers] });
    }
  }
  return out;
}

type Shape = { label: string; file: string } & ({ kind: 'export'; shape: ExportShape; delimiter?: string } | { kind: 'wide' });
const SHAPES: Shape[] = [
  { label: 'Kobo CSV, XML names, / groups, ;', kind: 'export', shape: { tool: 'kobo', groups: true }, file: 'kobo.csv', delimiter: ';' },
  { label: 'Kobo CSV, labels (id), , ', kind: 'export', shape: { tool: 'kobo', groups: true, labels: 'id' }, file: 'kobo-labels.csv', delimiter: ',' },
  { label: 'Kobo XLSX, no groups', kind: 'export', shape: { tool: 'kobo', groups: false }, file: 'kobo.xlsx' },
  { label: 'Kobo XLSX, labels (en)', kind: 'export', shape: { tool: 'kobo', groups: true, labels: 'en' }, file: 'kobo-labels.xlsx' },
  { label: 'ODK Central CSV', kind: 'export', shape: { tool: 'odk', groups: true }, file: 'odk.csv', delimiter: ',' },
  { label: 'wide CSV', kind: 'wide', file: 'wide.csv' },
  { label: 'wide XLSX', kind: 'wide', file: 'wide.xlsx' },
];

let run = 0;
async function roundTrip(rubricPath: string, rubric: Rubric, assessments: ImportedAssessment[]) {
  const dir = join(work, `run-${(run += 1)}`);
  const originals = join(dir, 'originals');
  mkdirSync(originals, { recursive: true });
  for (const a of assessments) writeFileSync(join(originals, `${a.community.id}-${a.period}.yaml`), originalYaml(a));
  const expected = await contentOf(originals, rubricPath);
  const expectedScore = await cli(['score', '.', '--format', 'json', '--rubric', join(root, rubricPath)], originals);
  expect(expectedScore.code).not.toBe(2);

  const submissions: SimulatedSubmission[] = assessments.map((assessment, index) => ({
    assessment, uuid: `0a1b2c3d-0000-4000-8000-${String(index).padStart(12, '0')}`, submitted: '2025-08-14T04:22:11',
  }));
  for (const shape of SHAPES) {
    const file = join(dir, shape.file);
    if (shape.kind === 'export') {
      // A labels export names the phase by its title, in the export's language.
      const table = simulatedExport(rubric, submissions, shape.shape);
      if (shape.shape.labels) {
        const lang = shape.shape.labels;
        const phaseAt = table[0]!.findIndex((header) => header.endsWith(localize({ en: 'Phase the programme says the community is in (leave blank to let the evidence decide)', id: 'Fase menurut program (kosongkan agar bukti yang menentukan)' }, lang)));
        expect(phaseAt).toBeGreaterThan(-1);
        for (const row of table.slice(1)) {
          const phase = rubric.phases.find((candidate) => candidate.id === row[phaseAt]);
          if (phase) row[phaseAt] = localize(phase.title, lang, rubric);
        }
      }
      if (file.endsWith('.xlsx')) await writeXlsx(file, [{ name: 'data', header: table[0]!, rows: table.slice(1) }]);
      else writeFileSync(file, toCsv(table, shape.delimiter));
    } else {
      const exported = await cli(['export', 'answers', originals, '-o', file, '--rubric', rubricPath]);
      expect(exported.stderr).toContain(`${assessments.length}`);
      expect(exported.code).toBe(0);
    }
    const out = join(dir, `out-${shape.file}`);
    const imported = await cli(['import', file, '--rubric', rubricPath, '-o', out]);
    // The shape and the importer's own words, should it fail.
    expect(`${shape.label}: exit ${imported.code}\n${imported.stderr}`).toBe(`${shape.label}: exit 0\n${imported.stderr.split('\n').at(-2)}\n`);
    expect({ shape: shape.label, content: await contentOf(out, rubricPath) }).toEqual({ shape: shape.label, content: expected });
    const score = await cli(['score', '.', '--format', 'json', '--rubric', join(root, rubricPath)], out);
    expect(score.stdout).toBe(expectedScore.stdout);
    // A second import of the same export changes nothing and is not an error.
    const again = await cli(['import', file, '--rubric', rubricPath, '-o', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`0 written, ${assessments.length} unchanged`);
  }
}

describe.each([
  ['the shipped rubric', 'rubrics/p2kp'],
  ['the custom rubric', 'examples/custom-rubric/rubric.yaml'],
])('round trip through every export shape: %s', (_name, rubricPath) => {
  it('YAML → Kobo CSV/XLSX, ODK CSV, wide CSV/XLSX → import: the same answers and byte-identical score --format json', async () => {
    const rubric = await loadRubric(rubricPath);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(assessmentOf(rubric), { minLength: 1, maxLength: 4, selector: (a) => `${a.community.id}-${a.period}` }),
        async (assessments) => roundTrip(rubricPath, rubric, assessments),
      ),
      { numRuns: 4, seed: 17, endOnFailure: true },
    );
  }, 120_000);
});
