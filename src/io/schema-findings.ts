import type { Finding } from '../core/finding.js';
import type { YamlDocument, YamlPath } from './yaml-source.js';
import { closestMatch } from '../core/suggest.js';
import type { SchemaError, ValidateFunction } from '../schema/validate-function.js';
import { TOP_LEVEL } from '../i18n/catalogue/findings.js';

/** JSON pointer (`/a/0/b`) to a path of keys and indexes. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export interface SchemaCheckOptions {
  /** Where the validated value sits inside the YAML document (for inline principles). */
  readonly basePath?: YamlPath;
  /** Paths whose errors the caller reports itself, with better words. */
  readonly skip?: (path: readonly (string | number)[]) => boolean;
}

/** Runs a validator and turns its errors into findings placed at the YAML nodes. Never throws. */
export function schemaFindings(
  validate: ValidateFunction,
  data: unknown,
  source: YamlDocument,
  options: SchemaCheckOptions = {},
): Finding[] {
  if (validate(data)) return [];
  const basePath = options.basePath ?? [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of collapse(validate.errors ?? [])) {
    const path = pointerToPath(error.instancePath);
    if (options.skip?.(path)) continue;
    const finding = toFinding(error, [...basePath, ...path], path, source, data);
    const key = `${finding.code}:${finding.line}:${finding.column}:${JSON.stringify(finding.args)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

/**
 * `oneOf`/`if` produce an error for every branch tried; keep the branch-free ones and, where an
 * instance only has branch errors, a single error saying which forms are allowed.
 */
function collapse(errors: readonly SchemaError[]): SchemaError[] {
  const combinators = new Set(['oneOf', 'anyOf', 'if', 'not']);
  const fromBranch = (error: SchemaError): boolean => /\/(oneOf|anyOf)\/\d+\//.test(schemaPathOf(error));
  const direct = errors.filter((error) => !combinators.has(error.keyword) && !fromBranch(error));
  const covered = new Set(direct.map((error) => error.instancePath));
  const combined = errors.filter((error) => (error.keyword === 'oneOf' || error.keyword === 'anyOf') && !covered.has(error.instancePath));
  return [...direct, ...dedupeByPath(combined)];
}

function schemaPathOf(error: SchemaError): string {
  return (error as { schemaPath?: string }).schemaPath ?? '';
}

function dedupeByPath(errors: SchemaError[]): SchemaError[] {
  const byPath = new Map<string, SchemaError>();
  for (const error of errors) if (!byPath.has(error.instancePath)) byPath.set(error.instancePath, error);
  return [...byPath.values()];
}

function toFinding(error: SchemaError, fullPath: YamlPath, path: readonly (string | number)[], source: YamlDocument, data: unknown): Finding {
  const field = describePath(path);
  const params = error.params;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = allowedKeys(error);
      const suggestion = closestMatch(key, allowed);
      return source.finding('unknown-key', [...fullPath, key], { key, field, allowed: allowed.join(', '), suggestion: suggestion ?? '' }, { key: true });
    }
    case 'required':
      return source.finding('missing-key', fullPath, { key: String(params.missingProperty), field });
    case 'type': {
      const value = valueAt(data, path);
      // ajv counts .nan and .inf as no number; say what they are instead of "a number, not a number".
      if (typeof value === 'number' && !Number.isFinite(value)) return source.finding('not-finite', fullPath, { field, value: yamlNumberText(value) });
      return source.finding('wrong-type', fullPath, { field, expected: String(params.type), found: kindOf(value) });
    }
    case 'enum':
      return source.finding('not-allowed-value', fullPath, { field, allowed: (params.allowedValues as unknown[]).join(', ') });
    case 'pattern':
      return source.finding('bad-format', fullPath, { field, pattern: String(params.pattern) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return source.finding('out-of-range', fullPath, { field, limit: `${comparisonOf(error.keyword)} ${String(params.limit)}`, value: String(valueAt(data, path)) });
    case 'minItems':
      if (Number(params.limit) > 1) return source.finding('too-few-items', fullPath, { field, limit: Number(params.limit), found: arrayLength(valueAt(data, path)) });
      return source.finding('empty-value', fullPath, { field });
    case 'minProperties':
    case 'minLength':
      return source.finding('empty-value', fullPath, { field });
    case 'uniqueItems':
      return source.finding('duplicate-item', fullPath, { field });
    case 'oneOf':
    case 'anyOf':
      return source.finding('wrong-shape', fullPath, { field });
    default:
      return source.finding('schema', fullPath, { field, detail: error.message ?? error.keyword });
  }
}

/** The JSON type of a value, as ajv names types; the message catalogue words it. */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function yamlNumberText(value: number): string {
  return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
}

function arrayLength(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const step of path) value = typeof value === 'object' && value !== null && Object.hasOwn(value, step) ? (value as Record<string, unknown>)[step] : undefined;
  return value;
}

function comparisonOf(keyword: string): string {
  return { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' }[keyword] ?? keyword;
}

function allowedKeys(error: SchemaError): string[] {
  const parent = (error as { parentSchema?: { properties?: Record<string, unknown> } }).parentSchema;
  return Object.keys(parent?.properties ?? {});
}

/** `answers.x.level`, `phases[0].exit[2]`: how the user sees a place in the file. */
export function describePath(path: readonly (string | number)[]): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
  return text === '' ? TOP_LEVEL : text;
}
