import type { RendererRegistry } from '../renderer.js';
import type { AgreeReport } from './report.js';

export type AgreeFormat = 'table' | 'json' | 'csv' | 'markdown';

/** The renderers of `swadaya agree` (docs/ratings.md), by --format. Only the table carries colour. */
export const agreeRenderers: RendererRegistry<AgreeFormat, AgreeReport> = {
  table: { colored: true, load: async () => (await import('./table.js')).renderAgreeTable },
  json: { colored: false, load: async () => (await import('./json.js')).renderAgreeJson },
  csv: { colored: false, load: async () => (await import('./csv.js')).renderAgreeCsv },
  markdown: { colored: false, load: async () => (await import('./markdown.js')).renderAgreeMarkdown },
};
