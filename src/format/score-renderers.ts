import type { ScoreRenderOptions, ScoreRenderer } from './score-renderer.js';

export type ScoreFormat = 'table' | 'json' | 'yaml' | 'markdown' | 'csv';

type ScoreRendererFactory = (options: ScoreRenderOptions) => ScoreRenderer;

/**
 * The renderer of each `--format`, imported only when chosen (the table's cli-table3 is not
 * loaded for json). Machine formats never carry colour.
 */
export const scoreRenderers: Record<ScoreFormat, () => Promise<ScoreRendererFactory>> = {
  table: async () => (await import('./score-table-renderer.js')).tableRenderer,
  markdown: async () => (await import('./score-markdown-renderer.js')).markdownRenderer,
  json: async () => (await import('./score-json-renderer.js')).jsonRenderer,
  yaml: async () => (await import('./score-json-renderer.js')).yamlRenderer,
  csv: async () => (await import('./score-csv-renderer.js')).csvRenderer,
};
