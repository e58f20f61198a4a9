import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Finding } from '../core/finding.js';
import type { Band, Criterion, Indicator, Phase, Pillar, Principle, Rubric, TagGroup, Text } from '../core/model.js';
import { closestMatch } from '../core/suggest.js';
import { validatePrinciple, validateRubric } from '../schema/generated/validators.js';
import { schemaFindings } from './schema-findings.js';
import { capFindings, readFailure, readYamlFile, type YamlDocument, type YamlPath } from './yaml-source.js';

export interface LoadedRubric {
  /** Undefined when the rubric has errors. */
  readonly rubric: Rubric | undefined;
  /** The manifest file (rubric.yaml, or the one-file rubric). */
  readonly file: string;
  /** Directory of the rubric, for display. */
  readonly location: string;
  readonly findings: readonly Finding[];
}

/* Raw shapes, as the schema guarantees them once it passes. */
interface RawCriterion { target?: string; each?: 'pillar' | 'principle'; min?: number; level?: number }
interface RawPhase { id: string; title: Text; pillars: { id: string; title: Text }[]; exit: RawCriterion[] }
interface RawIndicator {
  id: string; pillar: string; tags?: string[]; weight?: number; question: Text; evidence?: Text; levels: Text[]; na?: boolean | Text;
}
interface RawPrinciple { id: string; title: Text; summary?: Text; weight?: number; indicators: RawIndicator[] }
interface RawRubric {
  id: string; version: string; title: Text; guidance?: Text; languages: string[]; scale: { level: number; label: Text }[];
  coverage?: number; principles: (string | RawPrinciple)[]; phases: RawPhase[];
  bands?: { id: string; label: Text; min?: number; above?: number }[];
  tags?: Record<string, { label: Text; values: Record<string, { label: Text }> }>;
}

/** A principle with the document and path it was read from, so findings can point at it. */
interface PlacedPrinciple {
  readonly raw: RawPrinciple;
  readonly source: YamlDocument;
  readonly path: YamlPath;
}

/** The path to give `swadaya validate` for a rubric: its directory, or the file of a one-file rubric. */
export function rubricCheckPath(loaded: Pick<LoadedRubric, 'file' | 'location'>): string {
  return basename(loaded.file) === 'rubric.yaml' ? loaded.location : loaded.file;
}

/** The first error of a rubric that failed to load, as `file:line:column [code]`, to name it where the rubric is used. */
export function firstRubricError(loaded: Pick<LoadedRubric, 'findings'>): string {
  const first = loaded.findings.find((finding) => finding.severity === 'error');
  if (!first) return '';
  return `${first.file}${first.line === undefined ? '' : `:${first.line}:${first.column ?? 1}`} [${first.code}]`;
}

/** Resolves a rubric path (a directory holding rubric.yaml, or a one-file rubric) to its manifest file. */
export async function manifestFileOf(path: string): Promise<string | Finding> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? join(path, 'rubric.yaml') : path;
  } catch (error) {
    return readFailure(path, error);
  }
}

/** Loads and checks a rubric. Every problem is reported, with file, line and column. Never throws. */
export async function loadRubric(path: string): Promise<LoadedRubric> {
  const loaded = await loadRubricUncapped(path);
  return { ...loaded, findings: capFindings(loaded.file, loaded.findings) };
}

