// Writes a KoboToolbox-style CSV export (`;`, `/` between group and field names, Kobo's own
// columns) of the form `swadaya form` makes, with one submission per assessment file of a
// directory: the input of the import benchmark (docs/field-data.md).
//
//   node scripts/kobo-export.mjs --rubric rubrics/p2kp --in .bench/data/p2kp-11000-2024 --out kobo.csv
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { load, loadAll } from 'js-yaml';

const { values } = parseArgs({ options: { rubric: { type: 'string' }, in: { type: 'string' }, out: { type: 'string' } } });

/** The field name of a plain id, as src/core/field-names.ts maps it. */
const fieldName = (id) => {
  if (!/^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/.test(id)) throw new Error(`${id}: only plain ids are simulated here`);
  return id.replaceAll('.', '__').replaceAll('-', '_');
};

const manifest = load(readFileSync(join(values.rubric, 'rubric.yaml'), 'utf8'));
const principles = manifest.principles.map((entry) => (typeof entry === 'string' ? load(readFileSync(join(values.rubric, entry), 'utf8')) : entry));
const columns = [
  ['start', (a) => (a.assessed ? `${a.assessed}T09:00:00.000+07:00` : '')],
  ['end', (a) => (a.assessed ? `${a.assessed}T11:30:00.000+07:00` : '')],
  ['deviceid', () => 'collect:bench'],
  ['rubric', () => `${manifest.id}@${manifest.version}`],
  ['community/community_id', (a) => a.community.id],
  ['community/community_name', (a) => a.community.name],
  ['community/community_region', (a) => a.community.region ?? ''],
  ['community/period', (a) => String(a.period)],
  ['community/assessors', (a) => (a.assessors ?? []).join(', ')],
  ['community/phase', (a) => a.phase ?? ''],
  ['community/location', () => '-6.9147 107.6098 768 4.5'],
];
for (const principle of principles) {
  for (const indicator of principle.indicators) {
    const name = `${fieldName(principle.id)}/${fieldName(indicator.id)}`;
    const answer = (a) => a.answers?.[indicator.id];
    columns.push([name, (a) => {
      const value = answer(a);
      if (value === undefined || value === null) return '';
      if (typeof value === 'number') return String(value);
      return 'na' in value ? 'na' : String(value.level);
    }]);
    if (indicator.na) columns.push([`${name}___na`, (a) => answer(a)?.na ?? '']);
    columns.push([`${name}___note`, (a) => answer(a)?.note ?? '']);
  }
}
const kobo = ['_id', '_uuid', '_submission_time', '_validation_status', '_notes', '_status', '_submitted_by', '__version__', '_tags', '_index'];

const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) walk(join(dir, entry.name));
    else if (entry.name.endsWith('.yaml')) files.push(join(dir, entry.name));
  }
};
walk(values.in);
files.sort();

const cell = (value) => (/[;"\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const out = createWriteStream(values.out);
const write = async (line) => {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
};
await write([...columns.map(([header]) => header), ...kobo].map(cell).join(';'));
let index = 0;
for (const a of files.flatMap((file) => loadAll(readFileSync(file, 'utf8')))) {
  index += 1;
  const uuid = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
  const own = [String(100000 + index), uuid, '2025-08-14T04:22:11', 'validation_status_approved', '[]', 'submitted_via_web', '', 'vBench', '[]', String(index + 1)];
  await write([...columns.map(([, value]) => value(a)), ...own].map(cell).join(';'));
}
out.end();
await once(out, 'finish');
process.stderr.write(`${index} submissions → ${values.out}\n`);
