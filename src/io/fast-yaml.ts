import jsYaml from 'js-yaml';

/**
 * Text the fast parser might read differently from `yaml` (the exact parser that reports
 * positions): explicit tags, anchors and aliases, merge keys, binary and signed-dot numbers,
 * prototype keys. Such a file always takes the exact path.
 */
/** A cheap first look: most files hold none of these, and skip the full pattern. */
const MAYBE_EXACT = /[!&*%?<]|__proto__|0b|[+-]\./;
const NEEDS_EXACT_PARSER = /(?:^|[\s[\]{},:-])[!&*]|<<|\b0b[01]|[+-]\.\d|__proto__|^%|^\s*\?/m;

/**
 * The fast path of docs/commands.md#scale: js-yaml, with the YAML 1.2 core schema, reads a plain file several
 * times faster than `yaml`'s document model. Returns the documents' data, or undefined when the
 * file must go through the exact parser instead: anything unusual, anything it rejects, empty
 * documents. The exact parser also re-reads every file whose data turns out to be invalid, so
 * every error is still reported with its line and column.
 */
export function parseFast(text: string): unknown[] | undefined {
  if (MAYBE_EXACT.test(text) && NEEDS_EXACT_PARSER.test(text)) return undefined;
  let documents: unknown[];
  try {
    documents = jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (documents.length === 0 || documents.some((document) => document === null || document === undefined)) return undefined;
  return documents;
}
