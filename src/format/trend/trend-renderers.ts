import type { TrendResult } from '../../core/trend.js';
import { renderTrendCsv } from './trend-csv.js';
import { renderTrendJson } from './trend-json.js';
import { renderTrendMarkdown } from './trend-markdown.js';
import { renderTrendTable } from './trend-table.js';
import type { TrendRenderOptions } from './trend-view.js';

export type TrendFormat = 'table' | 'json' | 'csv' | 'markdown';
export const TREND_FORMATS: readonly TrendFormat[] = ['table', 'json', 'csv', 'markdown'];

/** The renderers of `swadaya trend`, by --format; each yields its text in pieces. json and csv never carry colour. */
export const trendRenderers: Readonly<Record<TrendFormat, (trend: TrendResult, options: TrendRenderOptions) => Iterable<string>>> = {
  table: renderTrendTable,
  json: (trend) => renderTrendJson(trend),
  csv: (trend) => renderTrendCsv(trend),
  markdown: renderTrendMarkdown,
};
