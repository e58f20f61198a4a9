import type { Finding } from '../core/finding.js';
import type { Assessment, Rubric } from '../core/model.js';
import type { CriterionResult, ScoreResult } from '../core/result.js';
import { diffSubjectOf, layoutOf, type DiffSubject, type SubjectLayout } from '../core/diff.js';
import { scoreAssessment } from '../core/scoring.js';
import { trendLayoutOf, trendPointOf, type TrendLayout, type TrendPoint } from '../core/trend.js';
import type { SummaryInput } from '../core/summary.js';
import { scoreResultText } from '../format/score-json.js';
import { loadAssessmentFile, type LoadedAssessment } from '../io/assessment-loader.js';
import { RubricFinder, type RubricSearch } from '../io/rubric-finder.js';

/** What the batch does with each file: check only, or check and score. */
export type BatchMode = 'validate' | 'score';

export interface BatchOptions {
  readonly mode: BatchMode;
  readonly search: RubricSearch;
  readonly rubricOverride?: string | undefined;
  /** Keep each assessment's answers (level, "na", or absent) beside its score, for `diff --detail`. */
  readonly withAnswers?: boolean | undefined;
  /**
   * Score mode: render each result where it is scored, as the json renderer's text in this
   * language (`lang` undefined: the rubric's first), and keep only what a summary needs of it.
   * Spares the main thread of a large batch both the rendering and the copying of results.
   */
  readonly renderJson?: { readonly lang: string | undefined } | undefined;
  /** Score mode: keep only what `diff` compares of each result, so large sets cross threads cheaply. */
  readonly diffSubjects?: boolean | undefined;
  /** Score mode: keep only what `trend` follows of each result. */
  readonly trendPoints?: boolean | undefined;
}

/** A result rendered where it was scored: its JSON text, and what a summary needs of it. */
export interface RenderedScore {
  readonly json: string;
  readonly digest: SummaryInput;
  /** The readiness criteria not met or undecided: what a gate failure names (docs/ci.md). */
  readonly open: readonly CriterionResult[];
}

/** The answers of one assessment reduced to what a diff compares: a level or "na". */
export type AnswerSummary = Readonly<Record<string, number | 'na'>>;

export interface ScoredDocument {
  readonly file: string;
  readonly document: number;
  /** Present in score mode, unless rendered. */
  readonly result?: ScoreResult;
  /** Present in score mode with `renderJson`. */
  readonly rendered?: RenderedScore;
  /** Present in score mode with `diffSubjects`. */
  readonly subject?: DiffSubject;
  /** Present in score mode with `trendPoints`. */
  readonly point?: TrendPoint;
  readonly community: { readonly id: string; readonly name: string; readonly region?: string | undefined };
  readonly period: string;
  /** The file's `rater`, when it has one (docs/ratings.md). */
  readonly rater?: string;
  /** The rubric it was checked with, `id@version` (a JUnit testcase's classname when there is no region). */
  readonly rubricRef: string;
  /** The rubric's languages, first the default, for localising its texts (focus actions). */
  readonly languages: readonly string[];
  readonly answers?: AnswerSummary;
}

export interface FileOutcome {
  readonly file: string;
  readonly documents: readonly ScoredDocument[];
  readonly findings: readonly Finding[];
  /** The loaded assessments themselves; only in-process, for `--explain` and `assess`. */
  readonly loaded?: readonly LoadedAssessment[];
}

/** Id, name and (when it has one) region: what a batch carries of a community besides its score. */
function communityOf(assessment: Assessment): ScoredDocument['community'] {
  const { id, name, region } = assessment.community;
  return typeof region === 'string' && region !== '' ? { id, name, region } : { id, name };
}

export function summariseAnswers(assessment: Assessment): AnswerSummary {
  const summary: Record<string, number | 'na'> = {};
  for (const [id, answer] of assessment.answers) summary[id] = answer.kind === 'na' ? 'na' : answer.level;
  return summary;
}

/** Loads, checks and (in score mode) scores one file. The unit of work of a batch, in-process or in a worker. */
export class FileProcessor {
  private readonly finder: RubricFinder;
  /** One layout per rubric: a worker's message then carries one copy for all its subjects. */
  private readonly layouts = new WeakMap<Rubric, SubjectLayout>();
  private readonly trendLayouts = new WeakMap<Rubric, TrendLayout>();

  /** `syncRead`: read each file synchronously, as a worker can: nothing else waits on its event loop. */
  constructor(
    private readonly options: BatchOptions,
    private readonly syncRead = false,
  ) {
    this.finder = new RubricFinder(options.search);
  }

  async process(file: string, keepLoaded = false): Promise<FileOutcome> {
    const { rubricOverride, search } = this.options;
    const { assessments, findings } = await loadAssessmentFile(file, this.finder, { rubricOverride, cwd: search.cwd, syncRead: this.syncRead });
    const documents = assessments.map((loaded): ScoredDocument => {
      const { assessment } = loaded;
      const document: ScoredDocument = {
        file,
        document: loaded.document,
        community: communityOf(assessment),
        period: assessment.period,
        ...(assessment.rater !== undefined ? { rater: assessment.rater } : {}),
        rubricRef: `${loaded.rubric.id}@${loaded.rubric.version}`,
        languages: loaded.rubric.languages,
        ...(this.options.withAnswers ? { answers: summariseAnswers(assessment) } : {}),
      };
      return this.options.mode === 'score' ? { ...document, ...this.scoreOf(document, loaded) } : document;
    });
    return keepLoaded ? { file, documents, findings, loaded: assessments } : { file, documents, findings };
  }

  private scoreOf(document: ScoredDocument, loaded: LoadedAssessment): Pick<ScoredDocument, 'result' | 'rendered' | 'subject' | 'point'> {
    const result = scoreAssessment(loaded.rubric, loaded.assessment);
    if (this.options.trendPoints) {
      let layout = this.trendLayouts.get(loaded.rubric);
      if (!layout) this.trendLayouts.set(loaded.rubric, (layout = trendLayoutOf(result)));
      return { point: trendPointOf(result, document.file, document.document, layout) };
    }
    if (this.options.diffSubjects) {
      let layout = this.layouts.get(loaded.rubric);
      if (!layout) this.layouts.set(loaded.rubric, (layout = layoutOf(result)));
      return { subject: diffSubjectOf({ ...document, result }, layout) };
    }
    const render = this.options.renderJson;
    if (!render) return { result };
    const open = result.readiness.criteria.filter((criterion) => criterion.status === 'fail' || criterion.status === 'unknown');
    return { rendered: { json: scoreResultText({ ...document, result }, render.lang), digest: digestOf(result), open } };
  }
}

function digestOf(result: ScoreResult): SummaryInput {
  const { community, overall, principles, phase, readiness } = result;
  return { community, overall, principles, phase: { current: phase.current }, readiness: { verdict: readiness.verdict, index: readiness.index } };
}
