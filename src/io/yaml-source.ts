import { readFile } from 'node:fs/promises';
import { isMap, isNode, isPair, isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Finding } from '../core/finding.js';

/** yaml's own default is 100; real rubrics and assessments use none. A bomb stops here. */
const MAX_ALIAS_COUNT = 50;

export type YamlPath = readonly (string | number)[];

/** One YAML document of a file, parsed once; positions are worked out only when a finding needs one. */
export class YamlDocument {
  private lineCounter: LineCounter | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly index: number,
    readonly doc: Document.Parsed,
  ) {}

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
export async function readTextFile(file: string): Promise<string | Finding> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return readFailure(file, error);
  }
  return decodeText(file, bytes);
}

export function readFailure(file: string, error: unknown): Finding {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'ENOENT') return fileFinding('path-not-found', file);
  if (code === 'EISDIR') return fileFinding('is-a-directory', file);
  if (code === 'EACCES' || code === 'EPERM') return fileFinding('permission-denied', file);
  return fileFinding('unreadable-file', file, { reason: code });
}

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
export function parseYamlText(file: string, text: string): ParsedYamlFile {
  const parsed = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false });
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
  for (const error of doc.errors) {
    const code = error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax';
    const detail = firstLine(error.message);
    findings.push({ code, severity: 'error', file: source.file, ...source.locate(error.pos[0]), args: { detail } });
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1] ?? '';
      findings.push({ code: 'yaml-tag', severity: 'error', file: source.file, ...source.locate(warning.pos[0]), args: { tag } });
    }
  }
  if (findings.length > 0) return { source, data: undefined, findings };
  try {
    return { source, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), findings };
  } catch (error) {
    const detail = firstLine(error instanceof Error ? error.message : String(error));
    const offset = doc.contents?.range?.[0] ?? 0;
    return { source, data: undefined, findings: [{ code: 'yaml-alias', severity: 'error', file: source.file, ...source.locate(offset), args: { detail } }] };
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

export async function readYamlFile(file: string): Promise<ParsedYamlFile> {
  const text = await readTextFile(file);
  if (typeof text !== 'string') return { file, documents: [], findings: [text] };
  return parseYamlText(file, text);
}
