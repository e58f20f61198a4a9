import type { Rubric, Text } from '../core/model.js';

/** The languages of the tool's own labels and messages. */
export type Language = 'en' | 'id';
export const LANGUAGES: readonly Language[] = ['en', 'id'];

/** The tool's own labels exist in en and id; any other rubric language shows them in English. */
export function toolLanguage(lang: string | undefined): Language {
  return lang === 'id' ? 'id' : 'en';
}

/** A text in the requested language, else in the rubric's default language, else whatever it has. */
export function localize(text: Text | undefined, lang: string, rubric?: Pick<Rubric, 'languages'>): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? (rubric ? text[rubric.languages[0] ?? ''] : undefined) ?? Object.values(text)[0] ?? '';
}
