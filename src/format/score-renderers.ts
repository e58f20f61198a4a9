import { csvRenderer } from './score-csv-renderer.js';
import { jsonRenderer, yamlRenderer } from './score-json-renderer.js';
import { markdownRenderer } from './score-markdown-renderer.js';
import type { ScoreRenderOptions, ScoreRenderer } from './score-renderer.js';
import { tableRenderer } from './score-table-renderer.js';

export type ScoreFormat = 'table' | 'json' | 'yaml' | 'markdown' | 'csv';

/** The renderer of each `--format`; machine formats never carry colour. */
export const scoreRenderers: Record<ScoreFormat, (options: ScoreRenderOptions) => ScoreRenderer> = {
  table: tableRenderer,
  markdown: markdownRenderer,
  json: jsonRenderer,
  yaml: yamlRenderer,
  csv: csvRenderer,
};
