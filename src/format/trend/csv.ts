import { round2 } from '../../contract/rounding.js';
import { csvId, csvWriter } from '../csv.js';
import type { TrendReport } from './report.js';

/**
 * Long form (docs/trend.md#formats): one row per measure per period — `overall`, each principle
 * of that period's rubric, `phase` (attained) and `verdict` — for pivot tables, R and pandas.
 * Ids and periods are always quoted; --excel and the --csv-* options lay it out as score's CSV.
 * Row by row: a national trend is never one string.
 */
export function* renderTrendCsv(report: TrendReport): Generator<string> {
  const { start, line } = csvWriter(report);
  yield start + line(['community_id', 'community_name', 'period', 'measure', 'value']);
  for (const community of report.trend.communities) {
    for (const entry of community.series) {
      const row = (measure: string, value: string | number | null): string => line([csvId(community.id), community.name, csvId(entry.period), measure, value]);
      let lines = row('overall', round2(entry.overall));
      for (const [id, score] of Object.entries(entry.principles)) lines += row(id, round2(score));
      yield lines + row('phase', entry.phase) + row('verdict', entry.verdict);
    }
  }
}
