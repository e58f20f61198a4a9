import { localize, toolLanguage } from '../../i18n/language.js';
import { fieldNameOf, groupNameOf, METADATA_FIELDS, NA_REASON_SUFFIX, NOTE_SUFFIX } from '../../core/field-names.js';
import type { Indicator, Rubric, Text } from '../../core/model.js';
import { lookup, t, translator } from '../../i18n/catalogue.js';
import type { FIELD } from '../../i18n/catalogue/field.js';

/**
 * The XLSForm of a rubric as plain rows (docs/field-data.md): the `survey`, `choices` and
 * `settings` sheets KoboToolbox and ODK Central read, and a `swadaya` sheet that records which
 * field name stands for which indicator. Pure: the command layer writes the workbook.
 */
export interface XlsForm {
  readonly survey: Sheet;
  readonly choices: Sheet;
  readonly settings: Sheet;
  readonly fieldMap: Sheet;
}

export interface Sheet {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** The choice name of "not applicable"; levels are named by their number. */
export const NA_CHOICE = 'na';
/** A calculate field saved with every submission: which rubric and version it answered. */
export const RUBRIC_FIELD = 'rubric';
export const PHASE_LIST = 'phases';
export const PERIOD_PATTERN = '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$';
export const COMMUNITY_ID_PATTERN = '^[0-9A-Za-z][0-9A-Za-z._-]*$';

/** `English (en)`: XLSForm's language column suffix, a name and the code. */
export function languageColumnName(code: string): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
  } catch {
    name = undefined;
  }
  return `${name && name !== code ? name : code} (${code})`;
}

