import { existsSync, readdirSync } from 'node:fs';
import { basename, delimiter, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Finding } from '../core/finding.js';
import type { Rubric } from '../core/model.js';
import { closestMatch } from '../core/suggest.js';
import { cachedRubric } from './rubric-cache.js';
import { packageRoot } from './package-root.js';
import { loadRubric, type LoadedRubric } from './rubric-loader.js';

/** Where rubric ids are looked up, in order (docs/assessment-format.md#rubric-search). */
export interface RubricSearch {
  readonly cwd: string;
  /** The value of SWADAYA_RUBRIC_PATH, colon-separated. */
  readonly searchPath: string | undefined;
  /** Rubrics given among a command's inputs; their ids are looked up first. */
  readonly inputRubrics?: readonly string[] | undefined;
}

/** The rubrics shipped with the package: `<package>/rubrics`. Found from this module, bundled or not. */
export function shippedRubricsDir(): string {
  return join(packageRoot(), 'rubrics');
}

function searchPathEntries(search: RubricSearch): string[] {
  return (search.searchPath ?? '').split(delimiter).filter((entry) => entry !== '').map((entry) => resolve(search.cwd, entry));
}

export function rubricDirectories(search: RubricSearch): string[] {
  const dirs = [...searchPathEntries(search), resolve(search.cwd, 'rubrics'), shippedRubricsDir()];
  return [...new Set(dirs)];
}

/** A reference is a path when it looks like one; otherwise it is a rubric id. */
export function isRubricPath(reference: string): boolean {
  return reference.includes('/') || reference.includes('\\') || /\.ya?ml$/.test(reference) || isAbsolute(reference);
}

export interface RubricCandidate {
  readonly id: string;
  readonly dir: string;
}

/** Every `ID/rubric.yaml` (and `ID@VERSION/rubric.yaml`) on the search path, in lookup order (an id may appear more than once). */
/** A SWADAYA_RUBRIC_PATH entry that could not be read, and why (an errno code). */
export interface UnreadableSearchEntry {
  readonly dir: string;
  readonly reason: string;
}

/**
 * Every `ID/rubric.yaml` on the search path, in lookup order (an id may appear more than once).
 * A SWADAYA_RUBRIC_PATH entry that cannot be read is noted in `unreadable` (the user named it;
 * ./rubrics is optional and stays silent).
 */
export function listRubricCandidates(search: RubricSearch, unreadable: UnreadableSearchEntry[] = []): RubricCandidate[] {
  const candidates: RubricCandidate[] = [];
  const named = new Set(searchPathEntries(search));
  for (const base of rubricDirectories(search)) {
    let entries: string[];
    try {
      entries = readdirSync(base).sort();
    } catch (error) {
      if (named.has(base)) unreadable.push({ dir: base, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
      continue;
    }
    for (const entry of entries) {
      // `ID@VERSION/` holds an older version of rubric ID beside the current `ID/` (docs/rubric-format.md).
      if (existsSync(join(base, entry, 'rubric.yaml'))) candidates.push({ id: entry.split('@')[0] ?? entry, dir: join(base, entry) });
    }
  }
  return candidates;
}

/**
 * Loads rubrics by id or path, each once. Where an id is found in several places, the first one
 * with the requested version wins, else the first one.
 */
export class RubricFinder {
  private readonly byPath = new Map<string, Promise<LoadedRubric>>();
  private candidates: RubricCandidate[] | undefined;
  private readonly unreadable: UnreadableSearchEntry[] = [];

  constructor(private readonly search: RubricSearch) {}

  loadPath(path: string): Promise<LoadedRubric> {
    const key = resolve(this.search.cwd, path);
    let loaded = this.byPath.get(key);
    if (!loaded) {
      const cached = cachedRubric(key, shippedRubricsDir());
      loaded = (cached ? Promise.resolve(cached) : loadRubric(key)).then((result) => displayRelative(result, this.search.cwd));
      this.byPath.set(key, loaded);
    }
    return loaded;
  }

  /** Resolves `id` or `id@version` or a path. Returns a finding (in `file`) when there is no such rubric. */
  async find(reference: string, file: string): Promise<LoadedRubric | Finding> {
    if (isRubricPath(reference)) return this.loadPath(reference);
    const [id = '', version] = reference.split('@');
    const fromInputs: LoadedRubric[] = [];
    for (const path of this.search.inputRubrics ?? []) {
      const loaded = await this.loadPath(path);
      if (loaded.rubric?.id === id) fromInputs.push(loaded);
    }
    const exact = fromInputs.find((loaded) => version === undefined || loaded.rubric?.version === version);
    if (exact) return exact;
    this.candidates ??= listRubricCandidates(this.search, this.unreadable);
    const matching = this.candidates.filter((candidate) => candidate.id === id);
    if (matching.length === 0 && fromInputs[0]) return fromInputs[0];
    if (matching.length === 0) {
      // A rubric among the inputs that failed to load is reported with its own errors, not as unknown.
      for (const path of this.search.inputRubrics ?? []) {
        const loaded = await this.loadPath(path);
        if (!loaded.rubric && basename(resolve(this.search.cwd, path)) === id) return loaded;
      }
      const suggestion = closestMatch(id, this.candidates.map((candidate) => candidate.id)) ?? '';
      const unreadable = this.unreadable.map((entry) => `${entry.dir} (${entry.reason})`).join(', ');
      return { code: 'unknown-rubric', severity: 'error', file, args: { id, suggestion, searched: rubricDirectories(this.search).join(delimiter), unreadable } };
    }
    let first: LoadedRubric | undefined;
    for (const candidate of matching) {
      const loaded = await this.loadPath(candidate.dir);
      first ??= loaded;
      if (version === undefined || loaded.rubric?.version === version) return loaded;
    }
    return first!;
  }
}

/**
 * The rubrics that scored a run, in the order of `refs` (each `id@version` once), for titles and
 * indicator ids: the `--rubric` override when given, else each ref itself. A ref no rubric on
 * the search path matches exactly is left out, so callers fall back to ids.
 */
export async function rubricsForRefs(refs: Iterable<{ readonly id: string; readonly version: string }>, search: RubricSearch, override: string | undefined): Promise<Rubric[]> {
  const keys = new Map<string, { readonly id: string; readonly version: string }>();
  for (const ref of refs) if (!keys.has(`${ref.id}@${ref.version}`)) keys.set(`${ref.id}@${ref.version}`, ref);
  const finder = new RubricFinder(search);
  const rubrics: Rubric[] = [];
  for (const [key, ref] of keys) {
    const found = await finder.find(override ?? key, '');
    if ('code' in found || !found.rubric) continue;
    if (found.rubric.id === ref.id && found.rubric.version === ref.version) rubrics.push(found.rubric);
  }
  return rubrics;
}

/**
 * A path as shown to the user: relative to the working directory when it lies inside it, else
 * absolute (a path like `../../lib/node_modules/…` would depend on where the command ran).
 */
export function displayPath(file: string, cwd: string): string {
  const path = relative(cwd, file);
  if (path === '') return '.';
  return path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path) ? resolve(cwd, file) : path;
}

/** Findings name files relative to the working directory, as the user typed them, where that is shorter. */
function displayRelative(loaded: LoadedRubric, cwd: string): LoadedRubric {
  const show = (file: string): string => {
    const path = displayPath(file, cwd);
    return path === '.' ? file : path;
  };
  return { ...loaded, file: show(loaded.file), location: show(loaded.location), findings: loaded.findings.map((finding) => ({ ...finding, file: show(finding.file) })) };
}