async function loadRubricUncapped(path: string): Promise<LoadedRubric> {
  const manifest = await manifestFileOf(path);
  if (typeof manifest !== 'string') return { rubric: undefined, file: path, location: path, findings: [manifest] };
  const location = dirname(manifest);
  const failed = (findings: readonly Finding[]): LoadedRubric => ({ rubric: undefined, file: manifest, location, findings });

  const parsed = await readYamlFile(manifest);
  const [document, ...extra] = parsed.documents;
  if (!document) return failed(parsed.findings);
  if (document.findings.length > 0) return failed(document.findings);
  const findings: Finding[] = extra.map((doc) => doc.source.finding('rubric-multiple-documents', []));
  const source = document.source;
  if (!isPlainObject(document.data)) return failed([source.finding('not-a-map', [], { what: 'rubric' })]);

  const inlinePrinciple = (path: readonly (string | number)[]): boolean =>
    path[0] === 'principles' && path.length > 2 && typeof path[1] === 'number';
  findings.push(...schemaFindings(validateRubric, document.data, source, { skip: inlinePrinciple }));
  const raw = document.data as unknown as RawRubric;

  const principles: PlacedPrinciple[] = [];
  if (Array.isArray(raw.principles)) {
    for (const [index, entry] of raw.principles.entries()) {
      if (typeof entry === 'string') {
        const placed = await loadPrincipleFile(join(location, entry), source, ['principles', index], findings);
        if (placed) principles.push(placed);
      } else if (isPlainObject(entry)) {
        const path = ['principles', index];
        const before = findings.length;
        findings.push(...schemaFindings(validatePrinciple, entry, source, { basePath: path }));
        if (findings.length === before) principles.push({ raw: entry as unknown as RawPrinciple, source, path });
      }
    }
  }
  if (findings.some((finding) => finding.severity === 'error')) return failed(findings);

  const rubric = buildRubric(raw, principles, source, findings);
  return findings.some((finding) => finding.severity === 'error')
    ? failed(findings)
    : { rubric: oneByteStrings(rubric), file: manifest, location, findings };
}

const LATIN1 = /^[\x00-\xff]*$/;

/**
 * Rewrites in place, as one byte a character, every string of a rubric whose characters all fit
 * in one (Latin-1). The YAML parser slices its strings out of the file's text, and one character
 * beyond Latin-1 anywhere in a file (a dash in a comment) makes every slice two bytes a
 * character. Every score JSON repeats the rubric's ids and texts, and one two-byte string makes
 * the whole text two-byte: twice the bytes to pass from a batch worker and to write out.
 */
function oneByteStrings<T>(value: T): T {
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') {
        if (LATIN1.test(item)) record[key] = Buffer.from(item, 'latin1').toString('latin1');
      } else visit(item);
    }
  };
  visit(value);
  return value;
}

async function loadPrincipleFile(
  file: string,
  manifest: YamlDocument,
  referencePath: YamlPath,
  findings: Finding[],
): Promise<PlacedPrinciple | undefined> {
  const parsed = await readYamlFile(file);
  const [document] = parsed.documents;
  if (parsed.findings.some((finding) => finding.code === 'path-not-found')) {
    findings.push(manifest.finding('principle-file-not-found', referencePath, { path: file, name: basename(file) }));
    return undefined;
  }
  if (!document) {
    findings.push(...parsed.findings);
    return undefined;
  }
  if (document.findings.length > 0) {
    findings.push(...document.findings);
    return undefined;
  }
  if (!isPlainObject(document.data)) {
    findings.push(document.source.finding('not-a-map', [], { what: 'principle' }));
    return undefined;
  }
  const schema = schemaFindings(validatePrinciple, document.data, document.source);
  findings.push(...schema);
  return schema.length > 0 ? undefined : { raw: document.data as unknown as RawPrinciple, source: document.source, path: [] };
}

