import { scaleBand, scaleLinear } from 'd3-scale';
import { curveLinearClosed, line, lineRadial } from 'd3-shape';
import { esc } from './html.js';
import type { Language } from '../../i18n/language.js';
import { showNumber } from '../numbers.js';

/**
 * The report's charts as SVG strings (docs/report.md). Scales, ticks and shapes come from
 * d3-scale and d3-shape, which run in Node without a DOM; this module only lays them out.
 * Every chart is an accessible image: role="img" with a title and a description, and the
 * report prints its data as a table beside it.
 */

/** Okabe–Ito: a palette that colour-blind readers tell apart. */
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  black: '#000000',
  grey: '#6b6b6b',
  light: '#e6e6e6',
} as const;

export interface ChartText {
  /** Unique in the document: the title's and description's ids derive from it. */
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  /** The reader's language: the figures on a chart carry its decimal mark. */
  readonly lang: Language;
}

const FONT = 11;

/** Rounds coordinates: a national report draws thousands of them. */
const r1 = (value: number): string => String(Math.round(value * 10) / 10);

function svg(text: ChartText, width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${text.id}-t ${text.id}-d">` +
    `<title id="${text.id}-t">${esc(text.title)}</title><desc id="${text.id}-d">${esc(text.desc)}</desc>${body}</svg>`
  );
}

function label(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${r1(x)}" y="${r1(y)}"${attributes}>${esc(content)}</text>`;
}

/** Cuts a label to `max` characters with an ellipsis, so it stays inside the chart. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface RadarAxis {
  readonly label: string;
  readonly value: number | null;
  /** The gate's minimum on this axis, if it has one. */
  readonly threshold: number | null;
}

/** A radar of scores 0–100, one axis per principle, with the gate's minimums as a dashed line. */
export function radarChart(text: ChartText, axes: readonly RadarAxis[]): string {
  const width = 600;
  const height = 310;
  const cx = width / 2;
  const cy = height / 2 + 4;
  const radius = scaleLinear().domain([0, 100]).range([0, 120]);
  const angle = (i: number): number => (2 * Math.PI * i) / Math.max(1, axes.length);
  const point = (i: number, value: number): [number, number] => [cx + radius(value) * Math.sin(angle(i)), cy - radius(value) * Math.cos(angle(i))];
  const parts: string[] = [];
  for (const tick of radius.ticks(5)) {
    if (tick === 0) continue;
    const ring = lineRadial<number>()
      .angle((_, i) => angle(i))
      .radius(() => radius(tick))
      .curve(curveLinearClosed)(axes.map(() => tick));
    parts.push(`<path d="${ring ?? ''}" transform="translate(${cx},${cy})" fill="none" stroke="${PALETTE.light}"/>`);
    parts.push(label(cx + 3, cy - radius(tick) - 2, String(tick), ` font-size="${FONT - 2}" fill="${PALETTE.grey}"`));
  }
  axes.forEach((axis, i) => {
    const [x, y] = point(i, 100);
    parts.push(`<line x1="${cx}" y1="${cy}" x2="${r1(x)}" y2="${r1(y)}" stroke="${PALETTE.light}"/>`);
    const [lx, ly] = point(i, 118);
    const sin = Math.sin(angle(i));
    const anchor = Math.abs(sin) < 0.2 ? 'middle' : sin > 0 ? 'start' : 'end';
    const dy = Math.cos(angle(i)) > 0.5 ? -4 : Math.cos(angle(i)) < -0.5 ? 12 : 4;
    const value = axis.value === null ? '—' : showNumber(axis.value.toFixed(1), text.lang);
    parts.push(label(lx, ly + dy, `${shorten(axis.label, 28)} ${value}`, ` font-size="${FONT}" text-anchor="${anchor}"`));
  });
  const shape = lineRadial<RadarAxis>()
    .angle((_, i) => angle(i))
    .radius((axis) => radius(axis.value ?? 0))
    .curve(curveLinearClosed)(axes as RadarAxis[]);
  parts.push(`<path class="radar-score" d="${shape ?? ''}" transform="translate(${cx},${cy})" fill="${PALETTE.blue}" fill-opacity="0.25" stroke="${PALETTE.blue}" stroke-width="2"/>`);
  axes.forEach((axis, i) => {
    if (axis.value === null) return;
    const [x, y] = point(i, axis.value);
    parts.push(`<circle cx="${r1(x)}" cy="${r1(y)}" r="3" fill="${PALETTE.blue}"/>`);
  });
  const withThreshold = axes.filter((axis) => axis.threshold !== null);
  if (withThreshold.length === axes.length && axes.length >= 3) {
    const gate = lineRadial<RadarAxis>()
      .angle((_, i) => angle(i))
      .radius((axis) => radius(axis.threshold ?? 0))
      .curve(curveLinearClosed)(axes as RadarAxis[]);
    parts.push(`<path class="radar-threshold" d="${gate ?? ''}" transform="translate(${cx},${cy})" fill="none" stroke="${PALETTE.vermillion}" stroke-width="2" stroke-dasharray="6 4"/>`);
  } else {
    axes.forEach((axis, i) => {
      if (axis.threshold === null) return;
      const [x, y] = point(i, axis.threshold);
      parts.push(`<circle class="radar-threshold" cx="${r1(x)}" cy="${r1(y)}" r="5" fill="none" stroke="${PALETTE.vermillion}" stroke-width="2"/>`);
    });
  }
  return svg(text, width, height, parts.join(''));
}

