import { renderDiffCsv } from './diff-csv.js';
import { renderDiffJson } from './diff-json.js';
import { renderDiffMarkdown } from './diff-markdown.js';
import { renderDiffTable } from './diff-table.js';
import type { DiffRenderer } from './diff-view.js';

export type DiffFormat = 'table' | 'json' | 'markdown' | 'csv';

/** The renderers of `swadaya diff`, by --format: a string, or its pieces in order. json and csv never carry colour. */
export const diffRenderers: Readonly<Record<DiffFormat, DiffRenderer>> = {
  table: renderDiffTable,
  json: (diff, options) => renderDiffJson(diff, options.inputErrors, options.lang),
  markdown: renderDiffMarkdown,
  csv: (diff) => renderDiffCsv(diff),
};
