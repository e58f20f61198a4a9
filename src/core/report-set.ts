import type { ScoreResult, Verdict } from './result.js';

/**
 * What a set report (docs/report.md) reads of one scored assessment: a few ids and numbers.
 * A batch's workers reduce each result to this, so 11,000 results cross threads cheaply.
 */
export interface ReportRow {
  readonly file: string;
  /** `id@version` of the rubric it was scored with. */
  readonly rubric: string;
  readonly id: string;
  readonly name: string;
  readonly period: string;
  /** The declared phase, or null when the evidence decides. */
  readonly declared: string | null;
  readonly current: string;
  readonly verdict: Verdict;
  readonly overall: number | null;
  readonly coverage: number;
  /** Principle scores in rubric order. */
  readonly principles: readonly (number | null)[];
  readonly index: number;
  /** Steps to ready; null when graduated or when a criterion is blocked. */
  readonly steps: number | null;
  /** Targets of the current gate's criteria that are undecided for lack of coverage. */
  readonly unknown: readonly string[];
  /** The `--group-by` field's value; '' when absent. */
  readonly group: string;
  /** With `--group-by`, when the community lacks the field: the fields it has, to name them in the error. */
  readonly fields?: readonly string[];
}

export function reportRowOf(file: string, result: ScoreResult, groupBy: string | undefined): ReportRow {
  const path = result.readiness.path;
  // Own fields only: `--group-by constructor` must not find Object's constructor.
  const community = result.community as Readonly<Record<string, unknown>>;
  const value = groupBy === undefined || !Object.hasOwn(community, groupBy) ? undefined : community[groupBy];
  const group = value === undefined || value === null ? '' : String(value);
  return {
    file,
    rubric: `${result.rubric.id}@${result.rubric.version}`,
    id: result.community.id,
    name: result.community.name,
    period: result.period,
    declared: result.phase.declared,
    current: result.phase.current,
    verdict: result.readiness.verdict,
    overall: result.overall.score,
    coverage: result.overall.coverage,
    principles: result.principles.map((principle) => principle.score),
    index: result.readiness.index,
    steps: path === null || path.blocked.length > 0 ? null : path.steps,
    unknown: result.readiness.criteria.filter((criterion) => criterion.status === 'unknown').map((criterion) => criterion.target),
    group,
    ...(groupBy !== undefined && group === '' ? { fields: Object.keys(community) } : {}),
  };
}

/** Width of a histogram bin of overall scores, in points. */
export const BIN_WIDTH = 5;
/** How many entries the lists of a set report keep: the closest to their gate, and coverage warnings. */
export const CLOSEST_COUNT = 10;
export const WARNINGS_KEPT = 100;

export interface GroupStats {
  readonly group: string;
  readonly count: number;
  readonly meanOverall: number | null;
  readonly meanIndex: number | null;
  readonly verdicts: Readonly<Partial<Record<Verdict, number>>>;
  readonly meanPrinciples: readonly (number | null)[];
}

export interface PrincipleStats {
  readonly mean: number | null;
  readonly q1: number | null;
  readonly median: number | null;
  readonly q3: number | null;
}

export interface SetStats {
  readonly count: number;
  /** Verdict counts by declared phase (key '' when not declared), in first-seen order. */
  readonly byDeclared: readonly { readonly declared: string; readonly verdicts: Readonly<Partial<Record<Verdict, number>>> }[];
  readonly verdicts: Readonly<Partial<Record<Verdict, number>>>;
  readonly meanOverall: number | null;
  /** Counts of overall scores per 5-point bin, 0–5 … 95–100 (100 falls in the last). */
  readonly histogram: readonly number[];
  /** Assessments without an overall score. */
  readonly unscored: number;
  readonly principles: readonly PrincipleStats[];
  readonly groups: readonly GroupStats[];
  readonly closest: readonly ReportRow[];
  /** The first `WARNINGS_KEPT` rows with undecided criteria, in input order. */
  readonly warnings: readonly ReportRow[];
  readonly warningCount: number;
}

interface Mean {
  sum: number;
  count: number;
}

const meanOf = (mean: Mean): number | null => (mean.count > 0 ? mean.sum / mean.count : null);
const add = (mean: Mean, value: number | null): void => {
  if (value === null) return;
  mean.sum += value;
  mean.count += 1;
};

class GroupAccumulator {
  count = 0;
  readonly overall: Mean = { sum: 0, count: 0 };
  readonly index: Mean = { sum: 0, count: 0 };
  readonly verdicts: Partial<Record<Verdict, number>> = {};
  readonly principles: Mean[] = [];

