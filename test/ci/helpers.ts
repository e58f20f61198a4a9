import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli.js';
import { memoryContext } from '../helpers/memory-context.js';

export const root = join(import.meta.dirname, '..', '..');
/** The CI fixtures (test/fixtures/ci/README.md says what each scores), run from the repository root. */
export const SET = 'test/fixtures/ci/set';
const env = { SWADAYA_RUBRIC_PATH: join(root, 'test/fixtures/rubrics') };

export async function swadaya(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const memory = memoryContext({ cwd: options.cwd ?? root, env: { ...env, ...options.env } });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

/** The official SARIF 2.1.0 schema, copied from the OASIS TC into test/fixtures/schemas (the repo stands alone). */
export function sarifSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, 'test/fixtures/schemas/sarif-2.1.0.json'), 'utf8'));
}
