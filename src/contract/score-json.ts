import type { PathToReady } from '../core/path.js';
import type { CriterionResult, ScoreResult } from '../core/result.js';
import type { ScoreSummary } from '../core/summary.js';
import { localize } from '../i18n/language.js';
import { round2, round4 } from './rounding.js';

/** The published shape of `score --format json|yaml` (docs/json-output.md#score, schemas/score.schema.json). */
export const SCORE_SCHEMA_ID = 'swadaya/score@1';

/** What one entry of `results` is made of: where it came from, its result, and its rubric's languages. */
export interface ScoreJsonSource {
  readonly file: string;
  readonly document: number;
  readonly result: ScoreResult;
  /** The rubric's languages, first the default, for localising its texts (focus actions). */
  readonly languages: readonly string[];
}

export function criterionJson(criterion: CriterionResult): Record<string, unknown> {
  return {
    target: criterion.target,
    ...(criterion.kind === 'level' ? { level: criterion.threshold } : { min: criterion.threshold }),
    value: round2(criterion.value),
    coverage: round4(criterion.coverage),
    status: criterion.status,
    gap: round2(criterion.gap),
  };
}

/** The path to the next phase (docs/path.md), texts in one language. */
export function pathJson(path: PathToReady | null, lang: string, languages: readonly string[]): Record<string, unknown> | null {
  if (path === null) return null;
  return {
    phase: path.phase,
    steps: path.steps,
    blocked: path.blocked,
    unanswered: path.unanswered,
    items: path.items.map((item) => ({
      indicator: item.indicator,
      from: item.from,
      to: item.to,
      action: localize(item.action, lang, { languages }),
      criteria: item.criteria,
    })),
  };
}

/** One entry of `results`, rounded. `textLanguage`: the language of the focus actions, already chosen. */
export function scoreResultJson(source: ScoreJsonSource, textLanguage: string): Record<string, unknown> {
  const { result } = source;
  return {
    file: source.file,
    document: source.document,
    rubric: result.rubric,
    community: result.community,
    period: result.period,
    overall: { score: round2(result.overall.score), coverage: round4(result.overall.coverage), band: result.overall.band },
    principles: result.principles.map((area) => ({ id: area.id, score: round2(area.score), coverage: round4(area.coverage) })),
    pillars: result.pillars.map((area) => ({ id: area.id, phase: area.phase, score: round2(area.score), coverage: round4(area.coverage) })),
    tags: result.tags.map((area) => ({ id: area.id, score: round2(area.score), coverage: round4(area.coverage) })),
    phase: result.phase,
    readiness: {
      verdict: result.readiness.verdict,
      index: round2(result.readiness.index),
      criteria: result.readiness.criteria.map(criterionJson),
      focus: result.readiness.focus.map((item) => ({
        criterion: item.criterion,
        indicator: item.indicator,
        level: item.level,
        next: item.next,
        action: localize(item.action, textLanguage, { languages: source.languages }),
      })),
      path: pathJson(result.readiness.path, textLanguage, source.languages),
    },
  };
}

/** One result as the one-line JSON text the json renderer streams; batch workers make it too, so the main thread only writes. */
export function scoreResultText(source: ScoreJsonSource, textLanguage: string): string {
  return JSON.stringify(scoreResultJson(source, textLanguage));
}

export function summaryJson(summary: ScoreSummary): Record<string, unknown> {
  return {
    count: summary.count,
    verdicts: summary.verdicts,
    phases: summary.phases,
    meanOverall: round2(summary.meanOverall),
    meanIndex: round2(summary.meanIndex),
    meanPrinciples: summary.meanPrinciples.map((entry) => ({ id: entry.id, mean: round2(entry.mean) })),
  };
}
