import type { Language } from './language.js';
import { fill, type Entry, type Section } from './catalogue/wording.js';
import { CLI } from './catalogue/cli.js';
import { MESSAGES } from './catalogue/messages.js';
import { WORDS } from './catalogue/words.js';
import type { COMMAND_SECTIONS } from './catalogue/command-sections.js';

/**
 * The one message catalogue: every user-facing word of ours, in English and Indonesian
 * (docs/architecture.md#the-message-catalogue). A key is typed, and so are its parameters;
 * an entry without both languages does not compile (`Entry` needs `en` and `id`). The sections,
 * each in its own file under catalogue/, are merged into one table; their keys are disjoint
 * (test/i18n/catalogue.test.ts).
 *
 * The command line needs three sections before a command runs: its help, its errors and the
 * words they use. The others (findings, labels, reports, rules …), four fifths of the text, are
 * loaded by `loadCatalogue` when a command runs, so `--help` and `--version` never compile them.
 */
const STARTUP_SECTIONS = [WORDS, MESSAGES, CLI] as const satisfies readonly Section[];
type Merged<List extends readonly unknown[]> = List extends readonly [infer First, ...infer Rest] ? First & Merged<Rest> : unknown;
/**
 * Merged into a table without a prototype, which V8 keeps as a hash table from the start: a
 * spread of the sections' thousand keys into one literal stepped through a thousand hidden
 * classes, 10 ms at every start of the CLI.
 */
const CATALOGUE = Object.assign(Object.create(null) as Section, ...STARTUP_SECTIONS) as Merged<typeof STARTUP_SECTIONS> & Merged<typeof COMMAND_SECTIONS>;

let loading: Promise<void> | undefined;
let loaded = false;

/** Adds the commands' sections (once): the CLI awaits it before a command runs, as do the batch worker and the API. */
export function loadCatalogue(): Promise<void> {
  loading ??= import('./catalogue/command-sections.js').then(({ COMMAND_SECTIONS: sections }) => {
    Object.assign(CATALOGUE, ...sections);
    loaded = true;
  });
  return loading;
}

export type { Entry, Section, Value, Wording } from './catalogue/wording.js';
export { fill } from './catalogue/wording.js';

type Catalogue = typeof CATALOGUE;
export type MessageKey = keyof Catalogue;

/** The `{name}` places of a wording (`{na: "…"}` is text, not a place: a name is one word). */
type Places<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends `${string}${' ' | ':' | '"' | ',' | '.'}${string}` | '' ? never : Name) | Places<Rest>
  : never;

/** The parameters of a key: those of its function, or one value per `{name}` of its English string. */
export type ParamsOf<K extends MessageKey> = Catalogue[K]['en'] extends () => string
  ? Record<never, never>
  : Catalogue[K]['en'] extends (params: infer P) => string
    ? P
    : Catalogue[K]['en'] extends string
      ? { readonly [Name in Places<Catalogue[K]['en']>]: string | number }
      : never;
/** A key whose wording has no parameter is looked up without any. */
export type ArgsOf<K extends MessageKey> = keyof ParamsOf<K> extends never ? [] : [params: ParamsOf<K>];

function word(key: string, lang: Language, params: Readonly<Record<string, unknown>> | undefined): string {
  const entry: Entry | undefined = (CATALOGUE as Section)[key];
  // A programming error, not the user's: a command's words asked for before the command ran.
  if (entry === undefined) throw new Error(`message "${key}" is not in the catalogue${loaded ? '' : ' yet: await loadCatalogue() first'}`);
  const wording = entry[lang];
  if (typeof wording === 'function') return (wording as (params: unknown) => string)(params ?? {});
  return params === undefined ? wording : fill(wording, params);
}

/** The one lookup: the text of `key` in `lang`, its places filled from `params`. */
export function t<K extends MessageKey>(lang: Language, key: K, ...params: ArgsOf<K>): string {
  return word(key, lang, params[0] as Readonly<Record<string, unknown>> | undefined);
}

/** `t` with the language bound, for renderers that say many things in one language. */
export type Translate = <K extends MessageKey>(key: K, ...params: ArgsOf<K>) => string;
export function translator(lang: Language): Translate {
  return (key, ...params) => word(key, lang, params[0] as Readonly<Record<string, unknown>> | undefined);
}

/** Whether a string read at run time (a finding code, a description) is a key of the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGUE, key);
}

/**
 * The text of a key known only at run time (a finding's code with its args), or undefined when
 * the catalogue has no such key. Its parameters are whatever the finding carries.
 */
export function lookup(lang: Language, key: string, params?: Readonly<Record<string, unknown>>): string | undefined {
  return isMessageKey(key) ? word(key, lang, params) : undefined;
}

/** Every key of the catalogue with its entry, for the tests that check it (placeholders alike in both languages, no English in the Indonesian). */
export function catalogueEntries(): readonly (readonly [MessageKey, Entry])[] {
  return Object.entries(CATALOGUE) as [MessageKey, Entry][];
}
