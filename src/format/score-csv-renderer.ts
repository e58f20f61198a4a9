import type { ScoreRenderer } from './score-renderer.js';
import { round2, round4 } from './numbers.js';

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (fields: readonly (string | number | null | undefined)[]): string => `${fields.map(csvField).join(',')}\r\n`;

/** One row per assessment, one column per principle and per pillar (ids of the first rubric seen). */
export function csvRenderer(): ScoreRenderer {
  let principleIds: string[] | undefined;
  let pillarIds: string[] | undefined;
  return {
    begin: () => '',
    add({ result, file, document }) {
      let head = '';
      if (!principleIds || !pillarIds) {
        principleIds = result.principles.map((area) => area.id);
        pillarIds = result.pillars.map((area) => area.id);
        head = csvRow([
          'file', 'document', 'community_id', 'community_name', 'region', 'period', 'rubric', 'overall', 'coverage', 'band',
          'declared_phase', 'attained_phase', 'current_phase', 'next_phase', 'mismatch', 'verdict', 'readiness_index',
          ...principleIds.map((id) => `principle:${id}`), ...pillarIds.map((id) => `pillar:${id}`),
        ]);
      }
      const principles = new Map(result.principles.map((area) => [area.id, area.score]));
      const pillars = new Map(result.pillars.map((area) => [area.id, area.score]));
      const region = result.community.region;
      return head + csvRow([
        file, document, result.community.id, result.community.name, typeof region === 'string' ? region : '', result.period,
        `${result.rubric.id}@${result.rubric.version}`, round2(result.overall.score), round4(result.overall.coverage), result.overall.band,
        result.phase.declared, result.phase.attained, result.phase.current, result.phase.next, String(result.phase.mismatch),
        result.readiness.verdict, round2(result.readiness.index),
        ...principleIds.map((id) => round2(principles.get(id) ?? null)), ...pillarIds.map((id) => round2(pillars.get(id) ?? null)),
      ]);
    },
    end: () => '',
  };
}
