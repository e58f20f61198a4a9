import { SwadayaError } from '../errors.js';
import type { Language } from '../i18n/language.js';
import { formatFinding } from '../i18n/messages.js';
import { RubricFinder, type RubricSearch } from './rubric-finder.js';
import { rubricCheckPath, type LoadedRubric } from './rubric-loader.js';
import { t } from '../i18n/catalogue.js';

/** Loads a rubric named by id or path for a command that needs exactly one, or throws a SwadayaError that says why. */
export async function requireRubric(reference: string, search: RubricSearch, lang: Language): Promise<LoadedRubric & { rubric: NonNullable<LoadedRubric['rubric']> }> {
  const finder = new RubricFinder(search);
  const found = await finder.find(reference, reference);
  if ('code' in found) throw new SwadayaError(found.code, formatFinding(found, lang));
  if (!found.rubric) {
    const errors = found.findings.filter((finding) => finding.severity === 'error');
    throw new SwadayaError('rubric-invalid', errors.map((finding) => formatFinding(finding, lang)).join('\n'), 2, t(lang, 'rubricFixHint', { path: rubricCheckPath(found) }));
  }
  return found as LoadedRubric & { rubric: NonNullable<LoadedRubric['rubric']> };
}
