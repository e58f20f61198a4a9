import type { DiffResult } from '../../core/diff-types.js';
import type { Finding } from '../../core/finding.js';
import type { Rubric } from '../../core/model.js';
import { localize, textLanguage, type Language } from '../../i18n/language.js';
import { phaseName } from '../titles.js';
import type { CsvOptions } from '../csv.js';

/** Titles of the rubric's areas in the chosen language; ids where no rubric names them. */
export interface DiffNames {
  principle(id: string): string;
  phase(id: string): string;
}

/** What a diff renderer is given: the comparison, the names of its areas, and the two sides as typed. */
export interface DiffReport extends CsvOptions {
  readonly diff: DiffResult;
  readonly names: DiffNames;
  /** The before and after paths as given on the command line. */
  readonly sides: { readonly before: string; readonly after: string };
  /** Errors in the inputs: every format says the diff is incomplete (docs/ci.md). */
  readonly inputErrors: readonly Finding[];
}

/** Names from the rubrics the sides were scored with, the first rubric that knows an id winning. */
export function namesFromRubrics(rubrics: readonly Rubric[], requested: Language | undefined, language: Language): DiffNames {
  const principle = new Map<string, string>();
  for (const rubric of rubrics) {
    const textLang = textLanguage(requested, rubric);
    for (const item of rubric.principles) if (!principle.has(item.id)) principle.set(item.id, localize(item.title, textLang, rubric));
  }
  return {
    principle: (id) => principle.get(id) ?? id,
    phase: (id) => phaseName(id, language),
  };
}