/** The semantic checks of docs/rubric-format.md, then the model. Findings are appended to `findings`. */
function buildRubric(raw: RawRubric, placed: readonly PlacedPrinciple[], manifest: YamlDocument, findings: Finding[]): Rubric {
  const languages = raw.languages;
  const defaultLanguage = languages[0] ?? 'en';
  const at = (source: YamlDocument, path: YamlPath, code: string, args: Record<string, string | number>, key = false): void => {
    findings.push(source.finding(code, path, args, { key }));
  };
  const checkText = (source: YamlDocument, path: YamlPath, text: Text | undefined): void => {
    if (text === undefined || typeof text === 'string') return;
    if (!Object.hasOwn(text, defaultLanguage)) at(source, path, 'missing-language', { language: defaultLanguage });
  };

  checkText(manifest, ['title'], raw.title);
  checkText(manifest, ['guidance'], raw.guidance);
  const scale = raw.scale;
  scale.forEach((entry, index) => {
    if (entry.level !== index) at(manifest, ['scale', index, 'level'], 'scale-not-contiguous', { expected: index, found: entry.level });
    checkText(manifest, ['scale', index, 'label'], entry.label);
  });
  const maxLevel = scale.length - 1;

  const pillars = new Map<string, Pillar>();
  const phaseIds = new Set<string>();
  raw.phases.forEach((phase, phaseIndex) => {
    if (phaseIds.has(phase.id)) at(manifest, ['phases', phaseIndex, 'id'], 'duplicate-id', { kind: 'phase', id: phase.id });
    phaseIds.add(phase.id);
    checkText(manifest, ['phases', phaseIndex, 'title'], phase.title);
    phase.pillars.forEach((pillar, pillarIndex) => {
      const path = ['phases', phaseIndex, 'pillars', pillarIndex];
      if (pillars.has(pillar.id)) at(manifest, [...path, 'id'], 'duplicate-id', { kind: 'pillar', id: pillar.id });
      else pillars.set(pillar.id, { id: pillar.id, title: pillar.title, phase: phase.id });
      checkText(manifest, [...path, 'title'], pillar.title);
    });
  });

  const tagValues = new Set<string>();
  const tags: TagGroup[] = Object.entries(raw.tags ?? {}).map(([group, spec]) => {
    checkText(manifest, ['tags', group, 'label'], spec.label);
    const values = Object.entries(spec.values).map(([value, { label }]) => {
      checkText(manifest, ['tags', group, 'values', value, 'label'], label);
      tagValues.add(`${group}:${value}`);
      return { id: value, label };
    });
    return { id: group, label: spec.label, values };
  });

  const principleIds = new Set<string>();
  const indicatorIds = new Set<string>();
  const principles: Principle[] = [];
  const indicators: Indicator[] = [];
  const pillarUse = new Map<string, number>();
  for (const { raw: principle, source, path } of placed) {
    if (principleIds.has(principle.id)) at(source, [...path, 'id'], 'duplicate-id', { kind: 'principle', id: principle.id });
    principleIds.add(principle.id);
    checkText(source, [...path, 'title'], principle.title);
    checkText(source, [...path, 'summary'], principle.summary);
    const own: Indicator[] = [];
    principle.indicators.forEach((item, index) => {
      const itemPath = [...path, 'indicators', index];
      if (indicatorIds.has(item.id)) at(source, [...itemPath, 'id'], 'duplicate-id', { kind: 'indicator', id: item.id });
      indicatorIds.add(item.id);
      if (!pillars.has(item.pillar)) {
        at(source, [...itemPath, 'pillar'], 'unknown-pillar', { id: item.pillar, suggestion: closestMatch(item.pillar, pillars.keys()) ?? '' });
      }
      pillarUse.set(item.pillar, (pillarUse.get(item.pillar) ?? 0) + 1);
      (item.tags ?? []).forEach((tag, tagIndex) => {
        if (!tagValues.has(tag)) at(source, [...itemPath, 'tags', tagIndex], 'unknown-tag', { id: tag, suggestion: closestMatch(tag, tagValues) ?? '' });
      });
      if (item.levels.length !== scale.length) {
        at(source, [...itemPath, 'levels'], 'wrong-descriptor-count', { id: item.id, expected: scale.length, found: item.levels.length });
      }
      checkText(source, [...itemPath, 'question'], item.question);
      checkText(source, [...itemPath, 'evidence'], item.evidence);
      item.levels.forEach((level, levelIndex) => checkText(source, [...itemPath, 'levels', levelIndex], level));
      const naWhen = typeof item.na === 'boolean' || item.na === undefined ? undefined : item.na;
      checkText(source, [...itemPath, 'na'], naWhen);
      own.push({
        id: item.id,
        principle: principle.id,
        pillar: item.pillar,
        tags: item.tags ?? [],
        weight: item.weight ?? 1,
        question: item.question,
        evidence: item.evidence,
        levels: item.levels,
        na: item.na !== undefined && item.na !== false,
        ...(naWhen !== undefined ? { naWhen } : {}),
      });
    });
    indicators.push(...own);
    principles.push({ id: principle.id, title: principle.title, summary: principle.summary, weight: principle.weight ?? 1, indicators: own });
  }

  raw.phases.forEach((phase, phaseIndex) => {
    phase.pillars.forEach((pillar, pillarIndex) => {
      if (!pillarUse.has(pillar.id)) at(manifest, ['phases', phaseIndex, 'pillars', pillarIndex, 'id'], 'empty-pillar', { id: pillar.id });
    });
  });

  const knownTargets: Record<string, ReadonlySet<string>> = {
    principle: principleIds,
    pillar: new Set(pillars.keys()),
    tag: tagValues,
    indicator: indicatorIds,
  };
  const phases: Phase[] = raw.phases.map((phase, phaseIndex) => {
    const exit: Criterion[] = [];
    phase.exit.forEach((criterion, criterionIndex) => {
      const path = ['phases', phaseIndex, 'exit', criterionIndex];
      if (criterion.each !== undefined) {
        const min = criterion.min ?? 0;
        const ids = criterion.each === 'pillar' ? phase.pillars.map((pillar) => pillar.id) : [...principleIds];
        for (const id of ids) exit.push({ kind: 'area', target: `${criterion.each}:${id}`, min });
        return;
      }
      const target = criterion.target ?? 'overall';
      const separator = target.indexOf(':');
      if (separator !== -1) {
        const kind = target.slice(0, separator);
        const id = target.slice(separator + 1);
        const known = Object.hasOwn(knownTargets, kind) ? knownTargets[kind] : undefined;
        if (known && !known.has(id)) {
          at(manifest, [...path, 'target'], 'unknown-target', { kind, id, suggestion: closestMatch(id, known) ?? '' });
        }
      }
      if (criterion.level !== undefined) {
        if (!target.startsWith('indicator:')) at(manifest, [...path, 'level'], 'level-needs-indicator', { target });
        if (criterion.level > maxLevel) at(manifest, [...path, 'level'], 'criterion-level-out-of-range', { level: criterion.level, max: maxLevel });
        exit.push({ kind: 'level', target, level: criterion.level });
      } else {
        if (target.startsWith('indicator:')) at(manifest, [...path, 'min'], 'indicator-needs-level', { target });
        exit.push({ kind: 'area', target, min: criterion.min ?? 0 });
      }
    });
    return { id: phase.id, title: phase.title, pillars: phase.pillars.map((pillar) => pillars.get(pillar.id)!), exit };
  });

  const bandIds = new Set<string>();
  const bands: Band[] = (raw.bands ?? []).map((band, index) => {
    if (bandIds.has(band.id)) at(manifest, ['bands', index, 'id'], 'duplicate-id', { kind: 'band', id: band.id });
    bandIds.add(band.id);
    checkText(manifest, ['bands', index, 'label'], band.label);
    return band.above !== undefined ? { id: band.id, label: band.label, above: band.above } : { id: band.id, label: band.label, min: band.min ?? 0 };
  });

  return {
    id: raw.id,
    version: raw.version,
    title: raw.title,
    ...(raw.guidance !== undefined ? { guidance: raw.guidance } : {}),
    languages,
    scale: scale.map((entry) => ({ level: entry.level, label: entry.label })),
    maxLevel,
    coverage: raw.coverage ?? 0.8,
    principles,
    indicators,
    phases,
    bands,
    tags,
  };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
