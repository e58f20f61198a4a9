import { round2, roundDelta } from '../../contract/rounding.js';
import { byId } from '../../core/diff.js';
import { type CommunityDiff, type UnmatchedCommunity } from '../../core/diff-types.js';
import { csvLine } from '../csv.js';
import type { DiffReport } from './report.js';

/**
 * One row per community, sorted by id, for a spreadsheet: matched communities with before, after
 * and delta for the overall score and every principle; added and removed ones with one side empty.
 * Headers are stable ids, not translated. Line by line: a national diff is never one string.
 */
export function* renderDiffCsv({ diff, csvRaw }: DiffReport): Generator<string> {
  // Formula prefixes neutralised unless --csv-raw (src/format/csv.ts).
  const line = (fields: Parameters<typeof csvLine>[0]): string => csvLine(fields, csvRaw === true);
  const principles = diff.principles;
  const header = [
    'id',
    'name',
    'status',
    'before_file',
    'after_file',
    'before_period',
    'after_period',
    'before_phase',
    'after_phase',
    'before_verdict',
    'after_verdict',
    'transition',
    'regression',
    'overall_before',
    'overall_after',
    'overall_delta',
    ...principles.flatMap((id) => [`${id}_before`, `${id}_after`, `${id}_delta`]),
  ];
  const matchedLine = (community: CommunityDiff): string => {
    const changes = new Map(community.delta.principles.map((change) => [change.id, change]));
    return line([
      community.id,
      community.name,
      'matched',
      community.before.file,
      community.after.file,
      community.before.period,
      community.after.period,
      community.before.phase,
      community.after.phase,
      community.before.verdict,
      community.after.verdict,
      community.transition,
      community.regression,
      round2(community.before.overall),
      round2(community.after.overall),
      roundDelta(community.delta.overall),
      ...principles.flatMap((id) => {
        const change = changes.get(id);
        return [round2(change?.before ?? null), round2(change?.after ?? null), roundDelta(change?.delta ?? null)];
      }),
    ]);
  };
  const unmatchedLine = (community: UnmatchedCommunity, status: 'added' | 'removed'): string => {
    const pair = (value: string | number | null): (string | number | null)[] => (status === 'removed' ? [value, null] : [null, value]);
    return line([
      community.id,
      community.name,
      status,
      ...pair(community.file),
      ...pair(community.period),
      ...pair(community.phase),
      ...pair(community.verdict),
      null,
      null,
      ...pair(round2(community.overall)),
      null,
      ...principles.flatMap(() => [null, null, null]),
    ]);
  };
  const unmatchedRows = [
    ...diff.added.map((community) => ({ id: community.id, line: unmatchedLine(community, 'added') })),
    ...diff.removed.map((community) => ({ id: community.id, line: unmatchedLine(community, 'removed') })),
  ].sort(byId);

  // Matched communities come sorted by id: the unmatched ones are merged in, each id being in one list only.
  yield line(header);
  let next = 0;
  for (const community of diff.communities) {
    while (next < unmatchedRows.length && unmatchedRows[next]!.id < community.id) yield unmatchedRows[next++]!.line;
    yield matchedLine(community);
  }
  while (next < unmatchedRows.length) yield unmatchedRows[next++]!.line;
}
