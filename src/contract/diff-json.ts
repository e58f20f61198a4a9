import type { AreaChange, CommunityDiff, DiffResult, SideState, UnmatchedCommunity } from '../core/diff-types.js';
import type { Finding } from '../core/finding.js';
import type { Language } from '../i18n/language.js';
import { VERSION } from '../version.js';
import { findingJson } from './finding-json.js';
import { round2, roundDelta } from './rounding.js';

/** The published shape of `diff --format json` (docs/json-output.md#diff, schemas/diff.schema.json): scores and deltas rounded to 2 decimals. */
export function diffJson(diff: DiffResult, errors: readonly Finding[] = [], lang: Language = 'en'): Record<string, unknown> {
  return {
    schema: 'swadaya/diff@1',
    tool: { name: 'swadaya', version: VERSION },
    rubricVersionsDiffer: diff.rubricVersionsDiffer,
    communities: Array.from(diff.communities, communityJson),
    added: diff.added.map(unmatchedJson),
    removed: diff.removed.map(unmatchedJson),
    summary: {
      matched: diff.summary.matched,
      advanced: diff.summary.advanced,
      regressed: diff.summary.regressed,
      unchanged: diff.summary.unchanged,
      regressions: diff.summary.regressions,
      meanDelta: {
        overall: roundDelta(diff.summary.meanDelta.overall),
        principles: diff.summary.meanDelta.principles.map((entry) => ({ id: entry.id, delta: roundDelta(entry.delta) })),
      },
      transitions: diff.summary.transitions.map((entry) => ({ from: entry.from, to: entry.to, count: entry.count })),
    },
    // The input errors, as score's `errors`: their assessments are not in the comparison.
    errors: errors.map((finding) => findingJson(finding, lang)),
  };
}

function sideJson(side: SideState): Record<string, unknown> {
  return {
    file: side.file,
    period: side.period,
    rubric: { id: side.rubric.id, version: side.rubric.version },
    overall: round2(side.overall),
    phase: side.phase,
    verdict: side.verdict,
  };
}

function changeJson(change: AreaChange): Record<string, unknown> {
  return { id: change.id, before: round2(change.before), after: round2(change.after), delta: roundDelta(change.delta) };
}

export function communityJson(community: CommunityDiff): Record<string, unknown> {
  return {
    id: community.id,
    name: community.name,
    before: sideJson(community.before),
    after: sideJson(community.after),
    delta: {
      overall: roundDelta(community.delta.overall),
      principles: community.delta.principles.map(changeJson),
      pillars: community.delta.pillars.map(changeJson),
    },
    transition: community.transition,
    regression: community.regression,
    ...(community.indicators ? { indicators: community.indicators.map((change) => ({ id: change.id, before: change.before, after: change.after })) } : {}),
  };
}

function unmatchedJson(community: UnmatchedCommunity): Record<string, unknown> {
  return { id: community.id, name: community.name, file: community.file };
}