export interface Bar {
  readonly label: string;
  readonly value: number | null;
  readonly threshold: number | null;
}

export interface BarGroup {
  readonly label: string;
  readonly bars: readonly Bar[];
}

/** Horizontal bars 0–100 in groups (pillars by phase), each with its threshold mark. */
export function groupedBarChart(text: ChartText, groups: readonly BarGroup[]): string {
  const width = 640;
  const labelWidth = 250;
  const right = 50;
  const rowHeight = 20;
  const groupGap = 22;
  const x = scaleLinear().domain([0, 100]).range([labelWidth, width - right]);
  const rows = groups.reduce((sum, group) => sum + group.bars.length, 0);
  const height = 24 + rows * rowHeight + groups.length * groupGap + 10;
  const parts: string[] = [];
  const top = 14;
  const bottom = height - 18;
  for (const tick of x.ticks(5)) {
    parts.push(`<line x1="${r1(x(tick))}" y1="${top}" x2="${r1(x(tick))}" y2="${bottom}" stroke="${PALETTE.light}"/>`);
    parts.push(label(x(tick), height - 4, String(tick), ` font-size="${FONT - 1}" text-anchor="middle" fill="${PALETTE.grey}"`));
  }
  let y = top;
  for (const group of groups) {
    y += groupGap;
    parts.push(label(4, y - 6, shorten(group.label, 80), ` font-size="${FONT}" font-weight="bold"`));
    const band = scaleBand<number>().domain(group.bars.map((_, i) => i)).range([y, y + group.bars.length * rowHeight]).padding(0.2);
    group.bars.forEach((bar, i) => {
      const by = band(i) ?? y;
      const below = bar.value !== null && bar.threshold !== null && bar.value < bar.threshold - 1e-9;
      parts.push(label(12, by + band.bandwidth() / 2 + 4, shorten(bar.label, 36), ` font-size="${FONT}"`));
      if (bar.value !== null) {
        parts.push(`<rect class="bar" x="${r1(x(0))}" y="${r1(by)}" width="${r1(x(bar.value) - x(0))}" height="${r1(band.bandwidth())}" fill="${below ? PALETTE.orange : PALETTE.blue}"/>`);
      }
      parts.push(label(x(bar.value ?? 0) + 4, by + band.bandwidth() / 2 + 4, bar.value === null ? '—' : showNumber(bar.value.toFixed(1), text.lang), ` font-size="${FONT - 1}"`));
      if (bar.threshold !== null) {
        const tx = x(bar.threshold);
        parts.push(`<line class="threshold" x1="${r1(tx)}" y1="${r1(by - 3)}" x2="${r1(tx)}" y2="${r1(by + band.bandwidth() + 3)}" stroke="${PALETTE.black}" stroke-width="3"/>`);
      }
    });
    y += group.bars.length * rowHeight;
  }
  return svg(text, width, height, parts.join(''));
}

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface BandRange {
  readonly label: string;
  readonly from: number;
  readonly to: number;
}