  add(row: ReportRow): void {
    this.count += 1;
    add(this.overall, row.overall);
    add(this.index, row.index);
    this.verdicts[row.verdict] = (this.verdicts[row.verdict] ?? 0) + 1;
    row.principles.forEach((score, i) => add((this.principles[i] ??= { sum: 0, count: 0 }), score));
  }
}

/** Closest to the gate first: fewest steps, then the highest readiness index, then id. */
export function closerToGate(a: ReportRow, b: ReportRow): number {
  return (a.steps ?? Infinity) - (b.steps ?? Infinity) || b.index - a.index || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * A set's statistics, one row at a time: memory holds counts, one 0.1-point histogram per
 * principle for its quartiles, and the few rows the report lists.
 */
export class SetStatsBuilder {
  private count = 0;
  private unscored = 0;
  private readonly all = new GroupAccumulator();
  private readonly declared = new Map<string, Partial<Record<Verdict, number>>>();
  private readonly histogram = new Array<number>(100 / BIN_WIDTH).fill(0);
  /** Per principle: counts of scores rounded to 0.1 point (1001 buckets), for the quartiles. */
  private readonly fine: Uint32Array[] = [];
  private readonly groups = new Map<string, GroupAccumulator>();
  private closest: ReportRow[] = [];
  private readonly warnings: ReportRow[] = [];
  private warningCount = 0;

  add(row: ReportRow): void {
    this.count += 1;
    this.all.add(row);
    const declared = row.declared ?? '';
    const verdicts = this.declared.get(declared) ?? {};
    verdicts[row.verdict] = (verdicts[row.verdict] ?? 0) + 1;
    this.declared.set(declared, verdicts);
    if (row.overall === null) this.unscored += 1;
    else {
      const bin = Math.min(this.histogram.length - 1, Math.floor(row.overall / BIN_WIDTH));
      this.histogram[bin] = (this.histogram[bin] ?? 0) + 1;
    }
    row.principles.forEach((score, i) => {
      if (score === null) return;
      const buckets = (this.fine[i] ??= new Uint32Array(1001));
      const at = Math.round(score * 10);
      buckets[at] = (buckets[at] ?? 0) + 1;
    });
    let group = this.groups.get(row.group);
    if (!group) this.groups.set(row.group, (group = new GroupAccumulator()));
    group.add(row);
    if (row.verdict !== 'ready' && row.verdict !== 'graduated' && row.steps !== null) this.keepClosest(row);
    if (row.unknown.length > 0) {
      this.warningCount += 1;
      if (this.warnings.length < WARNINGS_KEPT) this.warnings.push(row);
    }
  }

  private keepClosest(row: ReportRow): void {
    const last = this.closest.at(-1);
    if (this.closest.length >= CLOSEST_COUNT && last !== undefined && closerToGate(row, last) >= 0) return;
    this.closest.push(row);
    this.closest.sort(closerToGate);
    if (this.closest.length > CLOSEST_COUNT) this.closest = this.closest.slice(0, CLOSEST_COUNT);
  }

  build(): SetStats {
    const groupStats = (group: string, accumulator: GroupAccumulator): GroupStats => ({
      group,
      count: accumulator.count,
      meanOverall: meanOf(accumulator.overall),
      meanIndex: meanOf(accumulator.index),
      verdicts: { ...accumulator.verdicts },
      meanPrinciples: accumulator.principles.map(meanOf),
    });
    return {
      count: this.count,
      byDeclared: [...this.declared].map(([declared, verdicts]) => ({ declared, verdicts: { ...verdicts } })),
      verdicts: { ...this.all.verdicts },
      meanOverall: meanOf(this.all.overall),
      histogram: [...this.histogram],
      unscored: this.unscored,
      principles: this.all.principles.map((mean, i) => ({ mean: meanOf(mean), ...quartiles(this.fine[i]) })),
      groups: [...this.groups].map(([group, accumulator]) => groupStats(group, accumulator)),
      closest: [...this.closest],
      warnings: [...this.warnings],
      warningCount: this.warningCount,
    };
  }
}

/** Quartiles from counts per 0.1 point: the lowest bucket whose cumulative share reaches ¼, ½, ¾. */
function quartiles(buckets: Uint32Array | undefined): Omit<PrincipleStats, 'mean'> {
  const total = buckets === undefined ? 0 : buckets.reduce((sum, count) => sum + count, 0);
  if (buckets === undefined || total === 0) return { q1: null, median: null, q3: null };
  const at = (share: number): number => {
    const wanted = Math.max(1, Math.ceil(share * total));
    let seen = 0;
    for (let i = 0; i < buckets.length; i += 1) {
      seen += buckets[i] ?? 0;
      if (seen >= wanted) return i / 10;
    }
    return 100;
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}
