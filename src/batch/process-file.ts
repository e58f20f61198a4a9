import { scoreResultText } from '../contract/score-json.js';
import { diffSubjectOf, layoutOf, type SubjectLayout } from '../core/diff-subjects.js';
import { explainResult } from '../core/explain.js';
import type { Finding } from '../core/finding.js';
import type { Assessment, Rubric } from '../core/model.js';
import { reportRowOf } from '../core/report-set.js';
import type { CriterionResult } from '../core/result.js';
import { scoreAssessment } from '../core/scoring.js';
import { trendLayoutOf, trendPointOf, type TrendLayout } from '../core/trend.js';
import { textLanguage } from '../i18n/language.js';
import { loadAssessmentFile, loadAssessmentText, type LoadedAssessment } from '../io/assessment-loader.js';
import { STDIN_PATH, type StdinFile } from '../io/stdin.js';
import { RubricFinder, type RubricSearch } from '../io/rubric-finder.js';
import { digestOf, type Projected, type Projection, type ProjectionKind } from './projection.js';

const NOTHING_OPEN: readonly CriterionResult[] = [];
/** Each result's own bytes (not a view of a shared pool, which a worker's message would copy whole). */
const UTF8 = new TextEncoder();

export interface BatchOptions<Kind extends ProjectionKind = ProjectionKind> {
  readonly projection: Extract<Projection, { kind: Kind }>;
  readonly search: RubricSearch;
  readonly rubricOverride?: string | undefined;
  /** Hash each file's bytes (`FileOutcome.hash`), for the cache. */
  readonly hashContent?: boolean | undefined;
  /** Standard input's text, for the file `-` (STDIN_PATH); its outcome carries its name. */
  readonly stdin?: StdinFile | undefined;
}

/** The answers of one assessment reduced to what a diff compares: a level or "na". */
export type AnswerSummary = Readonly<Record<string, number | 'na'>>;

/** One valid assessment of a file, and its projection. */
export interface ScoredDocument<Kind extends ProjectionKind = ProjectionKind> {
  readonly file: string;
  readonly document: number;
  readonly community: { readonly id: string; readonly name: string; readonly region?: string | undefined };
  readonly period: string;
  /** The file's `rater`, when it has one (docs/ratings.md). */
  readonly rater?: string;
  /** The rubric it was checked with, `id@version` (a JUnit testcase's classname when there is no region). */
  readonly rubricRef: string;
  readonly projected: Projected[Kind];
}

export interface FileOutcome<Kind extends ProjectionKind = ProjectionKind> {
  readonly file: string;
  readonly documents: readonly ScoredDocument<Kind>[];
  readonly findings: readonly Finding[];
  /** With `hashContent`: the SHA-256 of the bytes this outcome was made from. */
  readonly hash?: string | undefined;
  /** With `hashContent`: the rubric references (ids or paths) the file looked up, for the cache's dependencies. */
  readonly rubricRefs?: readonly string[] | undefined;
}

/** Id, name and (when it has one) region: what a batch carries of a community besides its score. */
export function communityOf(community: Assessment['community']): ScoredDocument['community'] {
  const { id, name, region } = community;
  return typeof region === 'string' && region !== '' ? { id, name, region } : { id, name };
}

export function summariseAnswers(assessment: Assessment): AnswerSummary {
  // No prototype: an indicator may be named `__proto__` or `constructor`.
  const summary: Record<string, number | 'na'> = Object.create(null) as Record<string, number | 'na'>;
  for (const [id, answer] of assessment.answers) summary[id] = answer.kind === 'na' ? 'na' : answer.level;
  return summary;
}

/** A finder that notes each reference it is asked for: what a cached outcome depends on. */
class RecordingFinder extends RubricFinder {
  constructor(
    search: RubricSearch,
    private readonly refs: Set<string>,
  ) {
    super(search);
  }

  override find(reference: string, file: string): ReturnType<RubricFinder['find']> {
    this.refs.add(reference);
    return super.find(reference, file);
  }
}

