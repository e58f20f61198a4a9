import type { ChalkInstance } from 'chalk';
import type { Finding } from '../core/finding.js';
import type { Language } from '../i18n/language.js';
import { formatFinding } from '../i18n/messages.js';

/** Findings for a terminal, one `file:line:column: …` line each: errors in red, warnings in yellow. */
export function findingLines(findings: readonly Finding[], language: Language, colors: ChalkInstance): string {
  return findings
    .map((finding) => {
      const text = formatFinding(finding, language);
      return `${finding.severity === 'error' ? colors.red(text) : colors.yellow(text)}\n`;
    })
    .join('');
}