/** The form id: the rubric id and version, as an XML name (`p2kp_1_0_0`). */
export function formIdOf(rubric: Pick<Rubric, 'id' | 'version'>): string {
  const id = `${rubric.id}_${rubric.version}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(id) ? id : `rubric_${id}`;
}

/** A choice label: `3 — Established: the descriptor`, so a labels export still shows the level first. */
export function levelChoiceLabel(rubric: Rubric, indicator: Indicator, level: number, lang: string): string {
  const name = oneLine(localize(rubric.scale[level]?.label, lang, rubric));
  const descriptor = oneLine(localize(indicator.levels[level], lang, rubric));
  return `${level} — ${name}: ${descriptor}`;
}

export function buildXlsForm(rubric: Rubric, defaultLanguage: string): XlsForm {
  const languages = rubric.languages.length > 0 ? rubric.languages : ['en'];
  const columns = languages.map(languageColumnName);
  const text = (value: Text | undefined): string[] => languages.map((lang) => oneLine(localize(value, lang, rubric)));
  const tool = (key: keyof typeof FIELD, params: Readonly<Record<string, string>> = {}): string[] =>
    languages.map((lang) => lookup(toolLanguage(lang), key, params) ?? key);
  const blank = languages.map(() => '');

  const header = [
    'type', 'name',
    ...columns.map((c) => `label::${c}`),
    ...columns.map((c) => `hint::${c}`),
    'required', 'relevant', 'constraint',
    ...columns.map((c) => `constraint_message::${c}`),
    'appearance', 'calculation',
  ];
  const survey: string[][] = [];
  interface Row {
    type: string; name: string; label?: string[]; hint?: string[]; required?: boolean; relevant?: string;
    constraint?: string; constraintMessage?: string[]; appearance?: string; calculation?: string;
  }
  const add = (row: Row): void => {
    survey.push([
      row.type, row.name, ...(row.label ?? blank), ...(row.hint ?? blank), row.required ? 'yes' : '', row.relevant ?? '',
      row.constraint ?? '', ...(row.constraintMessage ?? blank), row.appearance ?? '', row.calculation ?? '',
    ]);
  };

  const m = METADATA_FIELDS;
  add({ type: 'start', name: m.start });
  add({ type: 'end', name: m.end });
  add({ type: 'deviceid', name: m.deviceId });
  add({ type: 'calculate', name: RUBRIC_FIELD, calculation: `'${rubric.id}@${rubric.version}'` });
  // The rubric's guidance: what every assessor must know before rating, shown before the first question.
  if (rubric.guidance !== undefined) add({ type: 'note', name: 'guidance', label: text(rubric.guidance) });
  add({ type: 'begin_group', name: 'community', label: tool('field.communityGroup') });
  add({
    type: 'text', name: m.communityId, label: tool('field.communityId'), hint: tool('field.communityIdHint'), required: true,
    // A text, never an integer: village codes keep their leading zeros; `numbers` only changes the keypad.
    constraint: `regex(., '${COMMUNITY_ID_PATTERN}')`, constraintMessage: tool('field.communityIdConstraint'), appearance: 'numbers',
  });
  add({ type: 'text', name: m.communityName, label: tool('field.communityName'), required: true });
  add({ type: 'text', name: m.region, label: tool('field.region') });
  add({
    type: 'text', name: m.period, label: tool('field.period'), required: true,
    constraint: `regex(., '${PERIOD_PATTERN}')`, constraintMessage: tool('field.periodConstraint'),
  });
  add({ type: 'text', name: m.assessors, label: tool('field.assessors') });
  add({ type: `select_one ${PHASE_LIST}`, name: m.phase, label: tool('field.phase') });
  add({ type: 'geopoint', name: m.location, label: tool('field.location') });
  add({ type: 'end_group', name: '' });

  const choices: string[][] = [];
  for (const phase of rubric.phases) choices.push([PHASE_LIST, phase.id, ...text(phase.title)]);

  const fieldMap: string[][] = [];
  for (const principle of rubric.principles) {
    add({ type: 'begin_group', name: groupNameOf(principle.id), label: text(principle.title), hint: text(principle.summary) });
    for (const indicator of principle.indicators) {
      const name = fieldNameOf(indicator.id);
      fieldMap.push([name, indicator.id, principle.id]);
      const hint = languages.map((lang) => {
        const labels = translator(toolLanguage(lang));
        const parts: string[] = [];
        if (indicator.evidence !== undefined) parts.push(`${labels('field.evidence')}: ${oneLine(localize(indicator.evidence, lang, rubric))}`);
        if (indicator.na) parts.push(labels('field.naAllowed'));
        if (indicator.na && indicator.naWhen !== undefined) parts.push(oneLine(localize(indicator.naWhen, lang, rubric)));
        return parts.join(' ');
      });
      add({ type: `select_one ${name}`, name, label: text(indicator.question), hint });
      indicator.levels.forEach((_descriptor, level) => {
        choices.push([name, String(level), ...languages.map((lang) => levelChoiceLabel(rubric, indicator, level, lang))]);
      });
      if (indicator.na) {
        choices.push([name, NA_CHOICE, ...naChoiceLabels(rubric, indicator, languages)]);
        add({
          type: 'text', name: `${name}${NA_REASON_SUFFIX}`, label: tool('field.naReason', { id: indicator.id }), required: true,
          relevant: `\${${name}} = '${NA_CHOICE}'`,
        });
      }
      add({ type: 'text', name: `${name}${NOTE_SUFFIX}`, label: tool('field.note', { id: indicator.id }), relevant: `\${${name}} != ''` });
    }
    add({ type: 'end_group', name: '' });
  }

  const defaultColumn = languageColumnName(languages.includes(defaultLanguage) ? defaultLanguage : languages[0]!);
  return {
    survey: { header, rows: survey },
    choices: { header: ['list_name', 'name', ...columns.map((c) => `label::${c}`)], rows: choices },
    settings: {
      header: ['form_title', 'form_id', 'version', 'default_language'],
      rows: [[oneLine(localize(rubric.title, defaultLanguage, rubric)), formIdOf(rubric), rubric.version, defaultColumn]],
    },
    fieldMap: {
      header: ['name', 'indicator', 'principle'],
      rows: [...fieldMap, [RUBRIC_FIELD, `${rubric.id}@${rubric.version}`, '']],
    },
  };
}

/** `Not applicable` and, where the rubric says when, `Not applicable: the rule`. */
export function naChoiceLabel(rubric: Rubric, indicator: Indicator, lang: string): string {
  const label = t(toolLanguage(lang), 'field.notApplicable');
  return indicator.naWhen === undefined ? label : `${label}: ${oneLine(localize(indicator.naWhen, lang, rubric))}`;
}

function naChoiceLabels(rubric: Rubric, indicator: Indicator, languages: readonly string[]): string[] {
  return languages.map((lang) => naChoiceLabel(rubric, indicator, lang));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
