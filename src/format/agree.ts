import type { ChalkInstance } from 'chalk';
import type { AgreementReport, GroupAgreement, IndicatorAgreement, RatedLevel } from '../core/agree.js';
import { fillLabel } from '../i18n/fill-label.js';
import type { Language } from '../i18n/language.js';
import { ratingsLabelsFor } from '../i18n/ratings-labels.js';
import { VERSION } from '../version.js';
import { renderTable } from './long-table.js';
import { markdownCell, markdownRow } from './markdown.js';
import { round4 } from '../contract/rounding.js';

export type AgreeFormat = 'table' | 'json' | 'csv' | 'markdown';

export interface AgreeRenderOptions {
  readonly lang: Language;
  readonly colors: ChalkInstance;
}

/** Alpha and kappa in output: 4 decimals, null where undefined (docs/ratings.md). */
export function roundStatistic(value: number | null): number | null {
  return value === null ? null : round4(value);
}

/** The JSON contract `swadaya/agree@1` (schemas/agree.schema.json, docs/ratings.md). */
export function agreeJson(report: AgreementReport): Record<string, unknown> {
  return {
    schema: 'swadaya/agree@1',
    tool: { name: 'swadaya', version: VERSION },
    metric: 'ordinal',
    flag: report.flag,
    alpha: {
      overall: roundStatistic(report.alpha.overall),
      principles: Object.fromEntries(report.alpha.principles.map((entry) => [entry.id, roundStatistic(entry.alpha)])),
      units: report.alpha.units,
      values: report.alpha.values,
    },
    pairs: report.pairs.map((pair) => ({ raters: [...pair.raters], alpha: roundStatistic(pair.alpha), units: pair.units })),
    kappa: roundStatistic(report.kappa),
    groups: report.groups.map((group) => ({
      community: { id: group.community.id, name: group.community.name },
      period: group.period,
      raters: [...group.raters],
      rubric: `${group.rubric.id}@${group.rubric.version}`,
      files: [...group.files],
      alpha: roundStatistic(group.alpha),
      flagged: group.flagged.map((row) => ({ indicator: row.indicator, principle: row.principle, levels: { ...row.levels }, spread: row.spread })),
      indicators: group.indicators.map((row) => ({ ...row, levels: { ...row.levels } })),
    })),
  };
}

export function renderAgreeJson(report: AgreementReport): string {
  return `${JSON.stringify(agreeJson(report), null, 2)}\n`;
}

function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per rating of an indicator, in the order of the report; stable, untranslated headers. */
export function renderAgreeCsv(report: AgreementReport): string {
  const lines = [['community_id', 'community_name', 'period', 'indicator', 'principle', 'rater', 'level', 'spread', 'flagged']];
  for (const group of report.groups) {
    for (const row of group.indicators) {
      for (const rater of group.raters) {
        const level = row.levels[rater] ?? null;
        lines.push([group.community.id, group.community.name, group.period, row.indicator, row.principle, rater, level === null ? '' : String(level), row.spread === null ? '' : String(row.spread), String(row.flagged)]);
      }
    }
  }
  return lines.map((fields) => `${fields.map(csvField).join(',')}\n`).join('');
}

/** 0.8123, or "undefined" in words. */
function statistic(value: number | null, lang: Language): string {
  return value === null ? ratingsLabelsFor(lang).undefinedValue : round4(value).toFixed(4);
}

/** Krippendorff's reading of alpha: ≥ 0.800 reliable, ≥ 0.667 tentative, below not reliable. */
function reading(value: number | null, lang: Language): string {
  const labels = ratingsLabelsFor(lang);
  if (value === null) return '';
  return value >= 0.8 ? labels.reliable : value >= 0.667 ? labels.tentative : labels.unreliable;
}

function levelText(level: RatedLevel): string {
  return level === null ? '—' : level === 'na' ? 'n/a' : String(level);
}

/** The rows a meeting needs: every indicator on which the raters differ (spread > 0), most spread first. */
function disagreements(group: GroupAgreement): IndicatorAgreement[] {
  return group.indicators.filter((row) => row.spread !== null && row.spread > 0);
}

function summaryLines(report: AgreementReport, lang: Language): string[] {
  const labels = ratingsLabelsFor(lang);
  const ratings = report.groups.reduce((sum, group) => sum + group.raters.length, 0);
  const alpha = report.alpha.overall;
  const kappa = report.groups.every((group) => group.raters.length === 2)
    ? `${statistic(report.kappa, lang)}  ${fillLabel(labels.overUnits, { units: report.kappaUnits })}`
    : labels.kappaOnlyTwo;
  return [
    fillLabel(labels.agreeTitle, { ratings, groups: report.groups.length }),
    `${labels.alpha}: ${statistic(alpha, lang)}  ${fillLabel(labels.overUnits, { units: report.alpha.units })}${alpha === null ? '' : `  — ${reading(alpha, lang)}`}`,
    `${labels.kappa}: ${kappa}`,
  ];
}

