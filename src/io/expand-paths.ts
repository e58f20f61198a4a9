import { readdir as readdirCallback, type Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, normalize, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Finding } from '../core/finding.js';
import { isStdinFile, STDIN_PATH, type StdinFile } from './stdin.js';
import { notRegularFinding, specialKind, type SpecialKind } from './safe-read.js';
import { fileFinding, parseYamlText, readFailure, readTextFile } from './yaml-source.js';

export interface InputEntry {
  readonly kind: 'assessment' | 'rubric';
  /** As the user would write it: relative paths stay relative. */
  readonly path: string;
}

export interface ExpandedInputs {
  readonly entries: readonly InputEntry[];
  readonly findings: readonly Finding[];
}

const YAML_FILE = /\.ya?ml$/i;

/**
 * Files, directories (searched recursively, sorted) and globs to a list of inputs, in the order
 * given. A directory holding rubric.yaml is a rubric, not a folder of assessments. With `stdin`
 * (read by the command), `-` is standard input: an assessment entry whose path is `-`, or the
 * finding that says why it could not be read.
 */
export async function expandPaths(paths: readonly string[], cwd: string, stdin?: StdinFile | Finding): Promise<ExpandedInputs> {
  const entries: InputEntry[] = [];
  const findings: Finding[] = [];
  for (const path of paths) {
    if (path === STDIN_PATH && stdin !== undefined) {
      if (isStdinFile(stdin)) entries.push({ kind: 'assessment', path: STDIN_PATH });
      else findings.push(stdin);
      continue;
    }
    const absolute = resolve(cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      if (isDynamicPattern(path)) {
        await expandGlob(path, cwd, entries, findings);
      } else {
        const finding = readFailure(path, error);
        findings.push((error as NodeJS.ErrnoException).code === 'ELOOP' ? fileFinding('symlink-loop', path) : finding);
      }
      continue;
    }
    if (info.isDirectory()) {
      const before = entries.length;
      await walk(path, cwd, new Set([await realpath(absolute)]), entries, findings);
      if (entries.length === before) findings.push(fileFinding('no-files', path));
    } else if (info.isFile()) {
      entries.push(classifyFile(path));
    } else {
      // Named explicitly, a FIFO or a device is an error: reading it would block or never end.
      findings.push(notRegularFinding(path, specialKind(info)));
    }
  }
  return { entries, findings };
}

function classifyFile(path: string): InputEntry {
  return { kind: basename(path) === 'rubric.yaml' ? 'rubric' : 'assessment', path };
}

/**
 * Expands a glob as `walk` does a directory: a directory it cannot read is an error (as for
 * `score DIR`), a FIFO, device or socket among the matches (or a link to one) is skipped with a
 * warning, and a link to a file is followed. tinyglobby says nothing of the first, and its crawler
 * (fdir) lists only regular files, so its directory reads go through a wrapper: it notes what it
 * cannot read, and shows a special file, or a link to a file or a special file, as a file, so
 * that the pattern decides whether it is a match. Links to directories are not followed.
 */
async function expandGlob(pattern: string, cwd: string, entries: InputEntry[], findings: Finding[]): Promise<void> {
  const unreadable: Finding[] = [];
  const special = new Map<string, SpecialKind>();
  const shown = (path: string): string => relative(cwd, path) || '.';
  const readdirNoting = ((path: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void) => {
    readdirCallback(path, options as { withFileTypes: true }, (error, children) => {
      // A base that does not exist is a glob that matches nothing; any other failure is reported.
      if (error && error.code !== 'ENOENT' && error.code !== 'ENOTDIR') unreadable.push(readFailure(shown(path), error));
      if (error) return callback(error, children);
      if (!children.some((child) => isSpecial(child) || child.isSymbolicLink())) return callback(null, children);
      Promise.all(children.map(async (child) => {
        const kind = await fileKindOf(join(path, child.name), child);
        if (kind === undefined) return child;
        if (kind !== 'file') special.set(shown(join(path, child.name)), kind);
        return seenAsFile(child);
      })).then((seen) => callback(null, seen), (failure: NodeJS.ErrnoException) => callback(failure, []));
    });
  }) as unknown as typeof readdirCallback;
  const matches = await glob(pattern, { cwd, onlyFiles: true, followSymbolicLinks: false, expandDirectories: false, fs: { readdir: readdirNoting } });
  findings.push(...unreadable);
  const files: string[] = [];
  for (const file of matches.filter((match) => YAML_FILE.test(match)).sort()) {
    const kind = special.get(shown(resolve(cwd, file)));
    if (kind !== undefined) findings.push(notRegularFinding(file, kind, 'warning'));
    else files.push(file);
  }
  if (files.length === 0 && unreadable.length === 0) findings.push(fileFinding('glob-no-match', pattern, { pattern }));
  for (const file of files) entries.push(classifyFile(file));
}

