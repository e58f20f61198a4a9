import type { Assessment, Rubric } from '../../core/model.js';
import type { AssessmentSource } from './submission.js';
import { WIDE_COLUMNS, WIDE_EVIDENCE_SUFFIX, WIDE_NOTE_SUFFIX } from './submission.js';

/**
 * The wide spreadsheet of `export answers` (docs/field-data.md, "Wide spreadsheet"): one row per
 * assessment, one column per indicator id, read back by `import`. Note, evidence, extra community
 * and source columns appear only where some assessment has one, so a plain review sheet stays plain.
 */
export interface WideInput {
  readonly assessment: Assessment;
  readonly source?: AssessmentSource | undefined;
}

export type WideCell = string | number;

export interface WideTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly WideCell[])[];
}

const SOURCE_FIELDS = ['tool', 'instance', 'submitted', 'device', 'location'] as const;

export function wideTable(rubric: Rubric, inputs: readonly WideInput[]): WideTable {
  const hasNote = new Set<string>();
  const hasEvidence = new Set<string>();
  const extraKeys = new Set<string>();
  const sourceFields = new Set<string>();
  const hasRater = inputs.some(({ assessment }) => assessment.rater !== undefined);
  for (const { assessment, source } of inputs) {
    for (const [id, answer] of assessment.answers) {
      if (answer.note !== undefined) hasNote.add(id);
      if (answer.kind === 'level' && answer.evidence !== undefined && answer.evidence.length > 0) hasEvidence.add(id);
    }
    for (const [key, value] of Object.entries(assessment.community)) if (!['id', 'name', 'region'].includes(key) && typeof value === 'string') extraKeys.add(key);
    for (const field of SOURCE_FIELDS) if (source?.[field] !== undefined) sourceFields.add(field);
  }
  const header: string[] = [WIDE_COLUMNS.communityId, WIDE_COLUMNS.communityName, WIDE_COLUMNS.region, WIDE_COLUMNS.period, WIDE_COLUMNS.phase];
  const cells: ((input: WideInput) => WideCell)[] = [
    ({ assessment }) => assessment.community.id,
    ({ assessment }) => assessment.community.name,
    ({ assessment }) => assessment.community.region ?? '',
    ({ assessment }) => assessment.period,
    ({ assessment }) => assessment.phase ?? '',
  ];
  for (const indicator of rubric.indicators) {
    const id = indicator.id;
    header.push(id);
    cells.push(({ assessment }) => {
      const answer = assessment.answers.get(id);
      if (!answer) return '';
      return answer.kind === 'level' ? answer.level : `na: ${answer.reason}`;
    });
    if (hasNote.has(id)) {
      header.push(`${id}${WIDE_NOTE_SUFFIX}`);
      cells.push(({ assessment }) => assessment.answers.get(id)?.note ?? '');
    }
    if (hasEvidence.has(id)) {
      header.push(`${id}${WIDE_EVIDENCE_SUFFIX}`);
      cells.push(({ assessment }) => {
        const answer = assessment.answers.get(id);
        return answer?.kind === 'level' ? (answer.evidence ?? []).join(' | ') : '';
      });
    }
  }
  for (const key of extraKeys) {
    header.push(`community.${key}`);
    cells.push(({ assessment }) => {
      const value = assessment.community[key];
      return typeof value === 'string' ? value : '';
    });
  }
  header.push(WIDE_COLUMNS.assessed, WIDE_COLUMNS.assessors, WIDE_COLUMNS.rubric);
  cells.push(
    ({ assessment }) => assessment.assessed ?? '',
    ({ assessment }) => assessment.assessors.join('; '),
    () => `${rubric.id}@${rubric.version}`,
  );
  if (hasRater) {
    header.push(WIDE_COLUMNS.rater);
    cells.push(({ assessment }) => assessment.rater ?? '');
  }
  for (const field of SOURCE_FIELDS) {
    if (!sourceFields.has(field)) continue;
    header.push(`source.${field}`);
    cells.push(({ source }) => source?.[field] ?? '');
  }
  return { header, rows: inputs.map((input) => cells.map((cell) => cell(input))) };
}