function boxTable(head: readonly string[], rows: readonly (readonly string[])[], colors: ChalkInstance, alignRightFrom: number): string {
  return renderTable(
    {
      head: head.map((text) => colors.bold(text)),
      style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
      colAligns: head.map((_, index) => (index >= alignRightFrom ? 'right' : 'left')),
    },
    rows,
  );
}

export function renderAgreeTable(report: AgreementReport, options: AgreeRenderOptions): string {
  const { lang, colors } = options;
  const labels = ratingsLabelsFor(lang);
  const [title, ...stats] = summaryLines(report, lang);
  const out: string[] = [colors.bold(title!), ...stats, ''];
  out.push(colors.bold(labels.perPrinciple));
  out.push(boxTable([labels.principle, labels.alphaShort, labels.units], report.alpha.principles.map((entry) => [entry.id, statistic(entry.alpha, lang), String(entry.units)]), colors, 1), '');
  out.push(colors.bold(labels.perPair));
  out.push(boxTable([labels.pair, labels.alphaShort, labels.units], report.pairs.map((pair) => [pair.raters.join(' + '), statistic(pair.alpha, lang), String(pair.units)]), colors, 1), '');
  for (const group of report.groups) {
    out.push(colors.bold(`${group.community.name} (${group.community.id}) · ${group.period} · ${labels.raters}: ${group.raters.join(', ')} · ${labels.alphaShort} ${statistic(group.alpha, lang)}`));
    const rows = disagreements(group);
    if (rows.length === 0) {
      out.push(labels.noDisagreement, '');
      continue;
    }
    const tableRows = rows.map((row) => [
      row.flagged ? colors.red(`⚑ ${row.indicator}`) : `  ${row.indicator}`,
      ...group.raters.map((rater) => levelText(row.levels[rater] ?? null)),
      row.flagged ? colors.red(String(row.spread)) : String(row.spread),
    ]);
    out.push(boxTable([labels.indicator, ...group.raters, labels.spread], tableRows, colors, 1));
    const same = group.indicators.length - rows.length;
    if (same > 0) out.push(colors.dim(fillLabel(labels.sameLevel, { count: same })));
    out.push('');
  }
  out.push(colors.dim(fillLabel(labels.flaggedLegend, { flag: report.flag })));
  return `${out.join('\n')}\n`;
}

export function renderAgreeMarkdown(report: AgreementReport, options: AgreeRenderOptions): string {
  const { lang } = options;
  const labels = ratingsLabelsFor(lang);
  const [title, ...stats] = summaryLines(report, lang);
  const out: string[] = [`# ${markdownCell(title!)}`, '', ...stats.map((line) => `- ${markdownCell(line)}`), ''];
  out.push(`## ${labels.perPrinciple}`, '', markdownRow([labels.principle, labels.alphaShort, labels.units]), '|---|---:|---:|');
  for (const entry of report.alpha.principles) out.push(markdownRow([markdownCell(entry.id), statistic(entry.alpha, lang), String(entry.units)]));
  out.push('', `## ${labels.perPair}`, '', markdownRow([labels.pair, labels.alphaShort, labels.units]), '|---|---:|---:|');
  for (const pair of report.pairs) out.push(markdownRow([markdownCell(pair.raters.join(' + ')), statistic(pair.alpha, lang), String(pair.units)]));
  for (const group of report.groups) {
    out.push('', `## ${markdownCell(`${group.community.name} (${group.community.id}) · ${group.period}`)}`, '');
    out.push(`${labels.raters}: ${markdownCell(group.raters.join(', '))} · ${labels.alphaShort} ${statistic(group.alpha, lang)}`, '');
    const rows = disagreements(group);
    if (rows.length === 0) {
      out.push(labels.noDisagreement);
      continue;
    }
    out.push(markdownRow([labels.indicator, ...group.raters.map(markdownCell), labels.spread]), `|---|${group.raters.map(() => '---:|').join('')}---:|`);
    for (const row of rows) {
      out.push(markdownRow([`${row.flagged ? '⚑ ' : ''}${markdownCell(row.indicator)}`, ...group.raters.map((rater) => levelText(row.levels[rater] ?? null)), row.flagged ? `**${row.spread}**` : String(row.spread)]));
    }
    const same = group.indicators.length - rows.length;
    if (same > 0) out.push('', fillLabel(labels.sameLevel, { count: same }));
  }
  out.push('', fillLabel(labels.flaggedLegend, { flag: report.flag }));
  return `${out.join('\n')}\n`;
}

/** The renderers of `swadaya agree`, by --format. json and csv never carry colour. */
export const agreeRenderers: Readonly<Record<AgreeFormat, (report: AgreementReport, options: AgreeRenderOptions) => string>> = {
  table: renderAgreeTable,
  json: (report) => renderAgreeJson(report),
  csv: (report) => renderAgreeCsv(report),
  markdown: renderAgreeMarkdown,
};
