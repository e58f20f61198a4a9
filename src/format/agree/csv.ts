import type { AgreementReport } from '../../core/agree.js';
import { csvLine } from '../csv.js';

/** One row per rating of an indicator, in the order of the report; stable, untranslated headers. */
export function* renderAgreeCsv(report: AgreementReport): Generator<string> {
  yield csvLine(['community_id', 'community_name', 'period', 'indicator', 'principle', 'rater', 'level', 'spread', 'flagged']);
  for (const group of report.groups) {
    for (const row of group.indicators) {
      for (const rater of group.raters) {
        yield csvLine([group.community.id, group.community.name, group.period, row.indicator, row.principle, rater, row.levels[rater] ?? null, row.spread, row.flagged]);
      }
    }
  }
}
