import type { AgreementReport } from '../../core/agree.js';
import { markdownCell, markdownRow } from '../markdown.js';
import type { RenderContext } from '../renderer.js';
import { disagreements, levelText, statistic, summaryLines } from './view.js';
import { translator } from '../../i18n/catalogue.js';

/** The same as the table, as Markdown for a report or an issue. */
export function renderAgreeMarkdown(report: AgreementReport, context: RenderContext): string {
  const lang = context.language;
  const labels = translator(lang);
  const [title, ...stats] = summaryLines(report, lang);
  const out: string[] = [`# ${markdownCell(title!)}`, '', ...stats.map((line) => `- ${markdownCell(line)}`), ''];
  out.push(`## ${labels('ratings.perPrinciple')}`, '', markdownRow([labels('ratings.principle'), labels('ratings.alphaShort'), labels('ratings.units')]), '|---|---:|---:|');
  for (const entry of report.alpha.principles) out.push(markdownRow([markdownCell(entry.id), statistic(entry.alpha, lang), String(entry.units)]));
  out.push('', `## ${labels('ratings.perPair')}`, '', markdownRow([labels('ratings.pair'), labels('ratings.alphaShort'), labels('ratings.units')]), '|---|---:|---:|');
  for (const pair of report.pairs) out.push(markdownRow([markdownCell(pair.raters.join(' + ')), statistic(pair.alpha, lang), String(pair.units)]));
  for (const group of report.groups) {
    out.push('', `## ${markdownCell(`${group.community.name} (${group.community.id}) · ${group.period}`)}`, '');
    out.push(`${labels('ratings.raters')}: ${markdownCell(group.raters.join(', '))} · ${labels('ratings.alphaShort')} ${statistic(group.alpha, lang)}`, '');
    const rows = disagreements(group);
    if (rows.length === 0) {
      out.push(labels('ratings.noDisagreement'));
      continue;
    }
    out.push(markdownRow([labels('ratings.indicator'), ...group.raters.map(markdownCell), labels('ratings.spread')]), `|---|${group.raters.map(() => '---:|').join('')}---:|`);
    for (const row of rows) {
      out.push(markdownRow([`${row.flagged ? '⚑ ' : ''}${markdownCell(row.indicator)}`, ...group.raters.map((rater) => levelText(row.levels[rater] ?? null)), row.spread === null ? '—' : row.flagged ? `**${row.spread}**` : String(row.spread)]));
    }
    const same = group.indicators.length - rows.length;
    if (same > 0) out.push('', labels('ratings.sameLevel', { count: same }));
  }
  out.push('', labels('ratings.flaggedLegend', { flag: report.flag }));
  return `${out.join('\n')}\n`;
}
