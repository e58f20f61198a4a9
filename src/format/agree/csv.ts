import { csvId, csvWriter } from '../csv.js';
import type { AgreeReport } from './report.js';

/**
 * One row per rating of an indicator, in the order of the report; stable, untranslated headers.
 * Ids quoted, and laid out by --excel and the --csv-* options like score's CSV.
 */
export function* renderAgreeCsv(report: AgreeReport): Generator<string> {
  const { start, line } = csvWriter(report);
  yield start + line(['community_id', 'community_name', 'period', 'indicator', 'principle', 'rater', 'level', 'spread', 'flagged']);
  for (const group of report.groups) {
    for (const row of group.indicators) {
      for (const rater of group.raters) {
        const level = row.levels[rater] ?? null;
        yield line([csvId(group.community.id), group.community.name, csvId(group.period), csvId(row.indicator), csvId(row.principle), rater, level, row.spread, row.flagged]);
      }
    }
  }
}
