import type { Finding } from '../../core/finding.js';
import { fieldNameOf, indicatorIdOf, METADATA_FIELDS, NA_REASON_SUFFIX, NOTE_SUFFIX } from '../../core/field-names.js';
import { GRADUATED, type Answer, type AssessmentSource, type Indicator, type Rubric } from '../../core/model.js';
export type { AssessmentSource };
import { closestMatch } from '../../core/suggest.js';
import { buildXlsForm, COMMUNITY_ID_PATTERN, NA_CHOICE, PERIOD_PATTERN, RUBRIC_FIELD, levelChoiceLabel, naChoiceLabel } from './xlsform.js';
import { LANGUAGES, localize } from '../../i18n/language.js';
import { t } from '../../i18n/catalogue.js';

/**
 * Rows of a form export or a wide spreadsheet → assessments, with findings that name the row and
 * column (docs/field-data.md, "Import"). Pure: the command layer reads the tables and writes files.
 */

/** A cell as the readers hand it over: text, or a number from a spreadsheet cell. Blank is undefined. */
export type Cell = string | number | undefined;

/** `kobo`: KoboToolbox (`/` or no group separator); `odk`: ODK Central (`-`); `wide`: one column per indicator id. */
export type TableFormat = 'kobo' | 'odk' | 'wide';

type MetaField = 'communityId' | 'communityName' | 'region' | 'period' | 'assessors' | 'rater' | 'phase' | 'assessed' | 'rubric' | 'start' | 'deviceId' | 'location';
type LocationPart = 'latitude' | 'longitude' | 'altitude' | 'accuracy';
type SystemField = 'instance' | 'instanceId' | 'submitted' | 'koboValidation' | 'odkReview' | 'formVersion' | 'sourceTool' | 'sourceInstance' | 'sourceSubmitted' | 'sourceDevice' | 'sourceLocation';

export type ColumnRole =
  | { readonly kind: 'meta'; readonly field: MetaField }
  | { readonly kind: 'community'; readonly key: string }
  | { readonly kind: 'location-part'; readonly part: LocationPart }
  | { readonly kind: 'indicator'; readonly id: string }
  | { readonly kind: 'na-reason'; readonly id: string }
  | { readonly kind: 'note'; readonly id: string }
  | { readonly kind: 'evidence'; readonly id: string }
  | { readonly kind: 'system'; readonly field: SystemField }
  | { readonly kind: 'ignored' };

export interface ColumnPlan {
  readonly format: TableFormat;
  readonly headers: readonly string[];
  readonly roles: readonly ColumnRole[];
  /** Values may be choice labels (a "labels" export): they are matched against the form's labels. */
  readonly labels: boolean;
}

export interface ImportedAssessment {
  readonly rubric: string;
  readonly community: { readonly id: string; readonly name: string; readonly region?: string | undefined; readonly [key: string]: string | undefined };
  readonly period: string;
  readonly assessed?: string | undefined;
  readonly assessors: readonly string[];
  /** One person's independent rating (docs/ratings.md); written files then carry the rater in their name. */
  readonly rater?: string | undefined;
  readonly phase?: string | undefined;
  readonly source?: AssessmentSource | undefined;
  /** In rubric order. */
  readonly answers: ReadonlyMap<string, Answer>;
}


export type RowOutcome =
  | { readonly kind: 'assessment'; readonly assessment: ImportedAssessment }
  | { readonly kind: 'rejected'; readonly instance: string | undefined }
  | { readonly kind: 'blank' }
  | { readonly kind: 'invalid'; readonly findings: readonly Finding[] };

