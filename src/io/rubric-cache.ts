import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { loadRubric, type LoadedRubric } from './rubric-loader.js';
import { readRegularFileSync } from './safe-read.js';
import { parseYamlText } from './yaml-source.js';

/**
 * The shipped rubrics, loaded at build time into dist/rubrics.cache. Parsing p2kp's 90 KB of
 * YAML on a cold start costs about as much as starting Node, in every process and in every batch
 * worker. A rubric comes from the cache only while each file it was loaded from reads the same,
 * and only in the built CLI: the cache and the code that reads it come from the same build.
 */
interface CachedRubric {
  /** The rubric's directory, relative to the rubrics directory. */
  readonly dir: string;
  /** The files it was loaded from (manifest and principle files) by name, with their text. */
  readonly files: Readonly<Record<string, string>>;
  /** With `file` and `location` relative to the rubrics directory. */
  readonly loaded: LoadedRubric;
}

const CACHE_FILE = 'rubrics.cache';

/** Build time: writes every rubric under `rubricsDir` that loads without findings to `distDir`. */
export async function writeRubricCache(rubricsDir: string, distDir: string): Promise<void> {
  const entries: CachedRubric[] = [];
  for (const name of readdirSync(rubricsDir).sort()) {
    const dir = join(rubricsDir, name);
    const manifest = join(dir, 'rubric.yaml');
    if (!existsSync(manifest)) continue;
    const loaded = await loadRubric(dir);
    if (!loaded.rubric || loaded.findings.length > 0) continue;
    const files: Record<string, string> = { 'rubric.yaml': readFileSync(manifest, 'utf8') };
    const data = parseYamlText(manifest, files['rubric.yaml']!).documents[0]?.data as { principles?: unknown[] };
    for (const file of data.principles ?? []) if (typeof file === 'string') files[file] = readFileSync(join(dir, file), 'utf8');
    entries.push({ dir: name, files, loaded: { ...loaded, file: relative(rubricsDir, loaded.file), location: relative(rubricsDir, loaded.location) } });
  }
  writeFileSync(join(distDir, CACHE_FILE), serialize(entries));
}

let cache: readonly CachedRubric[] | undefined;

function readCache(): readonly CachedRubric[] {
  if (cache) return cache;
  cache = [];
  const here = fileURLToPath(import.meta.url);
  const dist = here.lastIndexOf(`${sep}dist${sep}`);
  if (dist === -1) return cache;
  try {
    cache = deserialize(readFileSync(join(here.slice(0, dist), 'dist', CACHE_FILE))) as CachedRubric[];
  } catch {
    // No cache, or one this Node cannot read: the rubrics are parsed.
  }
  return cache;
}

/** The shipped rubric at `path` (its directory or rubric.yaml) from the build's cache, if its files are unchanged. */
export function cachedRubric(path: string, rubricsDir: string): LoadedRubric | undefined {
  const entry = readCache().find((candidate) => {
    const dir = resolve(rubricsDir, candidate.dir);
    return path === dir || path === join(dir, 'rubric.yaml');
  });
  if (!entry) return undefined;
  const dir = resolve(rubricsDir, entry.dir);
  for (const [name, text] of Object.entries(entry.files)) {
    // Read as every rubric is: a FIFO or a device in place of a shipped file is never opened.
    const bytes = readRegularFileSync(join(dir, name));
    if (!(bytes instanceof Uint8Array) || bytes.toString('utf8') !== text) return undefined;
  }
  return { ...entry.loaded, file: resolve(rubricsDir, entry.loaded.file), location: resolve(rubricsDir, entry.loaded.location) };
}
