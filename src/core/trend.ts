import { GRADUATED } from './model.js';
import { PhaseTransitionCounter } from './phase-transitions.js';
import { RunningMean } from './running-mean.js';
import type { ScoreResult, Verdict } from './result.js';

/** What every point scored with one rubric shares: one object, not one copy per point. */
export interface TrendLayout {
  readonly rubric: { readonly id: string; readonly version: string };
  readonly principles: readonly string[];
  /** The rubric's phase ids in order, without `graduated`. */
  readonly phases: readonly string[];
}

/** One scored assessment reduced to what a trend follows: a few strings and the principle scores. */
export interface TrendPoint {
  readonly file: string;
  readonly document: number;
  readonly id: string;
  readonly name: string;
  readonly period: string;
  readonly layout: TrendLayout;
  readonly overall: number | null;
  /** In `layout.principles` order. */
  readonly principles: readonly (number | null)[];
  /** The attained phase: where the evidence puts the community, whatever it declared (docs/trend.md). */
  readonly phase: string;
  readonly declared: string | null;
  readonly verdict: Verdict;
}

export function trendLayoutOf(result: ScoreResult): TrendLayout {
  return {
    rubric: { id: result.rubric.id, version: result.rubric.version },
    principles: result.principles.map((principle) => principle.id),
    phases: result.gates.map((gate) => gate.phase),
  };
}

export function trendPointOf(result: ScoreResult, file: string, document: number, layout: TrendLayout = trendLayoutOf(result)): TrendPoint {
  return {
    file,
    document,
    id: result.community.id,
    name: result.community.name,
    period: result.period,
    layout,
    overall: result.overall.score,
    principles: result.principles.map((principle) => principle.score),
    phase: result.phase.attained,
    declared: result.phase.declared,
    verdict: result.readiness.verdict,
  };
}

/**
 * A period as a point in time, in years (docs/trend.md#time): `YYYY` is that year, `YYYY-MM` is
 * `YYYY + (MM − 1)/12`, `YYYY-MM-DD` is `YYYY + (day of year − 1)/days in that year`. Null when the
 * label is none of these or names a day that does not exist.
 */
export function periodTime(period: string): number | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return year;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return year + (month - 1) / 12;
  const day = Number(match[3]);
  const daysInMonth = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (day < 1 || day > daysInMonth[month - 1]!) return null;
  let dayOfYear = day;
  for (let previous = 0; previous < month - 1; previous += 1) dayOfYear += daysInMonth[previous]!;
  return year + (dayOfYear - 1) / (isLeapYear(year) ? 366 : 365);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The ordinary least-squares slope of `y` against `x`; null with fewer than two distinct x. */
