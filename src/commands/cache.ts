import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { cachedProjection, RECORD_LAYOUT, type CachedBatchOptions } from '../batch/cached-batch.js';
import type { Projection } from '../batch/projection.js';
import { SwadayaError } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';
import { cacheFileOf, defaultCacheDirectory, OutcomeCache } from '../io/outcome-cache.js';
import { RubricFingerprints } from '../io/rubric-fingerprint.js';
import type { RubricSearch } from '../io/rubric-finder.js';
import { BUILD_ID, VERSION } from '../version.js';
import { write, type CommandContext } from './context.js';

export interface CacheOptions {
  readonly cache?: boolean | undefined;
  readonly cacheLocation?: string | undefined;
}

/**
 * The run's cache (docs/ci.md#the-cache), or undefined without --cache. `projection` says what
 * the batch keeps of each file; with the environment that changes it, it keys the cache file.
 * A cache directory that cannot be made or written to is an error (exit 2), before any work.
 */
export async function openCache(
  command: string,
  options: CacheOptions,
  projection: Projection,
  context: { ctx: CommandContext; search: RubricSearch; rubricOverride: string | undefined; lang: Language },
): Promise<CachedBatchOptions | undefined> {
  if (!options.cache && options.cacheLocation === undefined) return undefined;
  const { ctx, search, rubricOverride, lang } = context;
  const location = options.cacheLocation !== undefined ? resolve(ctx.cwd, options.cacheLocation) : defaultCacheDirectory(ctx.cwd, ctx.env);
  prepareDirectory(location, lang);
  const rubrics = new RubricFingerprints(search, rubricOverride);
  const key = JSON.stringify({ projection: cachedProjection(projection), records: RECORD_LAYOUT, rubricOverride: rubricOverride ?? null, maxFileSize: ctx.env.SWADAYA_MAX_FILE_SIZE ?? null });
  const cache = new OutcomeCache(cacheFileOf(location, command, ctx.cwd, key), { version: `${VERSION}+${BUILD_ID}`, projection: key, layout: rubrics.layout }, rubrics, ctx.cwd);
  if (cache.state === 'foreign' || cache.state === 'damaged') await warnDamaged(cache.file, ctx, lang);
  return { cache, dependencies: (refs) => rubrics.dependencies(refs) };
}

/**
 * Makes the cache directory and its missing parents, one level at a time (Node 20's recursive
 * mkdir never returns for some paths, such as one under /proc), and checks it can be written.
 */
function prepareDirectory(location: string, lang: Language): void {
  const missing: string[] = [];
  let path = location;
  for (;;) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(path) !== path) {
        missing.unshift(path);
        path = dirname(path);
        continue;
      }
      throw unusable(location, code ?? String(error), lang);
    }
    if (!isDirectory) throw unusable(location, missing.length === 0 ? 'ENOTDIR' : `${path}: ENOTDIR`, lang);
    break;
  }
  try {
    for (const dir of missing) mkdirSync(dir);
    accessSync(location, constants.W_OK);
  } catch (error) {
    throw unusable(location, (error as NodeJS.ErrnoException).code ?? String(error), lang);
  }
}

function unusable(location: string, reason: string, lang: Language): SwadayaError {
  return new SwadayaError('cache-location', t(lang, 'cache.unusable', { location, reason }), undefined, t(lang, 'cache.unusableHint'));
}

async function warnDamaged(file: string, ctx: CommandContext, lang: Language): Promise<void> {
  await write(ctx.stderr, `${t(lang, 'cache.foreign', { file })}\n`);
}

/** Saves the cache after a run; a cache that cannot be written is a warning, never a failure. */
export async function saveCache(caching: CachedBatchOptions | undefined, ctx: CommandContext, lang: Language): Promise<void> {
  if (!caching) return;
  if (caching.cache.damaged) await warnDamaged(caching.cache.file, ctx, lang);
  try {
    caching.cache.save();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    await write(ctx.stderr, `${t(lang, 'cache.notWritten', { file: caching.cache.file, reason })}\n`);
  }
}
