import type { RegressionReason } from './diff-types.js';
import type { CriterionResult, Verdict } from './result.js';

/**
 * Why one assessment failed a gate a command was asked to check (docs/ci.md):
 * - `fail-under`: its overall score is below `--fail-under` (or it has none);
 * - `not-ready`: `--require ready`, and one criterion of its next phase's gate is not met
 *   (status fail) or cannot be decided (status unknown);
 * - `regression`: `diff --fail-on-regression`, and one reason it counts as a regression.
 */
export type GateReason =
  | { readonly gate: 'fail-under'; readonly value: number | null; readonly threshold: number }
  | {
      readonly gate: 'not-ready';
      readonly verdict: Verdict;
      /** Absent when the verdict has no failing criterion to point at. */
      readonly criterion?: Pick<CriterionResult, 'target' | 'kind' | 'threshold' | 'value' | 'status'> | undefined;
    }
  | { readonly gate: 'regression'; readonly reason: RegressionReason; readonly tolerance: number };

export type GateName = GateReason['gate'];

/** One assessment that failed a gate, with every reason; located by file and document. */
export interface GateFailure {
  readonly file: string;
  readonly document: number;
  readonly period: string;
  readonly community: { readonly id: string; readonly name: string };
  readonly reasons: readonly GateReason[];
}

export interface ScoreGates {
  readonly failUnder?: number | undefined;
  readonly requireReady?: boolean | undefined;
}

/** What a score gate reads of one scored assessment (a worker's digest carries this much). */
export interface GateSubject {
  readonly file: string;
  readonly document: number;
  readonly period: string;
  readonly community: { readonly id: string; readonly name: string };
  readonly overall: { readonly score: number | null };
  readonly readiness: {
    readonly verdict: Verdict;
    readonly criteria: readonly Pick<CriterionResult, 'target' | 'kind' | 'threshold' | 'value' | 'status'>[];
  };
}

const passes = (verdict: Verdict): boolean => verdict === 'ready' || verdict === 'graduated';

/** The gates of `score` one assessment fails, or undefined when it passes all it was asked to. */
export function scoreGateFailure(subject: GateSubject, gates: ScoreGates): GateFailure | undefined {
  const reasons: GateReason[] = [];
  const overall = subject.overall.score;
  if (gates.failUnder !== undefined && (overall === null || overall < gates.failUnder)) {
    reasons.push({ gate: 'fail-under', value: overall, threshold: gates.failUnder });
  }
  const verdict = subject.readiness.verdict;
  if (gates.requireReady && !passes(verdict)) {
    const open = subject.readiness.criteria.filter((criterion) => criterion.status === 'fail' || criterion.status === 'unknown');
    if (open.length === 0) reasons.push({ gate: 'not-ready', verdict });
    for (const criterion of open) reasons.push({ gate: 'not-ready', verdict, criterion: pickCriterion(criterion) });
  }
  if (reasons.length === 0) return undefined;
  return { file: subject.file, document: subject.document, period: subject.period, community: { id: subject.community.id, name: subject.community.name }, reasons };
}

function pickCriterion(criterion: GateSubject['readiness']['criteria'][number]): NonNullable<Extract<GateReason, { gate: 'not-ready' }>['criterion']> {
  return { target: criterion.target, kind: criterion.kind, threshold: criterion.threshold, value: criterion.value, status: criterion.status };
}

/** What the regression gate reads of one compared community. */
export interface RegressionSubject {
  readonly id: string;
  readonly name: string;
  readonly after: { readonly file: string; readonly document: number; readonly period: string };
  readonly regression: boolean;
  readonly reasons: readonly RegressionReason[];
}

/** `diff --fail-on-regression`: one failure per regressed community, located at its after-side assessment. */
export function regressionFailures(communities: Iterable<RegressionSubject>, tolerance: number): GateFailure[] {
  const failures: GateFailure[] = [];
  for (const community of communities) {
    if (!community.regression) continue;
    failures.push({
      file: community.after.file,
      document: community.after.document,
      period: community.after.period,
      community: { id: community.id, name: community.name },
      reasons: community.reasons.map((reason) => ({ gate: 'regression', reason, tolerance })),
    });
  }
  return failures;
}

/**
 * Keeps the first `limit` failures and counts them all: enough to name who failed on stderr
 * without holding a national batch's failures in memory (docs/ci.md).
 */
export class FailureSample {
  private readonly kept: GateFailure[] = [];
  private counts = new Map<GateName, number>();
  total = 0;

  constructor(private readonly limit: number) {}

  add(failure: GateFailure): void {
    this.total += 1;
    for (const gate of new Set(failure.reasons.map((reason) => reason.gate))) this.counts.set(gate, (this.counts.get(gate) ?? 0) + 1);
    if (this.kept.length < this.limit) this.kept.push(failure);
  }

  /** Assessments failing `gate`. */
  count(gate: GateName): number {
    return this.counts.get(gate) ?? 0;
  }

  get failures(): readonly GateFailure[] {
    return this.kept;
  }
}
