import type { Rubric, Text } from '../core/model.js';

/** The languages of the tool's own labels and messages. */
export type Language = 'en' | 'id';
export const LANGUAGES: readonly Language[] = ['en', 'id'];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The language of the POSIX locale, when it is one swadaya speaks; C, POSIX and unset locales say nothing. */
export function localeLanguage(env: Readonly<Record<string, string | undefined>>): Language | undefined {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const language = /^([a-z]{2,3})(?:[_.@-]|$)/i.exec(locale)?.[1]?.toLowerCase();
  if (language === undefined) return undefined;
  return isLanguage(language) ? language : undefined;
}

/** The tool's own labels exist in en and id; any other rubric language shows them in English. */
export function toolLanguage(lang: string | undefined): Language {
  return lang !== undefined && isLanguage(lang) ? lang : 'en';
}

/**
 * The one rule for the language of a rubric's texts (titles, questions, actions): the language
 * asked for (--lang, SWADAYA_LANG), else the rubric's first language (docs/commands.md#conventions).
 */
export function textLanguage(requested: Language | undefined, rubric: Pick<Rubric, 'languages'>): string {
  return requested ?? rubric.languages[0] ?? 'en';
}

/**
 * The language of the tool's own labels: the one asked for, else that of the rubric's texts, so
 * one rubric's output reads in one language. Without a rubric (a batch that may mix them): English.
 */
export function outputLanguage(requested: Language | undefined, rubric?: Pick<Rubric, 'languages'>): Language {
  return toolLanguage(requested ?? rubric?.languages[0]);
}

/** A text in the requested language, else in the rubric's default language, else whatever it has. */
export function localize(text: Text | undefined, lang: string, rubric?: Pick<Rubric, 'languages'>): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  // Own keys only: a language named `constructor` must not find Object's constructor.
  const own = (key: string): string | undefined => (Object.hasOwn(text, key) ? text[key] : undefined);
  return own(lang) ?? (rubric ? own(rubric.languages[0] ?? '') : undefined) ?? Object.values(text)[0] ?? '';
}
