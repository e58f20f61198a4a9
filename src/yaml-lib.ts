import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Yaml from 'yaml';

/** The bundled yaml library's file within dist/, defined by scripts/build.mjs; undefined when the sources run unbundled (the tests). */
declare const __SWADAYA_YAML_LIB__: string | undefined;

let loaded: typeof Yaml | undefined;

/**
 * The `yaml` library, loaded on first use (docs/architecture.md#the-build). Most runs never call
 * it: assessments are read by the fast parser and the shipped rubrics come from the build's cache;
 * it parses exactly only where a finding needs a line and column, a rubric of one's own, or the
 * interview's edits. Imported like any module, its quarter megabyte was compiled and run at every
 * start and in every worker thread. It is one self-contained CommonJS file, so `require` loads it
 * at once, where it is needed, without making its callers asynchronous.
 */
export function yaml(): typeof Yaml {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  if (typeof __SWADAYA_YAML_LIB__ !== 'string') return (loaded = require('yaml') as typeof Yaml);
  const here = fileURLToPath(import.meta.url);
  const dist = here.lastIndexOf(`${sep}dist${sep}`);
  return (loaded = require(join(here.slice(0, dist), 'dist', __SWADAYA_YAML_LIB__)) as typeof Yaml);
}

// yaml's type guards and parse functions, bound on their first call.
export const isCollection = ((node: unknown) => yaml().isCollection(node)) as typeof Yaml.isCollection;
export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isNode = ((node: unknown) => yaml().isNode(node)) as typeof Yaml.isNode;
export const isPair = ((node: unknown) => yaml().isPair(node)) as typeof Yaml.isPair;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
export const parseAllDocuments = ((...args: Parameters<typeof Yaml.parseAllDocuments>) => yaml().parseAllDocuments(...args)) as typeof Yaml.parseAllDocuments;
export const parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) => yaml().parseDocument(...args)) as typeof Yaml.parseDocument;
export const stringify = ((...args: Parameters<typeof Yaml.stringify>) => yaml().stringify(...args)) as typeof Yaml.stringify;
