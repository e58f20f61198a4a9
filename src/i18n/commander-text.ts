import type { Argument, Command, Help, Option } from 'commander';
import { CLI_TEXTS_ID, COMMAND_EXAMPLES } from './cli-texts.js';
import type { Language } from './language.js';

/**
 * commander's own words (help titles, "(default: …)", its error messages) and the descriptions
 * declared in cli.ts, in the reader's language. The descriptions are written once, in English,
 * in cli.ts; their Indonesian is looked up by that English text (src/i18n/cli-texts.ts), so a
 * description added without a translation shows up in the Indonesian test (test/i18n).
 */

const TITLES_ID: Record<string, string> = {
  'Usage:': 'Penggunaan:',
  'Options:': 'Opsi:',
  'Commands:': 'Perintah:',
  'Arguments:': 'Argumen:',
  'Global Options:': 'Opsi global:',
};

/** A description in `lang`: the Indonesian from the table, else the English as written. */
export function describe(text: string, lang: Language): string {
  return lang === 'id' ? (CLI_TEXTS_ID[text] ?? text) : text;
}

const HELP_TEXT = { en: 'display help for command', id: 'tampilkan bantuan perintah ini' };
const HELP_COMMAND_TEXT = { en: 'display help for command', id: 'tampilkan bantuan sebuah perintah' };

const EXIT_CODES = {
  en: 'Exit codes:\n  0    success\n  1    a check you asked for failed (--fail-under, --require, --fail-on-regression, validate errors)\n  2    invalid input or command line (the error names the file, line and column)\n  130  interrupted (assess saves every answer first)',
  id: 'Kode keluar:\n  0    berhasil\n  1    pemeriksaan yang diminta gagal (--fail-under, --require, --fail-on-regression, galat validate)\n  2    masukan atau baris perintah tidak sah (galat menyebut berkas, baris dan kolom)\n  130  dihentikan (assess menyimpan setiap jawaban lebih dulu)',
};
const EXAMPLES_TITLE = { en: 'Examples:', id: 'Contoh:' };

/**
 * Puts every description of `program` and its commands into `lang`, sets commander's help to
 * show the global options, the examples and the exit codes under every command, and to speak
 * `lang` in its titles and notes.
 */
export function localizeProgram(program: Command, lang: Language): void {
  const visit = (command: Command, path: string): void => {
    command.description(describe(command.description(), lang));
    for (const option of command.options as Option[]) option.description = describe(option.description, lang);
    for (const argument of command.registeredArguments as Argument[]) argument.description = describe(argument.description, lang);
    command.helpOption('-h, --help', HELP_TEXT[lang]);
    if (command.commands.length > 0) command.helpCommand('help [command]', HELP_COMMAND_TEXT[lang]);
    command.configureHelp(helpConfiguration(lang));
    const examples = COMMAND_EXAMPLES[path];
    const after = [
      ...(examples ? [`${EXAMPLES_TITLE[lang]}\n${examples.map((example) => `  ${example.command}${example[lang] ? `\n      ${example[lang]}` : ''}`).join('\n')}`] : []),
      EXIT_CODES[lang],
    ];
    command.addHelpText('after', `\n${after.join('\n\n')}\n`);
    for (const sub of command.commands) visit(sub, path === '' ? sub.name() : `${path} ${sub.name()}`);
  };
  visit(program, '');
}

function helpConfiguration(lang: Language): Partial<Help> {
  const words = lang === 'id' ? { choices: 'pilihan', default: 'bawaan', options: '[opsi]', command: '[perintah]' } : undefined;
  return {
    showGlobalOptions: true,
    styleTitle: (title: string) => (lang === 'id' ? (TITLES_ID[title] ?? title) : title),
    ...(words
      ? {
          commandUsage(this: Help, command: Command): string {
            return Object.getPrototypeOf(this).commandUsage.call(this, command).replace('[options]', words.options).replace('[command]', words.command);
          },
          optionDescription(this: Help, option: Option): string {
            return translateExtras(Object.getPrototypeOf(this).optionDescription.call(this, option), words);
          },
          argumentDescription(this: Help, argument: Argument): string {
            return translateExtras(Object.getPrototypeOf(this).argumentDescription.call(this, argument), words);
          },
        }
      : {}),
  };
}

const translateExtras = (text: string, words: { choices: string; default: string }): string =>
  text.replace(/\((choices|default): /g, (_whole, word: 'choices' | 'default') => `(${words[word]}: `).replace(/, default: /g, `, ${words.default}: `);

/** commander's error messages, in Indonesian; English ones are kept as commander writes them. */
const ERRORS_ID: [RegExp, (...groups: string[]) => string][] = [
  [/^error: unknown option '([^']*)'/, (flag) => `galat: opsi tidak dikenal '${flag}'`],
  [/^error: unknown command '([^']*)'/, (name) => `galat: perintah tidak dikenal '${name}'`],
  [/^error: missing required argument '([^']*)'/, (name) => `galat: argumen wajib '${name}' tidak ada`],
  [/^error: option '([^']*)' argument missing/, (flags) => `galat: opsi '${flags}' memerlukan nilai`],
  [/^error: required option '([^']*)' not specified/, (flags) => `galat: opsi wajib '${flags}' tidak diberikan`],
  [/^error: too many arguments( for '[^']*')?\. Expected (\d+) arguments? but got (\d+)\./, (command, expected, got) => `galat: terlalu banyak argumen${command ? ` untuk${command.replace(' for', '')}` : ''}. Diharapkan ${expected}, diberikan ${got}.`],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./, (flags, value) => `galat: nilai '${value}' untuk opsi '${flags}' tidak sah.`],
  [/^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\./, (value, name) => `galat: nilai '${value}' untuk argumen '${name}' tidak sah.`],
  [/Allowed choices are ([^\n]*)\./, (choices) => `Pilihan yang boleh: ${choices}.`],
  [/\(Did you mean one of ([^?]*)\?\)/, (list) => `(Maksud Anda salah satu dari ${list}?)`],
  [/\(Did you mean ([^?]*)\?\)/, (option) => `(Maksud Anda ${option}?)`],
  [/"([^"]*)" is not a number\./, (value) => `"${value}" bukan angka.`],
  [/"([^"]*)" is not a whole number of 0 or more\./, (value) => `"${value}" bukan bilangan bulat 0 atau lebih.`],
  [/\(run with --help for usage\)/, () => '(jalankan dengan --help untuk cara pakai)'],
];

export function translateCommanderMessage(message: string, lang: Language): string {
  if (lang !== 'id') return message;
  let text = message;
  for (const [pattern, replace] of ERRORS_ID) text = text.replace(pattern, (...match: string[]) => replace(...match.slice(1).map((group) => group ?? '')));
  return text;
}
