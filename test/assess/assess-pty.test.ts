import { spawn, type IPty } from '@lydell/node-pty';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild } from '../helpers/build.js';
import { parse } from 'yaml';

const BIN = resolve('bin/swadaya.js');
const RUBRIC = resolve('test/fixtures/assess/rubric.yaml');
const DOWN = '\x1b[B';
const CTRL_C = '\x03';

/** The real binary in a pseudo-terminal: what it draws, keys to type, and its exit. */
function runInTerminal(args: string[], cwd: string) {
  const pty: IPty = spawn(process.execPath, [BIN, ...args], {
    name: 'xterm',
    cols: 100,
    rows: 30,
    cwd,
    env: { ...process.env, NO_COLOR: '1', SWADAYA_LANG: '' },
  });
  let screen = '';
  pty.onData((data) => {
    screen += data;
  });
  const exit = new Promise<number>((done) => pty.onExit(({ exitCode }) => done(exitCode)));
  /** Waits for `text` to appear after what was already seen, then types `keys`. */
  let seen = 0;
  const answer = async (text: string, keys: string): Promise<void> => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const at = screen.indexOf(text, seen);
      if (at !== -1) {
        seen = at + text.length;
        break;
      }
      if (Date.now() > deadline) throw new Error(`"${text}" never appeared; the screen shows:\n${screen.slice(-1500)}`);
      await new Promise((wait) => setTimeout(wait, 20));
    }
    pty.write(keys);
  };
  return { pty, answer, exit, screen: () => screen };
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('swadaya assess in a pseudo-terminal (built by test/global-setup.ts)', () => {
  beforeAll(assertFreshBuild);
  it('answers a few prompts, then Ctrl-C: exit 130, every answer on disk, and how to resume', async () => {
    dir = mkdtempSync(join(tmpdir(), 'swadaya-pty-'));
    const terminal = runInTerminal(['assess', 'visit.yaml', '--rubric', RUBRIC], dir);
    try {
      await terminal.answer('Community id', '0032010\r');
      await terminal.answer('Community name', 'Kelurahan Sukaluyu\r');
      await terminal.answer('Region', '\r');
      await terminal.answer('Period', '2025\r');
      await terminal.answer('Assessors', 'A. Rahman\r');
      await terminal.answer('Let the evidence decide', `${DOWN}\r`);
      await terminal.answer('Integration 1/2 · 1/4', '');
      await terminal.answer('Skip for now', `${DOWN}${DOWN}\r`);
      await terminal.answer('Note', 'RW 01 only\r');
      await terminal.answer('Integration 2/2 · 2/4', '');
      await terminal.answer('Skip for now', CTRL_C);
      expect(await terminal.exit).toBe(130);
    } finally {
      terminal.pty.kill();
    }
    expect(terminal.screen()).toContain('Interrupted. 1 of 4 answers are saved in visit.yaml.');
    expect(terminal.screen()).toContain(`Resume with: swadaya assess visit.yaml --rubric ${RUBRIC}`);
    const text = readFileSync(join(dir, 'visit.yaml'), 'utf8');
    expect(parse(text)).toEqual({
      rubric: 'mini@1.0.0',
      community: { id: '0032010', name: 'Kelurahan Sukaluyu' },
      period: '2025',
      assessors: ['A. Rahman'],
      phase: 'berdaya',
      answers: { 'integration.joint-planning': { level: 2, note: 'RW 01 only' } },
    });
  }, 10_000);
});
