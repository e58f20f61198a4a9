/**
 * swadaya's programmatic API: `import { loadRubric, loadAssessments, scoreAssessment, diffSets } from 'swadaya'`.
 * Documented in docs/api.md. The same code the CLI runs, without printing: problems come back
 * as findings (data) or as a thrown SwadayaError whose message is ready to show.
 */
import { resolve } from 'node:path';
import { diffDocuments } from './core/diff.js';
import { type DiffOptions, type DiffResult } from './core/diff-types.js';
import { type DiffDocument } from './core/diff-subjects.js';
import { isError, type Finding } from './core/finding.js';
import type { Assessment, Rubric } from './core/model.js';
import type { ScoreResult } from './core/result.js';
import { scoreAssessment } from './core/scoring.js';
import { SwadayaError } from './errors.js';
import { loadCatalogue } from './i18n/catalogue.js';
import type { Language } from './i18n/language.js';
import { formatFinding } from './i18n/messages.js';
import { loadAssessmentFile } from './io/assessment-loader.js';
import { expandPaths } from './io/expand-paths.js';
import { RubricFinder, type RubricSearch } from './io/rubric-finder.js';
import { assessmentSchemaFor, type JsonSchema } from './schema/editor-schema.js';
import { VERSION } from './version.js';

// Findings are worded from the whole catalogue, which the CLI loads only when a command runs.
await loadCatalogue();

export { scoreAssessment, SwadayaError, VERSION, formatFinding, assessmentSchemaFor };
export type { Assessment, DiffOptions, DiffResult, Finding, JsonSchema, Language, Rubric, ScoreResult };
export type { Answer, Community, Indicator, Phase, Principle, Text } from './core/model.js';
export type { AreaScore, CriterionResult, GateResult, PillarScore, Verdict } from './core/result.js';
export type { CommunityDiff, UnmatchedCommunity } from './core/diff-types.js';

export interface LoadOptions {
  /** Relative paths and `./rubrics` are resolved from here. Default: process.cwd(). */
  readonly cwd?: string | undefined;
  /** Extra rubric directories, as in SWADAYA_RUBRIC_PATH (colon-separated). Default: none. */
  readonly rubricPath?: string | undefined;
  /** The language of thrown messages. Default: en. */
  readonly lang?: Language | undefined;
}

export interface AssessmentLoadApiOptions extends LoadOptions {
  /** Score every file with this rubric (id or path) instead of the one it names. */
  readonly rubric?: string | undefined;
}

/** One assessment read from a file: where it came from, what it says, and the rubric it names. */
export interface LoadedAssessment {
  readonly file: string;
  /** 0-based index of the YAML document within the file. */
  readonly document: number;
  readonly assessment: Assessment;
  readonly rubric: Rubric;
}

export interface LoadedAssessments {
  readonly assessments: readonly LoadedAssessment[];
  /** Every problem found, with file, line and column; an assessment with an error is left out. */
  readonly findings: readonly Finding[];
}

/** A scored assessment, as `diffSets` takes it when you also want `detail` (indicator changes). */
export interface ScoredAssessment {
  readonly file?: string | undefined;
  readonly document?: number | undefined;
  readonly assessment?: Assessment | undefined;
  readonly result: ScoreResult;
}

const searchOf = (options: LoadOptions): RubricSearch => ({ cwd: resolve(options.cwd ?? process.cwd()), searchPath: options.rubricPath });

/**
 * A rubric by id (`p2kp`, `p2kp@1.0.0`: looked up in `rubricPath`, `./rubrics`, then the rubrics
 * shipped with swadaya) or by path. Throws a SwadayaError listing every problem when there is no
 * such rubric or it is invalid.
 */
export async function loadRubric(reference: string, options: LoadOptions = {}): Promise<Rubric> {
  const lang = options.lang ?? 'en';
  const found = await new RubricFinder(searchOf(options)).find(reference, reference);
  if ('code' in found) throw new SwadayaError(found.code, formatFinding(found, lang));
  if (!found.rubric) {
    throw new SwadayaError('rubric-invalid', found.findings.filter(isError).map((finding) => formatFinding(finding, lang)).join('\n'));
  }
  return found.rubric;
}

/** Assessments from files, directories (recursive) and globs, each checked against the rubric it names. Never throws on bad input. */
export async function loadAssessments(paths: readonly string[], options: AssessmentLoadApiOptions = {}): Promise<LoadedAssessments> {
  const search = searchOf(options);
  const expanded = await expandPaths(paths, search.cwd);
  const finder = new RubricFinder({ ...search, inputRubrics: expanded.entries.filter((entry) => entry.kind === 'rubric').map((entry) => entry.path) });
  const findings: Finding[] = [...expanded.findings];
  const assessments: LoadedAssessment[] = [];
  for (const entry of expanded.entries) {
    if (entry.kind !== 'assessment') continue;
    const loaded = await loadAssessmentFile(entry.path, finder, { cwd: search.cwd, rubricOverride: options.rubric });
    findings.push(...loaded.findings);
    assessments.push(...loaded.assessments);
  }
  return { assessments, findings };
}

/**
 * Compares two sets of scored assessments community by community (matched by community id), as
 * `swadaya diff` does. Each item is a ScoreResult, or `{ result, assessment }` to list the
 * indicator changes with `{ detail: true }`.
 */
export function diffSets(before: readonly (ScoreResult | ScoredAssessment)[], after: readonly (ScoreResult | ScoredAssessment)[], options: DiffOptions = {}): DiffResult {
  return diffDocuments(before.map(toDiffDocument), after.map(toDiffDocument), options);
}

function toDiffDocument(item: ScoreResult | ScoredAssessment, index: number): DiffDocument {
  const scored: ScoredAssessment = 'result' in item ? item : { result: item };
  const { result } = scored;
  const answers = scored.assessment
    ? Object.fromEntries([...scored.assessment.answers].map(([id, answer]) => [id, answer.kind === 'na' ? ('na' as const) : answer.level]))
    : undefined;
  return { file: scored.file ?? '', document: scored.document ?? index, community: result.community, period: result.period, result, answers };
}
