import { communityJson, diffJson } from '../../contract/diff-json.js';
import { streamJsonArray } from '../json-stream.js';
import type { RenderContext } from '../renderer.js';
import type { DiffReport } from './report.js';

/** `JSON.stringify(diffJson(diff), null, 2)`, one community at a time. */
export function renderDiffJson({ diff, inputErrors }: DiffReport, { language }: RenderContext): Generator<string> {
  return streamJsonArray(diffJson({ ...diff, communities: [] }, inputErrors, language), 'communities', diff.communities, communityJson);
}
