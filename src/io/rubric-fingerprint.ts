import { createHash, type Hash } from 'node:crypto';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { DependencyFingerprints } from './outcome-cache.js';
import { isRubricPath, listRubricCandidates, rubricDirectories, type RubricCandidate, type RubricSearch, type UnreadableSearchEntry } from './rubric-finder.js';
import { readRegularFileSync } from './safe-read.js';
import { parseYamlText } from './yaml-source.js';

/**
 * What a cached outcome depends on among the rubrics (docs/ci.md#the-cache), in two parts:
 *
 * - `layout`, which every file depends on: the directories searched, the rubrics found there
 *   (id and directory, in lookup order, so a rubric added or removed anywhere counts), the
 *   search entries that could not be read, and the rubrics given among the inputs or with
 *   --rubric PATH, with their content;
 * - one fingerprint per rubric id: the content of every rubric on the search path with that id,
 *   in lookup order. A file depends on the ids it looked up, so a change to one rubric re-scores
 *   only the files that looked it up.
 *
 * A rubric on the search path is its directory: every file in it, by name and bytes, without
 * reading them as YAML. A rubric given among the inputs or with --rubric is its manifest and the
 * principle files it names, nothing else (assessments may sit beside it). Fingerprints are taken
 * when the run begins, before any rubric is loaded, and taken again when the cache is saved.
 */
export class RubricFingerprints implements DependencyFingerprints {
  readonly layout: string;
  private readonly candidates: readonly RubricCandidate[];
  private readonly atStart = new Map<string, string>();

  constructor(
    search: RubricSearch,
    private readonly override: string | undefined,
  ) {
    const unreadable: UnreadableSearchEntry[] = [];
    this.candidates = listRubricCandidates(search, unreadable);
    const inputs = (search.inputRubrics ?? []).map((path) => resolve(search.cwd, path));
    const overridePath = override !== undefined && isRubricPath(override) ? resolve(search.cwd, override) : undefined;
    const hash = createHash('sha256').update(JSON.stringify({ dirs: rubricDirectories(search), candidates: this.candidates, unreadable, inputs, override: overridePath ?? override ?? null }));
    for (const path of [...inputs, ...(overridePath === undefined ? [] : [overridePath])]) addRubric(hash, path);
    this.layout = hash.digest('hex');
    for (const candidate of this.candidates) this.of(candidate.id);
  }

  /** The fingerprint of rubric id `name` as it was when the run began (taken now for an id first asked for). */
  of(name: string): string {
    let fingerprint = this.atStart.get(name);
    if (fingerprint === undefined) {
      fingerprint = this.now(name);
      this.atStart.set(name, fingerprint);
    }
    return fingerprint;
  }

  /** The fingerprint of rubric id `name` now. */
  now(name: string): string {
    const hash = createHash('sha256');
    for (const candidate of this.candidates) if (candidate.id === name) addDirectory(hash, candidate.dir, candidate.dir);
    return hash.digest('hex');
  }

  /**
   * The dependency names of a file that looked up `refs`: the ids it named. A rubric named by
   * path in the file itself cannot be fingerprinted before the run, so its outcome is not kept
   * (undefined); --rubric PATH is part of the layout.
   */
  dependencies(refs: readonly string[]): readonly string[] | undefined {
    const names: string[] = [];
    for (const ref of refs) {
      if (!isRubricPath(ref)) names.push(ref.split('@')[0] ?? ref);
      else if (ref !== this.override) return undefined;
    }
    return names;
  }
}

/** Adds every file under `path` to `hash`, by name relative to `base` and bytes, in name order. */
function addDirectory(hash: Hash, path: string, base: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch (error) {
    hash.update(`unreadable\u0000${relative(base, path)}\u0000${(error as NodeJS.ErrnoException).code ?? ''}\u0000`);
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) addDirectory(hash, child, base);
    else {
      hash.update(`file\u0000${relative(base, child)}\u0000`);
      addFile(hash, child);
    }
  }
}

/** Adds a rubric's path and content to `hash`: its manifest, then each principle file it names. */
function addRubric(hash: Hash, path: string): void {
  let manifest = path;
  try {
    if (statSync(path).isDirectory()) manifest = join(path, 'rubric.yaml');
  } catch {
    // unreadable: only its name counts
  }
  hash.update(`rubric\u0000${manifest}\u0000`);
  const bytes = addFile(hash, manifest);
  if (!bytes) return;
  for (const principle of principleFiles(manifest, bytes)) {
    hash.update(`principle\u0000${principle}\u0000`);
    addFile(hash, join(dirname(manifest), principle));
  }
}

function addFile(hash: Hash, file: string): Buffer | undefined {
  const bytes = readRegularFileSync(file);
  if (!(bytes instanceof Uint8Array)) {
    hash.update(`unreadable\u0000${bytes.code}\u0000`);
    return undefined;
  }
  hash.update(`${bytes.length}\u0000`).update(bytes);
  return bytes;
}

/** The principle files a manifest names (`principles:` entries that are strings). */
function principleFiles(manifest: string, bytes: Buffer): string[] {
  try {
    const data = parseYamlText(manifest, bytes.toString('utf8')).documents[0]?.data as { principles?: unknown } | null | undefined;
    return Array.isArray(data?.principles) ? data.principles.filter((entry): entry is string => typeof entry === 'string') : [];
  } catch {
    return [];
  }
}
