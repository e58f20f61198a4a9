import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { readRegularFile, readRegularFileSync } from './safe-read.js';
import type { Finding } from '../core/finding.js';
import { GRADUATED, type Answer, type Assessment, type Community, type Rubric } from '../core/model.js';
import { closestMatch } from '../core/suggest.js';
import { isPeriodText } from '../core/period.js';
import { validateAssessment } from '../schema/generated/validators.js';
import { kindOf, schemaFindings } from './schema-findings.js';
import type { RubricFinder } from './rubric-finder.js';
import { firstRubricError, isPlainObject, rubricCheckPath } from './rubric-loader.js';
import { parseFast } from './fast-yaml.js';
import {
  capFindings,
  firstDocuments,
  lazyYamlDocuments,
  MAX_DOCUMENTS,
  MAX_FINDINGS_PER_FILE,
  parseYamlText,
  decodeText,
  tooManyDocuments,
  type YamlDocument,
} from './yaml-source.js';

export interface LoadedAssessment {
  readonly file: string;
  /** 0-based index of the YAML document in the file. */
  readonly document: number;
  readonly assessment: Assessment;
  readonly rubric: Rubric;
}

export interface AssessmentFileResult {
  readonly file: string;
  readonly assessments: readonly LoadedAssessment[];
  /** Errors make a document invalid; warnings (a rubric version that differs) do not. */
  readonly findings: readonly Finding[];
  /** With `hashContent`: the SHA-256 of the bytes read, the key of the cache (docs/ci.md#the-cache). */
  readonly hash?: string | undefined;
}

export interface AssessmentLoadOptions {
  /** `--rubric PATH|ID`: overrides the rubric each file names. */
  readonly rubricOverride?: string | undefined;
  /** Relative file names are read from here; findings keep the name as given. Default: the process's. */
  readonly cwd?: string | undefined;
  /** Read the file synchronously: cheaper where nothing else waits on the event loop (a batch worker). */
  readonly syncRead?: boolean | undefined;
  /** Also hash the bytes read, so a cached result is keyed by exactly what was scored. */
  readonly hashContent?: boolean | undefined;
}

const ANSWER_KEYS = ['level', 'na', 'note', 'evidence'];

export async function loadAssessmentFile(file: string, finder: RubricFinder, options: AssessmentLoadOptions = {}): Promise<AssessmentFileResult> {
  const path = options.cwd === undefined ? file : resolve(options.cwd, file);
  // Every caller's paths come from expandPaths, which listed them as regular files or links.
  const bytes = options.syncRead ? readRegularFileSync(path, path, undefined, true) : await readRegularFile(path);
  const text = bytes instanceof Uint8Array ? decodeText(path, bytes) : bytes;
  if (typeof text !== 'string') return { file, assessments: [], findings: [{ ...text, file }] };
  const result = await loadAssessmentText(file, text, finder, options);
  return options.hashContent && bytes instanceof Uint8Array ? { ...result, hash: createHash('sha256').update(bytes).digest('hex') } : result;
}

/** Parses, checks and models every assessment of one file. Never throws. */
export async function loadAssessmentText(
  file: string,
  fullText: string,
  finder: RubricFinder,
  options: AssessmentLoadOptions = {},
): Promise<AssessmentFileResult> {
  const result = await loadDocuments(file, fullText, finder, options);
  return { ...result, findings: capFindings(file, result.findings) };
}

/** Parses, checks and models every assessment of one file (its first MAX_DOCUMENTS documents). Never throws. */
async function loadDocuments(file: string, fullText: string, finder: RubricFinder, options: AssessmentLoadOptions): Promise<AssessmentFileResult> {
  const { text, total } = firstDocuments(fullText);
  const fast = parseFast(text);
  if (fast) {
    // Errors are the slow path: a file with any error is read again, exactly, and reported from there.
    const sources = lazyYamlDocuments(file, text, fast.length);
    const findings: Finding[] = total > MAX_DOCUMENTS ? [tooManyDocuments(file, total)] : [];
    const assessments: LoadedAssessment[] = [];
    for (const [index, data] of fast.entries()) {
      const loaded = await checkAssessment(data, sources[index]!, finder, options, findings);
      if (loaded) assessments.push(loaded);
    }
    if (!findings.some((finding) => finding.severity === 'error')) return { file, assessments, findings };
  }
  const parsed = parseYamlText(file, fullText);
  const findings: Finding[] = [...parsed.findings];
  const assessments: LoadedAssessment[] = [];
  for (const document of parsed.documents) {
    if (document.findings.length > 0) {
      findings.push(...document.findings);
      continue;
    }
    const loaded = await checkAssessment(document.data, document.source, finder, options, findings);
    if (loaded) assessments.push(loaded);
  }
  return { file, assessments, findings };
}

