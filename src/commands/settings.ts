import { Chalk, type ChalkInstance } from 'chalk';
import { SwadayaError } from '../errors.js';
import { isLanguage, LANGUAGES, localeLanguage, type Language } from '../i18n/language.js';
import type { RubricSearch } from '../io/rubric-finder.js';
import type { CommandContext } from './context.js';
import { t } from '../i18n/catalogue.js';

/**
 * Everything a command needs to know about how it was asked to run, typed and decided once in
 * `cli.ts` from the command line and the environment (docs/architecture.md#settings). Nothing
 * below re-reads argv or the environment for language, colour or the rubric search path.
 */
export interface Settings {
  /** `--lang`, else SWADAYA_LANG; undefined: follow the rubric (`textLanguage`, `outputLanguage`). */
  readonly language: Language | undefined;
  /** One chalk instance per stream: colour only on a terminal, never with --no-color, NO_COLOR or FORCE_COLOR=0. */
  readonly colors: { readonly stdout: ChalkInstance; readonly stderr: ChalkInstance };
  /** Where rubric ids are looked up: SWADAYA_RUBRIC_PATH, ./rubrics, the shipped rubrics. */
  readonly rubricSearch: RubricSearch;
  readonly debug: boolean;
  /** `--quiet`: only errors on stderr (no progress, warnings or notices). */
  readonly quiet: boolean;
}

/** A command's settings: the shared ones plus its own typed options (its `--format` among them). */
export type CommandSettings<Options> = Settings & Readonly<Options>;

/** The global flags as commander parses them (`--no-color` becomes `color: false`). */
export interface GlobalFlags {
  readonly lang?: string | undefined;
  readonly color?: boolean | undefined;
  readonly debug?: boolean | undefined;
  readonly quiet?: boolean | undefined;
  /** The configuration file's `lang`: after --lang and SWADAYA_LANG, before the locale. */
  readonly configLang?: Language | undefined;
}

/** A chalk instance that never colours: machine formats (json, csv, yaml) and tests. */
export const NO_COLORS: ChalkInstance = new Chalk({ level: 0 });

export function buildSettings(flags: GlobalFlags, ctx: CommandContext): Settings {
  return {
    language: requestedLanguage(flags, ctx.env),
    colors: { stdout: colorsFor(ctx.stdout, flags, ctx.env), stderr: colorsFor(ctx.stderr, flags, ctx.env) },
    rubricSearch: { cwd: ctx.cwd, searchPath: ctx.env.SWADAYA_RUBRIC_PATH },
    debug: flags.debug === true,
    quiet: flags.quiet === true,
  };
}

/** One chalk instance for a stream: off for --no-color, NO_COLOR, FORCE_COLOR=0 or a stream that is not a terminal. */
function colorsFor(stream: { readonly isTTY?: boolean | undefined }, flags: GlobalFlags, env: CommandContext['env']): ChalkInstance {
  const disabled = flags.color === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '') || env.FORCE_COLOR === '0';
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== '';
  const level = disabled ? 0 : forced || stream.isTTY ? 1 : 0;
  return level === 0 ? NO_COLORS : new Chalk({ level: env.COLORTERM === 'truecolor' ? 3 : 1 });
}

/**
 * The requested language: --lang, then SWADAYA_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG:
 * `id_ID.UTF-8` gives id, any other locale en); undefined means "the rubric's first language".
 */
function requestedLanguage(flags: GlobalFlags, env: CommandContext['env']): Language | undefined {
  const lang = flags.lang ?? env.SWADAYA_LANG;
  if (lang === '' || lang === undefined) return flags.configLang ?? localeLanguage(env);
  if (!isLanguage(lang)) {
    const says = localeLanguage(env) ?? 'en';
    throw new SwadayaError('bad-language', t(says, 'cli.badLanguage', { value: lang, languages: LANGUAGES.join(t(says, 'or')) }));
  }
  return lang;
}
