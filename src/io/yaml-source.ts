import type { Document, LineCounter, Pair, YAMLMap } from 'yaml';
import { isCollection, isMap, isNode, isPair, isScalar, parseAllDocuments, yaml } from '../yaml-lib.js';
import type { Finding } from '../core/finding.js';
import { readFailureFinding, readRegularFile, readRegularFileSync } from './safe-read.js';

/** yaml's own default is 100; real rubrics and assessments use none. A bomb stops here. */
const MAX_ALIAS_COUNT = 50;

/**
 * Rubrics and assessments are plain data: the YAML 1.2 core schema even under a `%YAML 1.1`
 * directive, and none of the tags that construct objects (!!binary, !!set, !!omap, !!timestamp,
 * merge keys). Any other tag is reported as `yaml-tag`.
 */
const PARSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, schema: 'core', resolveKnownTags: false, merge: false, logLevel: 'error' } as const;

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
        const pair = pairIndex(node as YAMLMap).get(String(segment));
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

  /** Findings made for this document: past MAX_FINDINGS_PER_FILE they are only counted, so their places are not worked out. */
  private made = 0;

  finding(
    code: string,
    path: YamlPath,
    args: Record<string, string | number> = {},
    options: { key?: boolean; severity?: 'error' | 'warning' } = {},
  ): Finding {
    this.made += 1;
    const place = this.made > MAX_FINDINGS_PER_FILE ? {} : this.positionOf(path, options);
    return { code, severity: options.severity ?? 'error', file: this.file, ...place, args };
  }
}

const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/**
 * The pairs of a map by key, built once per map: a file with 30,000 unknown keys asks for
 * 30,000 places, and a scan of the map for each would be quadratic. The first pair of a key wins.
 */
function pairIndex(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key)) {
        const key = String(item.key.value);
        if (!index.has(key)) index.set(key, item as Pair);
      }
    }
    pairIndexes.set(map, index);
  }
  return index;
}

function countLines(text: string): LineCounter {
  const counter = new (yaml().LineCounter)();
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
export async function readTextFile(file: string, shown = file, limit?: number): Promise<string | Finding> {
  const bytes = await readRegularFile(file, shown, limit);
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

export function parseYamlText(file: string, fullText: string): ParsedYamlFile {
  const findings: Finding[] = [];
  const { text, total } = firstDocuments(fullText);
  if (total > MAX_DOCUMENTS) findings.push(tooManyDocuments(file, total));
  const deep = tooDeepAt(text, MAX_NESTING);
  if (deep !== undefined) {
    const place = new YamlDocument(file, text, 0, () => { throw new Error('unused'); }).locate(deep);
    return { file, documents: [], findings: [...findings, { code: 'yaml-too-deep', severity: 'error', file, ...place, args: { limit: MAX_NESTING } }] };
  }
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
  } catch (error) {
    // The nesting check above keeps the parser's recursion shallow; this is the last line of defence.
    return { file, documents: [], findings: [...findings, { ...fileFinding('yaml-syntax', file, { detail: detailOf(String(error)) }), line: 1, column: 1 }] };
  }
  const docs = Array.isArray(parsed) ? parsed : [];
  const documents = docs
    .map((doc, index) => parseDocument(new YamlDocument(file, text, index, doc)))
    .filter((document) => !(document.data === null && document.findings.length === 0 && docs.length > 1));
  if (documents.length === 0 && findings.length === 0) findings.push(fileFinding(fullText.trim() === '' ? 'empty-file' : 'no-content', file));
  return { file, documents, findings };
}

/**
 * Nesting deeper than this is refused before parsing (README, "Limits"): rubrics and
 * assessments nest a handful of levels, and both YAML parsers recurse once per level.
 */
export const MAX_NESTING = 64;
/** Documents read from one file; the rest are counted and reported, so memory stays bounded. */
export const MAX_DOCUMENTS = 1000;
/** Findings reported for one file; the rest are counted in one more finding. */
export const MAX_FINDINGS_PER_FILE = 100;

/** The first MAX_FINDINGS_PER_FILE findings of a file, and one more that counts the rest. */
export function capFindings(file: string, findings: readonly Finding[]): readonly Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_FILE) return findings;
  const rest = findings.length - MAX_FINDINGS_PER_FILE;
  return [...findings.slice(0, MAX_FINDINGS_PER_FILE), { code: 'more-findings', severity: 'error', file, args: { count: rest, limit: MAX_FINDINGS_PER_FILE } }];
}

export function tooManyDocuments(file: string, total: number): Finding {
  return { code: 'too-many-documents', severity: 'error', file, args: { count: total, limit: MAX_DOCUMENTS } };
}

const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;

/**
 * The text of a file's first MAX_DOCUMENTS documents, and how many documents it holds (by
 * its `---` lines): one million `---` lines are counted, never parsed.
 */
