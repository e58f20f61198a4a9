import { findingJson } from '../../contract/finding-json.js';
import { SCORE_SCHEMA_ID, summaryJson } from '../../contract/score-json.js';
import { VERSION } from '../../version.js';
import type { RenderContext, RenderedPiece } from '../renderer.js';
import type { ScoreJsonEntry, ScoreRun, ScoreTotals } from './run.js';

/** Summary, groups and errors: what follows `results` in the json and yaml documents. */
export function totalsJson(totals: ScoreTotals, context: RenderContext): Record<string, unknown> {
  return {
    summary: summaryJson(totals.summary),
    ...(totals.groups
      ? { groups: totals.groups.rows.map((row) => ({ field: totals.groups!.field, value: row.group === '' ? null : row.group, summary: summaryJson(row.summary) })) }
      : {}),
    errors: totals.findings.filter((finding) => finding.severity === 'error').map((finding) => findingJson(finding, context.language)),
  };
}

/** docs/json-output.md#score, streamed: the head, one result at a time (as the batch rendered it), then summary and errors. */
export async function* renderScoreJson(run: ScoreRun<ScoreJsonEntry>, context: RenderContext): AsyncGenerator<RenderedPiece> {
  yield `{\n  "schema": "${SCORE_SCHEMA_ID}",\n  "tool": ${JSON.stringify({ name: 'swadaya', version: VERSION })},\n  "results": [`;
  let first = true;
  for await (const entry of run.entries) {
    yield* [first ? '\n    ' : ',\n    ', entry.json];
    first = false;
  }
  const rest = Object.entries(totalsJson(run.totals(), context)).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  yield `${first ? '' : '\n  '}],\n${rest.join(',\n')}\n}\n`;
}
