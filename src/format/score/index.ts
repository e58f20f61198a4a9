import type { RendererEntry } from '../renderer.js';
import type { ScoreEntry, ScoreJsonEntry, ScoreRun } from './run.js';

export type ScoreFormat = 'table' | 'json' | 'yaml' | 'markdown' | 'csv';

/**
 * A score renderer also says which projection of each result the batch should make for it
 * (docs/architecture.md#projections): whole results with their rubric, or the JSON text made
 * where the result was scored, so that a large batch is rendered on the workers.
 */
export type ScoreRendererEntry =
  | (RendererEntry<ScoreRun<ScoreEntry>> & { readonly projection: 'result' })
  | (RendererEntry<ScoreRun<ScoreJsonEntry>> & { readonly projection: 'json' });

/** The renderers of `swadaya score`, by --format. */
export const scoreRenderers: Readonly<Record<ScoreFormat, ScoreRendererEntry>> = {
  table: { projection: 'result', colored: true, load: async () => (await import('./table.js')).renderScoreTable },
  json: { projection: 'json', colored: false, load: async () => (await import('./json.js')).renderScoreJson },
  yaml: { projection: 'result', colored: false, load: async () => (await import('./yaml.js')).renderScoreYaml },
  markdown: { projection: 'result', colored: false, load: async () => (await import('./markdown.js')).renderScoreMarkdown },
  csv: { projection: 'result', colored: false, load: async () => (await import('./csv.js')).renderScoreCsv },
};
