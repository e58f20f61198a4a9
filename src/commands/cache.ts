import { resolve } from 'node:path';
import type { Language } from '../i18n/language.js';
import { cacheFileOf, defaultCacheDirectory, OutcomeCache, rubricFingerprint } from '../io/outcome-cache.js';
import { isRubricPath, listRubricCandidates, type RubricSearch } from '../io/rubric-finder.js';
import { VERSION } from '../version.js';
import { write, type CommandContext } from './context.js';
import { t } from '../i18n/catalogue.js';

export interface CacheOptions {
  readonly cache?: boolean | undefined;
  readonly cacheLocation?: string | undefined;
}

/**
 * The run's cache (docs/ci.md#the-cache), or undefined without --cache. `projection` says what
 * the batch keeps of each file; with the environment that changes it, it keys the cache file.
 */
export async function openCache(
  command: string,
  options: CacheOptions,
  projection: object,
  context: { ctx: CommandContext; search: RubricSearch; rubricPaths: readonly string[]; rubricOverride: string | undefined; lang: Language },
): Promise<OutcomeCache | undefined> {
  if (!options.cache && options.cacheLocation === undefined) return undefined;
  const { ctx, search, rubricPaths, rubricOverride, lang } = context;
  const dirs = [
    ...rubricPaths.map((path) => resolve(ctx.cwd, path)),
    ...(rubricOverride !== undefined && isRubricPath(rubricOverride) ? [resolve(ctx.cwd, rubricOverride)] : []),
    ...listRubricCandidates(search).map((candidate) => candidate.dir),
  ];
  const key = JSON.stringify({ projection, rubricOverride: rubricOverride ?? null, maxFileSize: ctx.env.SWADAYA_MAX_FILE_SIZE ?? null });
  const location = options.cacheLocation !== undefined ? resolve(ctx.cwd, options.cacheLocation) : defaultCacheDirectory(ctx.cwd, ctx.env);
  const cache = new OutcomeCache(cacheFileOf(location, command, ctx.cwd, key), { version: VERSION, rubrics: rubricFingerprint(dirs), projection: key }, ctx.cwd);
  if (cache.state === 'foreign' || cache.state === 'damaged') {
    await write(
      ctx.stderr,
      `${t(lang, 'cache.foreign', { file: cache.file })}\n`,
    );
  }
  return cache;
}

/** Saves the cache after a run; a cache that cannot be written is a warning, never a failure. */
export async function saveCache(cache: OutcomeCache | undefined, ctx: CommandContext, lang: Language): Promise<void> {
  if (!cache) return;
  try {
    cache.save();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    await write(
      ctx.stderr,
      `${t(lang, 'cache.notWritten', { file: cache.file, reason })}\n`,
    );
  }
}
