import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { Rubric } from '../../src/core/model.js';
import { localize } from '../../src/i18n/language.js';
import { RubricFinder } from '../../src/io/rubric-finder.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'swadaya-form-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function loadRubric(reference: string): Promise<Rubric> {
  const found = await new RubricFinder({ cwd: root, searchPath: undefined }).find(reference, reference);
  if ('code' in found || !found.rubric) throw new Error(`cannot load ${reference}`);
  return found.rubric;
}

/** A sheet as objects keyed by its header row. */
function rowsOf(workbook: ExcelJS.Workbook, name: string): Record<string, string>[] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value)))));
  const [header, ...data] = rows;
  return data.map((row) => Object.fromEntries(header!.map((column, index) => [column, row[index] ?? ''])));
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.each([
  ['rubrics/p2kp', 'id'],
  ['examples/custom-rubric/rubric.yaml', 'en'],
])('swadaya form --rubric %s --lang %s', (rubricPath, lang) => {
  it('writes an XLSForm whose questions and choice lists are the rubric', async () => {
    const rubric = await loadRubric(rubricPath);
    const out = join(work, `${rubric.id}-${lang}.xlsx`);
    const memory = memoryContext({ cwd: root });
    const code = await runCli(['form', '--rubric', rubricPath, '-o', out, '--lang', lang], memory.ctx);
    const counts = `${rubric.id}@${rubric.version}`;
    expect(memory.stderr()).toBe(
      lang === 'id'
        ? `Formulir ${counts} (${rubric.indicators.length} indikator) ditulis ke ${out}. Unggah ke KoboToolbox atau ODK Central.\n`
        : `Wrote the ${counts} form (${rubric.indicators.length} indicators) to ${out}. Upload it to KoboToolbox or ODK Central.\n`,
    );
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['survey', 'choices', 'settings', 'swadaya']);

    const settings = rowsOf(workbook, 'settings');
    expect(settings).toEqual([{
      form_title: oneLine(localize(rubric.title, lang, rubric)),
      form_id: `${rubric.id}_${rubric.version.replace(/[^A-Za-z0-9_-]/g, '_')}`,
      version: rubric.version,
      default_language: lang === 'id' ? 'Indonesian (id)' : 'English (en)',
    }]);

    const survey = rowsOf(workbook, 'survey');
    const columns = Object.keys(survey[0]!);
    expect(columns).toEqual(expect.arrayContaining(['type', 'name', 'label::English (en)', 'label::Indonesian (id)', 'hint::English (en)', 'hint::Indonesian (id)', 'required', 'relevant', 'constraint']));
    const byName = new Map(survey.map((row) => [row.name, row]));
    expect(['start', 'end', 'deviceid'].map((name) => byName.get(name)?.type)).toEqual(['start', 'end', 'deviceid']);
    expect(byName.get('rubric')).toMatchObject({ type: 'calculate', calculation: `'${rubric.id}@${rubric.version}'` });
    expect(byName.get('community_id')).toMatchObject({ type: 'text', required: 'yes', appearance: 'numbers', constraint: "regex(., '^[0-9A-Za-z][0-9A-Za-z._-]*$')" });
    expect(byName.get('period')).toMatchObject({ type: 'text', required: 'yes', constraint: "regex(., '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$')" });
    expect(byName.get('phase')?.type).toBe('select_one phases');
    expect(byName.get('location')?.type).toBe('geopoint');
    expect(byName.get('location')?.required).toBe('');

    // One group per principle, in rubric order, holding its indicators in order.
    const groups = survey.filter((row) => row.type === 'begin_group').map((row) => row.name);
    expect(groups).toEqual(['community', ...rubric.principles.map((principle) => principle.id.replaceAll('-', '_'))]);
    expect(survey.filter((row) => row.type === 'end_group')).toHaveLength(groups.length);
    const selects = survey.filter((row) => row.type!.startsWith('select_one ') && row.name !== 'phase');
    expect(selects.map((row) => row.name)).toEqual(rubric.indicators.map((indicator) => indicator.id.replaceAll('.', '__').replaceAll('-', '_')));
    const choices = rowsOf(workbook, 'choices');
    const fieldMap = rowsOf(workbook, 'swadaya');
    for (const [index, indicator] of rubric.indicators.entries()) {
      const select = selects[index]!;
      expect(select.type).toBe(`select_one ${select.name}`);
      expect(select['label::English (en)']).toBe(oneLine(localize(indicator.question, 'en', rubric)));
      expect(select['label::Indonesian (id)']).toBe(oneLine(localize(indicator.question, 'id', rubric)));
      expect(fieldMap[index]).toEqual({ name: select.name, indicator: indicator.id, principle: indicator.principle });
      const list = choices.filter((choice) => choice.list_name === select.name);
      const levels = indicator.levels.map((descriptor, level) => ({
        list_name: select.name,
        name: String(level),
        'label::English (en)': `${level} — ${oneLine(localize(rubric.scale[level]!.label, 'en', rubric))}: ${oneLine(localize(descriptor, 'en', rubric))}`,
        'label::Indonesian (id)': `${level} — ${oneLine(localize(rubric.scale[level]!.label, 'id', rubric))}: ${oneLine(localize(descriptor, 'id', rubric))}`,
      }));
      expect(list.slice(0, levels.length)).toEqual(levels);
      expect(list.length).toBe(rubric.maxLevel + 1 + (indicator.na ? 1 : 0));
      const reason = byName.get(`${select.name}___na`);
      const note = byName.get(`${select.name}___note`);
      expect(note).toMatchObject({ type: 'text', required: '', 'label::English (en)': `${indicator.id}: note (optional)` });
      if (indicator.na) {
        expect(list.at(-1)).toMatchObject({ name: 'na' });
        expect(list.at(-1)!['label::English (en)']).toMatch(/^Not applicable/);
        expect(reason).toMatchObject({ type: 'text', required: 'yes', relevant: `\${${select.name}} = 'na'`, 'label::Indonesian (id)': `${indicator.id}: mengapa tidak berlaku?` });
      } else {
        expect(reason).toBeUndefined();
      }
    }
    expect(choices.filter((choice) => choice.list_name === 'phases').map((choice) => choice.name)).toEqual(rubric.phases.map((phase) => phase.id));
  });
});

it('form refuses an output that is not .xlsx (exit 2)', async () => {
  const memory = memoryContext({ cwd: root });
  expect(await runCli(['form', '--rubric', 'p2kp', '-o', join(work, 'form.csv')], memory.ctx)).toBe(2);
  expect(memory.stderr()).toBe(`swadaya: -o ${join(work, 'form.csv')}: the form is written as .xlsx (XLSForm).\n`);
});
