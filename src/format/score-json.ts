import type { ScoredDocument } from '../batch/process-file.js';
import type { PathToReady } from '../core/path.js';
import type { CriterionResult, ScoreResult } from '../core/result.js';
import { localize } from '../i18n/language.js';
import { round2, round4 } from './numbers.js';

export const SCORE_SCHEMA_ID = 'swadaya/score@1';

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

/** One entry of `results` in the JSON of SPEC §5, rounded. `lang` undefined: the rubric's first language. */
export function scoreResultJson(document: ScoredDocument & { result: ScoreResult }, lang: string | undefined): Record<string, unknown> {
  const { result } = document;
  const textLang = lang ?? document.languages[0] ?? 'en';
  return {
    file: document.file,
    document: document.document,
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
        action: localize(item.action, textLang, { languages: document.languages }),
      })),
      path: pathJson(result.readiness.path, textLang, document.languages),
    },
  };
}

/** One result as the one-line JSON text the json renderer streams. Batch workers call it too, so the main thread only writes. */
export function scoreResultText(document: ScoredDocument & { result: ScoreResult }, lang: string | undefined): string {
  return JSON.stringify(scoreResultJson(document, lang));
}