export function firstDocuments(text: string): { text: string; total: number } {
  if (!text.includes('---')) return { text, total: 1 };
  DOCUMENT_START.lastIndex = 0;
  let first = DOCUMENT_START.exec(text);
  if (!first) return { text, total: 1 };
  // Content before the first `---` (other than comments, blank lines and directives) is a document of its own.
  const before = text.slice(0, first.index).split('\n').some((line) => line.trim() !== '' && !line.trimStart().startsWith('#') && !line.startsWith('%'));
  let total = before ? 1 : 0;
  let cut: number | undefined;
  for (; first; first = DOCUMENT_START.exec(text)) {
    total += 1;
    if (total === MAX_DOCUMENTS + 1) cut = first.index;
  }
  return { text: cut === undefined ? text : text.slice(0, cut), total };
}

/**
 * The offset where the nesting of block collections (by indentation, `- ` and `? ` on a line)
 * plus flow collections (`[`, `{`) first goes deeper than `limit`, or undefined. A linear scan,
 * far cheaper than the parse it guards; quoted text and comments do not count.
 */
export function tooDeepAt(text: string, limit: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote = '';
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let column = start;
    while (column < end && (text[column] === ' ' || text[column] === '\t')) column += 1;
    const blank = column === end || text[column] === '#' || text[column] === '\r';
    if (!blank && flow === 0 && quote === '') {
      const indent = column - start;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      // `- - - x` and `? ` open a collection each on the same line.
      while ((text[column] === '-' || text[column] === '?') && (text[column + 1] === ' ' || column + 1 === end)) {
        column += 1;
        while (column < end && text[column] === ' ') column += 1;
        indents.push(column - start);
        if (indents.length > limit) return column;
      }
      if (indents.length > limit) return column;
    }
    if (!blank) {
      for (let at = column; at < end; at += 1) {
        const char = text[at];
        if (quote !== '') {
          if (char === quote) quote = '';
        } else if (char === '"' || char === "'") {
          if (at === column || /[\s[{,:]/.test(text[at - 1]!)) quote = char;
        } else if (char === '#' && (at === column || text[at - 1] === ' ')) {
          break;
        } else if (char === '[' || char === '{') {
          flow += 1;
          if (indents.length + flow > limit) return at;
        } else if ((char === ']' || char === '}') && flow > 0) {
          flow -= 1;
        }
      }
      // A plain multi-line string ends with its line for this count; a quoted one may continue.
    }
    start = end + 1;
  }
  return undefined;
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
  for (const error of doc.errors) add('yaml-syntax', error.pos[0], { detail: detailOf(error.message), yamlCode: error.code });
  for (const duplicate of duplicateKeys(doc)) add('duplicate-key', duplicate.offset, { key: duplicate.key });
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      const tag = (/Unresolved tag: (\S+)/.exec(warning.message)?.[1] ?? '').replace(/^tag:yaml\.org,2002:/, '!!');
      add('yaml-tag', warning.pos[0], { tag });
    }
  }
  if (MAYBE_COLLECTION_KEY.test(source.text)) for (const offset of collectionKeys(doc)) add('yaml-collection-key', offset, {});
  if (findings.length > 0) return { source, data: undefined, findings };
  try {
    return { source, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), findings };
  } catch (error) {
    const detail = detailOf(error instanceof Error ? error.message : String(error));
    add(/alias/i.test(detail) ? 'yaml-alias' : 'yaml-syntax', doc.contents?.range?.[0] ?? 0, { detail });
    return { source, data: undefined, findings };
  }
}

/**
 * Keys that appear twice in the same map, in one pass over the document with a set per map.
 * yaml's own check (uniqueKeys) compares each key with every earlier one: 10,000 duplicates
 * took 31 s. The walk keeps its own stack, so deep documents cannot overflow it.
 */
function duplicateKeys(doc: Document.Parsed): { offset: number; key: string }[] {
  const found: { offset: number; key: string }[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) found.push({ offset: pair.key.range?.[0] ?? 0, key: String(pair.key.value) });
          else seen.add(pair.key.value);
        } else if (isCollection(pair.key)) {
          stack.push(pair.key);
        }
        stack.push(pair.value);
      }
    } else if (isCollection(node)) {
      for (const item of node.items) stack.push(isPair(item) ? item.value : item);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Keys that are maps or lists (`? [a, b]: c`, `{a: 1}: b`) cannot be data keys. Offsets of the first few. */
function collectionKeys(doc: Document.Parsed): number[] {
  const offsets: number[] = [];
  const { visit } = yaml();
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) offsets.push(pair.key.range?.[0] ?? 0);
      return offsets.length >= MAX_FINDINGS_PER_FILE ? visit.BREAK : undefined;
    },
  });
  return offsets;
}

/** Only text with an explicit key (`? `) or a flow collection before a colon can hold a collection key. */
const MAYBE_COLLECTION_KEY = /^\s*(?:- +)*\?(?:\s|$)|[\]}]\s*:(?:\s|$)/m;

const TOO_DEEP = 'the document is nested too deeply';

export function detailOf(message: string): string {
  if (message.includes('Maximum call stack size exceeded')) return TOO_DEEP;
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

export async function readYamlFile(file: string): Promise<ParsedYamlFile> {
  const text = await readTextFile(file);
  if (typeof text !== 'string') return { file, documents: [], findings: [text] };
  return parseYamlText(file, text);
}
