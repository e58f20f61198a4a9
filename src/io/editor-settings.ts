import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { applyEdits, modify, parse, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import { packageRoot } from './package-root.js';

/** Where `swadaya init` writes the rubric's schema, relative to the project root. */
export function projectSchemaFile(rubricId: string): string {
  return join('.swadaya', `${rubricId}.schema.json`);
}

/** The globs `swadaya init` maps to the schema unless told otherwise. */
export const DEFAULT_ASSESSMENT_GLOBS: readonly string[] = ['assessments/**/*.yaml', 'assessments/**/*.yml'];

export const EDITOR_SETTINGS_FILE = join('.vscode', 'settings.json');

/** A path for JSON settings and modelines: forward slashes on every platform. */
const portable = (path: string): string => path.split(sep).join('/');

/**
 * `text` (the content of .vscode/settings.json, JSON with comments, or '' when there is none)
 * with `yaml.schemas[./SCHEMA]` set to `globs`; every other setting and comment is kept.
 * Throws a SyntaxError naming line and column when the file is not readable JSON.
 */
export function withSchemaMapping(text: string, schemaFile: string, globs: readonly string[]): string {
  const errors: ParseError[] = [];
  const current = text.trim() === '' ? {} : (parse(text, errors, { allowTrailingComma: true }) as unknown);
  if (errors.length > 0 || typeof current !== 'object' || current === null || Array.isArray(current)) {
    const offset = errors[0]?.offset ?? 0;
    const before = text.slice(0, offset).split('\n');
    throw new SyntaxError(`${before.length}:${(before.at(-1)?.length ?? 0) + 1}`);
  }
  const source = text.trim() === '' ? '{}\n' : text;
  const key = `./${portable(schemaFile)}`;
  const edits = modify(source, ['yaml.schemas', key], [...globs], { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  return applyEdits(source, edits);
}

/**
 * Whether an editor mapping (`yaml.schemas` in a .vscode/settings.json of `file`'s directory or
 * one above it) already gives `file` a schema: then a modeline is not needed.
 */
export async function hasSchemaMapping(file: string): Promise<boolean> {
  let dir = dirname(file);
  for (;;) {
    const text = await readFile(join(dir, EDITOR_SETTINGS_FILE), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const settings = parse(text, [], { allowTrailingComma: true }) as { 'yaml.schemas'?: Record<string, string | string[]> } | undefined;
      const path = portable(relative(dir, file));
      for (const globs of Object.values(settings?.['yaml.schemas'] ?? {})) {
        if (picomatch([globs].flat(), { dot: true })(path)) return true;
      }
    }
    const up = dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
}

/** The first line of a file that names its schema, as a path relative to the file's own directory. */
export function modelineFor(file: string, schemaFile: string): string {
  const path = portable(relative(dirname(file), schemaFile));
  return `yaml-language-server: $schema=${path.startsWith('.') ? path : `./${path}`}`;
}

/** The assessment schema shipped with swadaya, for a modeline when no editor mapping covers a file. */
export function shippedAssessmentSchema(): string {
  return join(packageRoot(), 'schemas', 'assessment.schema.json');
}

/**
 * The modeline for an assessment file about to be written at `file`: none when the project maps
 * it to a schema (`swadaya init`), else the shipped schema relative to the file's own directory.
 */
export async function modelineForNewFile(file: string): Promise<string | undefined> {
  return (await hasSchemaMapping(file)) ? undefined : modelineFor(file, shippedAssessmentSchema());
}
