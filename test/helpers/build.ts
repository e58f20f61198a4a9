import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, from this file. */
export const root = join(import.meta.dirname, '..', '..');

/** What the build reads: a change to any of them makes dist/ stale. src/schema/generated is written by the build itself. */
const SOURCES = ['src', 'schemas', 'rubrics', 'scripts/build.mjs', 'scripts/rechunk.mjs', 'package-lock.json', 'tsconfig.api.json'];
const GENERATED = join(root, 'src', 'schema', 'generated');
/** What the tests spawn or import from dist/. */
const OUTPUTS = ['dist/main.js', 'dist/worker.js', 'dist/api.js', 'dist/yaml.cjs', 'dist/rubrics.cache', 'dist/types/api.d.ts'];

function newestUnder(path: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  if (path === GENERATED) return 0;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestUnder(join(path, entry)));
  return newest;
}

/** The newest source file's time, and the oldest build output's (0 when one is missing). */
export function buildAge(): { readonly newestSource: number; readonly oldestOutput: number; readonly missing: readonly string[] } {
  const newestSource = Math.max(...SOURCES.map((source) => newestUnder(join(root, source))));
  const missing: string[] = [];
  let oldestOutput = Number.POSITIVE_INFINITY;
  for (const output of OUTPUTS) {
    const time = newestUnder(join(root, output));
    if (time === 0) missing.push(output);
    oldestOutput = Math.min(oldestOutput, time);
  }
  return { newestSource, oldestOutput, missing };
}

export function isBuildStale(): boolean {
  const { newestSource, oldestOutput, missing } = buildAge();
  return missing.length > 0 || oldestOutput < newestSource;
}

/**
 * For tests that spawn the binary or load dist/: fail loudly, naming the cause, rather than test
 * code older than the sources (test/global-setup.ts builds before the run; this catches a source
 * changed during it).
 */
export function assertFreshBuild(): void {
  const { newestSource, oldestOutput, missing } = buildAge();
  if (missing.length > 0) throw new Error(`dist/ is incomplete (${missing.join(', ')} missing): run npm run build. These tests run the built code.`);
  if (oldestOutput < newestSource) {
    throw new Error(`dist/ is older than the sources (built ${new Date(oldestOutput).toISOString()}, a source changed ${new Date(newestSource).toISOString()}): run npm run build. These tests run the built code.`);
  }
}
