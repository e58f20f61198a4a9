import type { Argument, Command, Help, Option } from 'commander';
import { isMessageKey, lookup, t, type MessageKey } from './catalogue.js';
import type { CliDescription } from './catalogue/cli.js';
import type { Language } from './language.js';

/**
 * commander's own words (help titles, "(default: …)", its error messages) and the descriptions
 * declared in cli.ts, in the reader's language, from the catalogue (src/i18n/catalogue/cli.ts).
 * cli.ts writes each description in English through `described`, typed by the catalogue's keys,
 * so a description without its Indonesian does not compile.
 */

/** A description of cli.ts: its English, checked to be a key of the catalogue. */
export function described<Text extends CliDescription>(text: Text): Text {
  return text;
}

/** A description in `lang`, from the catalogue; a text that is no key (commander's own) as written. */
export function describe(text: string, lang: Language): string {
  return lookup(lang, text) ?? text;
}

/** Examples under each command's --help, keyed by command path ('' for the program); `text` is the catalogue key of what it shows. */
const COMMAND_EXAMPLES: Readonly<Record<string, readonly { readonly command: string; readonly text?: MessageKey }[]>> = {
  '': [
    { command: 'swadaya score assessments/2025', text: 'example.swadaya.1' },
    { command: 'swadaya diff assessments/2024 assessments/2025', text: 'example.swadaya.2' },
    { command: 'swadaya score --help', text: 'example.swadaya.3' },
  ],
  score: [
    { command: 'swadaya score assessments/2025 --require ready --fail-under 60', text: 'example.score.1' },
    { command: 'swadaya score assessments/2025 --format csv --excel -o scores.csv', text: 'example.score.2' },
    { command: 'swadaya score sukaluyu.yaml --explain', text: 'example.score.3' },
    { command: 'git show HEAD:x.yaml | swadaya score - --stdin-filename x.yaml', text: 'example.score.stdin' },
  ],
  assess: [{ command: 'swadaya assess sukaluyu-2026.yaml --rubric p2kp --lang id' }],
  diff: [
    { command: 'swadaya diff 2024/ 2025/ --fail-on-regression --tolerance 2' },
    { command: 'swadaya diff 2024/ 2025/ --format csv -o change.csv' },
    { command: 'git show HEAD~1:x.yaml | swadaya diff - x.yaml', text: 'example.diff.stdin' },
  ],
  agree: [{ command: 'swadaya agree ratings/2026 --min-alpha 0.667' }],
  consensus: [{ command: 'swadaya consensus ratings/2026 -o consensus/2026' }],
  trend: [{ command: 'swadaya trend assessments/2023 assessments/2024 assessments/2025 --fail-on-regression' }],
  validate: [
    { command: 'swadaya validate rubrics/p2kp assessments --format github' },
    { command: 'cat x.yaml | swadaya validate - --stdin-filename x.yaml', text: 'example.validate.stdin' },
  ],
  rubric: [{ command: 'swadaya rubric list' }, { command: 'swadaya rubric show p2kp --format json' }],
  'rubric list': [{ command: 'swadaya rubric list --format json' }],
  'rubric show': [{ command: 'swadaya rubric show p2kp --lang id' }],
  template: [{ command: 'swadaya template --rubric p2kp -o assessments/2026/sukaluyu.yaml' }],
  schema: [{ command: 'swadaya schema --rubric p2kp -o .swadaya/p2kp.schema.json' }],
  init: [{ command: "swadaya init --rubric p2kp --glob 'data/**/*.yaml'" }],
  completion: [{ command: 'source <(swadaya completion bash)' }, { command: 'swadaya completion fish > ~/.config/fish/completions/swadaya.fish' }],
};

/**
 * Puts every description of `program` and its commands into `lang`, sets commander's help to
 * show the global options, the examples and the exit codes under every command, and to speak
 * `lang` in its titles and notes. Done when it is first needed (`localizeOnHelp`, or completion's
 * descriptions), not at every start: most runs never show help.
 */