/** Counts per score range, over the rubric's bands as shaded backgrounds. */
export function histogramChart(text: ChartText, bins: readonly HistogramBin[], bands: readonly BandRange[]): string {
  const width = 640;
  const height = 260;
  const margin = { top: 40, right: 16, bottom: 30, left: 44 };
  const x = scaleLinear().domain([0, 100]).range([margin.left, width - margin.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...bins.map((bin) => bin.count))])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const parts: string[] = [];
  const shades = ['#f2f2f2', '#dcdcdc'];
  bands.forEach((band, i) => {
    parts.push(`<rect class="band" x="${r1(x(band.from))}" y="4" width="${r1(x(band.to) - x(band.from))}" height="${r1(height - margin.bottom - 4)}" fill="${shades[i % 2]}"/>`);
    parts.push(label((x(band.from) + x(band.to)) / 2, 17, shorten(band.label, Math.max(3, Math.floor((x(band.to) - x(band.from)) / 6))), ` font-size="${FONT - 1}" text-anchor="middle" fill="#333"`));
  });
  for (const tick of y.ticks(5)) {
    if (!Number.isInteger(tick)) continue;
    parts.push(`<line x1="${margin.left}" y1="${r1(y(tick))}" x2="${width - margin.right}" y2="${r1(y(tick))}" stroke="#c8c8c8" stroke-dasharray="2 3"/>`);
    parts.push(label(margin.left - 6, y(tick) + 4, String(tick), ` font-size="${FONT - 1}" text-anchor="end" fill="${PALETTE.grey}"`));
  }
  for (const bin of bins) {
    if (bin.count === 0) continue;
    parts.push(`<rect class="bin" x="${r1(x(bin.from) + 1)}" y="${r1(y(bin.count))}" width="${r1(x(bin.to) - x(bin.from) - 2)}" height="${r1(y(0) - y(bin.count))}" fill="${PALETTE.blue}"/>`);
    parts.push(label((x(bin.from) + x(bin.to)) / 2, y(bin.count) - 3, String(bin.count), ` font-size="${FONT - 2}" text-anchor="middle"`));
  }
  for (const tick of x.ticks(10)) parts.push(label(x(tick), height - margin.bottom + 14, String(tick), ` font-size="${FONT - 1}" text-anchor="middle" fill="${PALETTE.grey}"`));
  parts.push(`<line x1="${margin.left}" y1="${r1(y(0))}" x2="${width - margin.right}" y2="${r1(y(0))}" stroke="#333"/>`);
  return svg(text, width, height, parts.join(''));
}

export interface StackRow {
  readonly label: string;
  readonly parts: readonly { readonly key: string; readonly count: number }[];
}