/**
 * What a glob should take a directory entry for: 'file' for a link to a regular file, the kind of
 * a FIFO, device or socket (or of a link's target), undefined for what fdir already handles (a
 * regular file, a directory, a link to a directory or a broken link, which it skips).
 */
async function fileKindOf(path: string, entry: Dirent): Promise<'file' | SpecialKind | undefined> {
  if (isSpecial(entry)) return specialKind(entry);
  if (!entry.isSymbolicLink()) return undefined;
  try {
    const target = await stat(path);
    if (target.isDirectory()) return undefined;
    return target.isFile() ? 'file' : specialKind(target);
  } catch {
    return undefined;
  }
}

/** The entry as fdir takes a regular file, its name and place unchanged. */
function seenAsFile(entry: Dirent): Dirent {
  return Object.create(entry, {
    isFile: { value: () => true },
    isSymbolicLink: { value: () => false },
    isFIFO: { value: () => false },
    isSocket: { value: () => false },
    isCharacterDevice: { value: () => false },
    isBlockDevice: { value: () => false },
  }) as Dirent;
}

function isSpecial(entry: Dirent): boolean {
  return entry.isFIFO() || entry.isSocket() || entry.isCharacterDevice() || entry.isBlockDevice();
}

async function walk(dir: string, cwd: string, visited: Set<string>, entries: InputEntry[], findings: Finding[]): Promise<void> {
  let children;
  try {
    children = await readdir(resolve(cwd, dir), { withFileTypes: true });
  } catch (error) {
    findings.push(readFailure(dir, error));
    return;
  }
  let principleFiles = new Set<string>();
  const manifest = children.find((child) => child.name === 'rubric.yaml');
  if (manifest && (manifest.isFile() || (manifest.isSymbolicLink() && (await regularFileAt(resolve(cwd, dir, 'rubric.yaml')))))) {
    entries.push({ kind: 'rubric', path: dir });
    principleFiles = await principleFilesOf(resolve(cwd, dir, 'rubric.yaml'));
    principleFiles.add('rubric.yaml');
  }
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const childPath = childPathOf(dir);
  for (const child of children) {
    if (child.name.startsWith('.') || child.name === 'node_modules') continue;
    const path = childPath(child.name);
    let isDirectory = child.isDirectory();
    let special = isSpecial(child) ? specialKind(child) : undefined;
    if (child.isSymbolicLink()) {
      try {
        const target = await stat(resolve(cwd, path));
        isDirectory = target.isDirectory();
        if (!isDirectory && !target.isFile()) special = specialKind(target);
      } catch (error) {
        findings.push((error as NodeJS.ErrnoException).code === 'ELOOP' ? fileFinding('symlink-loop', path) : readFailure(path, error));
        continue;
      }
    }
    if (special !== undefined) {
      // Inside a directory a FIFO, device or socket is skipped with a warning: reading it would block or never end.
      if (YAML_FILE.test(child.name)) findings.push(notRegularFinding(path, special, 'warning'));
      continue;
    }
    if (isDirectory) {
      const real = await realpath(resolve(cwd, path));
      if (visited.has(real)) {
        findings.push({ ...fileFinding('symlink-loop', path), severity: 'warning' });
        continue;
      }
      await walk(path, cwd, new Set([...visited, real]), entries, findings);
    } else if (YAML_FILE.test(child.name) && !principleFiles.has(child.name)) {
      entries.push({ kind: 'assessment', path });
    }
  }
}

/**
 * `join(dir, name)` for each child `name` of `dir`, with `dir` normalised once rather than per
 * child: a national batch has thousands of files per directory.
 */
function childPathOf(dir: string): (name: string) => string {
  const base = normalize(dir);
  if (base === '.' || base === `.${sep}`) return (name) => name;
  const prefix = base.endsWith(sep) ? base : base + sep;
  return (name) => prefix + name;
}

/** The principle files a rubric manifest names: they belong to the rubric, not to the assessments beside it. */
async function principleFilesOf(manifest: string): Promise<Set<string>> {
  try {
    // The same safe read and parse as every other: a regular file within the limit, no tags, bounded aliases.
    const text = await readTextFile(manifest);
    if (typeof text !== 'string') return new Set();
    const data = parseYamlText(manifest, text).documents[0]?.data;
    const principles = (data as { principles?: unknown } | null)?.principles;
    return new Set(Array.isArray(principles) ? principles.filter((entry): entry is string => typeof entry === 'string') : []);
  } catch {
    return new Set(); // the rubric's own check reports what is wrong with it
  }
}

async function regularFileAt(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
