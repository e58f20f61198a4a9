import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli.js';
import { memoryContext } from '../helpers/memory-context.js';

// A fault inside a command, standing in for any bug: the user sees one line, not a stack trace.
vi.mock('../../src/commands/validate.js', () => ({
  validateCommand: () => Promise.reject(new TypeError('cannot read properties of undefined')),
}));

const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

describe('an internal error', () => {
  it('prints one line and a pointer to --debug, exit 2, and no stack trace', async () => {
    const memory = memoryContext();
    expect(await runCli(['validate', 'x.yaml'], memory.ctx)).toBe(2);
    expect(memory.stderr()).toBe('swadaya: internal error: cannot read properties of undefined\nRun again with --debug for details, and report it.\n');
  });

  it('shows the stack trace with --debug', async () => {
    const memory = memoryContext();
    expect(await runCli(['validate', 'x.yaml', '--debug'], memory.ctx)).toBe(2);
    expect(memory.stderr()).toMatch(STACK_TRACE);
  });
});
