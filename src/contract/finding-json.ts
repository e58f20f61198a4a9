import type { Finding } from '../core/finding.js';
import type { Language } from '../i18n/language.js';
import { messageOf } from '../i18n/messages.js';

/** A finding as `score` and `validate` publish it in JSON (docs/json-output.md#errors). */
export function findingJson(finding: Finding, language: Language): Record<string, unknown> {
  return {
    file: finding.file,
    line: finding.line ?? null,
    column: finding.column ?? null,
    code: finding.code,
    message: messageOf(finding, language),
  };
}
