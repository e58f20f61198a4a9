import { round2, roundDelta } from '../../contract/rounding.js';
import { byId } from '../../core/diff.js';
import { type CommunityDiff, type UnmatchedCommunity } from '../../core/diff-types.js';
import { csvId, csvWriter, type CsvValue } from '../csv.js';
import type { DiffReport } from './report.js';

/**
 * One row per community, sorted by id, for a spreadsheet: matched communities with before, after
 * and delta for the overall score and every principle; added and removed ones with one side empty.
 * Column names follow the score CSV's, with `_before`, `_after` and `_delta` (docs/json-output.md#csv).
 * Line by line: a national diff is never one string.
 */
export function* renderDiffCsv(report: DiffReport): Generator<string> {
  const diff = report.diff;
  // Formula prefixes neutralised unless --csv-raw (src/format/csv.ts).
  const { start, line } = csvWriter(report);
  const principles = diff.principles;
  const sides = (name: string): string[] => [`${name}_before`, `${name}_after`];
  const header = [
    'community_id',
    'community_name',
    'status',
    ...sides('file'),
    ...sides('period'),
    ...sides('phase_current'),
    ...sides('verdict'),
    'transition',
    'regression',
    ...sides('overall'),
    'overall_delta',
    ...principles.flatMap((id) => [...sides(`principle_${id}`), `principle_${id}_delta`]),
  ];
  const matchedLine = (community: CommunityDiff): string => {
    const changes = new Map(community.delta.principles.map((change) => [change.id, change]));
    return line([
      csvId(community.id),
      community.name,
      'matched',
      community.before.file,
      community.after.file,
      csvId(community.before.period),
      csvId(community.after.period),
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
    const pair = (value: CsvValue): CsvValue[] => (status === 'removed' ? [value, null] : [null, value]);
    return line([
      csvId(community.id),
      community.name,
      status,
      ...pair(community.file),
      ...pair(csvId(community.period)),
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
  yield start + line(header);
  let next = 0;
  for (const community of diff.communities) {
    while (next < unmatchedRows.length && unmatchedRows[next]!.id < community.id) yield unmatchedRows[next++]!.line;
    yield matchedLine(community);
  }
  while (next < unmatchedRows.length) yield unmatchedRows[next++]!.line;
}
