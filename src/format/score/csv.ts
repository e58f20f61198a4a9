import { round2 } from '../../contract/rounding.js';
import { csvId, csvWriter } from '../csv.js';
import type { ScoreEntry, ScoreRun } from './run.js';

/** The columns every score CSV has, before one per principle and per pillar (docs/json-output.md#csv). */
export const SCORE_CSV_COLUMNS = [
  'file', 'document', 'community_id', 'community_name', 'region', 'period', 'rubric', 'overall', 'coverage_pct', 'band',
  'phase_declared', 'phase_attained', 'phase_current', 'phase_next', 'phase_mismatch', 'verdict', 'readiness_index',
] as const;

/**
 * One row per assessment, one column per principle and per pillar (ids of the first rubric seen).
 * The header is written even when nothing was scored. Coverage is a percentage, like the scores.
 */
export async function* renderScoreCsv(run: ScoreRun<ScoreEntry>): AsyncGenerator<string> {
  // Formula prefixes neutralised unless --csv-raw (src/format/csv.ts).
  const { start, line } = csvWriter(run);
  let principleIds: string[] | undefined;
  let pillarIds: string[] | undefined;
  yield start;
  for await (const { result, file, document } of run.entries) {
    if (!principleIds || !pillarIds) {
      principleIds = result.principles.map((area) => area.id);
      pillarIds = result.pillars.map((area) => area.id);
      yield line([...SCORE_CSV_COLUMNS, ...principleIds.map((id) => `principle_${id}`), ...pillarIds.map((id) => `pillar_${id}`)]);
    }
    const principles = new Map(result.principles.map((area) => [area.id, area.score]));
    const pillars = new Map(result.pillars.map((area) => [area.id, area.score]));
    const region = result.community.region;
    yield line([
      file, document, csvId(result.community.id), result.community.name, typeof region === 'string' ? region : '', csvId(result.period),
      `${result.rubric.id}@${result.rubric.version}`, round2(result.overall.score), round2(result.overall.coverage * 100), result.overall.band,
      result.phase.declared, result.phase.attained, result.phase.current, result.phase.next, String(result.phase.mismatch),
      result.readiness.verdict, round2(result.readiness.index),
      ...principleIds.map((id) => round2(principles.get(id) ?? null)), ...pillarIds.map((id) => round2(pillars.get(id) ?? null)),
    ]);
  }
  if (!principleIds) yield line([...SCORE_CSV_COLUMNS]);
}
