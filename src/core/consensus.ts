/**
 * A draft consensus of a group of ratings (docs/ratings.md): the answers merged indicator by
 * indicator, for the raters to discuss and then score. Pure.
 */
import type { RatingGroup } from './agree.js';
import { DEFAULT_FLAG, spreadOf } from './agree.js';
import type { Answer, Community } from './model.js';
import { CONSENSUS } from './ratings.js';

export interface RaterAnswer {
  readonly rater: string;
  readonly answer: Answer | undefined;
}

export interface MergedAnswer {
  /** Undefined when no rater gave a level and not all chose n/a: left missing. */
  readonly answer: Answer | undefined;
  readonly spread: number | null;
}

/**
 * The median level, the lower middle one for an even count: of two defensible levels the
 * draft takes the lower, the conservative choice. n/a only when every rater chose it, with
 * their reasons joined. The note lists every rater's answer and note; evidence is pooled.
 */
export function mergeAnswers(answers: readonly RaterAnswer[]): MergedAnswer {
  const levels = answers.flatMap(({ answer }) => (answer?.kind === 'level' ? [answer.level] : [])).sort((a, b) => a - b);
  const spread = spreadOf(levels);
  const note = answers.map(describe).join('; ');
  if (levels.length > 0) {
    const evidence = [...new Set(answers.flatMap(({ answer }) => (answer?.kind === 'level' ? (answer.evidence ?? []) : [])))];
    const level = levels[Math.floor((levels.length - 1) / 2)]!;
    return { answer: { kind: 'level', level, note, ...(evidence.length > 0 ? { evidence } : {}) }, spread };
  }
  if (answers.length > 0 && answers.every(({ answer }) => answer?.kind === 'na')) {
    const reasons = [...new Set(answers.map(({ answer }) => (answer as Extract<Answer, { kind: 'na' }>).reason.trim()))];
    return { answer: { kind: 'na', reason: reasons.join(' / '), note }, spread };
  }
  return { answer: undefined, spread };
}

/** `ani: 3 — the note`, `budi: n/a — the reason`, `citra: —` (missing). */
function describe({ rater, answer }: RaterAnswer): string {
  if (answer === undefined) return `${rater}: —`;
  const level = answer.kind === 'na' ? 'n/a' : String(answer.level);
  const words = answer.kind === 'na' ? [answer.reason, answer.note] : [answer.note];
  const said = words.map((word) => word?.replace(/\s+/g, ' ').trim()).filter((word): word is string => word !== undefined && word !== '');
  return said.length > 0 ? `${rater}: ${level} — ${said.join(' — ')}` : `${rater}: ${level}`;
}

export interface DraftAnswer {
  readonly indicator: string;
  readonly answer: Answer;
  readonly spread: number | null;
  /** spread ≥ the flag: marked `# discuss` in the file. */
  readonly flagged: boolean;
  /** Some raters chose n/a and others gave a level: the draft took the levels, to discuss too. */
  readonly naDisputed: boolean;
}

export interface ConsensusDraft {
  /** `id@version` of the rubric the ratings were read with. */
  readonly rubric: string;
  readonly community: Community;
  readonly period: string;
  /** The latest date any rater assessed. */
  readonly assessed: string | undefined;
  /** All raters. */
  readonly assessors: readonly string[];
  readonly rater: typeof CONSENSUS;
  /** The phase every rater declared; undefined when they differ or none did. */
  readonly phase: string | undefined;
  /** Rater → declared phase, when the raters declared different phases (to discuss). */
  readonly phaseDisagreement: Readonly<Record<string, string>> | undefined;
  /** In rubric order; indicators nobody could merge are left out (missing). */
  readonly answers: readonly DraftAnswer[];
}

export function draftConsensus(group: RatingGroup, options: { readonly flag?: number } = {}): ConsensusDraft {
  const flag = options.flag ?? DEFAULT_FLAG;
  const first = group.ratings[0]!;
  const rubric = first.rubric;
  const answers: DraftAnswer[] = [];
  for (const indicator of rubric.indicators) {
    const given = group.ratings.map((rating) => ({ rater: rating.rater, answer: rating.assessment.answers.get(indicator.id) }));
    const merged = mergeAnswers(given);
    if (merged.answer === undefined) continue;
    const kinds = new Set(given.flatMap(({ answer }) => (answer ? [answer.kind] : [])));
    answers.push({ indicator: indicator.id, answer: merged.answer, spread: merged.spread, flagged: merged.spread !== null && merged.spread >= flag, naDisputed: kinds.size > 1 });
  }
  const dates = group.ratings.map((rating) => rating.assessment.assessed).filter((date): date is string => date !== undefined).sort();
  const phases = new Set(group.ratings.map((rating) => rating.assessment.phase));
  const agreedPhase = phases.size === 1 ? first.assessment.phase : undefined;
  const phaseDisagreement =
    phases.size > 1
      ? Object.fromEntries(group.ratings.map((rating) => [rating.rater, rating.assessment.phase ?? '—']))
      : undefined;
  return {
    rubric: `${rubric.id}@${rubric.version}`,
    community: first.assessment.community,
    period: group.period,
    assessed: dates.at(-1),
    assessors: group.raters,
    rater: CONSENSUS,
    phase: agreedPhase,
    phaseDisagreement,
    answers,
  };
}
