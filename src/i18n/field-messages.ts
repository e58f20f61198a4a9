import type { Finding } from '../core/finding.js';
import type { Language } from './language.js';
import { t } from './catalogue.js';
import { messageOf } from './messages.js';

/** `kobo.csv row 5, column H (integration/…): error [code] message`: rows and column letters as a spreadsheet shows them. */
export function formatRowFinding(finding: Finding, lang: Language): string {
  let place = finding.file;
  if (finding.line !== undefined) place += ` ${t(lang, 'row')} ${finding.line}`;
  if (finding.column !== undefined && finding.args.letter !== undefined) place += `, ${t(lang, 'column')} ${finding.args.letter} (${finding.args.column})`;
  return `${place}: ${t(lang, finding.severity === 'error' ? 'severity.error' : 'severity.warning')} [${finding.code}] ${messageOf(finding, lang)}`;
}
