import { t } from './catalogue.js';
import type { Language } from './language.js';

/**
 * A number written for people in `lang`: `56.9` in English, `56,9` in Indonesian
 * (docs/commands.md#numbers). Machine outputs (JSON, YAML, CSV unless asked, SARIF, JUnit,
 * GitLab, GitHub annotations) keep the `.` and never pass through here.
 */
export function withDecimalMark(figure: string, lang: Language): string {
  const mark = t(lang, 'decimalMark');
  return mark === '.' ? figure : figure.replace('.', mark);
}
