import type { Document, Node, YAMLMap } from 'yaml';
import { isMap, isPair, isScalar, isSeq, parseDocument, yaml } from '../yaml-lib.js';
import type { Answer } from '../core/model.js';

/** The header of an assessment as the file holds it; a field that is absent or blank is undefined. */
export interface AssessmentHeader {
  readonly rubric: string | undefined;
  readonly communityId: string | undefined;
  readonly name: string | undefined;
  readonly region: string | undefined;
  readonly period: string | undefined;
  readonly assessors: readonly string[];
  /** docs/ratings.md: a named rater, `consensus`, or undefined. */
  readonly rater: string | undefined;
  readonly phase: string | undefined;
}

/** Joins a map key and its inner key in a slot name (see slotValues); never in a YAML key. */
const SLOT_SEPARATOR = '\u0000';

/** Where a key goes when the file does not have it yet (see setOrdered). */
const TOP_LEVEL_ORDER = ['rubric', 'community', 'period', 'assessed', 'assessors', 'rater', 'phase', 'answers'];
const COMMUNITY_ORDER = ['id', 'name', 'region'];
const ANSWER_ORDER = ['level', 'na', 'note', 'evidence'];
/** An answer line (`  id: {level: 2, note: …}`) wider than this is written as a block map instead. */
const FLOW_ANSWER_WIDTH = 100;

/**
 * One assessment file edited through yaml's Document API, so a file edited by hand keeps its
 * comments, blank lines and key order. Pure: no fs.
 */
export class AssessmentDocument {
  private constructor(private doc: Document) {}

  /** A new assessment naming `rubric` (`id@version`). */
  static create(rubric: string): AssessmentDocument {
    const document = new AssessmentDocument(new (yaml().Document)({}));
    document.setRubric(rubric);
    return document;
  }

