import { isMap, isNode, isPair, isScalar, LineCounter, parseAllDocuments, visit, type Document } from 'yaml';
import type { Finding } from '../core/finding.js';
import { readFailureFinding, readRegularFile, readRegularFileSync } from './safe-read.js';

/** yaml's own default is 100; real rubrics and assessments use none. A bomb stops here. */
const MAX_ALIAS_COUNT = 50;

/**
 * Rubrics and assessments are plain data: the YAML 1.2 core schema even under a `%YAML 1.1`
 * directive, and none of the tags that construct objects (!!binary, !!set, !!omap, !!timestamp,
 * merge keys). Any other tag is reported as `yaml-tag`.
 */
const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, schema: 'core', resolveKnownTags: false, merge: false } as const;

export type YamlPath = readonly (string | number)[];

/** One YAML document of a file, parsed once; positions are worked out only when a finding needs one. */
export class YamlDocument {
  private lineCounter: LineCounter | undefined;
  private parsed: Document.Parsed | undefined;

  /** `doc` may be a function: a document read by the fast parser is parsed exactly only when a finding needs a place. */
  constructor(
    readonly file: string,
    readonly text: string,
    readonly index: number,
    private readonly source: Document.Parsed | (() => Document.Parsed),
  ) {}

  get doc(): Document.Parsed {
    this.parsed ??= typeof this.source === 'function' ? this.source() : this.source;
    return this.parsed;
  }

  /** 1-based line and column of an offset into the file's text. */
  locate(offset: number): { line: number; column: number } {
    this.lineCounter ??= countLines(this.text);
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  /** The node at `path`, or the deepest existing node above it. With `key`, the key of the last step. */
  positionOf(path: YamlPath, options: { key?: boolean } = {}): { line: number; column: number } {
    let node: unknown = this.doc.contents;
    let offset = node && isNode(node) && node.range ? node.range[0] : 0;
    for (const [step, segment] of path.entries()) {
      if (!isNode(node) || !('items' in node)) break;
      const items = (node as { items: unknown[] }).items;
      let next: unknown;
      let keyNode: unknown;
      if (isMap(node)) {
        const pair = items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!isPair(pair)) break;
        next = pair.value;
        keyNode = pair.key;
      } else {
        next = typeof segment === 'number' ? items[segment] : undefined;
      }
      const isLast = step === path.length - 1;
      const target = isLast && options.key && keyNode ? keyNode : next;
      if (isNode(target) && target.range) offset = target.range[0];
      else if (isNode(keyNode) && keyNode.range) offset = keyNode.range[0];
      node = next;
    }
    return this.locate(offset);
  }

  /** The text of the scalar at `path` as written in the file, before YAML read it as a number. */
  sourceText(path: YamlPath): string | undefined {
    const node = this.doc.getIn(path, true);
    return isScalar(node) && node.range ? this.text.slice(node.range[0], node.range[1]) : undefined;
  }

  finding(
    code: string,
    path: YamlPath,
    args: Record<string, string | number> = {},
    options: { key?: boolean; severity?: 'error' | 'warning' } = {},
  ): Finding {
    return {
      code,
      severity: options.severity ?? 'error',
      file: this.file,
      ...this.positionOf(path, options),
      args,
    };
  }
}

function countLines(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  return counter;
}

export interface ParsedYamlDocument {
  readonly source: YamlDocument;
  /** The plain data, or undefined when the document could not be read at all. */
  readonly data: unknown;
  readonly findings: readonly Finding[];
}

export interface ParsedYamlFile {
  readonly file: string;
  readonly documents: readonly ParsedYamlDocument[];
  /** Problems with the file as a whole: unreadable, binary, empty. */
  readonly findings: readonly Finding[];
}

export function fileFinding(code: string, file: string, args: Record<string, string | number> = {}): Finding {
  return { code, severity: 'error', file, args };
}

