import { input, select } from '@inquirer/prompts';
import { stripVTControlCharacters } from 'node:util';
import type { ChalkInstance } from 'chalk';
import { InterruptedError } from '../errors.js';
import { levelSelect } from './level-select.js';
import { terminalSafe } from '../core/terminal-text.js';
import type { Streams } from './streams.js';

export interface Choice<T> {
  readonly value: T;
  /** What the list shows. */
  readonly name: string;
  /** What stays on screen once chosen; default: the name. */
  readonly short?: string;
  /** The number typed to choose it (a level's own number); choices with keys use the level prompt. */
  readonly key?: string;
}

export interface SelectQuestion<T> {
  readonly message: string;
  readonly choices: readonly Choice<T>[];
  /** The choice the cursor starts on. */
  readonly default?: T | undefined;
}

export interface InputQuestion {
  readonly message: string;
  /** Given back on a bare Enter. */
  readonly default?: string | undefined;
  /** Returns true, or the message to show while asking again. */
  readonly validate?: ((value: string) => true | string) | undefined;
}

/**
 * The prompts an interview needs. The command takes one, so tests can script the answers;
 * every method rejects with an InterruptedError when the user presses Ctrl-C.
 */
export interface Prompter {
  select<T>(question: SelectQuestion<T>): Promise<T>;
  input(question: InputQuestion): Promise<string>;
  /** Text shown between prompts: section titles, the indicator's question and evidence hint. */
  say(text: string): void;
}

/** The real prompter: @inquirer/prompts reading the context's stdin and drawing on its stderr (docs/commands.md#conventions: prompts go to stderr). */
export function createInquirerPrompter(ctx: Streams, colors: ChalkInstance): Prompter {
  const context = { input: ctx.stdin, output: ctx.stderr as unknown as NodeJS.WritableStream };
  const theme = promptTheme(colors);
  const rows = (): number => (ctx.stderr as { rows?: number }).rows ?? 24;
  const columns = (): number => ctx.stderr.columns ?? 80;
  return {
    select: <T>(question: SelectQuestion<T>) =>
      interruptible(
        question.choices.some((choice) => choice.key !== undefined)
          ? levelSelect<T>(selectConfig(question, colors, rows(), columns()), context)
          : select<T>(selectConfig(question, colors, rows(), columns()), context),
      ),
    input: (question) =>
      interruptible(
        input(
          {
            message: terminalSafe(question.message),
            ...(question.default === undefined || question.default === '' ? {} : { default: question.default }),
            ...(question.validate ? { validate: question.validate } : {}),
            theme,
          },
          context,
        ),
      ),
    say: (text) => {
      ctx.stderr.write(`${wrapText(terminalSafe(text), columns())}\n`);
    },
  };
}

/**
 * The select prompt's configuration: every choice visible at once where the terminal allows
 * (level descriptors wrap over several lines), no looping, and a help line without English words.
 */
export function selectConfig<T>(question: SelectQuestion<T>, colors: ChalkInstance, terminalRows: number, terminalColumns = 80) {
  return {
    message: terminalSafe(question.message),
    // The cursor column takes 2; a long descriptor continues under its own text, not under the cursor.
    choices: question.choices.map((choice) => ({
      value: choice.value,
      name: wrapText(terminalSafe(choice.name), terminalColumns - 2, '  '),
      short: choice.short ?? choice.name,
      ...(choice.key === undefined ? {} : { key: choice.key }),
    })),
    ...(question.default === undefined ? {} : { default: question.default }),
    loop: false,
    pageSize: Math.max(7, terminalRows - 6),
    theme: {
      ...promptTheme(colors),
      style: {
        ...promptTheme(colors).style,
        description: (text: string) => colors.cyan(text),
        disabled: (text: string) => colors.dim(`- ${text}`),
        keysHelpTip: () => colors.dim('↑↓ ⏎'),
      },
    },
  };
}

/**
 * Breaks `text` at spaces so no line is wider than `width` columns (escape codes take none);
 * continuation lines start with `indent`. A word longer than a line stays whole.
 */
export function wrapText(text: string, width: number, indent = ''): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(' ')) {
        const candidate = line === '' ? word : `${line} ${word}`;
        const prefix = lines.length === 0 ? '' : indent;
        if (line !== '' && stripVTControlCharacters(prefix + candidate).length > width) {
          lines.push(prefix + line);
          line = word;
        } else {
          line = candidate;
        }
      }
      lines.push((lines.length === 0 ? '' : indent) + line);
      return lines.join('\n');
    })
    .join('\n');
}

/** Inquirer's default look, drawn with our chalk instance so --no-color and NO_COLOR hold. */
export function promptTheme(colors: ChalkInstance) {
  return {
    prefix: { idle: colors.blue('?'), done: colors.green('✔') },
    style: {
      // Shown only: the value typed or chosen is kept as it is.
      answer: (text: string) => colors.cyan(terminalSafe(text)),
      message: (text: string) => colors.bold(text),
      error: (text: string) => colors.red(`> ${text}`),
      defaultAnswer: (text: string) => colors.dim(`(${terminalSafe(text)})`),
      help: (text: string) => colors.dim(text),
      highlight: (text: string) => colors.cyan(text),
      key: (text: string) => colors.cyan.bold(`<${text}>`),
    },
  };
}

/** Ctrl-C makes inquirer reject with an ExitPromptError; the command knows it as an InterruptedError. */
async function interruptible<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new InterruptedError();
    throw error;
  }
}
