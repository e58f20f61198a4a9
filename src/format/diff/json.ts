import { communityJson, diffJson } from '../../contract/diff-json.js';
import type { RenderContext } from '../renderer.js';
import type { DiffReport } from './report.js';

/**
 * The same text as `JSON.stringify(diffJson(diff), null, 2)`, one piece at a time: a national
 * diff has tens of thousands of communities, and one string of them all would not fit in memory.
 */
export function* renderDiffJson({ diff, inputErrors }: DiffReport, { language }: RenderContext): Generator<string> {
  const frame = JSON.stringify(diffJson({ ...diff, communities: [] }, inputErrors, language), null, 2);
  const at = frame.indexOf('"communities": []'); // the first: it comes before any name in `added`
  const head = frame.slice(0, at);
  const tail = frame.slice(at + '"communities": []'.length);
  const indent = (value: unknown): string => `    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`;
  if (diff.communities.length === 0) {
    yield `${head}"communities": []${tail}\n`;
    return;
  }
  yield `${head}"communities": [\n`;
  let left = diff.communities.length;
  for (const community of diff.communities) {
    left -= 1;
    yield `${indent(communityJson(community))}${left === 0 ? '\n' : ',\n'}`;
  }
  yield `  ]${tail}\n`;
}
