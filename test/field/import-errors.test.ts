import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import type { Indicator, Rubric } from '../../src/core/model.js';
import type { ImportedAssessment } from '../../src/io/field/submission.js';
import { RubricFinder } from '../../src/io/rubric-finder.js';
import { writeXlsx } from '../../src/io/tables.js';
import { simulatedExport, toCsv } from '../helpers/field-exports.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');
const rubricPath = 'rubrics/p2kp';
let work: string;
let rubric: Rubric;
let withNa: Indicator;
let withoutNa: Indicator;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'swadaya-import-'));
  const found = await new RubricFinder({ cwd: root, searchPath: undefined }).find(rubricPath, rubricPath);
  if ('code' in found || !found.rubric) throw new Error('rubric');
  rubric = found.rubric;
  withNa = rubric.indicators.find((indicator) => indicator.na)!;
  withoutNa = rubric.indicators.find((indicator) => !indicator.na)!;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Spreadsheet column letters, written out here rather than taken from the code under test. */
const letter = (index: number) => (index < 26 ? String.fromCharCode(65 + index) : String.fromCharCode(64 + Math.floor(index / 26)) + String.fromCharCode(65 + (index % 26)));
const name = (indicator: Indicator) => indicator.id.replaceAll('.', '__').replaceAll('-', '_');
const group = (indicator: Indicator) => indicator.principle.replaceAll('-', '_');

function assessment(id: string, period: string): ImportedAssessment {
  return {
    rubric: `${rubric.id}@${rubric.version}`, community: { id, name: `Desa ${id}` }, period, assessors: ['A. Rahman'],
    answers: new Map(rubric.indicators.map((indicator) => [indicator.id, { kind: 'level', level: 1 } as const])),
  } as ImportedAssessment;
}

