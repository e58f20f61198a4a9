import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { runCli } from '../../src/cli.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');

async function swadaya(args: string[], env: Record<string, string> = {}) {
  const memory = memoryContext({ cwd: root, env });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

describe('CLI conventions', () => {
  it('-v and --version print the version', async () => {
    for (const flag of ['-v', '--version']) {
      const result = await swadaya([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${packageJson.version}\n`);
    }
  });

  it('the locale picks the language when SWADAYA_LANG is unset: LC_ALL, then LC_MESSAGES, then LANG', async () => {
    const heading = async (env: Record<string, string>) => (await swadaya(['rubric', 'show', 'p2kp'], env)).stdout.split('\n')[1];
    const english = await heading({});
    const indonesian = await heading({ SWADAYA_LANG: 'id' });
    expect(english).not.toBe(indonesian);
    expect(await heading({ LANG: 'id_ID.UTF-8' })).toBe(indonesian);
    expect(await heading({ LANG: 'en_US.UTF-8', LC_ALL: 'id_ID.UTF-8' })).toBe(indonesian);
    expect(await heading({ LANG: 'id_ID.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' })).toBe(english);
    expect(await heading({ LANG: 'id_ID.UTF-8', SWADAYA_LANG: 'en' })).toBe(english);
    expect(await heading({ LANG: 'C.UTF-8' })).toBe(english);
    expect(await heading({ LANG: 'fr_FR.UTF-8' })).toBe(english);
  });
});