  /** Undefined when the text is not one readable YAML document. A text of comments alone gives an empty assessment that keeps them. */
  static parse(text: string): AssessmentDocument | undefined {
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length > 0) return undefined;
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
      doc.contents = doc.createNode({}) as Node as typeof doc.contents;
    }
    if (!isMap(doc.contents)) return undefined;
    return new AssessmentDocument(doc);
  }

  /** Puts `line` (e.g. a yaml-language-server modeline) first in the file, unless the file already starts with a comment. */
  setLeadingComment(line: string): void {
    if (this.doc.commentBefore) return;
    this.doc.commentBefore = ` ${line}`;
  }

  clone(): AssessmentDocument {
    return new AssessmentDocument(this.doc.clone());
  }

  /**
   * The file's text. Flow collections are written `[a, b]` and `{level: 2, note: …}`, as in
   * docs/assessment-format.md; long lines are not folded, so a hand-written `{level: 2, note: …}` stays on its line.
   */
  toString(): string {
    return this.doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
  }

  get header(): AssessmentHeader {
    const text = (value: unknown): string | undefined => {
      if (typeof value === 'number') return String(value);
      return typeof value === 'string' && value.trim() !== '' ? value : undefined;
    };
    const assessors = this.doc.get('assessors');
    return {
      rubric: text(this.doc.get('rubric')),
      communityId: text(this.doc.getIn(['community', 'id'])),
      name: text(this.doc.getIn(['community', 'name'])),
      region: text(this.doc.getIn(['community', 'region'])),
      period: text(this.doc.get('period')),
      assessors: isSeq(assessors) ? assessors.items.map((item) => (isScalar(item) ? String(item.value ?? '') : '')).filter((name) => name !== '') : [],
      rater: text(this.doc.get('rater')),
      phase: text(this.doc.get('phase')),
    };
  }

  /** The community id, name and period are set: the header needs no questions. */
  get headerComplete(): boolean {
    const { communityId, name, period } = this.header;
    return communityId !== undefined && name !== undefined && period !== undefined;
  }

  /** Names the rubric unless the file already does. */
  setRubric(rubric: string): void {
    if (this.header.rubric === undefined) setOrdered(this.doc, this.root(), 'rubric', rubric, TOP_LEVEL_ORDER);
  }

  setCommunityId(id: string): void {
    // Quoted so a village code stays visibly a string (leading zeros matter).
    const { Scalar } = yaml();
    const node = new Scalar(id);
    node.type = Scalar.QUOTE_DOUBLE;
    setOrdered(this.doc, this.community(), 'id', node, COMMUNITY_ORDER);
  }

  setCommunityName(name: string): void {
    setOrdered(this.doc, this.community(), 'name', name, COMMUNITY_ORDER);
  }

  /** An empty region removes the key. */
  setRegion(region: string): void {
    if (region === '') this.community().delete('region');
    else setOrdered(this.doc, this.community(), 'region', region, COMMUNITY_ORDER);
  }

  setPeriod(period: string): void {
    setOrdered(this.doc, this.root(), 'period', period, TOP_LEVEL_ORDER);
  }

  /** No assessors removes the key. */
  setAssessors(assessors: readonly string[]): void {
    if (assessors.length === 0) {
      this.root().delete('assessors');
      return;
    }
    const node = this.doc.createNode([...assessors]);
    node.flow = true;
    setOrdered(this.doc, this.root(), 'assessors', node, TOP_LEVEL_ORDER);
  }

  /** Names the file's rater (docs/ratings.md). */
  setRater(rater: string): void {
    setOrdered(this.doc, this.root(), 'rater', rater, TOP_LEVEL_ORDER);
  }

  /** Undefined ("let the evidence decide") removes the key. */
  setPhase(phase: string | undefined): void {
    if (phase === undefined) this.root().delete('phase');
    else setOrdered(this.doc, this.root(), 'phase', phase, TOP_LEVEL_ORDER);
  }

  /** Makes sure `answers:` is a map, so that the file is a complete assessment even before the first answer. */
  ensureAnswers(): YAMLMap {
    return this.topLevelMap('answers');
  }

  /**
   * Writes one answer: a plain level, `{level, note}`, or `{na: reason}`. An answer the file
   * writes as a map keeps that map, with its comments and any further keys (evidence).
   * A new key goes where `indicatorOrder` (the rubric's order) puts it.
   */
  setAnswer(id: string, answer: Answer, indicatorOrder: readonly string[]): void {
    const answers = this.ensureAnswers();
    // `answers: {}` as the interview first writes it grows into a block map, one answer a line.
    answers.flow = false;
    const existing = answers.get(id, true);
    const note = answer.note !== undefined && answer.note.trim() !== '' ? answer.note : undefined;
    if (isMap(existing)) {
      if (answer.kind === 'level') {
        setOrdered(this.doc, existing, 'level', answer.level, ANSWER_ORDER);
        existing.delete('na');
      } else {
        setOrdered(this.doc, existing, 'na', answer.reason, ANSWER_ORDER);
        existing.delete('level');
      }
      if (note === undefined) existing.delete('note');
      else setOrdered(this.doc, existing, 'note', note, ANSWER_ORDER);
      return;
    }
    if (answer.kind === 'level' && note === undefined) {
      setOrdered(this.doc, answers, id, answer.level, indicatorOrder);
      return;
    }
    const value: Record<string, unknown> = answer.kind === 'level' ? { level: answer.level } : { na: answer.reason };
    if (note !== undefined) value.note = note;
    const node = this.doc.createNode(value);
    const flowText = Object.entries(value).map(([key, item]) => `${key}: ${String(item)}`).join(', ');
    node.flow = `  ${id}: {${flowText}}`.length <= FLOW_ANSWER_WIDTH;
    setOrdered(this.doc, answers, id, node, indicatorOrder);
  }

  /**
   * A copy whose blank required fields hold stand-ins, to tell a file that is merely unfinished
   * (resume it) from one with real errors (leave it alone).
   */
  withStandIns(rubric: string): AssessmentDocument {
    const copy = this.clone();
    copy.setRubric(rubric);
    const community: unknown = copy.root().get('community', true);
    const blank = community === undefined || (isScalar(community) && (community.value === null || community.value === ''));
    if (blank || isMap(community)) {
      if (isBlank(copy.doc.getIn(['community', 'id']))) copy.setCommunityId('stand-in');
      if (isBlank(copy.doc.getIn(['community', 'name']))) copy.setCommunityName('stand-in');
    }
    if (isBlank(copy.doc.get('period'))) copy.setPeriod('2000');
    if (!copy.root().has('answers')) copy.ensureAnswers();
    return copy;
  }

  /**
   * What an outside edit is compared by: each top-level key, and each key under community and
   * answers, with its value as JSON (`community` and `answers` themselves stand for the map).
   */
  slotValues(): Map<string, string> {
    const slots = new Map<string, string>();
    const data = this.doc.toJS() as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return slots;
    for (const [key, value] of Object.entries(data)) {
      if ((key === 'community' || key === 'answers') && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        slots.set(key, '{}');
        for (const [inner, innerValue] of Object.entries(value)) slots.set(`${key}${SLOT_SEPARATOR}${inner}`, JSON.stringify(innerValue) ?? 'null');
      } else {
        slots.set(key, JSON.stringify(value) ?? 'null');
      }
    }
    return slots;
  }

  /** Sets `slot` (see slotValues) to what `from` holds there, or removes it where `from` has none. */
  copySlot(from: AssessmentDocument, slot: string): void {
    const path = slot.split(SLOT_SEPARATOR);
    const node: unknown = from.doc.getIn(path, true);
    if (node === undefined) {
      this.doc.deleteIn(path);
      return;
    }
    if (path.length === 1 && (slot === 'community' || slot === 'answers')) {
      this.topLevelMap(slot); // the map itself; its keys are slots of their own
      return;
    }
    const copy = isNodeLike(node) ? node.clone() : node;
    if (path.length === 2) setOrdered(this.doc, this.topLevelMap(path[0] as 'community' | 'answers'), path[1]!, copy, path[0] === 'community' ? COMMUNITY_ORDER : []);
    else setOrdered(this.doc, this.root(), slot, copy, TOP_LEVEL_ORDER);
  }

  /** Takes over the content of `other` (a merge of an outside edit), so every holder of this document sees it. */
  adopt(other: AssessmentDocument): void {
    this.doc = other.doc;
  }

  /** The raw answers the file holds, by indicator id. */
  answerValues(): Record<string, unknown> {
    const answers = this.doc.get('answers');
    return isMap(answers) ? ((answers.toJSON() as Record<string, unknown> | null) ?? {}) : {};
  }

  private root(): YAMLMap {
    return this.doc.contents as YAMLMap;
  }

  private community(): YAMLMap {
    return this.topLevelMap('community');
  }

  /** The map under a top-level key, made (in its place in the key order) when the file has none. */
  private topLevelMap(key: 'answers' | 'community'): YAMLMap {
    const root = this.root();
    const existing = root.get(key, true);
    if (isMap(existing)) return existing;
    const map = new (yaml().YAMLMap)();
    setOrdered(this.doc, root, key, map, TOP_LEVEL_ORDER);
    return map;
  }
}