async function checkAssessment(
  data: unknown,
  source: YamlDocument,
  finder: RubricFinder,
  options: AssessmentLoadOptions,
  findings: Finding[],
): Promise<LoadedAssessment | undefined> {
  if (!isPlainObject(data)) {
    findings.push(source.finding('not-a-map', [], { what: 'assessment' }));
    return undefined;
  }
  const errors: Finding[] = [];
  const community = data.community;
  const communityId = isPlainObject(community) ? community.id : undefined;
  if (typeof communityId === 'number' || typeof communityId === 'boolean') {
    // The source text, not the number: YAML reads 0173011004 as 173011004, and the zero matters.
    // A plain number keeps its leading zeros from the source; a quoted one under a tag (!!int "12") loses its quotes.
    const written = source.sourceText(['community', 'id']);
    const value = written === undefined ? String(communityId) : written.replace(/^(["'])(.*)\1$/s, '$2');
    errors.push(source.finding('community-id-not-string', ['community', 'id'], { value }));
  }
  if (data.answers !== undefined && data.answers !== null && !isPlainObject(data.answers)) {
    errors.push(source.finding('answers-not-a-map', ['answers'], { found: kindOf(data.answers) }));
  }
  const period = normalisePeriod(data.period);
  if (data.period !== undefined && period === undefined) {
    errors.push(source.finding('bad-period', ['period'], { value: String(data.period) }));
  }
  errors.push(
    ...schemaFindings(validateAssessment, data, source, {
      skip: (path) =>
        (path[0] === 'answers' && (path.length >= 2 || !isPlainObject(data.answers))) ||
        (path[0] === 'period' && path.length === 1) ||
        (path[0] === 'community' && path[1] === 'id' && typeof communityId !== 'string' && communityId !== undefined),
    }),
  );

  const rubric = await resolveRubric(data.rubric, source, finder, options, errors, findings);
  if (rubric) {
    if (typeof data.phase === 'string' && data.phase !== GRADUATED && !rubric.phases.some((phase) => phase.id === data.phase)) {
      const phases = rubric.phases.map((phase) => phase.id);
      errors.push(source.finding('unknown-phase', ['phase'], { phase: data.phase, allowed: phases.join(', '), suggestion: closestMatch(data.phase, phases) ?? '' }));
    }
  }
  const answers = rubric && isPlainObject(data.answers) ? readAnswers(data.answers, rubric, source, errors) : new Map<string, Answer>();

  findings.push(...errors);
  if (!rubric || errors.length > 0) return undefined;
  const record = data as Record<string, unknown> & { community: Community; rubric: string };
  const [rubricId = '', rubricVersion] = record.rubric.split('@');
  return {
    file: source.file,
    document: source.index,
    rubric,
    assessment: {
      rubric: { id: rubricId, version: rubricVersion },
      community: record.community,
      period: period!,
      assessed: typeof data.assessed === 'string' ? data.assessed : undefined,
      assessors: Array.isArray(data.assessors) ? (data.assessors as string[]) : [],
      ...(typeof data.rater === 'string' ? { rater: data.rater.trim() } : {}),
      phase: typeof data.phase === 'string' ? data.phase : undefined,
      answers,
      ...(isPlainObject(data.source) ? { source: data.source as Assessment['source'] } : {}),
    },
  };
}

/** A period is YYYY, YYYY-MM or YYYY-MM-DD; a bare YAML integer year is accepted. */
function normalisePeriod(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999) return String(value);
  if (typeof value === 'string' && isPeriodText(value)) return value;
  return undefined;
}

async function resolveRubric(
  named: unknown,
  source: YamlDocument,
  finder: RubricFinder,
  options: AssessmentLoadOptions,
  errors: Finding[],
  findings: Finding[],
): Promise<Rubric | undefined> {
  const reference = options.rubricOverride ?? (typeof named === 'string' ? named : undefined);
  if (reference === undefined) return undefined;
  const found = await finder.find(reference, source.file);
  if ('code' in found) {
    const path = options.rubricOverride === undefined ? ['rubric'] : [];
    errors.push({ ...found, ...source.positionOf(path) });
    return undefined;
  }
  if (!found.rubric) {
    const count = found.findings.filter((f) => f.severity === 'error').length;
    errors.push(source.finding('rubric-invalid', options.rubricOverride === undefined ? ['rubric'] : [], { rubric: rubricCheckPath(found), count, first: firstRubricError(found) }));
    return undefined;
  }
  const rubric = found.rubric;
  if (typeof named === 'string') {
    const [namedId, namedVersion] = named.split('@');
    if (namedId !== rubric.id) {
      findings.push(source.finding('rubric-id-mismatch', ['rubric'], { named, id: rubric.id }, { severity: 'warning' }));
    } else if (namedVersion !== undefined && namedVersion !== rubric.version) {
      findings.push(source.finding('rubric-version-mismatch', ['rubric'], { named: namedVersion, loaded: rubric.version, id: rubric.id }, { severity: 'warning' }));
    }
  }
  return rubric;
}

const plainLevels: Answer[] = [];
/** Answers are immutable, so one object per plain level serves every file. */
function plainLevel(level: number): Answer {
  return (plainLevels[level] ??= { kind: 'level', level });
}

function readAnswers(raw: Record<string, unknown>, rubric: Rubric, source: YamlDocument, errors: Finding[]): Map<string, Answer> {
  const byId = indicatorLookup(rubric);
  const answers = new Map<string, Answer>();
  for (const [id, value] of Object.entries(raw)) {
    const indicator = byId.get(id);
    if (!indicator) {
      // Past the findings cap only the count matters: no suggestion is worked out.
      const suggestion = errors.length < MAX_FINDINGS_PER_FILE ? (closestMatch(id, byId.keys()) ?? '') : '';
      errors.push(source.finding('unknown-indicator', ['answers', id], { id, suggestion }, { key: true }));
      continue;
    }
    if (value === null) continue; // `id:` with no value, as in a template not yet filled in: missing
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= rubric.maxLevel) {
      answers.set(id, plainLevel(value)); // the common case, without the checks' allocations
      continue;
    }
    const answer = readAnswer(id, value, indicator.na, rubric.maxLevel, source, errors);
    if (answer) answers.set(id, answer);
  }
  return answers;
}

const lookups = new WeakMap<Rubric, Map<string, Rubric['indicators'][number]>>();
function indicatorLookup(rubric: Rubric): Map<string, Rubric['indicators'][number]> {
  let lookup = lookups.get(rubric);
  if (!lookup) {
    lookup = new Map(rubric.indicators.map((indicator) => [indicator.id, indicator]));
    lookups.set(rubric, lookup);
  }
  return lookup;
}

function readAnswer(id: string, value: unknown, allowsNa: boolean, maxLevel: number, source: YamlDocument, errors: Finding[]): Answer | undefined {
  const path = ['answers', id];
  const before = errors.length;
  const checkLevel = (level: unknown, at: (string | number)[]): number | undefined => {
    if (typeof level === 'number' && Number.isInteger(level) && level >= 0 && level <= maxLevel) return level;
    const code = typeof level !== 'number' ? 'level-not-a-number' : Number.isFinite(level) && !Number.isInteger(level) ? 'level-not-whole' : 'level-out-of-range';
    errors.push(source.finding(code, at, { id, value: yamlValueText(level), max: maxLevel }));
    return undefined;
  };
  if (!isPlainObject(value)) {
    const level = checkLevel(value, path);
    return level === undefined ? undefined : { kind: 'level', level };
  }
  for (const key of Object.keys(value)) {
    if (!ANSWER_KEYS.includes(key)) {
      errors.push(source.finding('unknown-key', [...path, key], { key, field: `answers.${id}`, allowed: ANSWER_KEYS.join(', '), suggestion: closestMatch(key, ANSWER_KEYS) ?? '' }, { key: true }));
    }
  }
  const note = value.note;
  if (note !== undefined && typeof note !== 'string') errors.push(source.finding('wrong-type', [...path, 'note'], { field: `answers.${id}.note`, expected: 'string', found: kindOf(note) }));
  const evidence = typeof value.evidence === 'string' ? [value.evidence] : value.evidence;
  if (evidence !== undefined && !(Array.isArray(evidence) && evidence.every((item) => typeof item === 'string'))) {
    errors.push(source.finding('wrong-type', [...path, 'evidence'], { field: `answers.${id}.evidence`, expected: 'string-list', found: kindOf(value.evidence) }));
  }
  if ('na' in value) {
    if ('level' in value) errors.push(source.finding('level-and-na', path, { id }));
    if (!allowsNa) errors.push(source.finding('na-not-allowed', [...path, 'na'], { id }));
    else if (typeof value.na !== 'string' || value.na.trim() === '') errors.push(source.finding('na-needs-reason', [...path, 'na'], { id }));
    if (errors.length > before) return undefined;
    return { kind: 'na', reason: value.na as string, note: note as string | undefined };
  }
  if (!('level' in value)) {
    errors.push(source.finding('answer-needs-level', path, { id }));
    return undefined;
  }
  const level = checkLevel(value.level, [...path, 'level']);
  if (level === undefined || errors.length > before) return undefined;
  return { kind: 'level', level, note: note as string | undefined, evidence: evidence as string[] | undefined };
}

/** A value as YAML writes it, for a message: .inf and .nan rather than JSON's null. */
export function yamlValueText(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  return JSON.stringify(value) ?? String(value);
}
