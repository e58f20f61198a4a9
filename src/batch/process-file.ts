import type { Finding } from '../core/finding.js';
import type { Assessment } from '../core/model.js';
import type { ScoreResult } from '../core/result.js';
import { scoreAssessment } from '../core/scoring.js';
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
}

/** The answers of one assessment reduced to what a diff compares: a level or "na". */
export type AnswerSummary = Readonly<Record<string, number | 'na'>>;

export interface ScoredDocument {
  readonly file: string;
  readonly document: number;
  /** Present in score mode. */
  readonly result?: ScoreResult;
  readonly community: { readonly id: string; readonly name: string };
  readonly period: string;
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

export function summariseAnswers(assessment: Assessment): AnswerSummary {
  const summary: Record<string, number | 'na'> = {};
  for (const [id, answer] of assessment.answers) summary[id] = answer.kind === 'na' ? 'na' : answer.level;
  return summary;
}

/** Loads, checks and (in score mode) scores one file. The unit of work of a batch, in-process or in a worker. */
export class FileProcessor {
  private readonly finder: RubricFinder;

  constructor(private readonly options: BatchOptions) {
    this.finder = new RubricFinder(options.search);
  }

  async process(file: string, keepLoaded = false): Promise<FileOutcome> {
    const { assessments, findings } = await loadAssessmentFile(file, this.finder, { rubricOverride: this.options.rubricOverride, cwd: this.options.search.cwd });
    const documents = assessments.map((loaded): ScoredDocument => {
      const { assessment } = loaded;
      return {
        file,
        document: loaded.document,
        ...(this.options.mode === 'score' ? { result: scoreAssessment(loaded.rubric, assessment) } : {}),
        community: { id: assessment.community.id, name: assessment.community.name },
        period: assessment.period,
        languages: loaded.rubric.languages,
        ...(this.options.withAnswers ? { answers: summariseAnswers(assessment) } : {}),
      };
    });
    return keepLoaded ? { file, documents, findings, loaded: assessments } : { file, documents, findings };
  }
}