export interface SeriesStyle {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

/** One horizontal bar per row, split into parts (verdicts by declared phase), with a legend. */
export function stackedBarChart(text: ChartText, rows: readonly StackRow[], series: readonly SeriesStyle[]): string {
  const width = 640;
  const labelWidth = 170;
  const rowHeight = 30;
  const legendHeight = 26;
  const height = legendHeight + rows.length * rowHeight + 14;
  const total = Math.max(1, ...rows.map((row) => row.parts.reduce((sum, part) => sum + part.count, 0)));
  const x = scaleLinear().domain([0, total]).range([labelWidth, width - 20]);
  const band = scaleBand<number>().domain(rows.map((_, i) => i)).range([legendHeight, legendHeight + rows.length * rowHeight]).padding(0.25);
  const parts: string[] = [];
  let lx = 4;
  for (const style of series) {
    parts.push(`<rect x="${lx}" y="4" width="12" height="12" fill="${style.color}"/>`);
    parts.push(label(lx + 16, 14, style.label, ` font-size="${FONT}"`));
    lx += 28 + style.label.length * 6.2;
  }
  rows.forEach((row, i) => {
    const y = band(i) ?? 0;
    parts.push(label(4, y + band.bandwidth() / 2 + 4, shorten(row.label, 26), ` font-size="${FONT}"`));
    let at = 0;
    for (const style of series) {
      const count = row.parts.find((part) => part.key === style.key)?.count ?? 0;
      if (count === 0) continue;
      const x0 = x(at);
      const x1 = x(at + count);
      parts.push(`<rect class="segment" x="${r1(x0)}" y="${r1(y)}" width="${r1(Math.max(1, x1 - x0 - 1))}" height="${r1(band.bandwidth())}" fill="${style.color}"/>`);
      if (x1 - x0 > 18) parts.push(label((x0 + x1) / 2, y + band.bandwidth() / 2 + 4, String(count), ` font-size="${FONT}" text-anchor="middle" fill="${style.color === PALETTE.yellow || style.color === PALETTE.orange || style.color === PALETTE.sky ? '#000' : '#fff'}"`));
      at += count;
    }
  });
  return svg(text, width, height, parts.join(''));
}

export interface RangeRow {
  readonly label: string;
  readonly mean: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly threshold?: number | null;
}

/** For each row (principle) a bar for the mean and a line over the middle half (quartiles). */
export function rangeBarChart(text: ChartText, rows: readonly RangeRow[]): string {
  const width = 640;
  const labelWidth = 170;
  const rowHeight = 30;
  const height = rows.length * rowHeight + 34;
  const x = scaleLinear().domain([0, 100]).range([labelWidth, width - 50]);
  const band = scaleBand<number>().domain(rows.map((_, i) => i)).range([8, 8 + rows.length * rowHeight]).padding(0.3);
  const parts: string[] = [];
  for (const tick of x.ticks(5)) {
    parts.push(`<line x1="${r1(x(tick))}" y1="6" x2="${r1(x(tick))}" y2="${height - 22}" stroke="${PALETTE.light}"/>`);
    parts.push(label(x(tick), height - 8, String(tick), ` font-size="${FONT - 1}" text-anchor="middle" fill="${PALETTE.grey}"`));
  }
  rows.forEach((row, i) => {
    const y = band(i) ?? 0;
    const mid = y + band.bandwidth() / 2;
    parts.push(label(4, mid + 4, shorten(row.label, 26), ` font-size="${FONT}"`));
    if (row.mean !== null) {
      parts.push(`<rect class="bar" x="${r1(x(0))}" y="${r1(y)}" width="${r1(x(row.mean) - x(0))}" height="${r1(band.bandwidth())}" fill="${PALETTE.sky}"/>`);
      parts.push(label(x(Math.max(row.mean, row.high ?? 0)) + 6, mid + 4, showNumber(row.mean.toFixed(1), text.lang), ` font-size="${FONT - 1}"`));
    }
    if (row.low !== null && row.high !== null) {
      parts.push(`<line class="quartiles" x1="${r1(x(row.low))}" y1="${r1(mid)}" x2="${r1(x(row.high))}" y2="${r1(mid)}" stroke="${PALETTE.black}" stroke-width="2"/>`);
      for (const end of [row.low, row.high]) parts.push(`<line x1="${r1(x(end))}" y1="${r1(mid - 5)}" x2="${r1(x(end))}" y2="${r1(mid + 5)}" stroke="${PALETTE.black}" stroke-width="2"/>`);
    }
  });
  return svg(text, width, height, parts.join(''));
}

export interface HeatCell {
  readonly row: number;
  readonly column: number;
  readonly count: number;
}

/** A matrix of counts (phase before × phase after), darker for more. */
export function heatmapChart(text: ChartText, rowLabels: readonly string[], columnLabels: readonly string[], cells: readonly HeatCell[], axis: { readonly rows: string; readonly columns: string }): string {
  const cell = 64;
  const left = 130;
  const top = 56;
  const width = left + columnLabels.length * cell + 16;
  const height = top + rowLabels.length * cell + 12;
  const max = Math.max(1, ...cells.map((entry) => entry.count));
  const shade = scaleLinear<string>().domain([0, max]).range(['#f7fbff', '#08306b']);
  const parts: string[] = [label(left + (columnLabels.length * cell) / 2, 14, axis.columns, ` font-size="${FONT}" font-weight="bold" text-anchor="middle"`)];
  parts.push(label(4, 14, axis.rows, ` font-size="${FONT}" font-weight="bold"`));
  columnLabels.forEach((name, c) => parts.push(label(left + c * cell + cell / 2, top - 8, shorten(name, 11), ` font-size="${FONT}" text-anchor="middle"`)));
  rowLabels.forEach((name, r) => {
    parts.push(label(left - 8, top + r * cell + cell / 2 + 4, shorten(name, 18), ` font-size="${FONT}" text-anchor="end"`));
    columnLabels.forEach((_, c) => {
      const count = cells.find((entry) => entry.row === r && entry.column === c)?.count ?? 0;
      const fill = shade(count);
      parts.push(`<rect class="cell" x="${left + c * cell}" y="${top + r * cell}" width="${cell - 2}" height="${cell - 2}" fill="${fill}" stroke="${r === c ? '#333' : 'none'}"/>`);
      parts.push(label(left + c * cell + cell / 2 - 1, top + r * cell + cell / 2 + 5, String(count), ` font-size="${FONT + 2}" text-anchor="middle" fill="${count > max / 2 ? '#fff' : '#000'}"`));
    });
  });
  return svg(text, width, height, parts.join(''));
}

export interface DumbbellRow {
  readonly label: string;
  readonly before: number;
  readonly after: number;
}

/** Before (hollow) and after (filled) on one line per community, blue for a rise, vermillion for a fall. */
export function dumbbellChart(text: ChartText, rows: readonly DumbbellRow[]): string {
  const width = 640;
  const labelWidth = 210;
  const rowHeight = 22;
  const height = rows.length * rowHeight + 34;
  const x = scaleLinear().domain([0, 100]).range([labelWidth, width - 60]);
  const band = scaleBand<number>().domain(rows.map((_, i) => i)).range([8, 8 + rows.length * rowHeight]);
  const parts: string[] = [];
  for (const tick of x.ticks(5)) {
    parts.push(`<line x1="${r1(x(tick))}" y1="6" x2="${r1(x(tick))}" y2="${height - 22}" stroke="${PALETTE.light}"/>`);
    parts.push(label(x(tick), height - 8, String(tick), ` font-size="${FONT - 1}" text-anchor="middle" fill="${PALETTE.grey}"`));
  }
  rows.forEach((row, i) => {
    const mid = (band(i) ?? 0) + band.bandwidth() / 2;
    const color = row.after >= row.before ? PALETTE.blue : PALETTE.vermillion;
    parts.push(label(4, mid + 4, shorten(row.label, 34), ` font-size="${FONT}"`));
    parts.push(`<line x1="${r1(x(row.before))}" y1="${r1(mid)}" x2="${r1(x(row.after))}" y2="${r1(mid)}" stroke="${color}" stroke-width="3"/>`);
    parts.push(`<circle class="before" cx="${r1(x(row.before))}" cy="${r1(mid)}" r="5" fill="#fff" stroke="${color}" stroke-width="2"/>`);
    parts.push(`<circle class="after" cx="${r1(x(row.after))}" cy="${r1(mid)}" r="5" fill="${color}"/>`);
    const delta = row.after - row.before;
    parts.push(label(x(Math.max(row.before, row.after)) + 10, mid + 4, `${delta >= 0 ? '+' : '−'}${showNumber(Math.abs(delta).toFixed(1), text.lang)}`, ` font-size="${FONT - 1}" fill="${color}"`));
  });
  return svg(text, width, height, parts.join(''));
}

export interface DivergingRow {
  readonly label: string;
  readonly value: number | null;
}

/** Bars left (falls) and right (rises) of zero. */
export function divergingBarChart(text: ChartText, rows: readonly DivergingRow[]): string {
  const width = 640;
  const labelWidth = 170;
  const rowHeight = 28;
  const height = rows.length * rowHeight + 34;
  const extent = Math.max(5, ...rows.map((row) => Math.abs(row.value ?? 0)));
  const x = scaleLinear().domain([-extent, extent]).nice().range([labelWidth, width - 50]);
  const band = scaleBand<number>().domain(rows.map((_, i) => i)).range([8, 8 + rows.length * rowHeight]).padding(0.25);
  const parts: string[] = [];
  for (const tick of x.ticks(6)) {
    parts.push(`<line x1="${r1(x(tick))}" y1="6" x2="${r1(x(tick))}" y2="${height - 22}" stroke="${tick === 0 ? '#333' : PALETTE.light}"/>`);
    parts.push(label(x(tick), height - 8, tick > 0 ? `+${tick}` : String(tick).replace('-', '−'), ` font-size="${FONT - 1}" text-anchor="middle" fill="${PALETTE.grey}"`));
  }
  rows.forEach((row, i) => {
    const y = band(i) ?? 0;
    const mid = y + band.bandwidth() / 2;
    parts.push(label(4, mid + 4, shorten(row.label, 26), ` font-size="${FONT}"`));
    if (row.value === null) return;
    const x0 = x(Math.min(0, row.value));
    const x1 = x(Math.max(0, row.value));
    const color = row.value >= 0 ? PALETTE.blue : PALETTE.vermillion;
    parts.push(`<rect class="bar" x="${r1(x0)}" y="${r1(y)}" width="${r1(Math.max(1, x1 - x0))}" height="${r1(band.bandwidth())}" fill="${color}"/>`);
    const figure = `${row.value >= 0 ? '+' : '−'}${showNumber(Math.abs(row.value).toFixed(1), text.lang)}`;
    parts.push(label(row.value >= 0 ? x1 + 4 : x0 - 4, mid + 4, figure, ` font-size="${FONT - 1}"${row.value >= 0 ? '' : ' text-anchor="end"'}`));
  });
  return svg(text, width, height, parts.join(''));
}

export interface SeriesPoint {
  /** Position on the time axis, 0 = the first period. */
  readonly index: number;
  readonly value: number | null;
}

/**
 * A small line chart of one community's overall score across the periods (0–100), for a grid of
 * small multiples: every chart has the same scales, so their lines compare. A period without a
 * score breaks the line.
 */
export function smallLineChart(text: ChartText, periods: readonly string[], points: readonly SeriesPoint[]): string {
  const width = 180;
  const height = 90;
  const x = scaleLinear().domain([0, Math.max(1, periods.length - 1)]).range([26, width - 10]);
  const y = scaleLinear().domain([0, 100]).range([height - 18, 8]);
  const parts: string[] = [];
  for (const tick of [0, 50, 100]) {
    parts.push(`<line x1="26" x2="${width - 10}" y1="${r1(y(tick))}" y2="${r1(y(tick))}" stroke="${PALETTE.light}"/>`);
    parts.push(label(22, y(tick) + 3, String(tick), ` font-size="8" text-anchor="end" fill="${PALETTE.grey}"`));
  }
  periods.forEach((period, index) => parts.push(label(x(index), height - 5, period, ` font-size="8" text-anchor="middle" fill="${PALETTE.grey}"`)));
  const path = line<SeriesPoint>()
    .defined((point) => point.value !== null)
    .x((point) => x(point.index))
    .y((point) => y(point.value ?? 0))(points as SeriesPoint[]);
  if (path) parts.push(`<path d="${path}" fill="none" stroke="${PALETTE.blue}" stroke-width="2"/>`);
  for (const point of points) {
    if (point.value !== null) parts.push(`<circle cx="${r1(x(point.index))}" cy="${r1(y(point.value))}" r="2.5" fill="${PALETTE.blue}"/>`);
  }
  return svg(text, width, height, parts.join(''));
}
