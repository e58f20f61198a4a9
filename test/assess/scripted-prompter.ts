import { InterruptedError } from '../../src/errors.js';
import type { InputQuestion, Prompter, SelectQuestion } from '../../src/io/prompter.js';

/** Stands for the user pressing Ctrl-C at this prompt. */
export const INTERRUPT = Symbol('interrupt');
/** A function runs when its prompt is shown (to change the world mid-interview) and gives the answer. */
export type ScriptedAnswer = string | number | boolean | typeof INTERRUPT | (() => string | number | boolean);

export interface AskedPrompt {
  readonly kind: 'select' | 'input' | 'rejected';
  readonly message: string;
  readonly default?: unknown;
  readonly choices?: readonly unknown[];
}

export interface ScriptedPrompter extends Prompter {
  /** Every prompt shown, in order; a value the validation refused is recorded as `rejected` with the message. */
  readonly asked: AskedPrompt[];
  /** Every line said between prompts. */
  readonly said: string[];
  /** For every select prompt, in order, the text shown for each choice. */
  readonly choiceNames: string[][];
  remaining(): number;
}

/**
 * Plays a script of answers, one per prompt, like a user at the keyboard: an empty input gives
 * the default back, a value the validation refuses is followed by the next one in the script.
 */
export function scriptedPrompter(script: readonly ScriptedAnswer[]): ScriptedPrompter {
  const queue = [...script];
  const asked: AskedPrompt[] = [];
  const said: string[] = [];
  const choiceNames: string[][] = [];
  const next = (message: string): string | number | boolean => {
    if (queue.length === 0) throw new Error(`the script ran out at "${message}"`);
    const value = queue.shift()!;
    if (value === INTERRUPT) throw new InterruptedError();
    return typeof value === 'function' ? value() : value;
  };
  return {
    asked,
    said,
    choiceNames,
    remaining: () => queue.length,
    async select<T>(question: SelectQuestion<T>): Promise<T> {
      const values = question.choices.map((choice) => choice.value);
      asked.push({ kind: 'select', message: question.message, default: question.default, choices: values });
      choiceNames.push(question.choices.map((choice) => choice.name));
      const value = next(question.message);
      if (!values.includes(value as T)) throw new Error(`"${String(value)}" is not a choice of "${question.message}": ${values.join(', ')}`);
      return value as T;
    },
    async input(question: InputQuestion): Promise<string> {
      asked.push({ kind: 'input', message: question.message, default: question.default });
      for (;;) {
        const typed = next(question.message);
        if (typeof typed !== 'string') throw new Error(`"${question.message}" wants text, the script gives ${String(typed)}`);
        const value = typed === '' ? (question.default ?? '') : typed;
        const verdict = question.validate ? question.validate(value) : true;
        if (verdict === true) return value;
        asked.push({ kind: 'rejected', message: verdict });
      }
    },
    say(text: string): void {
      said.push(text);
    },
  };
}