export function leastSquaresSlope(points: readonly { readonly x: number; readonly y: number }[]): number | null {
  if (points.length < 2) return null;
  let sumX = 0;
  let sumY = 0;
  for (const { x, y } of points) {
    sumX += x;
    sumY += y;
  }
  const meanX = sumX / points.length;
  const meanY = sumY / points.length;
  let covariance = 0;
  let variance = 0;
  for (const { x, y } of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? null : covariance / variance;
}

/** One period's assessments, as the command gathered them. */
export interface TrendPeriodInput {
  readonly period: string;
  readonly points: readonly TrendPoint[];
}

/**
 * How input sets become periods (docs/trend.md#periods): two or more sets that each hold one
 * period, all different, are one period each in the order given; anything else is pooled and
 * grouped by each assessment's `period`, sorted by time.
 */
export function periodsOf(sets: readonly (readonly TrendPoint[])[]): TrendPeriodInput[] {
  const labelsOf = (set: readonly TrendPoint[]): Set<string> => new Set(set.map((point) => point.period));
  const labels = sets.map(labelsOf);
  const onePerSet = sets.length >= 2 && labels.every((set) => set.size === 1) && new Set(labels.map((set) => [...set][0])).size === sets.length;
  if (onePerSet) return sets.map((points, index) => ({ period: [...labels[index]!][0]!, points }));

  const byPeriod = new Map<string, TrendPoint[]>();
  for (const set of sets) {
    for (const point of set) {
      let points = byPeriod.get(point.period);
      if (!points) byPeriod.set(point.period, (points = []));
      points.push(point);
    }
  }
  return [...byPeriod.entries()].sort(([a], [b]) => comparePeriods(a, b)).map(([period, points]) => ({ period, points }));
}

/** Earlier first; labels that are no time sort after, by text. */
export function comparePeriods(a: string, b: string): number {
  const timeA = periodTime(a);
  const timeB = periodTime(b);
  if (timeA !== null && timeB !== null && timeA !== timeB) return timeA - timeB;
  if (timeA === null && timeB !== null) return 1;
  if (timeB === null && timeA !== null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface TrendFlags {
  /** The same attained phase, not graduated, in each of its last `stall` assessments. */
  readonly stalled: boolean;
  /** Moved back a phase from one of its assessments to the next. */
  readonly regressed: boolean;
  /** Missing in a period between its first and its last. */
  readonly gaps: boolean;
}

export interface SeriesEntry {
  readonly period: string;
  readonly file: string;
  readonly document: number;
  readonly rubric: { readonly id: string; readonly version: string };
  readonly overall: number | null;
  readonly phase: string;
  readonly declared: string | null;
  readonly verdict: Verdict;
  /** By principle id; null when the principle has no score or is not in that period's rubric. */
  readonly principles: Readonly<Record<string, number | null>>;
}

export interface CommunityTrend {
  readonly id: string;
  /** The name in its latest assessment. */
  readonly name: string;
  /** Full precision, points per year; null with fewer than two scored periods. */
  readonly slope: number | null;
  readonly flags: TrendFlags;
  /** Net: its last attained phase comes after its first. */
  readonly advanced: boolean;
  /** The periods between its first and last in which it has no assessment. */
  readonly missing: readonly string[];
  readonly series: readonly SeriesEntry[];
}

export interface PhaseCount {
  readonly phase: string;
  readonly count: number;
}

export interface PeriodSummary {
  readonly period: string;
  readonly assessed: number;
  readonly meanOverall: number | null;
  /** Communities per attained phase, every phase listed, in rubric order with `graduated` last. */
  readonly phases: readonly PhaseCount[];
}

export interface StepSummary {
  readonly from: string;
  readonly to: string;
  /** Communities assessed in both periods. */
  readonly matched: number;
  readonly advanced: number;
  readonly regressed: number;
  readonly unchanged: number;
  /** Pairs with a count above 0, in phase order of `from`, then of `to`. */
  readonly transitions: readonly { readonly from: string; readonly to: string; readonly count: number }[];
}

export interface TrendSummary {
  readonly communities: number;
  readonly stalled: number;
  readonly regressed: number;
  readonly advanced: number;
  readonly gaps: number;
  readonly periods: readonly PeriodSummary[];
  readonly steps: readonly StepSummary[];
}

export interface DuplicateInPeriod {
  readonly period: string;
  readonly id: string;
  readonly file: string;
  readonly document: number;
  readonly first: { readonly file: string; readonly document: number };
}

export interface TrendResult {
  readonly periods: readonly string[];
  /** Sorted by id; built as they are read, so a national trend never holds them all at once. */
  readonly communities: CommunityTrendList;
  readonly summary: TrendSummary;
  /** Phase ids in rubric order with `graduated` last. */
  readonly phases: readonly string[];
  /** Principle ids, the latest rubric's order first. */
  readonly principles: readonly string[];
  /** The rubrics used in each period, in first-seen order. */
  readonly rubrics: readonly { readonly period: string; readonly rubrics: readonly string[] }[];
  readonly rubricVersionsDiffer: boolean;
  readonly duplicates: readonly DuplicateInPeriod[];
  readonly stall: number;
}

export interface CommunityTrendList extends Iterable<CommunityTrend> {
  readonly length: number;
}

export interface TrendOptions {
  /** How many last assessments in one phase make a community stalled. Default 3. */
  readonly stall?: number | undefined;
}

export const DEFAULT_STALL = 3;

/** Appends to `order` the items of `list` it does not hold yet. */
function mergeInto(order: string[], list: readonly string[]): void {
  for (const item of list) if (!order.includes(item)) order.push(item);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Where each community stands in each period: `undefined` where it was not assessed. */
type Row = (TrendPoint | undefined)[];

class CommunityTrends implements CommunityTrendList {
  constructor(
    private readonly ids: readonly string[],
    private readonly rows: ReadonlyMap<string, Row>,
    private readonly build: (row: Row) => CommunityTrend,
  ) {}

  get length(): number {
    return this.ids.length;
  }

  *[Symbol.iterator](): Iterator<CommunityTrend> {
    for (const id of this.ids) yield this.build(this.rows.get(id)!);
  }
}

/**
 * Follows every community across periods (docs/trend.md). Pure: takes the reduced points of each
 * period in order, returns full-precision data; rounding is the renderers' job.
 */
export function trendOf(periodInputs: readonly TrendPeriodInput[], options: TrendOptions = {}): TrendResult {
  const stall = options.stall ?? DEFAULT_STALL;
  const periods = periodInputs.map((input) => input.period);
  const rows = new Map<string, Row>();
  const duplicates: DuplicateInPeriod[] = [];
  const phaseOrder: string[] = [];
  const principleOrder: string[] = [];
  const rubrics: { period: string; rubrics: string[] }[] = [];
  const layouts = new Set<TrendLayout>();

  periodInputs.forEach((input, index) => {
    const used: string[] = [];
    for (const point of input.points) {
      let row = rows.get(point.id);
      if (!row) rows.set(point.id, (row = new Array<TrendPoint | undefined>(periods.length).fill(undefined)));
      const first = row[index];
      if (first) {
        duplicates.push({ period: input.period, id: point.id, file: point.file, document: point.document, first: { file: first.file, document: first.document } });
        continue;
      }
      row[index] = point;
      layouts.add(point.layout);
      mergeInto(used, [`${point.layout.rubric.id}@${point.layout.rubric.version}`]);
    }
    rubrics.push({ period: input.period, rubrics: used });
  });
  // The latest period's rubric leads the order, as in diff: areas it dropped come after.
  for (const layout of [...layouts].reverse()) {
    mergeInto(phaseOrder, layout.phases);
    mergeInto(principleOrder, layout.principles);
  }
  const phases = [...phaseOrder.filter((phase) => phase !== GRADUATED), GRADUATED];
  const rank = (phase: string): number => phases.indexOf(phase);

  const build = (row: Row): CommunityTrend => communityTrend(row, periods, rank, stall);
  const ids = [...rows.keys()].sort(byText);
  const communities = new CommunityTrends(ids, rows, build);
  const allRubrics = new Set(rubrics.flatMap((entry) => entry.rubrics));
  return {
    periods,
    communities,
    summary: summarise(communities, rows, periods, phases, rank),
    phases,
    principles: principleOrder,
    rubrics,
    rubricVersionsDiffer: allRubrics.size > 1,
    duplicates,
    stall,
  };
}

function seriesEntry(point: TrendPoint): SeriesEntry {
  const principles: Record<string, number | null> = Object.create(null) as Record<string, number | null>;
  point.layout.principles.forEach((id, index) => {
    principles[id] = point.principles[index] ?? null;
  });
  return {
    period: point.period,
    file: point.file,
    document: point.document,
    rubric: point.layout.rubric,
    overall: point.overall,
    phase: point.phase,
    declared: point.declared,
    verdict: point.verdict,
    principles,
  };
}

function communityTrend(row: Row, periods: readonly string[], rank: (phase: string) => number, stall: number): CommunityTrend {
  const present: { point: TrendPoint; index: number }[] = [];
  row.forEach((point, index) => {
    if (point) present.push({ point, index });
  });
  const first = present[0]!;
  const last = present[present.length - 1]!;
  const missing: string[] = [];
  for (let index = first.index + 1; index < last.index; index += 1) if (!row[index]) missing.push(periods[index]!);

  let regressed = false;
  for (let step = 1; step < present.length; step += 1) {
    if (rank(present[step]!.point.phase) < rank(present[step - 1]!.point.phase)) regressed = true;
  }
  const tail = present.slice(-stall).map(({ point }) => point.phase);
  const stalled = present.length >= stall && tail.every((phase) => phase === tail[0]) && tail[0] !== GRADUATED;

  const scored: { x: number; y: number }[] = [];
  for (const { point } of present) {
    const time = periodTime(point.period);
    if (time !== null && point.overall !== null) scored.push({ x: time, y: point.overall });
  }
  return {
    id: last.point.id,
    name: last.point.name,
    slope: leastSquaresSlope(scored),
    flags: { stalled, regressed, gaps: missing.length > 0 },
    advanced: rank(last.point.phase) > rank(first.point.phase),
    missing,
    series: present.map(({ point }) => seriesEntry(point)),
  };
}

function summarise(
  communities: CommunityTrendList,
  rows: ReadonlyMap<string, Row>,
  periods: readonly string[],
  phases: readonly string[],
  rank: (phase: string) => number,
): TrendSummary {
  const tally = { stalled: 0, regressed: 0, advanced: 0, gaps: 0 };
  for (const community of communities) {
    if (community.flags.stalled) tally.stalled += 1;
    if (community.flags.regressed) tally.regressed += 1;
    if (community.flags.gaps) tally.gaps += 1;
    if (community.advanced) tally.advanced += 1;
  }

  const perPeriod = periods.map(() => ({ assessed: 0, overall: new RunningMean(), phases: new Map<string, number>() }));
  const perStep = periods.slice(1).map(() => ({ matched: 0, advanced: 0, regressed: 0, unchanged: 0, transitions: new PhaseTransitionCounter() }));
  for (const row of rows.values()) {
    row.forEach((point, index) => {
      if (!point) return;
      const period = perPeriod[index]!;
      period.assessed += 1;
      period.overall.add(point.overall);
      period.phases.set(point.phase, (period.phases.get(point.phase) ?? 0) + 1);
      const before = index > 0 ? row[index - 1] : undefined;
      if (!before) return;
      const step = perStep[index - 1]!;
      step.matched += 1;
      const change = rank(point.phase) - rank(before.phase);
      if (change > 0) step.advanced += 1;
      else if (change < 0) step.regressed += 1;
      else step.unchanged += 1;
      step.transitions.add(before.phase, point.phase);
    });
  }

  return {
    communities: communities.length,
    ...tally,
    periods: periods.map((period, index) => {
      const totals = perPeriod[index]!;
      return {
        period,
        assessed: totals.assessed,
        meanOverall: totals.overall.value,
        phases: phases.map((phase) => ({ phase, count: totals.phases.get(phase) ?? 0 })),
      };
    }),
    steps: perStep.map((totals, index) => {
      const { matched, advanced, regressed, unchanged } = totals;
      return { from: periods[index]!, to: periods[index + 1]!, matched, advanced, regressed, unchanged, transitions: totals.transitions.list(phases) };
    }),
  };
}
