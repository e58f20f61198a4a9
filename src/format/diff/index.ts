import type { RendererRegistry } from '../renderer.js';
import type { DiffReport } from './report.js';

export type DiffFormat = 'table' | 'json' | 'markdown' | 'csv';

/** The renderers of `swadaya diff`, by --format. Only the table carries colour. */
export const diffRenderers: RendererRegistry<DiffFormat, DiffReport> = {
  table: { colored: true, load: async () => (await import('./table.js')).renderDiffTable },
  json: { colored: false, load: async () => (await import('./json.js')).renderDiffJson },
  markdown: { colored: false, load: async () => (await import('./markdown.js')).renderDiffMarkdown },
  csv: { colored: false, load: async () => (await import('./csv.js')).renderDiffCsv },
};
