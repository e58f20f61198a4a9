import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Finding } from '../core/finding.js';
import { fileFinding, parseYamlText, readFailure } from './yaml-source.js';

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
 * given. A directory holding rubric.yaml is a rubric, not a folder of assessments.
 */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<ExpandedInputs> {
  const entries: InputEntry[] = [];
  const findings: Finding[] = [];
  for (const path of paths) {
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
    } else {
      entries.push(classifyFile(path));
    }
  }
  return { entries, findings };
}

function classifyFile(path: string): InputEntry {
  return { kind: basename(path) === 'rubric.yaml' ? 'rubric' : 'assessment', path };
}

async function expandGlob(pattern: string, cwd: string, entries: InputEntry[], findings: Finding[]): Promise<void> {
  const matches = await glob(pattern, { cwd, onlyFiles: true, followSymbolicLinks: false, expandDirectories: false });
  const files = matches.filter((file) => YAML_FILE.test(file)).sort();
  if (files.length === 0) findings.push(fileFinding('glob-no-match', pattern, { pattern }));
  for (const file of files) entries.push(classifyFile(file));
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
  if (children.some((child) => child.name === 'rubric.yaml' && !child.isDirectory())) {
    entries.push({ kind: 'rubric', path: dir });
    principleFiles = await principleFilesOf(resolve(cwd, dir, 'rubric.yaml'));
    principleFiles.add('rubric.yaml');
  }
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const child of children) {
    if (child.name.startsWith('.') || child.name === 'node_modules') continue;
    const path = join(dir, child.name);
    let isDirectory = child.isDirectory();
    if (child.isSymbolicLink()) {
      try {
        isDirectory = (await stat(resolve(cwd, path))).isDirectory();
      } catch (error) {
        findings.push((error as NodeJS.ErrnoException).code === 'ELOOP' ? fileFinding('symlink-loop', path) : readFailure(path, error));
        continue;
      }
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

/** The principle files a rubric manifest names: they belong to the rubric, not to the assessments beside it. */
async function principleFilesOf(manifest: string): Promise<Set<string>> {
  try {
    // The same safe parse as every other read: no tags, bounded aliases, no warnings printed.
    const data = parseYamlText(manifest, await readFile(manifest, 'utf8')).documents[0]?.data;
    const principles = (data as { principles?: unknown } | null)?.principles;
    return new Set(Array.isArray(principles) ? principles.filter((entry): entry is string => typeof entry === 'string') : []);
  } catch {
    return new Set(); // the rubric's own check reports what is wrong with it
  }
}
