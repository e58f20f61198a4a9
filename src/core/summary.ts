import type { PhaseStatus, ScoreResult, Verdict } from './result.js';
import { RunningMean } from './running-mean.js';

/** What a summary reads of a result: a worker can send this instead of the whole result. */
export type SummaryInput = Pick<ScoreResult, 'community' | 'overall' | 'principles'> & {
  readonly phase: Pick<PhaseStatus, 'current'>;
  readonly readiness: Pick<ScoreResult['readiness'], 'verdict' | 'index'>;
};

/** Running totals for a set of scored assessments: verdict and phase counts, mean scores. Kept small on purpose. */
export interface ScoreSummary {
  readonly count: number;
  readonly verdicts: Readonly<Record<string, number>>;
  /** Counts by current phase. */
  readonly phases: Readonly<Record<string, number>>;
  /** Mean overall score over the assessments that have one; null when none has. */
  readonly meanOverall: number | null;
  /** Mean score per principle id, in first-seen order. */
  readonly meanPrinciples: readonly { readonly id: string; readonly mean: number | null }[];
  readonly meanIndex: number | null;
}


/** Accumulates a summary one result at a time, so a batch never has to keep its results. */
export class SummaryBuilder {
  private count = 0;
  private readonly verdicts = new Map<Verdict, number>();
  private readonly phases = new Map<string, number>();
  private readonly overall = new RunningMean();
  private readonly index = new RunningMean();
  private readonly principles = new Map<string, RunningMean>();

  add(result: SummaryInput): void {
    this.count += 1;
    this.verdicts.set(result.readiness.verdict, (this.verdicts.get(result.readiness.verdict) ?? 0) + 1);
    this.phases.set(result.phase.current, (this.phases.get(result.phase.current) ?? 0) + 1);
    this.overall.add(result.overall.score);
    this.index.add(result.readiness.index);
    for (const principle of result.principles) {
      let mean = this.principles.get(principle.id);
      if (!mean) {
        mean = new RunningMean();
        this.principles.set(principle.id, mean);
      }
      mean.add(principle.score);
    }
  }

  build(): ScoreSummary {
    return {
      count: this.count,
      verdicts: Object.fromEntries(this.verdicts),
      phases: Object.fromEntries(this.phases),
      meanOverall: this.overall.value,
      meanPrinciples: [...this.principles].map(([id, mean]) => ({ id, mean: mean.value })),
      meanIndex: this.index.value,
    };
  }
}

/** Summaries per value of a community field (`--group-by region`), groups in first-seen order. */
export class GroupedSummary {
  private readonly groups = new Map<string, SummaryBuilder>();

  /** Assessments whose community has the field. */
  matched = 0;
  /** The community fields seen, to name them when none has the field. */
  readonly fieldsSeen = new Set<string>();

  constructor(readonly field: string) {}

  add(result: SummaryInput): void {
    // Own fields only: `--group-by constructor` must not find Object's constructor.
    const community = result.community as Readonly<Record<string, unknown>>;
    for (const name of Object.keys(community)) this.fieldsSeen.add(name);
    const value = Object.hasOwn(community, this.field) ? community[this.field] : undefined;
    const key = value === undefined || value === null || value === '' ? '' : String(value);
    if (key !== '') this.matched += 1;
    let group = this.groups.get(key);
    if (!group) {
      group = new SummaryBuilder();
      this.groups.set(key, group);
    }
    group.add(result);
  }

  /** `group` is '' for assessments without the field. */
  build(): { readonly group: string; readonly summary: ScoreSummary }[] {
    return [...this.groups].map(([group, builder]) => ({ group, summary: builder.build() }));
  }
}
