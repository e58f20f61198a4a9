import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.js';
import { levelSelect } from '../../src/io/level-select.js';
import { createInquirerPrompter, selectConfig, type Choice } from '../../src/io/prompter.js';

/** Levels 0–4 as the interview offers them, then n/a and skip (no keys). */
const CHOICES: Choice<number | string>[] = [
  ...[0, 1, 2, 3, 4].map((level) => ({ value: level, name: `${level} Level ${level} — descriptor`, short: `${level}`, key: String(level) })),
  { value: 'na', name: 'Not applicable' },
  { value: 'skip', name: 'Skip for now' },
];
const config = selectConfig({ message: 'Level', choices: CHOICES }, new Chalk({ level: 0 }), 30);

describe('number keys in the interview choose the level with that number (@inquirer/testing)', () => {
  it('typing 1 then Enter answers level 1, not the first choice (level 0)', async () => {
    const { answer, events, getScreen } = await render(levelSelect<number | string>, config);
    events.keypress('1');
    expect(getScreen()).toContain('❯ 1 Level 1 — descriptor');
    events.keypress('enter');
    await expect(answer).resolves.toBe(1);
  });

  it('0 chooses level 0, 4 level 4; a digit no level has leaves the cursor where it is', async () => {
    for (const [key, level] of [['0', 0], ['4', 4]] as const) {
      const { answer, events } = await render(levelSelect<number | string>, config);
      events.keypress(key);
      events.keypress('enter');
      await expect(answer).resolves.toBe(level);
    }
    const { answer, events } = await render(levelSelect<number | string>, { ...config, default: 2 });
    events.keypress('7');
    events.keypress('enter');
    await expect(answer).resolves.toBe(2);
  });

  it('the arrows still reach the choices without a number (n/a, skip)', async () => {
    const { answer, events } = await render(levelSelect<number | string>, { ...config, default: 4 });
    events.keypress('down');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('skip');
  });

  it('the real prompter uses it for the level question: "3" on the keyboard records level 3', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stderr = Object.assign(new PassThrough(), { isTTY: true, columns: 100, rows: 30 });
    stderr.resume();
    const ctx = { stdin, stdout: stderr, stderr, env: { NO_COLOR: '1' }, cwd: process.cwd() } as unknown as CommandContext;
    const answer = createInquirerPrompter(ctx, new Chalk({ level: 0 })).select({ message: 'Level', choices: CHOICES });
    await new Promise((resolve) => setTimeout(resolve, 20));
    stdin.write('3');
    await new Promise((resolve) => setTimeout(resolve, 20));
    stdin.write('\r');
    await expect(answer).resolves.toBe(3);
  });
});
