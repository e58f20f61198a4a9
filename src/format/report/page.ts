import { esc } from './html.js';

/**
 * The report's style sheet: inline, so the file works from a USB stick. Screen and A4 print:
 * every community starts on a new page, no chart or table row is cut (docs/report.md).
 */
export const REPORT_CSS = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #cfcfcf; --blue: #0072B2; --orange: #E69F00; --vermillion: #D55E00; --green: #009E73; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 14px; color: var(--ink); background: #fff; }
body { margin: 0; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 28px 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 3px; }
h3 { font-size: 1.1rem; margin: 20px 0 6px; }
p { margin: 6px 0; line-height: 1.45; }
.muted, .generated { color: var(--muted); font-size: 0.9rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 6px 18px; margin: 12px 0; padding: 0; }
.facts div { border-left: 3px solid var(--rule); padding: 2px 8px; }
.facts dt { font-size: 0.8rem; color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; }
.verdict { display: inline-block; padding: 1px 8px; border-radius: 3px; font-weight: 700; border: 2px solid currentColor; }
.verdict-ready { color: #00694d; }
.verdict-graduated { color: #00507e; }
.verdict-not-ready { color: #a94300; }
.verdict-insufficient-evidence { color: #7a5400; }
table { border-collapse: collapse; margin: 8px 0; font-size: 0.9rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
table.groups, table.warnings { font-size: 0.8rem; }
table.warnings td { overflow-wrap: anywhere; }
tr { break-inside: avoid; page-break-inside: avoid; }
th.group { background: #f2f2f2; font-weight: 700; }
tbody th { font-weight: 600; }
.status-pass { color: #00694d; font-weight: 600; }
.status-fail { color: #a94300; font-weight: 600; }
.status-unknown { color: #7a5400; font-weight: 600; }
.status-na { color: var(--muted); }
figure.chart { margin: 14px 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: 700; margin-bottom: 4px; }
.chart-body { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.chart-svg { max-width: min(100%, 600px); height: auto; flex: 0 1 auto; min-width: 0; font-family: inherit; }
.chart-data { flex: 1 1 300px; min-width: 240px; }
.chart-data table { font-size: 0.82rem; }
ol.path { padding-left: 1.6em; }
ol.path li { margin: 6px 0; break-inside: avoid; page-break-inside: avoid; }
ol.path .levels { color: var(--muted); }
ol.path .moves { color: var(--muted); font-size: 0.85rem; }
.note { border-left: 4px solid var(--orange); padding: 4px 10px; background: #fff8e6; margin: 8px 0; }
.answers { table-layout: fixed; }
.answers th:nth-child(1) { width: 46%; }
.answers th:nth-child(2) { width: 14%; }
.answers th:nth-child(3) { width: 22%; }
.answers th:nth-child(4) { width: 18%; }
.answers td { overflow-wrap: anywhere; }
.answers ul { margin: 0; padding-left: 1.1em; }
section.community { margin-top: 8px; }
section.community + section.community { border-top: 3px double var(--ink); margin-top: 36px; padding-top: 8px; }
.charts { display: grid; grid-template-columns: 1fr; gap: 0 18px; }
section.compact figure.chart { margin: 4px 0; }
section.compact .chart-body { flex-wrap: nowrap; gap: 10px; }
section.compact .chart-svg { flex: 0 0 44%; width: 44%; }
section.compact .radar .chart-svg { flex: 0 0 38%; width: 38%; }
section.compact .chart-data { flex: 1 1 45%; min-width: 0; }
section.compact table { font-size: 0.74rem; margin: 2px 0; }
section.compact th, section.compact td { padding: 1px 4px; }
section.compact .facts { grid-template-columns: repeat(5, 1fr); margin: 4px 0; gap: 3px 10px; }
section.compact .facts dt { font-size: 0.72rem; }
section.compact .facts dd { font-size: 0.85rem; }
section.compact h2 { margin: 0 0 4px; }
section.compact h3 { margin: 8px 0 3px; font-size: 1rem; }
section.compact ol.path li { margin: 2px 0; font-size: 0.82rem; }
section.compact p { margin: 3px 0; }
td.status { white-space: nowrap; }
.small-lines { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 0 18px; }
.small-lines figure.chart { margin: 8px 0; }
.small-lines figure.chart figcaption { font-size: 0.9rem; }
.small-lines .chart-body { flex-direction: column; gap: 2px; }
.small-lines .chart-data { flex: 0 0 auto; min-width: 0; width: 100%; }
.legend-swatch { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: -0.1em; margin-right: 4px; }
@page { size: A4; margin: 12mm 11mm; }
@media print {
  html { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  section.community { break-before: page; page-break-before: always; }
  section.community.first { break-before: auto; page-break-before: auto; }
  section.community + section.community { border-top: none; margin-top: 0; padding-top: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure.chart, .chart-svg, table.answers tr { break-inside: avoid; page-break-inside: avoid; }
th.group { background: #f2f2f2; font-weight: 700; }
tbody th { font-weight: 600; }
  .chart-svg { max-height: 120mm; }
  /* A compact community page is one A4 page: sized to fit, and never allowed to spill onto a second. */
  section.compact { font-size: 8.5pt; max-height: 266mm; overflow: hidden; margin-top: 0; }
  section.compact h2 { font-size: 13pt; }
  a { color: inherit; text-decoration: none; }
}
`;

export interface PageSpec {
  /** The `lang` attribute: the language of the rubric texts shown. */
  readonly lang: string;
  readonly title: string;
  readonly body: string;
}

/**
 * A complete HTML document. The Content-Security-Policy forbids every request: no script, no
 * font, no image from anywhere (the charts are inline SVG), so the file works offline.
 */
export function page(spec: PageSpec): string {
  return (
    `<!DOCTYPE html>\n<html lang="${esc(spec.lang)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${esc(spec.title)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n<main>\n${spec.body}\n</main>\n</body>\n</html>\n`
  );
}