/** Absent, null or an empty string: a field not filled in yet (anything else is the user's and is checked as it is). */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function keyOf(pair: unknown): string | undefined {
  if (!isPair(pair)) return undefined;
  const key: unknown = pair.key;
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/**
 * Sets `key` in `map`. An existing scalar value is changed in place, keeping its comment. A new
 * key goes right after the last key that `order` puts before it, else before the first key it
 * puts after it, else at the end.
 */
function setOrdered(doc: Document, map: YAMLMap, key: string, value: unknown, order: readonly string[]): void {
  const pair = map.items.find((item) => keyOf(item) === key);
  if (pair) {
    const { Scalar } = yaml();
    const current: unknown = pair.value;
    if (isScalar(current) && !isNodeLike(value)) {
      current.value = value;
      // A blank `""` from a template keeps its quotes only where a value needs them.
      if (current.type === Scalar.QUOTE_DOUBLE && typeof value !== 'string') current.type = Scalar.PLAIN;
      return;
    }
    if (isScalar(current) && value instanceof Scalar) {
      current.value = value.value;
      current.type = value.type;
      return;
    }
    const node = isNodeLike(value) ? value : doc.createNode(value);
    if (isScalar(current) && current.comment && isNodeLike(node)) (node as { comment?: string | null }).comment ??= current.comment;
    pair.value = node;
    return;
  }
  const node = isNodeLike(value) ? value : doc.createNode(value);
  const created = doc.createPair(key, node);
  const rank = order.indexOf(key);
  const ranks = map.items.map((item) => order.indexOf(keyOf(item) ?? ''));
  const after = rank === -1 ? -1 : ranks.findLastIndex((other) => other !== -1 && other < rank);
  const before = rank === -1 ? -1 : ranks.findIndex((other) => other > rank);
  if (after !== -1) map.items.splice(after + 1, 0, created);
  else if (before !== -1) map.items.splice(before, 0, created);
  else map.items.push(created);
}

function isNodeLike(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value);
}
