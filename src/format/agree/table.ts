import type { ChalkInstance } from 'chalk';
import type { AgreementReport } from '../../core/agree.js';
import { renderTable } from '../long-table.js';
import type { RenderContext } from '../renderer.js';
import { disagreements, levelText, statistic, summaryLines } from './view.js';
import { translator } from '../../i18n/catalogue.js';

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

/** The terminal view: alpha and kappa with their reading, then each group's disagreements, most spread first. */
export function renderAgreeTable(report: AgreementReport, context: RenderContext): string {
  const { language: lang, colors } = context;
  const labels = translator(lang);
  const [title, ...stats] = summaryLines(report, lang);
  const out: string[] = [colors.bold(title!), ...stats, ''];
  out.push(colors.bold(labels('ratings.perPrinciple')));
  out.push(boxTable([labels('ratings.principle'), labels('ratings.alphaShort'), labels('ratings.units')], report.alpha.principles.map((entry) => [entry.id, statistic(entry.alpha, lang), String(entry.units)]), colors, 1), '');
  out.push(colors.bold(labels('ratings.perPair')));
  out.push(boxTable([labels('ratings.pair'), labels('ratings.alphaShort'), labels('ratings.units')], report.pairs.map((pair) => [pair.raters.join(' + '), statistic(pair.alpha, lang), String(pair.units)]), colors, 1), '');
  for (const group of report.groups) {
    out.push(colors.bold(`${group.community.name} (${group.community.id}) · ${group.period} · ${labels('ratings.raters')}: ${group.raters.join(', ')} · ${labels('ratings.alphaShort')} ${statistic(group.alpha, lang)}`));
    const rows = disagreements(group);
    if (rows.length === 0) {
      out.push(labels('ratings.noDisagreement'), '');
      continue;
    }
    const tableRows = rows.map((row) => [
      row.flagged ? colors.red(`⚑ ${row.indicator}`) : `  ${row.indicator}`,
      ...group.raters.map((rater) => levelText(row.levels[rater] ?? null)),
      row.spread === null ? '—' : row.flagged ? colors.red(String(row.spread)) : String(row.spread),
    ]);
    out.push(boxTable([labels('ratings.indicator'), ...group.raters, labels('ratings.spread')], tableRows, colors, 1));
    const same = group.indicators.length - rows.length;
    if (same > 0) out.push(colors.dim(labels('ratings.sameLevel', { count: same })));
    out.push('');
  }
  out.push(colors.dim(labels('ratings.flaggedLegend', { flag: report.flag })));
  return `${out.join('\n')}\n`;
}
