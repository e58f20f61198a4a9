import { stringify } from 'yaml';
import type { ScoreSummary } from '../core/summary.js';
import { findingJson } from './validation.js';
import { round2 } from './numbers.js';
import { SCORE_SCHEMA_ID, scoreResultJson, scoreResultText } from './score-json.js';
import type { ScoreRenderOptions, ScoreRenderer, ScoreTotals } from './score-renderer.js';
import { VERSION } from '../version.js';

export function summaryJson(summary: ScoreSummary): Record<string, unknown> {
  return {
    count: summary.count,
    verdicts: summary.verdicts,
    phases: summary.phases,
    meanOverall: round2(summary.meanOverall),
    meanIndex: round2(summary.meanIndex),
    meanPrinciples: summary.meanPrinciples.map((entry) => ({ id: entry.id, mean: round2(entry.mean) })),
  };
}

function tail(totals: ScoreTotals, options: ScoreRenderOptions): Record<string, unknown> {
  return {
    summary: summaryJson(totals.summary),
    ...(totals.groups
      ? { groups: totals.groups.rows.map((row) => ({ field: totals.groups!.field, value: row.group === '' ? null : row.group, summary: summaryJson(row.summary) })) }
      : {}),
    errors: totals.findings.filter((finding) => finding.severity === 'error').map((finding) => findingJson(finding, options.tool)),
  };
}

/** SPEC §5 JSON, streamed: the head, one result at a time, then summary and errors. */
export function jsonRenderer(options: ScoreRenderOptions): ScoreRenderer {
  let first = true;
  const addRendered = (json: string): string => {
    const text = `${first ? '\n' : ',\n'}    ${json}`;
    first = false;
    return text;
  };
  return {
    begin: () => `{\n  "schema": "${SCORE_SCHEMA_ID}",\n  "tool": ${JSON.stringify({ name: 'swadaya', version: VERSION })},\n  "results": [`,
    add: (entry) => addRendered(scoreResultText(entry, options.lang)),
    addRendered,
    end(totals) {
      const rest = Object.entries(tail(totals, options)).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
      return `${first ? '' : '\n  '}],\n${rest.join(',\n')}\n}\n`;
    },
  };
}

/** The same document as YAML; each result is one item of `results`. */
export function yamlRenderer(options: ScoreRenderOptions): ScoreRenderer {
  let any = false;
  return {
    begin: () => stringify({ schema: SCORE_SCHEMA_ID, tool: { name: 'swadaya', version: VERSION } }) + 'results:\n',
    add(entry) {
      any = true;
      return stringify([scoreResultJson(entry, options.lang)]);
    },
    end: (totals) => (any ? '' : '  []\n') + stringify(tail(totals, options)),
  };
}
