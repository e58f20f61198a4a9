import type { Language } from '../language.js';

/**
 * One text of the catalogue in both languages (src/i18n/catalogue.ts). A wording is a string
 * whose `{name}` places are filled from the parameters, or a function of its parameters when
 * the words depend on them (an optional part, a choice of words).
 */
export type Wording = string | ((params: never) => string);
export interface Entry {
  readonly en: Wording;
  readonly id: Wording;
}
export type Section = Readonly<Record<string, Entry>>;
export type Value = string | number;

/** The parameters of a finding's wording: whatever the finding carries (src/core/finding.ts). */
export type Args = Readonly<Record<string, Value>>;

/** Fills the `{name}` places of a wording: fill('Saved to {file}', {file: 'x.yaml'}). A place without a value stays as written. */
export function fill(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.indexOf('{') === -1 ? template : template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A word of a section in `lang`, for wordings that are built from other words of the same catalogue. */
export function pick(entry: Entry, lang: Language, params: Readonly<Record<string, unknown>> = {}): string {
  const wording = entry[lang];
  return typeof wording === 'function' ? (wording as (params: unknown) => string)(params) : fill(wording, params);
}

/** The entry of a finding code: worded from the finding's args. */
export interface FindingEntry {
  readonly en: (args: Args) => string;
  readonly id: (args: Args) => string;
}
