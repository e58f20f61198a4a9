import type { TrendResult } from '../../core/trend.js';
import { round2 } from '../../contract/rounding.js';

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (fields: readonly (string | number | null)[]): string => `${fields.map(csvField).join(',')}\n`;

/**
 * Long form (docs/trend.md#formats): one row per measure per period — `overall`, each principle
 * of that period's rubric, `phase` (attained) and `verdict` — for pivot tables, R and pandas.
 * Line by line: a national trend is never one string.
 */
export function* renderTrendCsv(trend: TrendResult): Generator<string> {
  yield csvLine(['community_id', 'community_name', 'period', 'measure', 'value']);
  for (const community of trend.communities) {
    for (const entry of community.series) {
      const row = (measure: string, value: string | number | null): string => csvLine([community.id, community.name, entry.period, measure, value]);
      let lines = row('overall', round2(entry.overall));
      for (const [id, score] of Object.entries(entry.principles)) lines += row(id, round2(score));
      lines += row('phase', entry.phase) + row('verdict', entry.verdict);
      yield lines;
    }
  }
}
