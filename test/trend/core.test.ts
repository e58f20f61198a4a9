import { describe, expect, it } from 'vitest';
import { comparePeriods, leastSquaresSlope, periodsOf, periodTime, trendOf, type TrendLayout, type TrendPoint } from '../../src/core/trend.js';

const layout: TrendLayout = { rubric: { id: 'mini', version: '1.0.0' }, principles: ['a', 'b'], phases: ['berdaya', 'mandiri', 'madani'] };

function point(id: string, period: string, overall: number | null, phase = 'berdaya', extra: Partial<TrendPoint> = {}): TrendPoint {
  return {
    file: `${period}/${id}.yaml`,
    document: 0,
    id,
    name: `Kelurahan ${id}`,
    period,
    layout,
    overall,
    principles: [overall, overall === null ? null : overall / 2],
    phase,
    declared: null,
    verdict: 'not-ready',
    ...extra,
  };
}

const only = <T>(items: Iterable<T>): T[] => [...items];

describe('periodTime', () => {
  it('reads a year, a month and a day as years', () => {
    expect(periodTime('2024')).toBe(2024);
    expect(periodTime('2024-07')).toBe(2024.5);
    expect(periodTime('2025-04')).toBe(2025.25);
    expect(periodTime('2024-01-01')).toBe(2024);
    // 2023 is not a leap year: 1 March is day 60, so 59 days have passed.
    expect(periodTime('2023-03-01')).toBe(2023 + 59 / 365);
    // 2024 is: 31 December is day 366.
    expect(periodTime('2024-12-31')).toBe(2024 + 365 / 366);
  });

  it('refuses days that do not exist', () => {
    expect(periodTime('2025-02-29')).toBeNull();
    expect(periodTime('2024-02-29')).toBe(2024 + 59 / 366);
    expect(periodTime('2025-13')).toBeNull();
    expect(periodTime('twenty')).toBeNull();
  });

  it('orders periods by time, then by text', () => {
    expect(['2025', '2024-07', '2024', '2024-06-30'].sort(comparePeriods)).toEqual(['2024', '2024-06-30', '2024-07', '2025']);
  });
});

describe('leastSquaresSlope', () => {
  it('is the rise per year of a straight line', () => {
    expect(leastSquaresSlope([{ x: 2022, y: 40 }, { x: 2023, y: 50 }, { x: 2024, y: 60 }])).toBe(10);
  });

  it('fits a line through scattered points', () => {
    // mean x 2021, mean y 20; covariance (-1)(-10) + 0 + (1)(0) = 10; variance 2.
    expect(leastSquaresSlope([{ x: 2020, y: 10 }, { x: 2021, y: 30 }, { x: 2022, y: 20 }])).toBe(5);
  });

  it('has no slope with one point or one time', () => {
    expect(leastSquaresSlope([{ x: 2024, y: 50 }])).toBeNull();
    expect(leastSquaresSlope([{ x: 2024, y: 50 }, { x: 2024, y: 60 }])).toBeNull();
  });
});