export function localizeProgram(program: Command, lang: Language): void {
  if (localized.has(program)) return;
  localized.add(program);
  const visit = (command: Command, path: string): void => {
    command.description(describe(command.description(), lang));
    for (const option of command.options as Option[]) option.description = describe(option.description, lang);
    for (const argument of command.registeredArguments as Argument[]) argument.description = describe(argument.description, lang);
    command.helpOption('-h, --help', t(lang, 'help.option'));
    if (command.commands.length > 0) command.helpCommand('help [command]', t(lang, 'help.command'));
    command.configureHelp(helpConfiguration(lang));
    const examples = COMMAND_EXAMPLES[path];
    const after = [
      ...(examples ? [`${t(lang, 'help.examples')}\n${examples.map((example) => `  ${example.command}${example.text ? `\n      ${lookup(lang, example.text)}` : ''}`).join('\n')}`] : []),
      t(lang, 'help.exitCodes'),
    ];
    command.addHelpText('after', `\n${after.join('\n\n')}\n`);
    for (const sub of command.commands) visit(sub, path === '' ? sub.name() : `${path} ${sub.name()}`);
  };
  visit(program, '');
}

const localized = new WeakSet<Command>();

/** Localizes `program` (once) just before commander writes any help of it or of its commands. */
export function localizeOnHelp(program: Command, lang: Language): void {
  program.on('beforeAllHelp', () => localizeProgram(program, lang));
}

/** commander's help in `lang`: its titles, `[options]`, `[command]`, and the "(choices: …, default: …)" notes. */
function helpConfiguration(lang: Language): Partial<Help> {
  const words = { choices: t(lang, 'help.choices'), default: t(lang, 'help.default') };
  const options = t(lang, 'help.[options]');
  const command = t(lang, 'help.[command]');
  return {
    showGlobalOptions: true,
    styleTitle: (title: string) => {
      const key = `help.${title}`;
      return isMessageKey(key) ? t(lang, key as 'help.Usage:') : title;
    },
    commandUsage(this: Help, of: Command): string {
      return Object.getPrototypeOf(this).commandUsage.call(this, of).replace('[options]', options).replace('[command]', command);
    },
    optionDescription(this: Help, option: Option): string {
      return translateExtras(Object.getPrototypeOf(this).optionDescription.call(this, option), words);
    },
    argumentDescription(this: Help, argument: Argument): string {
      return translateExtras(Object.getPrototypeOf(this).argumentDescription.call(this, argument), words);
    },
  };
}

const translateExtras = (text: string, words: { choices: string; default: string }): string =>
  text.replace(/\((choices|default): /g, (_whole, word: 'choices' | 'default') => `(${words[word]}: `).replace(/, default: /g, `, ${words.default}: `);

/** commander's English error messages, each matched and worded again from the catalogue in the reader's language. */
const ERRORS: [RegExp, (lang: Language, ...groups: string[]) => string][] = [
  [/^error: unknown option '([^']*)'/, (lang, flag) => t(lang, 'commander.unknownOption', { flag })],
  [/^error: unknown command '([^']*)'/, (lang, name) => t(lang, 'commander.unknownCommand', { name })],
  [/^error: missing required argument '([^']*)'/, (lang, name) => t(lang, 'commander.missingArgument', { name })],
  [/^error: option '([^']*)' argument missing/, (lang, flags) => t(lang, 'commander.optionArgumentMissing', { flags })],
  [/^error: required option '([^']*)' not specified/, (lang, flags) => t(lang, 'commander.requiredOption', { flags })],
  [/^error: too many arguments( for '[^']*')?\. Expected (\d+) arguments? but got (\d+)\./, (lang, command, expected, got) => t(lang, 'commander.tooManyArguments', { command: command ?? '', expected: expected ?? '', got: got ?? '' })],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./, (lang, flags, value) => t(lang, 'commander.invalidOptionValue', { flags, value })],
  [/^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\./, (lang, value, name) => t(lang, 'commander.invalidArgumentValue', { value, name })],
  [/Allowed choices are ([^\n]*)\./, (lang, choices) => t(lang, 'commander.allowedChoices', { choices })],
  [/\(Did you mean one of ([^?]*)\?\)/, (lang, list) => t(lang, 'commander.didYouMeanOneOf', { list })],
  [/\(Did you mean ([^?]*)\?\)/, (lang, option) => t(lang, 'commander.didYouMean', { option })],
  [/"([^"]*)" is not a number\./, (lang, value) => t(lang, 'commander.notANumber', { value })],
  [/"([^"]*)" is not a whole number of 0 or more\./, (lang, value) => t(lang, 'commander.notAWholeNumber', { value })],
  [/\(run with --help for usage\)/, (lang) => t(lang, 'commander.runWithHelp')],
];

/** A message of commander in `lang`: English ones are kept as commander writes them. */
export function translateCommanderMessage(message: string, lang: Language): string {
  if (lang === 'en') return message;
  let text = message;
  for (const [pattern, reword] of ERRORS) text = text.replace(pattern, (...match: string[]) => reword(lang, ...match.slice(1).map((group) => group ?? '')));
  return text;
}