/** Kobo's own columns start with `_` (`_id`, `_uuid`, `__version__`); these are ODK Central's and the XForm's. */
const SYSTEM_COLUMNS = new Set([
  'SubmitterID', 'SubmitterName', 'AttachmentsPresent', 'AttachmentsExpected', 'Status', 'DeviceID', 'Edits',
  'formhub', 'uuid', 'rootUuid', 'deprecatedID', 'instanceName', 'audit', 'today', 'username', 'phonenumber', 'simserial', 'subscriberid', 'email',
]);
const LOCATION_PARTS: Record<string, LocationPart> = { latitude: 'latitude', longitude: 'longitude', altitude: 'altitude', accuracy: 'accuracy', precision: 'accuracy' };

/** Wide-spreadsheet columns besides the indicators (docs/field-data.md, "Wide spreadsheet"). */
export const WIDE_COLUMNS = {
  communityId: 'community.id',
  communityName: 'community.name',
  region: 'community.region',
  period: 'period',
  phase: 'phase',
  assessed: 'assessed',
  assessors: 'assessors',
  rater: 'rater',
  rubric: 'rubric',
  sourceTool: 'source.tool',
  sourceInstance: 'source.instance',
  sourceSubmitted: 'source.submitted',
  sourceDevice: 'source.device',
  sourceLocation: 'source.location',
} as const;
export const WIDE_NOTE_SUFFIX = '.note';
export const WIDE_EVIDENCE_SUFFIX = '.evidence';

const PERIOD = new RegExp(PERIOD_PATTERN);
const COMMUNITY_ID = new RegExp(COMMUNITY_ID_PATTERN);
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])/;