/** Loads, checks and projects one file. The unit of work of a batch, in-process or in a worker. */
export class FileProcessor<Kind extends ProjectionKind> {
  private readonly finder: RubricFinder;
  /** With `hashContent`: the references looked up for the file being processed. */
  private readonly refs = new Set<string>();
  /** One layout per rubric: a worker's message then carries one copy for all its subjects. */
  private readonly layouts = new WeakMap<Rubric, SubjectLayout>();
  private readonly trendLayouts = new WeakMap<Rubric, TrendLayout>();

  /** `syncRead`: read each file synchronously, as a worker can: nothing else waits on its event loop. */
  constructor(
    private readonly options: BatchOptions<Kind>,
    private readonly syncRead = false,
  ) {
    this.finder = options.hashContent ? new RecordingFinder(options.search, this.refs) : new RubricFinder(options.search);
  }

  async process(file: string): Promise<FileOutcome<Kind>> {
    const { rubricOverride, search, stdin } = this.options;
    this.refs.clear();
    const load = { rubricOverride, cwd: search.cwd, syncRead: this.syncRead, hashContent: this.options.hashContent };
    const fromStdin = file === STDIN_PATH && stdin !== undefined;
    // Standard input goes by its --stdin-filename from here on: in findings, documents and every output.
    if (fromStdin) file = stdin.name;
    const { assessments, findings, hash } = fromStdin ? await loadAssessmentText(stdin.name, stdin.text, this.finder, load) : await loadAssessmentFile(file, this.finder, load);
    const documents = assessments.map((loaded): ScoredDocument<Kind> => ({
      file,
      document: loaded.document,
      community: communityOf(loaded.assessment.community),
      period: loaded.assessment.period,
      ...(loaded.assessment.rater !== undefined ? { rater: loaded.assessment.rater } : {}),
      rubricRef: `${loaded.rubric.id}@${loaded.rubric.version}`,
      projected: this.project(file, loaded),
    }));
    return hash === undefined ? { file, documents, findings } : { file, documents, findings, hash, rubricRefs: [...this.refs] };
  }

  private project(file: string, loaded: LoadedAssessment): Projected[Kind] {
    return this.projectAny(file, loaded) as Projected[Kind];
  }

  private projectAny(file: string, loaded: LoadedAssessment): Projected[ProjectionKind] {
    const projection: Projection = this.options.projection;
    if (projection.kind === 'check') return undefined;
    if (projection.kind === 'loaded') return loaded;
    const { rubric, assessment } = loaded;
    // diff and trend never show the path: the costliest part of scoring is skipped for them.
    const withPath = projection.kind !== 'diff-subject' && projection.kind !== 'trend-point';
    const result = scoreAssessment(rubric, assessment, { path: withPath });
    switch (projection.kind) {
      case 'result':
        return projection.explain ? { result, explanation: explainResult(rubric, assessment, result) } : { result };
      case 'json': {
        const source = { file, document: loaded.document, result, languages: rubric.languages };
        // Sent to the main thread only when read: most runs have no --require ready.
        const open = projection.open ? result.readiness.criteria.filter((criterion) => criterion.status === 'fail' || criterion.status === 'unknown') : NOTHING_OPEN;
        // UTF-8 made here, on the worker: the main thread only copies the bytes out. As text, a result
        // naming a rubric text with an en dash (a two-byte string) cost the main thread its encoding,
        // and `score --format json` a sixth of its time.
        return { json: UTF8.encode(scoreResultText(source, textLanguage(projection.language, rubric))), digest: digestOf(result), open };
      }
      case 'diff-subject': {
        let layout = this.layouts.get(rubric);
        if (!layout) this.layouts.set(rubric, (layout = layoutOf(result)));
        const document = { file, document: loaded.document, community: communityOf(assessment.community), period: assessment.period, result };
        return diffSubjectOf(projection.answers ? { ...document, answers: summariseAnswers(assessment) } : document, layout);
      }
      case 'report-row':
        return reportRowOf(file, result, projection.groupBy);
      case 'trend-point': {
        let layout = this.trendLayouts.get(rubric);
        if (!layout) this.trendLayouts.set(rubric, (layout = trendLayoutOf(result)));
        return trendPointOf(result, file, loaded.document, layout);
      }
    }
  }
}
