import { communityJson, trendJson } from '../../contract/trend-json.js';
import { streamJsonArray } from '../json-stream.js';
import type { RenderContext } from '../renderer.js';
import type { TrendReport } from './report.js';

/** `JSON.stringify(trendJson(trend), null, 2)`, one community at a time. */
export function renderTrendJson({ trend, inputErrors }: TrendReport, { language }: RenderContext): Generator<string> {
  return streamJsonArray(trendJson({ ...trend, communities: [] }, inputErrors, language), 'communities', trend.communities, communityJson);
}
