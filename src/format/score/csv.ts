import { round2, round4 } from '../../contract/rounding.js';
import { csvLine } from '../csv.js';
import type { ScoreEntry, ScoreRun } from './run.js';

/** One row per assessment, one column per principle and per pillar (ids of the first rubric seen). */
export async function* renderScoreCsv(run: ScoreRun<ScoreEntry>): AsyncGenerator<string> {
  // Formula prefixes neutralised unless --csv-raw (src/format/csv.ts).
  const raw = run.csvRaw === true;
  let principleIds: string[] | undefined;
  let pillarIds: string[] | undefined;
  for await (const { result, file, document } of run.entries) {
    if (!principleIds || !pillarIds) {
      principleIds = result.principles.map((area) => area.id);
      pillarIds = result.pillars.map((area) => area.id);
      yield csvLine([
        'file', 'document', 'community_id', 'community_name', 'region', 'period', 'rubric', 'overall', 'coverage', 'band',
        'declared_phase', 'attained_phase', 'current_phase', 'next_phase', 'mismatch', 'verdict', 'readiness_index',
        ...principleIds.map((id) => `principle:${id}`), ...pillarIds.map((id) => `pillar:${id}`),
      ], raw);
    }
    const principles = new Map(result.principles.map((area) => [area.id, area.score]));
    const pillars = new Map(result.pillars.map((area) => [area.id, area.score]));
    const region = result.community.region;
    yield csvLine([
      file, document, result.community.id, result.community.name, typeof region === 'string' ? region : '', result.period,
      `${result.rubric.id}@${result.rubric.version}`, round2(result.overall.score), round4(result.overall.coverage), result.overall.band,
      result.phase.declared, result.phase.attained, result.phase.current, result.phase.next, String(result.phase.mismatch),
      result.readiness.verdict, round2(result.readiness.index),
      ...principleIds.map((id) => round2(principles.get(id) ?? null)), ...pillarIds.map((id) => round2(pillars.get(id) ?? null)),
    ], raw);
  }
}