describe('trendOf', () => {
  const periods = (...sets: TrendPoint[][]) => periodsOf(sets);

  it('gives the slope in points per year, for months and days too', () => {
    const byMonth = trendOf(periods([point('m', '2024-01', 50)], [point('m', '2024-07', 56)]));
    expect(only(byMonth.communities)[0]!.slope).toBe(12);
    const byDay = trendOf(periods([point('d', '2024-01-01', 60)], [point('d', '2024-12-31', 71)]));
    expect(only(byDay.communities)[0]!.slope).toBeCloseTo((11 * 366) / 365, 12);
    const gap = trendOf(periods([point('g', '2020', 40)], [point('x', '2021', 1)], [point('g', '2023', 49)]));
    expect(only(gap.communities).find((c) => c.id === 'g')!.slope).toBe(3);
  });

  it('has no slope for a community seen once or never scored twice', () => {
    const result = trendOf(periods([point('a', '2024', 50), point('b', '2024', null)], [point('b', '2025', 60)]));
    const [a, b] = only(result.communities);
    expect(a!.slope).toBeNull();
    expect(b!.slope).toBeNull();
  });

  it('flags stalled, regressed and gaps on crafted series', () => {
    const result = trendOf(
      periods(
        [point('stuck', '2022', 40), point('slid', '2022', 60, 'mandiri'), point('holey', '2022', 50), point('grad', '2022', 90, 'graduated'), point('short', '2023', 40)],
        [point('stuck', '2023', 42), point('slid', '2023', 55, 'berdaya'), point('grad', '2023', 91, 'graduated'), point('short', '2024', 41)],
        [point('stuck', '2024', 41), point('slid', '2024', 62, 'mandiri'), point('holey', '2024', 58, 'mandiri'), point('grad', '2024', 92, 'graduated')],
      ),
    );
    const byId = new Map(only(result.communities).map((c) => [c.id, c]));
    expect(byId.get('stuck')!.flags).toEqual({ stalled: true, regressed: false, gaps: false });
    expect(byId.get('slid')!.flags).toEqual({ stalled: false, regressed: true, gaps: false });
    expect(byId.get('holey')!.flags).toEqual({ stalled: false, regressed: false, gaps: true });
    expect(byId.get('holey')!.missing).toEqual(['2023']);
    expect(byId.get('holey')!.advanced).toBe(true);
    // Graduated three times running is not stalled; two periods are fewer than --stall 3.
    expect(byId.get('grad')!.flags.stalled).toBe(false);
    expect(byId.get('short')!.flags.stalled).toBe(false);
    expect(result.summary).toMatchObject({ communities: 5, stalled: 1, regressed: 1, gaps: 1, advanced: 1 });
  });

  it('takes --stall into account', () => {
    const sets = periods([point('a', '2023', 40)], [point('a', '2024', 41)]);
    expect(only(trendOf(sets, { stall: 2 }).communities)[0]!.flags.stalled).toBe(true);
    expect(only(trendOf(sets).communities)[0]!.flags.stalled).toBe(false);
  });

  it('counts phases per period, the mean overall and every step', () => {
    const result = trendOf(
      periods(
        [point('a', '2023', 40), point('b', '2023', 60, 'mandiri'), point('c', '2023', 50)],
        [point('a', '2024', 50, 'mandiri'), point('b', '2024', 55), point('c', '2024', null)],
      ),
    );
    expect(result.periods).toEqual(['2023', '2024']);
    expect(result.phases).toEqual(['berdaya', 'mandiri', 'madani', 'graduated']);
    expect(result.summary.periods).toEqual([
      { period: '2023', assessed: 3, meanOverall: 50, phases: [{ phase: 'berdaya', count: 2 }, { phase: 'mandiri', count: 1 }, { phase: 'madani', count: 0 }, { phase: 'graduated', count: 0 }] },
      { period: '2024', assessed: 3, meanOverall: 52.5, phases: [{ phase: 'berdaya', count: 2 }, { phase: 'mandiri', count: 1 }, { phase: 'madani', count: 0 }, { phase: 'graduated', count: 0 }] },
    ]);
    expect(result.summary.steps).toEqual([
      {
        from: '2023',
        to: '2024',
        matched: 3,
        advanced: 1,
        regressed: 1,
        unchanged: 1,
        transitions: [
          { from: 'berdaya', to: 'berdaya', count: 1 },
          { from: 'berdaya', to: 'mandiri', count: 1 },
          { from: 'mandiri', to: 'berdaya', count: 1 },
        ],
      },
    ]);
  });

  it('keeps the first assessment of a community in a period and reports the rest', () => {
    const result = trendOf(periods([point('a', '2024', 40), point('a', '2024', 70, 'berdaya', { file: 'other.yaml' })], [point('a', '2025', 45)]));
    expect(result.duplicates).toEqual([{ period: '2024', id: 'a', file: 'other.yaml', document: 0, first: { file: '2024/a.yaml', document: 0 } }]);
    expect(only(result.communities)[0]!.series.map((entry) => entry.overall)).toEqual([40, 45]);
  });

  it('continues the overall and principle series across rubric versions', () => {
    const next: TrendLayout = { rubric: { id: 'mini', version: '2.0.0' }, principles: ['b', 'c'], phases: layout.phases };
    const result = trendOf(periods([point('a', '2024', 40)], [point('a', '2025', 50, 'berdaya', { layout: next, principles: [30, 70] })]));
    expect(result.rubricVersionsDiffer).toBe(true);
    expect(result.rubrics).toEqual([{ period: '2024', rubrics: ['mini@1.0.0'] }, { period: '2025', rubrics: ['mini@2.0.0'] }]);
    expect(result.principles).toEqual(['b', 'c', 'a']);
    const series = only(result.communities)[0]!.series;
    expect(series.map((entry) => entry.principles)).toEqual([{ a: 40, b: 20 }, { b: 30, c: 70 }]);
  });
});

describe('periodsOf', () => {
  it('takes one period per set, in the order given, when each set holds one period', () => {
    const grouped = periodsOf([[point('a', '2025', 1)], [point('a', '2024', 2)]]);
    expect(grouped.map((entry) => entry.period)).toEqual(['2025', '2024']);
  });

  it('groups by period, sorted, when a set holds several or only one set is given', () => {
    const grouped = periodsOf([[point('a', '2025', 1), point('a', '2024-06', 2), point('b', '2024-06', 3)]]);
    expect(grouped.map((entry) => [entry.period, entry.points.length])).toEqual([['2024-06', 2], ['2025', 1]]);
    const same = periodsOf([[point('a', '2024', 1)], [point('b', '2024', 2)]]);
    expect(same.map((entry) => [entry.period, entry.points.length])).toEqual([['2024', 2]]);
  });
});
