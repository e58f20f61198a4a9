import type { RendererRegistry } from '../renderer.js';
import type { TrendReport } from './report.js';

export type TrendFormat = 'table' | 'json' | 'csv' | 'markdown';

/** The renderers of `swadaya trend`, by --format. Only the table carries colour. */
export const trendRenderers: RendererRegistry<TrendFormat, TrendReport> = {
  table: { colored: true, load: async () => (await import('./table.js')).renderTrendTable },
  json: { colored: false, load: async () => (await import('./json.js')).renderTrendJson },
  csv: { colored: false, load: async () => (await import('./csv.js')).renderTrendCsv },
  markdown: { colored: false, load: async () => (await import('./markdown.js')).renderTrendMarkdown },
};
