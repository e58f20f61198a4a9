import type { AgreementReport } from '../../core/agree.js';
import { fillLabel } from '../../i18n/fill-label.js';
import { ratingsLabelsFor } from '../../i18n/ratings-labels.js';
import { markdownCell, markdownRow } from '../markdown.js';
import type { RenderContext } from '../renderer.js';
import { disagreements, levelText, statistic, summaryLines } from './view.js';

/** The same as the table, as Markdown for a report or an issue. */
export function renderAgreeMarkdown(report: AgreementReport, context: RenderContext): string {
  const lang = context.language;
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
      out.push(markdownRow([`${row.flagged ? '⚑ ' : ''}${markdownCell(row.indicator)}`, ...group.raters.map((rater) => levelText(row.levels[rater] ?? null)), row.spread === null ? '—' : row.flagged ? `**${row.spread}**` : String(row.spread)]));
    }
    const same = group.indicators.length - rows.length;
    if (same > 0) out.push('', fillLabel(labels.sameLevel, { count: same }));
  }
  out.push('', fillLabel(labels.flaggedLegend, { flag: report.flag }));
  return `${out.join('\n')}\n`;
}