/** Reads a file as UTF-8 text, or returns the finding that explains why it cannot be read. */
export async function readTextFile(file: string, shown = file): Promise<string | Finding> {
  const bytes = await readRegularFile(file, shown);
  return bytes instanceof Uint8Array ? decodeText(shown, bytes) : bytes;
}

/** readTextFile without the event loop: for a batch worker, where nothing else waits on it. */
export function readTextFileSync(file: string, shown = file): string | Finding {
  const bytes = readRegularFileSync(file, shown);
  return bytes instanceof Uint8Array ? decodeText(shown, bytes) : bytes;
}

export const readFailure = readFailureFinding;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeText(file: string, bytes: Uint8Array): string | Finding {
  if (bytes.includes(0)) return fileFinding('binary-file', file);
  try {
    // ignoreBOM: false strips a leading byte-order mark.
    return utf8.decode(bytes);
  } catch {
    return fileFinding('binary-file', file);
  }
}

/** Parses every YAML document of a text. Never throws. */
/**
 * The documents of a text that the fast parser has already read, each able to parse itself exactly
 * (once per file) when a finding needs a line and column.
 */
export function lazyYamlDocuments(file: string, text: string, count: number): YamlDocument[] {
  let exact: Document.Parsed[] | undefined;
  const documentAt = (index: number): Document.Parsed => {
    exact ??= parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
    return exact[index] ?? exact[0]!;
  };
  return Array.from({ length: count }, (_, index) => new YamlDocument(file, text, index, () => documentAt(index)));
}

export function parseYamlText(file: string, text: string): ParsedYamlFile {
  const parsed = parseAllDocuments(text, PARSE_OPTIONS);
  const docs = Array.isArray(parsed) ? parsed : [];
  const documents = docs
    .map((doc, index) => parseDocument(new YamlDocument(file, text, index, doc)))
    .filter((document) => !(document.data === null && document.findings.length === 0 && docs.length > 1));
  const findings: Finding[] = [];
  if (documents.length === 0) findings.push(fileFinding(text.trim() === '' ? 'empty-file' : 'no-content', file));
  return { file, documents, findings };
}

function parseDocument(source: YamlDocument): ParsedYamlDocument {
  const { doc } = source;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (code: string, offset: number, args: Record<string, string>): void => {
    // One finding per place: yaml often reports one slip twice, and deep nesting at every level.
    const key = args.detail === TOO_DEEP ? TOO_DEEP : `${code}:${offset}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({ code, severity: 'error', file: source.file, ...source.locate(offset), args });
  };
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') add('duplicate-key', error.pos[0], { key: keyAt(doc, error.pos[0]) });
    else add('yaml-syntax', error.pos[0], { detail: detailOf(error.message) });
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      const tag = (/Unresolved tag: (\S+)/.exec(warning.message)?.[1] ?? '').replace(/^tag:yaml\.org,2002:/, '!!');
      add('yaml-tag', warning.pos[0], { tag });
    }
  }
  if (findings.length > 0) return { source, data: undefined, findings };
  try {
    return { source, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), findings };
  } catch (error) {
    const detail = detailOf(error instanceof Error ? error.message : String(error));
    add(/alias/i.test(detail) ? 'yaml-alias' : 'yaml-syntax', doc.contents?.range?.[0] ?? 0, { detail });
    return { source, data: undefined, findings };
  }
}

/** The key that starts at `offset`, for naming a duplicate key. */
function keyAt(doc: Document.Parsed, offset: number): string {
  let key = '';
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      key = String(pair.key.value);
      return visit.BREAK;
    },
  });
  return key;
}

const TOO_DEEP = 'the document is nested too deeply';

function detailOf(message: string): string {
  if (message.includes('Maximum call stack size exceeded')) return TOO_DEEP;
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

export async function readYamlFile(file: string): Promise<ParsedYamlFile> {
  const text = await readTextFile(file);
  if (typeof text !== 'string') return { file, documents: [], findings: [text] };
  return parseYamlText(file, text);
}
