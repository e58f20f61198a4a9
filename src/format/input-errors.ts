import type { Finding } from '../core/finding.js';
import type { Language } from '../i18n/language.js';
import { formatFinding } from '../i18n/messages.js';
import { NAMED_FAILURES } from '../i18n/gate-messages.js';
import { t } from '../i18n/catalogue.js';

/**
 * What a diff says when some of its inputs had errors (docs/ci.md): their assessments were left
 * out, so a community may show as added or removed only because its file could not be read.
 */
export function inputErrorsHeadline(errors: number, lang: Language): string {
  return t(lang, 'diff.inputErrors', { errors });
}

/** The error lines themselves, the first NAMED_FAILURES of them and a count of the rest. */
export function inputErrorLines(errors: readonly Finding[], lang: Language): string[] {
  const lines = errors.slice(0, NAMED_FAILURES).map((finding) => formatFinding(finding, lang));
  if (errors.length > NAMED_FAILURES) lines.push(t(lang, 'moreLines', { count: errors.length - NAMED_FAILURES }));
  return lines;
}
