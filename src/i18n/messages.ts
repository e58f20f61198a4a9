import type { Finding } from '../core/finding.js';
import type { Language } from './language.js';
import { terminalSafe } from '../core/terminal-text.js';
import { lookup, t } from './catalogue.js';
import { FINDINGS } from './catalogue/findings.js';

/** Every finding code of ours: keys of the catalogue (src/i18n/catalogue/findings.ts), so a code without wording does not compile where this type is used. */
export type FindingCode = keyof typeof FINDINGS;

/** A finding in words, from the catalogue; a code it does not know shows with its args. */
export function messageOf(finding: Pick<Finding, 'code' | 'args'>, lang: Language): string {
  return lookup(lang, finding.code, finding.args) ?? `${finding.code} ${JSON.stringify(finding.args)}`;
}

export function hasMessage(code: string): code is FindingCode {
  return Object.hasOwn(FINDINGS, code);
}

/** Every finding code the catalogue words, in catalogue order (the SARIF rules list them all). */
export function findingCodes(): readonly FindingCode[] {
  return Object.keys(FINDINGS) as FindingCode[];
}

/** `file:line:column: error [code] message`, the form editors and terminals link. */
export function formatFinding(finding: Finding, lang: Language): string {
  const place = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}:${finding.column ?? 1}`;
  const severity = t(lang, finding.severity === 'error' ? 'severity.error' : 'severity.warning');
  // Names from files (keys, ids, paths) may hold control or bidi characters: shown escaped.
  return terminalSafe(`${place}: ${severity} [${finding.code}] ${messageOf(finding, lang)}`);
}