/** The format a header row belongs to, unless `--format` said. */
export function detectFormat(headers: readonly string[]): TableFormat {
  if (headers.includes(WIDE_COLUMNS.communityId)) return 'wide';
  if (headers.some((header) => header === 'SubmissionDate' || header === 'KEY' || header === 'ReviewState' || header.startsWith('meta-'))) return 'odk';
  return 'kobo';
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function headerFinding(file: string, code: string, index: number, header: string, args: Record<string, string | number> = {}): Finding {
  return { code, severity: 'error', file, line: 1, column: index + 1, args: { column: header, letter: columnLetter(index), ...args } };
}

/**
 * What each column holds. Headers may be XML names with or without group prefixes, or (Kobo)
 * labels in any of the rubric's languages. Unknown, duplicated and missing columns are findings.
 */
export function planColumns(file: string, headers: readonly string[], rubric: Rubric, format: TableFormat = detectFormat(headers)): { plan: ColumnPlan; findings: Finding[] } {
  const findings: Finding[] = [];
  const roles: ColumnRole[] = [];
  const byId = new Map(rubric.indicators.map((indicator) => [indicator.id, indicator]));
  const labelIndex = format === 'wide' ? new Map<string, ColumnRole>() : formLabelIndex(rubric);
  let labels = false;
  const known: string[] = [];
  for (const [index, raw] of headers.entries()) {
    const header = raw.trim();
    let role: ColumnRole | undefined;
    if (format === 'wide') role = wideRole(header, byId);
    else {
      role = formRole(header, format, byId);
      if (!role) {
        role = labelRole(header, labelIndex);
        if (role) labels = true;
      }
    }
    if (!role) {
      if (header === '') role = { kind: 'ignored' };
      else {
        known.length === 0 && known.push(...knownHeaders(rubric, format, labelIndex));
        findings.push(headerFinding(file, 'unknown-column', index, raw, { suggestion: closestMatch(header, known) ?? '' }));
        role = { kind: 'ignored' };
      }
    }
    roles.push(role);
  }
  // One column per field: a second one would leave it unclear which value counts.
  const seen = new Map<string, number>();
  for (const [index, role] of roles.entries()) {
    if (role.kind === 'ignored' || (role.kind === 'system' && role.field !== 'instance' && role.field !== 'submitted')) continue;
    const key = JSON.stringify(role);
    const first = seen.get(key);
    if (first !== undefined) findings.push(headerFinding(file, 'duplicate-column', index, headers[index]!, { first: columnLetter(first), firstColumn: headers[first]! }));
    else seen.set(key, index);
  }
  const has = (field: MetaField) => roles.some((role) => role.kind === 'meta' && role.field === field);
  const name = (field: 'communityId' | 'communityName' | 'period') => (format === 'wide' ? WIDE_COLUMNS[field] : METADATA_FIELDS[field]);
  for (const field of ['communityId', 'communityName', 'period'] as const) {
    if (!has(field)) findings.push({ code: 'missing-column', severity: 'error', file, line: 1, args: { column: name(field) } });
  }
  return { plan: { format, headers, roles, labels }, findings };
}

function wideRole(header: string, byId: ReadonlyMap<string, Indicator>): ColumnRole | undefined {
  if (byId.has(header)) return { kind: 'indicator', id: header };
  for (const [field, column] of Object.entries(WIDE_COLUMNS)) {
    if (column !== header) continue;
    if (field.startsWith('source')) return { kind: 'system', field: field as SystemField };
    return { kind: 'meta', field: field as MetaField };
  }
  if (header.endsWith(WIDE_NOTE_SUFFIX) && byId.has(header.slice(0, -WIDE_NOTE_SUFFIX.length))) return { kind: 'note', id: header.slice(0, -WIDE_NOTE_SUFFIX.length) };
  if (header.endsWith(WIDE_EVIDENCE_SUFFIX) && byId.has(header.slice(0, -WIDE_EVIDENCE_SUFFIX.length))) return { kind: 'evidence', id: header.slice(0, -WIDE_EVIDENCE_SUFFIX.length) };
  const community = /^community\.([A-Za-z][A-Za-z0-9_-]*)$/.exec(header);
  if (community) return { kind: 'community', key: community[1]! };
  return undefined;
}

/** A header that is an XML name, possibly behind group names joined by `/` (Kobo) or `-` (ODK). */
function formRole(header: string, format: TableFormat, byId: ReadonlyMap<string, Indicator>): ColumnRole | undefined {
  if (header.startsWith('_')) {
    if (header === '_uuid') return { kind: 'system', field: 'instance' };
    if (header === '_submission_time') return { kind: 'system', field: 'submitted' };
    if (header === '_validation_status') return { kind: 'system', field: 'koboValidation' };
    const part = /^_(.+)_(latitude|longitude|altitude|precision)$/.exec(header);
    if (part && part[1] === METADATA_FIELDS.location) return { kind: 'location-part', part: LOCATION_PARTS[part[2]!]! };
    return { kind: 'ignored' };
  }
  if (header === 'SubmissionDate') return { kind: 'system', field: 'submitted' };
  if (header === 'KEY') return { kind: 'system', field: 'instance' };
  if (header === 'ReviewState') return { kind: 'system', field: 'odkReview' };
  if (header === 'FormVersion') return { kind: 'system', field: 'formVersion' };
  const segments = header.split(format === 'odk' ? /[/-]/ : '/');
  const last = segments.at(-1)!;
  if (format === 'odk' && segments.length >= 2 && segments.at(-2) === METADATA_FIELDS.location && LOCATION_PARTS[last.toLowerCase()]) {
    return { kind: 'location-part', part: LOCATION_PARTS[last.toLowerCase()]! };
  }
  if (last === 'instanceID') return { kind: 'system', field: 'instanceId' };
  if (SYSTEM_COLUMNS.has(last) || SYSTEM_COLUMNS.has(segments[0]!)) return { kind: 'ignored' };
  if (segments.some((segment) => !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(segment))) return undefined;
  return roleOfName(last, byId);
}

function roleOfName(name: string, byId: ReadonlyMap<string, Indicator>): ColumnRole | undefined {
  const m = METADATA_FIELDS;
  const meta: Record<string, MetaField> = {
    [m.communityId]: 'communityId', [m.communityName]: 'communityName', [m.region]: 'region', [m.period]: 'period',
    [m.assessors]: 'assessors', [m.phase]: 'phase', [m.location]: 'location', [m.start]: 'start', [m.deviceId]: 'deviceId', [RUBRIC_FIELD]: 'rubric',
  };
  if (name in meta) return { kind: 'meta', field: meta[name]! };
  if (name === m.end) return { kind: 'ignored' };
  for (const [suffix, kind] of [[NA_REASON_SUFFIX, 'na-reason'], [NOTE_SUFFIX, 'note']] as const) {
    if (!name.endsWith(suffix)) continue;
    const id = indicatorIdOf(name.slice(0, -suffix.length));
    return id !== undefined && byId.has(id) ? { kind, id } : undefined;
  }
  const id = indicatorIdOf(name);
  return id !== undefined && byId.has(id) ? { kind: 'indicator', id } : undefined;
}

/** Every label the form gives a question, in every rubric language: a "labels" export's headers. */
const labelIndexes = new WeakMap<Rubric, Map<string, ColumnRole>>();
function formLabelIndex(rubric: Rubric): Map<string, ColumnRole> {
  let index = labelIndexes.get(rubric);
  if (index) return index;
  index = new Map();
  const languages = rubric.languages.length > 0 ? rubric.languages : ['en'];
  // Built from the same rows the form is, so the importer reads exactly what `swadaya form` wrote.
  const byId = new Map(rubric.indicators.map((indicator) => [indicator.id, indicator]));
  for (const { name, label } of formRows(rubric)) {
    const role = roleOfName(name, byId);
    if (!role) continue;
    for (const lang of languages) {
      const text = label(lang).trim();
      if (text !== '') index.set(text, role);
    }
  }
  labelIndexes.set(rubric, index);
  return index;
}

function labelRole(header: string, index: ReadonlyMap<string, ColumnRole>): ColumnRole | undefined {
  // A group label and `/` may stand in front; a label may itself hold `/`, so try the longest tail first.
  const whole = index.get(header);
  if (whole) return whole;
  for (let at = header.indexOf('/'); at !== -1; at = header.indexOf('/', at + 1)) {
    const tail = index.get(header.slice(at + 1).trim());
    if (tail) return tail;
  }
  return undefined;
}

function knownHeaders(rubric: Rubric, format: TableFormat, labelIndex: ReadonlyMap<string, ColumnRole>): string[] {
  if (format === 'wide') {
    return [...Object.values(WIDE_COLUMNS), ...rubric.indicators.flatMap((indicator) => [indicator.id, `${indicator.id}${WIDE_NOTE_SUFFIX}`])];
  }
  return [
    ...Object.values(METADATA_FIELDS), RUBRIC_FIELD,
    ...rubric.indicators.flatMap((indicator) => [fieldNameOf(indicator.id), `${fieldNameOf(indicator.id)}${NOTE_SUFFIX}`, `${fieldNameOf(indicator.id)}${NA_REASON_SUFFIX}`]),
    ...labelIndex.keys(),
  ];
}

/** The labelled questions of the form: name and label per language (see buildXlsForm). */
function formRows(rubric: Rubric): { name: string; label: (lang: string) => string }[] {
  const form = buildXlsForm(rubric, rubric.languages[0] ?? 'en');
  const header = form.survey.header;
  const nameAt = header.indexOf('name');
  return form.survey.rows
    .filter((row) => row[nameAt] !== '')
    .map((row) => ({
      name: row[nameAt]!,
      label: (lang: string) => {
        const at = header.findIndex((column) => column.startsWith('label::') && column.endsWith(`(${lang})`));
        return at === -1 ? '' : row[at]!;
      },
    }));
}

/** Choice labels of every indicator in every language → choice name (`3`, `na`), for labels exports. */
const choiceIndexes = new WeakMap<Rubric, Map<string, Map<string, string>>>();
function choiceIndex(rubric: Rubric): Map<string, Map<string, string>> {
  let index = choiceIndexes.get(rubric);
  if (index) return index;
  index = new Map();
  const form = buildXlsForm(rubric, rubric.languages[0] ?? 'en');
  const [listAt, nameAt] = [form.choices.header.indexOf('list_name'), form.choices.header.indexOf('name')];
  for (const row of form.choices.rows) {
    const list = row[listAt]!;
    let choices = index.get(list);
    if (!choices) index.set(list, (choices = new Map()));
    for (const [at, column] of form.choices.header.entries()) if (column.startsWith('label::') && row[at]) choices.set(row[at]!, row[nameAt]!);
    // A form written before the rubric gave its n/a rule says only "Not applicable".
    if (row[nameAt] === NA_CHOICE) for (const lang of LANGUAGES) choices.set(t(lang, 'field.notApplicable'), NA_CHOICE);
  }
  choiceIndexes.set(rubric, index);
  return index;
}

const text = (cell: Cell): string => (cell === undefined ? '' : typeof cell === 'number' ? String(cell) : cell.trim());

interface RowContext {
  readonly file: string;
  readonly row: number;
  readonly plan: ColumnPlan;
  readonly findings: Finding[];
}

function cellFinding(context: RowContext, index: number, code: string, args: Record<string, string | number> = {}): void {
  context.findings.push({
    code, severity: 'error', file: context.file, line: context.row, column: index + 1,
    args: { column: context.plan.headers[index] ?? '', letter: columnLetter(index), ...args },
  });
}

export interface RowOptions {
  /** Keep submissions a reviewer rejected (`--all`). */
  readonly includeRejected?: boolean | undefined;
}

/** One row → one assessment, or the findings that say why not. `row` is the row number a spreadsheet shows. */
export function rowToAssessment(file: string, row: number, cells: readonly Cell[], plan: ColumnPlan, rubric: Rubric, options: RowOptions = {}): RowOutcome {
  if (cells.every((cell) => text(cell) === '')) return { kind: 'blank' };
  const context: RowContext = { file, row, plan, findings: [] };
  const meta = new Map<MetaField, { value: string; index: number; raw: Cell }>();
  const system = new Map<SystemField, string>();
  const community: Record<string, string> = {};
  const location: Partial<Record<LocationPart, string>> = {};
  const values = new Map<string, { value: string; index: number; raw: Cell }>();
  const reasons = new Map<string, { value: string; index: number }>();
  const notes = new Map<string, string>();
  const evidence = new Map<string, string>();
  for (const [index, role] of plan.roles.entries()) {
    const raw = cells[index];
    const value = text(raw);
    switch (role.kind) {
      case 'meta': meta.set(role.field, { value, index, raw }); break;
      case 'system': if (value !== '') system.set(role.field, value); break;
      case 'community': if (value !== '') community[role.key] = value; break;
      case 'location-part': if (value !== '') location[role.part] = value; break;
      case 'indicator': values.set(role.id, { value, index, raw }); break;
      case 'na-reason': reasons.set(role.id, { value, index }); break;
      case 'note': if (value !== '') notes.set(role.id, value); break;
      case 'evidence': if (value !== '') evidence.set(role.id, value); break;
      case 'ignored': break;
    }
  }

  const instance = system.get('instance') ?? system.get('sourceInstance') ?? system.get('instanceId');
  const rejected =
    /not[_ ]?approved/i.test(system.get('koboValidation') ?? '') || (system.get('odkReview') ?? '').toLowerCase() === 'rejected';
  if (rejected && !options.includeRejected) return { kind: 'rejected', instance: instance?.replace(/^uuid:/, '') };

  const expected = `${rubric.id}@${rubric.version}`;
  const named = meta.get('rubric');
  if (named && named.value !== '' && named.value !== expected) {
    cellFinding(context, named.index, 'other-rubric-version', { found: named.value, expected });
  } else if (!named && system.has('formVersion') && system.get('formVersion') !== rubric.version) {
    const index = plan.roles.findIndex((role) => role.kind === 'system' && role.field === 'formVersion');
    cellFinding(context, index, 'other-rubric-version', { found: `${rubric.id}@${system.get('formVersion')!}`, expected });
  }

  const required = (field: 'communityId' | 'communityName' | 'period'): string | undefined => {
    const cell = meta.get(field)!;
    if (cell.value === '') cellFinding(context, cell.index, 'missing-value', { field: plan.headers[cell.index] ?? field });
    return cell.value === '' ? undefined : cell.value;
  };
  const idCell = meta.get('communityId');
  let communityId = idCell ? required('communityId') : undefined;
  if (communityId !== undefined && idCell && typeof idCell.raw === 'number') {
    // A number cell has already lost any leading zero: say so rather than guess.
    cellFinding(context, idCell.index, 'community-id-number', { value: communityId });
    communityId = undefined;
  } else if (communityId !== undefined && !COMMUNITY_ID.test(communityId)) {
    cellFinding(context, idCell!.index, 'bad-community-id', { value: communityId });
    communityId = undefined;
  }
  const name = meta.has('communityName') ? required('communityName') : undefined;
  let period = meta.has('period') ? required('period') : undefined;
  if (period !== undefined && !PERIOD.test(period)) {
    cellFinding(context, meta.get('period')!.index, 'bad-period', { value: period });
    period = undefined;
  }

  let phase: string | undefined = meta.get('phase')?.value || undefined;
  if (phase !== undefined) {
    const byTitle = rubric.phases.find((candidate) => candidate.id === phase || rubric.languages.some((lang) => localize(candidate.title, lang, rubric).trim() === phase));
    if (byTitle) phase = byTitle.id;
    else if (phase !== GRADUATED) {
      const phases = rubric.phases.map((candidate) => candidate.id);
      cellFinding(context, meta.get('phase')!.index, 'unknown-phase', { phase, allowed: phases.join(', '), suggestion: closestMatch(phase, phases) ?? '' });
    }
  }

  const answers = new Map<string, Answer>();
  const choices = plan.labels ? choiceIndex(rubric) : undefined;
  for (const indicator of rubric.indicators) {
    const cell = values.get(indicator.id);
    if (!cell || cell.value === '') continue;
    const answer =
      plan.format === 'wide'
        ? wideAnswer(context, indicator, cell, rubric)
        : formAnswer(context, indicator, cell, reasons.get(indicator.id), choices?.get(fieldNameOf(indicator.id)), rubric);
    if (!answer) continue;
    const note = notes.get(indicator.id);
    const items = evidence.get(indicator.id)?.split(/\s*[|\n]\s*/).filter((item) => item !== '');
    if (answer.kind === 'level') answers.set(indicator.id, { kind: 'level', level: answer.level, note, evidence: items && items.length > 0 ? items : undefined });
    else answers.set(indicator.id, { kind: 'na', reason: answer.reason, note });
  }

  if (context.findings.length > 0) return { kind: 'invalid', findings: context.findings };

  const assessedCell = meta.get('assessed')?.value ?? meta.get('start')?.value ?? '';
  const assessed = DATE.exec(assessedCell)?.[0];
  const locationCell = meta.get('location')?.value || system.get('sourceLocation');
  const locationParts = (['latitude', 'longitude', 'altitude', 'accuracy'] as const).map((part) => location[part]);
  const source: AssessmentSource = {
    tool: plan.format === 'wide' ? system.get('sourceTool') : plan.format,
    instance: instance?.replace(/^uuid:/, ''),
    submitted: system.get('submitted') ?? system.get('sourceSubmitted'),
    device: meta.get('deviceId')?.value || system.get('sourceDevice'),
    location: locationCell || (locationParts[0] !== undefined ? locationParts.filter((part) => part !== undefined).join(' ') : undefined),
  };
  const region = meta.get('region')?.value || undefined;
  return {
    kind: 'assessment',
    assessment: {
      rubric: expected,
      community: { id: communityId!, name: name!, ...(region !== undefined ? { region } : {}), ...community },
      period: period!,
      assessed,
      assessors: splitNames(meta.get('assessors')?.value ?? ''),
      ...(meta.get('rater')?.value ? { rater: meta.get('rater')!.value } : {}),
      phase,
      source: Object.values(source).some((value) => value !== undefined && value !== '') ? source : undefined,
      answers,
    },
  };
}

/** `A. Rahman; N. Wulandari` or, with no `;` or line break, `A. Rahman, N. Wulandari`. */
export function splitNames(value: string): string[] {
  const separator = /[;\n]/.test(value) ? /[;\n]/ : /,/;
  return value.split(separator).map((name) => name.trim()).filter((name) => name !== '');
}

type PlainAnswer = { kind: 'level'; level: number } | { kind: 'na'; reason: string };

function levelOf(context: RowContext, indicator: Indicator, index: number, value: string, rubric: Rubric, reason: string): PlainAnswer | undefined {
  if (/^[+-]?\d+(\.0+)?$/.test(value)) {
    const level = Number(value);
    if (level >= 0 && level <= rubric.maxLevel) return { kind: 'level', level };
    cellFinding(context, index, 'level-out-of-range', { id: indicator.id, value, max: rubric.maxLevel });
    return undefined;
  }
  cellFinding(context, index, 'cell-not-a-level', { id: indicator.id, value, max: rubric.maxLevel, how: reason });
  return undefined;
}

/** A wide-spreadsheet cell: a level, `na: reason`, or blank (handled by the caller). */
function wideAnswer(context: RowContext, indicator: Indicator, cell: { value: string; index: number }, rubric: Rubric): PlainAnswer | undefined {
  const na = /^n\/?a\s*(?::\s*([\s\S]*))?$/i.exec(cell.value);
  if (na) {
    if (!indicator.na) {
      cellFinding(context, cell.index, 'na-not-allowed', { id: indicator.id });
      return undefined;
    }
    const reason = (na[1] ?? '').trim();
    if (reason === '') {
      cellFinding(context, cell.index, 'cell-na-needs-reason', { id: indicator.id, how: 'wide' });
      return undefined;
    }
    return { kind: 'na', reason };
  }
  return levelOf(context, indicator, cell.index, cell.value, rubric, indicator.na ? 'wide-na' : 'wide');
}

/** A form cell: a choice name (`3`, `na`) or, in a labels export, a choice label; n/a takes its reason from the reason column. */
function formAnswer(
  context: RowContext,
  indicator: Indicator,
  cell: { value: string; index: number },
  reason: { value: string; index: number } | undefined,
  labels: ReadonlyMap<string, string> | undefined,
  rubric: Rubric,
): PlainAnswer | undefined {
  let choice = labels?.get(cell.value) ?? cell.value;
  // A label that only lost its descriptor (`3 — Established`) or was cut still starts with its level.
  const leading = /^(\d+)\s+—/.exec(choice);
  if (leading) choice = leading[1]!;
  if (choice === NA_CHOICE) {
    if (!indicator.na) {
      cellFinding(context, cell.index, 'na-not-allowed', { id: indicator.id });
      return undefined;
    }
    if (!reason || reason.value === '') {
      cellFinding(context, reason?.index ?? cell.index, 'cell-na-needs-reason', { id: indicator.id, how: 'form', reasonColumn: `${fieldNameOf(indicator.id)}${NA_REASON_SUFFIX}` });
      return undefined;
    }
    return { kind: 'na', reason: reason.value };
  }
  return levelOf(context, indicator, cell.index, choice, rubric, indicator.na ? 'form-na' : 'form');
}

/** The choice label a labels export would show for an answer (for simulated exports and the tests). */
export function choiceLabelOf(rubric: Rubric, indicator: Indicator, choice: string, lang: string): string {
  if (choice === NA_CHOICE) return naChoiceLabel(rubric, indicator, lang);
  return levelChoiceLabel(rubric, indicator, Number(choice), lang);
}
