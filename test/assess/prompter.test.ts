import { select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.js';
import { InterruptedError } from '../../src/errors.js';
import { createInquirerPrompter, selectConfig, wrapText, type Choice } from '../../src/io/prompter.js';

/** A terminal made of streams: keys go into stdin, the prompts' drawing collects from stderr. */
function terminal() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stderr = Object.assign(new PassThrough(), { isTTY: true, columns: 100, rows: 30 });
  let screen = '';
  stderr.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
  });
  const ctx = { stdin, stdout: stderr, stderr, env: { NO_COLOR: '1' }, cwd: process.cwd() } as unknown as CommandContext;
  return { ctx, stdin, screen: () => screen };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
const LEVELS: Choice<number | string>[] = [
  { value: 0, name: '0 Absent — No planning meeting.', short: '0 Absent' },
  { value: 1, name: '1 Emerging — One meeting a year.', short: '1 Emerging' },
  { value: 'skip', name: 'Skip for now' },
];

describe('the inquirer prompter', () => {
  it('selects with the arrow keys and Enter, drawing on stderr', async () => {
    const { ctx, stdin, screen } = terminal();
    const answer = createInquirerPrompter(ctx, new Chalk({ level: 0 })).select({ message: 'Level', choices: LEVELS });
    await tick();
    stdin.write('\x1b[B');
    await tick();
    stdin.write('\r');
    await expect(answer).resolves.toBe(1);
    expect(screen()).toContain('0 Absent — No planning meeting.');
    expect(screen()).toContain('↑↓ ⏎');
    expect(screen()).toContain('✔ Level 1 Emerging');
  });

  it('starts on the default choice', async () => {
    const { ctx, stdin } = terminal();
    const answer = createInquirerPrompter(ctx, new Chalk({ level: 0 })).select({ message: 'Level', choices: LEVELS, default: 'skip' });
    await tick();
    stdin.write('\r');
    await expect(answer).resolves.toBe('skip');
  });

  it('turns Ctrl-C into an InterruptedError (exit 130)', async () => {
    const { ctx, stdin } = terminal();
    const answer = createInquirerPrompter(ctx, new Chalk({ level: 0 })).input({ message: 'Community name' });
    await tick();
    stdin.write('Suka');
    stdin.write('\x03');
    const error = await answer.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InterruptedError);
    expect((error as InterruptedError).exitCode).toBe(130);
  });

  it('shows the validation message and asks again; Enter alone gives the default', async () => {
    const { ctx, stdin, screen } = terminal();
    const prompter = createInquirerPrompter(ctx, new Chalk({ level: 0 }));
    const period = prompter.input({ message: 'Period', validate: (value) => (/^\d{4}$/.test(value) ? true : 'Write YYYY.') });
    await tick();
    stdin.write('25\r');
    await tick();
    expect(screen()).toContain('> Write YYYY.');
    stdin.write('\x7f\x7f2025\r');
    await expect(period).resolves.toBe('2025');
    const name = prompter.input({ message: 'Name', default: 'Sukaluyu' });
    await tick();
    stdin.write('\r');
    await expect(name).resolves.toBe('Sukaluyu');
  });
});

describe('the select configuration', () => {
  it('shows every level with its descriptor at once, with a help line in no language', async () => {
    const config = selectConfig({ message: 'Tingkat', choices: LEVELS, default: 1 }, new Chalk({ level: 0 }), 30);
    const { answer, events, getScreen } = await render(select, config);
    const screen = getScreen();
    expect(screen).toContain('Tingkat');
    for (const choice of LEVELS) expect(screen).toContain(choice.name);
    expect(screen).toContain('❯ 1 Emerging — One meeting a year.');
    expect(screen).not.toMatch(/navigate|select/);
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('skip');
  });
});

describe('wrapText', () => {
  it('breaks at spaces within the width, indenting the lines that follow', () => {
    expect(wrapText('1 Emerging — Held in fewer than half of the RWs', 20, '  ')).toBe('1 Emerging — Held in\n  fewer than half of\n  the RWs');
    expect(wrapText('a-very-long-word here', 5)).toBe('a-very-long-word\nhere');
    expect(wrapText('\x1b[1mbold words here\x1b[22m', 10)).toBe('\x1b[1mbold words\nhere\x1b[22m');
  });
});
