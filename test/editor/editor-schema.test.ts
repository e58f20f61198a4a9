import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { Rubric } from '../../src/core/model.js';
import { RubricFinder } from '../../src/io/rubric-finder.js';
import { assessmentSchemaFor } from '../../src/schema/editor-schema.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');
let rubric: Rubric;

beforeAll(async () => {
  const found = await new RubricFinder({ cwd: root, searchPath: undefined }).find('p2kp', 'test');
  if ('code' in found || !found.rubric) throw new Error('the shipped p2kp rubric does not load');
  rubric = found.rubric;
});

const scratch = (): string => mkdtempSync(join(tmpdir(), 'swadaya-editor-'));

async function swadaya(args: string[], cwd: string) {
  const memory = memoryContext({ cwd });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

describe('the rubric-specific assessment schema', () => {
  const validatorFor = () => new Ajv.default({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true }).compile(assessmentSchemaFor(rubric, 'en'));
  const assessment = (answers: unknown) => ({ rubric: 'p2kp@1.0.0', community: { id: '3273011004', name: 'Sukaluyu' }, period: '2026', answers });

  it("names every indicator of the rubric, with the rubric's top level", () => {
    const schema = assessmentSchemaFor(rubric, 'en') as { properties: { answers: { properties: Record<string, unknown> } } };
    expect(Object.keys(schema.properties.answers.properties)).toEqual(rubric.indicators.map((indicator) => indicator.id));
    expect(rubric.indicators.length).toBe(39);
  });

  it("compiles under Ajv's strict mode and accepts what the CLI accepts: blank, a level, {level, evidence: one string}, n/a where allowed", () => {
    const validate = validatorFor();
    const naIndicator = rubric.indicators.find((indicator) => indicator.na)!;
    const plain = rubric.indicators.find((indicator) => !indicator.na)!;
    expect(validate(assessment(null))).toBe(true);
    expect(validate(assessment({ [plain.id]: null, [naIndicator.id]: { na: 'no hazard mapped' } }))).toBe(true);
    expect(validate(assessment({ [plain.id]: { level: 4, note: 'x', evidence: 'minutes' } }))).toBe(true);
  });

  it('rejects a misspelt indicator, a level above the scale, n/a where the rubric does not allow it, and an unknown phase', () => {
    const validate = validatorFor();
    const plain = rubric.indicators.find((indicator) => !indicator.na)!;
    const cases: [unknown, string][] = [
      [assessment({ 'integration.joint-planing': 2 }), 'additionalProperties'],
      [assessment({ [plain.id]: 7 }), 'maximum'],
      [assessment({ [plain.id]: { level: 5 } }), 'maximum'],
      [assessment({ [plain.id]: { na: 'does not apply' } }), 'additionalProperties'],
      [{ ...assessment({}), phase: 'madanii' }, 'enum'],
    ];
    for (const [data, keyword] of cases) {
      expect(validate(data)).toBe(false);
      expect(validate.errors?.map((error) => error.keyword)).toContain(keyword);
    }
  });

  it('has every top-level key of the generic assessment schema, so no file the CLI reads is flagged for one (rater, source …)', () => {
    const generic = JSON.parse(readFileSync(join(root, 'schemas/assessment.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    const specific = assessmentSchemaFor(rubric, 'en') as { properties: Record<string, unknown> };
    expect(Object.keys(specific.properties).sort()).toEqual(Object.keys(generic.properties).sort());
    expect(validatorFor()({ ...assessment({}), rater: 'santoso', source: { tool: 'kobo', instance: 'uuid:1' } })).toBe(true);
  });

  it('shows the n/a rule where n/a is allowed, and the guidance with the answers', () => {
    const schema = assessmentSchemaFor(rubric, 'en') as { properties: { answers: { description: string; properties: Record<string, { description: string; properties: { na?: { description: string } } }> } } };
    const fund = schema.properties.answers.properties['sustainability.revolving-fund']!;
    expect(fund.properties.na?.description).toMatch(/^Not applicable: the reason is required\. Only when: no revolving fund ever existed/);
    expect(fund.description).toContain('n/a: {na: reason}. Only when: no revolving fund ever existed');
    expect(schema.properties.answers.description).toContain('Choose the highest level all of whose conditions are met.');
  });

  it("words its own descriptions in the tool's language: Indonesian for Indonesian texts by default, or as asked", () => {
    type Described = { title: string; description: string; properties: Record<string, { description: string; properties: Record<string, { description: string; properties: { na?: { description: string } } }> }> };
    const id = assessmentSchemaFor(rubric, 'id') as Described;
    expect(id.title).toBe(`penilaian swadaya, rubrik p2kp@${rubric.version}`);
    expect(id.description).toBe('Kesiapan masyarakat P2KP (berdaya, mandiri, madani). Dibuat oleh `swadaya schema --rubric p2kp`; tingkat: 0 Belum ada · 1 Mulai tumbuh · 2 Berkembang · 3 Mantap · 4 Membudaya.');
    expect(id.properties.rubric!.description).toBe('Id rubrik, boleh diikuti @versi.');
    expect(id.properties.period!.description).toBe('YYYY, YYYY-MM atau YYYY-MM-DD.');
    expect(id.properties.phase!.description).toBe('Fase komunitas menurut program; hapus agar bukti yang menentukan. Yang diizinkan: berdaya, mandiri, madani, graduated.');
    expect(id.properties.answers!.description).toMatch(/^Id indikator beserta jawabannya\. Indikator yang tidak dicantumkan, atau dibiarkan kosong, belum dijawab\.\nPilih tingkat tertinggi/);
    const fund = id.properties.answers!.properties['sustainability.revolving-fund']!;
    expect(fund.properties.na?.description).toMatch(/^Tidak berlaku: alasannya wajib diisi\. Hanya bila: di kelurahan ini tidak pernah ada dana bergulir/);
    expect(fund.description).toContain('\nn/a: {na: alasan}. Hanya bila: di kelurahan ini tidak pernah ada dana bergulir');
    // The rubric's Indonesian texts with the tool's English, when the third argument asks for it.
    const mixed = assessmentSchemaFor(rubric, 'id', 'en') as Described;
    expect(mixed.title).toBe(`swadaya assessment, rubric p2kp@${rubric.version}`);
    expect(mixed.properties.rubric!.description).toBe('Rubric id, optionally @version.');
    expect(mixed.description).toMatch(/^Kesiapan masyarakat P2KP \(berdaya, mandiri, madani\)\. Generated by `swadaya schema --rubric p2kp`; levels: 0 Belum ada · /);
  });

  it('accepts every shipped example against the schema of the rubric it names, and so does the generic schema with blank answers', async () => {
    const finder = new RubricFinder({ cwd: root, searchPath: undefined });
    const compiled = new Map<string, ReturnType<typeof validatorFor>>();
    const validatorOf = async (reference: string) => {
      if (!compiled.has(reference)) {
        const found = await finder.find(reference, 'test');
        if ('code' in found || !found.rubric) throw new Error(`${reference} does not load`);
        compiled.set(reference, new Ajv.default({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true }).compile(assessmentSchemaFor(found.rubric, 'en')));
      }
      return compiled.get(reference)!;
    };
    const ajv = new Ajv.default({ strict: true, strictRequired: false, allowUnionTypes: true });
    ajv.addSchema(JSON.parse(readFileSync(join(root, 'schemas/text.schema.json'), 'utf8')));
    const generic = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas/assessment.schema.json'), 'utf8')));
    let documents = 0;
    // The ratings too: their `rater:` is part of the format (docs/ratings.md).
    for (const year of ['2024', '2025', '2026', 'ratings/2025'].filter((year) => existsSync(join(root, 'examples', year)))) {
      for (const file of readdirSync(join(root, 'examples', year))) {
        for (const document of parseAllDocuments(readFileSync(join(root, 'examples', year, file), 'utf8')) as { toJS(): unknown }[]) {
          documents += 1;
          const data = document.toJS() as { rubric: string };
          const validate = await validatorOf(data.rubric);
          expect(validate(data), `${year}/${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
        }
      }
    }
    expect(documents).toBeGreaterThanOrEqual(23);
    expect(generic(assessment({ 'integration.joint-planning': null }))).toBe(true);
  });
});

describe('swadaya schema, init and template -o', () => {
  it('schema prints the JSON Schema, or writes it with -o', async () => {
    const dir = scratch();
    const printed = await swadaya(['schema', '--rubric', 'p2kp'], dir);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(assessmentSchemaFor(rubric, 'en'));
    const written = await swadaya(['schema', '--rubric', 'p2kp', '-o', 'p2kp.schema.json'], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'p2kp.schema.json'), 'utf8'))).toEqual(assessmentSchemaFor(rubric, 'en'));
  });

  it('schema and init --lang id write the Indonesian schema', async () => {
    const dir = scratch();
    const printed = await swadaya(['schema', '--rubric', 'p2kp', '--lang', 'id'], dir);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(assessmentSchemaFor(rubric, 'id', 'id'));
    expect(JSON.parse(printed.stdout).title).toBe(`penilaian swadaya, rubrik p2kp@${rubric.version}`);
    expect((await swadaya(['init', '--lang', 'id'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, '.swadaya/p2kp.schema.json'), 'utf8')).toBe(printed.stdout);
  });

  it('init writes the schema and maps the assessment globs in .vscode/settings.json, keeping other settings and comments', async () => {
    const dir = scratch();
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode/settings.json'), '{\n  // tabs please\n  "editor.tabSize": 4,\n}\n');
    const result = await swadaya(['init', '--rubric', 'p2kp'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('.swadaya/p2kp.schema.json');
    const settings = readFileSync(join(dir, '.vscode/settings.json'), 'utf8');
    expect(settings).toContain('// tabs please');
    expect(settings).toContain('"editor.tabSize": 4');
    expect(settings).toMatch(/"yaml\.schemas": \{\s*"\.\/\.swadaya\/p2kp\.schema\.json": \[\s*"assessments\/\*\*\/\*\.yaml",\s*"assessments\/\*\*\/\*\.yml"\s*\]/);
    expect(JSON.parse(readFileSync(join(dir, '.swadaya/p2kp.schema.json'), 'utf8'))).toEqual(assessmentSchemaFor(rubric, 'en'));
  });

  it('init refuses a settings file that is not JSON, naming line and column, exit 2', async () => {
    const dir = scratch();
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode/settings.json'), '{\n  "a": 1\n  "b": 2\n}\n');
    const result = await swadaya(['init'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.vscode/settings.json');
    expect(result.stderr).toContain('line 3, column 3');
  });

  it('template -o writes a modeline relative to the file it writes, and none where init mapped the files', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'assessments/2026'), { recursive: true });
    expect((await swadaya(['template', '--rubric', 'p2kp', '-o', 'assessments/2026/sukaluyu.yaml'], dir)).code).toBe(0);
    const first = readFileSync(join(dir, 'assessments/2026/sukaluyu.yaml'), 'utf8').split('\n')[0]!;
    const schemaPath = first.replace('# yaml-language-server: $schema=', '');
    expect(schemaPath).not.toBe(first);
    expect(readFileSync(join(dir, 'assessments/2026', schemaPath), 'utf8')).toBe(readFileSync(join(root, 'schemas/assessment.schema.json'), 'utf8'));

    expect((await swadaya(['init'], dir)).code).toBe(0);
    expect((await swadaya(['template', '--rubric', 'p2kp', '-o', 'assessments/2026/kemijen.yaml'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'assessments/2026/kemijen.yaml'), 'utf8')).not.toContain('yaml-language-server');
    // Outside the mapped globs a modeline is still written.
    expect((await swadaya(['template', '--rubric', 'p2kp', '-o', 'draft.yaml'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'draft.yaml'), 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=/);
  });
});
