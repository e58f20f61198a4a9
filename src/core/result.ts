import type { Community, Text } from './model.js';
import type { PathToReady } from './path.js';

/** Full-precision numbers; rounding happens only in the output renderers. */
export interface AreaScore {
  readonly id: string;
  /** null when no indicator of the area is answered with a level. */
  readonly score: number | null;
  readonly coverage: number;
}

export interface PillarScore extends AreaScore {
  readonly phase: string;
}

export type CriterionStatus = 'pass' | 'fail' | 'unknown' | 'na';

export interface CriterionResult {
  readonly target: string;
  readonly kind: 'area' | 'level';
  /** `min` for areas, `level` for indicators. */
  readonly threshold: number;
  readonly value: number | null;
  readonly coverage: number;
  readonly status: CriterionStatus;
  readonly gap: number;
}

export type GateVerdict = 'ready' | 'not-ready' | 'insufficient-evidence';
export type Verdict = GateVerdict | 'graduated';

export interface GateResult {
  readonly phase: string;
  readonly verdict: GateVerdict;
  readonly index: number;
  readonly criteria: readonly CriterionResult[];
}

export interface FocusItem {
  /** The target of the criterion this step serves. */
  readonly criterion: string;
  readonly indicator: string;
  readonly level: number | null;
  readonly next: number;
  /** The descriptor of the next level: the concrete step to take. */
  readonly action: Text;
}

export interface PhaseStatus {
  readonly declared: string | null;
  readonly attained: string;
  readonly current: string;
  readonly next: string | null;
  readonly mismatch: boolean;
}

export interface ScoreResult {
  readonly rubric: { readonly id: string; readonly version: string };
  readonly community: Community;
  readonly period: string;
  readonly overall: { readonly score: number | null; readonly coverage: number; readonly band: string | null };
  readonly principles: readonly AreaScore[];
  readonly pillars: readonly PillarScore[];
  readonly tags: readonly AreaScore[];
  readonly phase: PhaseStatus;
  readonly readiness: {
    readonly verdict: Verdict;
    readonly index: number;
    readonly criteria: readonly CriterionResult[];
    readonly focus: readonly FocusItem[];
    /** The steps that pass the current phase's gate (docs/path.md); null once graduated, or when not asked for. */
    readonly path: PathToReady | null;
  };
  /** Every phase's exit gate, in rubric order (for `--explain`). */
  readonly gates: readonly GateResult[];
}
