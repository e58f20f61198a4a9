import { stringify } from 'csv-stringify/sync';
import { METADATA_FIELDS, NA_REASON_SUFFIX, NOTE_SUFFIX, fieldNameOf } from '../../src/core/field-names.js';
import type { Rubric } from '../../src/core/model.js';
import { choiceLabelOf, type ImportedAssessment } from '../../src/io/field/submission.js';
import { buildXlsForm, languageColumnName, NA_CHOICE, RUBRIC_FIELD } from '../../src/io/field/xlsform.js';

/**
 * Simulated exports of submissions of the form `swadaya form` writes, shaped as KoboToolbox and
 * ODK Central write them (their own columns included), for the import tests.
 */
export interface SimulatedSubmission {
  readonly assessment: ImportedAssessment;
  readonly uuid: string;
  readonly submitted: string;
  readonly validation?: string;
  readonly review?: string;
}

export interface ExportShape {
  readonly tool: 'kobo' | 'odk';
  /** Kobo: `/` between group and field names, or none; ODK always `-`. */
  readonly groups: boolean;
  /** Kobo "labels" export: question labels as headers, choice labels as values, in this language. */
  readonly labels?: string | undefined;
}

const LOCATION = '-6.9147 107.6098 768 4.5';

interface Question {
  readonly path: readonly string[];
  readonly labels: readonly string[];
  readonly name: string;
  readonly type: string;
  readonly label: (lang: string) => string;
}

function questions(rubric: Rubric): Question[] {
  const form = buildXlsForm(rubric, rubric.languages[0] ?? 'en');
  const header = form.survey.header;
  const at = (column: string) => header.indexOf(column);
  const labelOf = (row: readonly string[]) => (lang: string) => row[at(`label::${languageColumnName(lang)}`)] ?? '';
  const out: Question[] = [];
  const path: string[] = [];
  const labels: ((lang: string) => string)[] = [];
  for (const row of form.survey.rows) {
    const type = row[at('type')]!;
    if (type === 'begin_group') {
      path.push(row[at('name')]!);
      labels.push(labelOf(row));
    } else if (type === 'end_group') {
      path.pop();
      labels.pop();
    } else if (type !== 'note') {
      // Notes hold no value: KoboToolbox and ODK Central leave them out of exports.
      const name = row[at('name')]!;
      const groupLabels = [...labels];
      out.push({ path: [...path], labels: [], name, type, label: (lang) => [...groupLabels.map((label) => label(lang)), labelOf(row)(lang)].filter((part) => part !== '').join('/') });
    }
  }
  return out;
}

function value(question: Question, submission: SimulatedSubmission, rubric: Rubric, shape: ExportShape): string {
  const a = submission.assessment;
  const m = METADATA_FIELDS;
  switch (question.name) {
    case m.start: return a.assessed ? `${a.assessed}T09:00:00.000+07:00` : '';
    case m.end: return a.assessed ? `${a.assessed}T11:30:00.000+07:00` : '';
    case m.deviceId: return 'collect:abc123';
    case RUBRIC_FIELD: return a.rubric;
    case m.communityId: return a.community.id;
    case m.communityName: return a.community.name;
    case m.region: return a.community.region ?? '';
    case m.period: return a.period;
    case m.assessors: return a.assessors.join(', ');
    case m.phase: return a.phase ?? '';
    case m.location: return LOCATION;
  }
  for (const indicator of rubric.indicators) {
    const name = fieldNameOf(indicator.id);
    const answer = a.answers.get(indicator.id);
    if (question.name === name) {
      if (!answer) return '';
      const choice = answer.kind === 'na' ? NA_CHOICE : String(answer.level);
      return shape.labels ? choiceLabelOf(rubric, indicator, choice, shape.labels) : choice;
    }
    if (question.name === `${name}${NA_REASON_SUFFIX}`) return answer?.kind === 'na' ? answer.reason : '';
    if (question.name === `${name}${NOTE_SUFFIX}`) return answer?.note ?? '';
  }
  throw new Error(`no value for ${question.name}`);
}

/** Header and rows of an export of `submissions`. */
export function simulatedExport(rubric: Rubric, submissions: readonly SimulatedSubmission[], shape: ExportShape): string[][] {
  const all = questions(rubric);
  const separator = shape.tool === 'odk' ? '-' : '/';
  const headerOf = (question: Question) => {
    if (shape.labels && !['start', 'end', 'deviceid', 'calculate'].includes(question.type)) return question.label(shape.labels);
    return shape.groups || shape.tool === 'odk' ? [...question.path, question.name].join(separator) : question.name;
  };
  if (shape.tool === 'kobo') {
    const header = [...all.map(headerOf), '_id', '_uuid', '_submission_time', '_validation_status', '_notes', '_status', '_submitted_by', '__version__', '_tags', '_index'];
    const rows = submissions.map((submission, index) => [
      ...all.map((question) => value(question, submission, rubric, shape)),
      String(1000 + index), submission.uuid, submission.submitted, submission.validation ?? '', '', 'submitted_via_web', '', 'vGqHNpTdkFZ3bQ7Tx9uV2a', '', String(index + 1),
    ]);
    return [header, ...rows];
  }
  // ODK Central splits a geopoint into four columns.
  const odkHeaders = (question: Question) =>
    question.type === 'geopoint' ? ['Latitude', 'Longitude', 'Altitude', 'Accuracy'].map((part) => `${headerOf(question)}-${part}`) : [headerOf(question)];
  const odkValues = (question: Question, submission: SimulatedSubmission) =>
    question.type === 'geopoint' ? LOCATION.split(' ') : [value(question, submission, rubric, shape)];
  const header = ['SubmissionDate', ...all.flatMap(odkHeaders), 'meta-instanceID', 'KEY', 'SubmitterID', 'SubmitterName', 'AttachmentsPresent', 'AttachmentsExpected', 'Status', 'ReviewState', 'DeviceID', 'Edits', 'FormVersion'];
  const rows = submissions.map((submission) => [
    submission.submitted, ...all.flatMap((question) => odkValues(question, submission)),
    `uuid:${submission.uuid}`, `uuid:${submission.uuid}`, '5', 'enumerator', '0', '0', '', submission.review ?? '', 'collect:abc123', '0', rubric.version,
  ]);
  return [header, ...rows];
}

export function toCsv(table: readonly (readonly string[])[], delimiter = ','): string {
  return stringify(table.map((row) => [...row]), { delimiter });
}