async function cli(args: string[]) {
  const memory = memoryContext({ cwd: work });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

describe('import: a bad row writes nothing, good rows are written, exit 2', () => {
  it('reports each bad row with file, row, column and the exact message', async () => {
    const ids = ['0101', '0102', '0103', '0104', '0105', '0101', '0107', '0108', '0109'];
    const submissions = ids.map((id, index) => ({ assessment: assessment(id, '2025'), uuid: `uuid-${index}`, submitted: '2025-08-14T04:22:11', validation: index === 7 ? 'validation_status_not_approved' : 'validation_status_approved' }));
    const table = simulatedExport(rubric, submissions, { tool: 'kobo', groups: true });
    const header = table[0]!;
    const col = (h: string) => header.indexOf(h);
    const good = col(`${group(withoutNa)}/${name(withoutNa)}`);
    const naCol = col(`${group(withNa)}/${name(withNa)}`);
    table[2]![good] = '7'; // row 3
    table[3]![good] = 'na'; // row 4
    table[4]![naCol] = 'na'; // row 5, no reason
    table[5]![col('rubric')] = `${rubric.id}@0.9.0`; // row 6
    // row 7 repeats row 2's community and period
    table[7]![col('community/period')] = '2025-13'; // row 8
    // row 9 was rejected by a reviewer; row 10 meets a file that exists
    const out = join(work, 'out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, '0109-2025.yaml'), `rubric: ${rubric.id}\ncommunity: {id: "0109", name: Other}\nperiod: "2025"\nanswers: {}\n`);
    writeFileSync(join(work, 'kobo.csv'), toCsv(table, ';'));

    const result = await cli(['import', 'kobo.csv', '--rubric', join(root, rubricPath), '-o', 'out']);
    const at = (index: number) => `${letter(index)} (${header[index]})`;
    expect(result.stderr.split('\n')).toEqual([
      `kobo.csv row 3, column ${at(good)}: error [level-out-of-range] level 7 for ${withoutNa.id} is outside the scale; use a level 0–${rubric.maxLevel}.`,
      `kobo.csv row 4, column ${at(good)}: error [na-not-allowed] ${withoutNa.id} cannot be answered "not applicable"; give a level, or leave it out to mark it missing.`,
      `kobo.csv row 5, column ${at(col(`${group(withNa)}/${name(withNa)}___na`))}: error [cell-na-needs-reason] "not applicable" for ${withNa.id} needs a reason in column ${name(withNa)}___na.`,
      `kobo.csv row 6, column ${at(col('rubric'))}: error [other-rubric-version] this submission answered ${rubric.id}@0.9.0, but the import uses ${rubric.id}@${rubric.version}. Import it with --rubric ${rubric.id}@0.9.0, or collect it again with the current form.`,
      `kobo.csv row 7: error [duplicate-row] community 0101 for period 2025 is already in kobo.csv row 2. One assessment per community and period: remove one row (this one was not imported).`,
      `kobo.csv row 8, column ${at(col('community/period'))}: error [bad-period] period "2025-13" is not YYYY, YYYY-MM or YYYY-MM-DD. Write e.g. period: "2025".`,
      `kobo.csv row 10: error [file-exists] community 0109 for period 2025 is already assessed in out/0109-2025.yaml. Nothing was overwritten; add --force to replace it, or remove one.`,
      '9 row(s) read from 1 file(s) → 1 written, 0 unchanged, 1 rejected submission(s) skipped, 7 row(s) failed.',
      '',
    ]);
    expect(result.code).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['0101-2025.yaml', '0109-2025.yaml']);
    expect(readFileSync(join(out, '0109-2025.yaml'), 'utf8')).toContain('name: Other');

    // --all keeps the rejected row; --force replaces the file; --dry-run writes nothing.
    const dry = await cli(['import', 'kobo.csv', '--rubric', join(root, rubricPath), '-o', 'out', '--all', '--force', '--dry-run']);
    expect(dry.stdout).toBe(['unchanged out/0101-2025.yaml', 'would write out/0108-2025.yaml', 'would replace out/0109-2025.yaml', ''].join('\n'));
    expect(dry.stderr.split('\n').at(-2)).toBe('Dry run (nothing written): 9 row(s) read from 1 file(s) → 2 to write, 1 unchanged, 0 rejected submission(s) skipped, 6 row(s) failed.');
    expect(existsSync(join(out, '0108-2025.yaml'))).toBe(false);
    const forced = await cli(['import', 'kobo.csv', '--rubric', join(root, rubricPath), '-o', 'out', '--all', '--force']);
    expect(forced.code).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['0101-2025.yaml', '0108-2025.yaml', '0109-2025.yaml']);
    expect(readFileSync(join(out, '0109-2025.yaml'), 'utf8')).toContain('name: Desa 0109');
  });

  it('a submission edited since it was imported is reported as such, and replaced only with --force', async () => {
    const submission = { assessment: assessment('0401', '2025'), uuid: '7d2c-0401', submitted: '2025-08-14T04:22:11' };
    const table = simulatedExport(rubric, [submission], { tool: 'kobo', groups: false });
    writeFileSync(join(work, 'edited.csv'), toCsv(table));
    expect((await cli(['import', 'edited.csv', '--rubric', join(root, rubricPath), '-o', 'out-edited'])).code).toBe(0);
    const at = table[0]!.indexOf(name(withoutNa));
    table[1]![at] = '3';
    writeFileSync(join(work, 'edited.csv'), toCsv(table));
    const again = await cli(['import', 'edited.csv', '--rubric', join(root, rubricPath), '-o', 'out-edited']);
    expect(again.stderr.split('\n')[0]).toBe(
      'edited.csv row 2: error [file-exists] out-edited/0401-2025.yaml already holds this submission (7d2c-0401) with other answers (edited since). Nothing was overwritten; add --force to replace it.',
    );
    expect(again.code).toBe(2);
    expect(readFileSync(join(work, 'out-edited', '0401-2025.yaml'), 'utf8')).toContain(`${withoutNa.id}: 1`);
    expect((await cli(['import', 'edited.csv', '--rubric', join(root, rubricPath), '-o', 'out-edited', '--force'])).code).toBe(0);
    expect(readFileSync(join(work, 'out-edited', '0401-2025.yaml'), 'utf8')).toContain(`${withoutNa.id}: 3`);
  });

  it('an unknown column stops the file, with a suggestion; nothing is written', async () => {
    const table = simulatedExport(rubric, [{ assessment: assessment('0201', '2025'), uuid: 'u', submitted: 't' }], { tool: 'odk', groups: true });
    const index = table[0]!.indexOf(`${group(withoutNa)}-${name(withoutNa)}`);
    table[0]![index] = `${group(withoutNa)}-${name(withoutNa)}x`;
    writeFileSync(join(work, 'odk.csv'), toCsv(table));
    const result = await cli(['import', 'odk.csv', '--rubric', join(root, rubricPath), '-o', 'out-odk', '--lang', 'id']);
    expect(result.stderr.split('\n')).toEqual([
      `odk.csv baris 1, kolom ${letter(index)} (${table[0]![index]}): galat [unknown-column] kolom "${table[0]![index]}" tidak dikenal. Maksud Anda "${name(withoutNa)}"? Kolom adalah nama isian formulir (ditulis oleh swadaya form) atau, untuk spreadsheet, community.id, community.name, period, phase dan id indikator; tidak ada isi berkas ini yang diimpor.`,
      '0 baris dibaca dari 1 berkas → 0 ditulis, 0 tidak berubah, 0 kiriman ditolak dilewati, 0 baris gagal, 1 berkas gagal.',
      '',
    ]);
    expect(result.code).toBe(2);
    expect(readdirSync(join(work, 'out-odk'))).toEqual([]);
  });

  it('wide spreadsheet cells: n/a needs a reason, a level is a whole number in range, the id keeps its zeros', async () => {
    const ids = rubric.indicators.map((indicator) => indicator.id);
    const header = ['community.id', 'community.name', 'period', ...ids];
    const row = (id: string, cells: Record<string, string>) => [id, `Desa ${id}`, '2025', ...ids.map((indicator) => cells[indicator] ?? '2')];
    writeFileSync(
      join(work, 'wide.csv'),
      toCsv([header, row('0301', {}), row('0302', { [withNa.id]: 'na' }), row('0303', { [withoutNa.id]: 'two' }), row('0304', { [withNa.id]: 'na: no piped network here' }), row('03/05', {})]),
    );
    const result = await cli(['import', 'wide.csv', '--rubric', join(root, rubricPath), '-o', 'out-wide']);
    const at = (id: string) => `${letter(header.indexOf(id))} (${id})`;
    expect(result.stderr.split('\n')).toEqual([
      `wide.csv row 3, column ${at(withNa.id)}: error [cell-na-needs-reason] "not applicable" for ${withNa.id} needs a reason: write "na: why it does not apply".`,
      `wide.csv row 4, column ${at(withoutNa.id)}: error [cell-not-a-level] "two" is not an answer to ${withoutNa.id}: write a level 0–${rubric.maxLevel}, or leave it blank.`,
      `wide.csv row 6, column A (community.id): error [bad-community-id] community id "03/05" may hold only letters, digits, ".", "-" and "_" (it names the file). Correct it.`,
      '5 row(s) read from 1 file(s) → 2 written, 0 unchanged, 0 rejected submission(s) skipped, 3 row(s) failed.',
      '',
    ]);
    expect(result.code).toBe(2);
    expect(readdirSync(join(work, 'out-wide')).sort()).toEqual(['0301-2025.yaml', '0304-2025.yaml']);
    expect(readFileSync(join(work, 'out-wide', '0304-2025.yaml'), 'utf8')).toContain(`${withNa.id}: {na: no piped network here}`);
  });

  it('a spreadsheet whose community id is a number cell is refused: its leading zero is already gone', async () => {
    const ids = rubric.indicators.map((indicator) => indicator.id);
    await writeXlsx(join(work, 'numbers.xlsx'), [{ name: 'answers', header: ['community.id', 'community.name', 'period', ...ids], rows: [[327301104, 'Desa', 2025, ...ids.map(() => 2)], ['0327301105', 'Desa', 2025, ...ids.map(() => 2)]] }]);
    const result = await cli(['import', 'numbers.xlsx', '--rubric', join(root, rubricPath), '-o', 'out-numbers']);
    expect(result.stderr.split('\n')[0]).toBe(
      'numbers.xlsx row 2, column A (community.id): error [community-id-number] the community id 327301104 is a number cell, so any leading zero is already lost. Format the column as text and type the id again.',
    );
    expect(result.code).toBe(2);
    // The text cell keeps its zero; a whole-number period cell reads as the year.
    expect(readdirSync(join(work, 'out-numbers'))).toEqual(['0327301105-2025.yaml']);
  });

  it('ratings keep their rater through export answers and import, one file per rater', async () => {
    const ratings = join(work, 'ratings');
    mkdirSync(ratings, { recursive: true });
    const [first, second] = rubric.indicators;
    for (const [rater, level] of [['A. Rahman', 1], ['N. Wulandari', 3]] as const) {
      writeFileSync(join(ratings, `${level}.yaml`), `rubric: ${rubric.id}@${rubric.version}\ncommunity: {id: "0501", name: Desa}\nperiod: "2025"\nrater: ${rater}\nanswers:\n  ${first!.id}: ${level}\n  ${second!.id}: 2\n`);
    }
    expect((await cli(['export', 'answers', 'ratings', '-o', 'ratings.csv'])).code).toBe(0);
    const sheet = readFileSync(join(work, 'ratings.csv'), 'utf8').split(/\r?\n/);
    expect(sheet[0]!.endsWith(',assessed,assessors,rubric,rater')).toBe(true);
    const imported = await cli(['import', 'ratings.csv', '--rubric', join(root, rubricPath), '-o', 'out-ratings']);
    expect(imported.code).toBe(0);
    expect(readdirSync(join(work, 'out-ratings')).sort()).toEqual(['0501-2025-a-rahman.yaml', '0501-2025-n-wulandari.yaml']);
    expect(readFileSync(join(work, 'out-ratings', '0501-2025-n-wulandari.yaml'), 'utf8')).toContain(`period: "2025"\nrater: N. Wulandari\nanswers:\n  ${first!.id}: 3\n`);
  });
});
