import type { Answer, Assessment, Band, Criterion, Indicator, Phase, Principle, Rubric } from '../../src/core/model.js';

export interface IndicatorSpec {
  readonly id: string;
  readonly pillar: string;
  readonly weight?: number;
  readonly tags?: readonly string[];
  readonly na?: boolean;
}

export interface PrincipleSpec {
  readonly id: string;
  readonly weight?: number;
  readonly indicators: readonly IndicatorSpec[];
}

/** As in rubric.yaml, `each` included; the builder expands it the way the loader does. */
export type CriterionSpec =
  | { readonly target: string; readonly min: number }
  | { readonly target: string; readonly level: number }
  | { readonly each: 'pillar' | 'principle'; readonly min: number };

export interface PhaseSpec {
  readonly id: string;
  readonly pillars: readonly string[];
  readonly exit?: readonly CriterionSpec[];
}

export interface RubricSpec {
  /** The highest level; the scale is 0..max. Default 4. */
  readonly max?: number;
  readonly coverage?: number;
  readonly principles: readonly PrincipleSpec[];
  readonly phases: readonly PhaseSpec[];
  readonly bands?: readonly ({ readonly id: string; readonly min: number } | { readonly id: string; readonly above: number })[];
  readonly tags?: Readonly<Record<string, readonly string[]>>;
}

/** The descriptor the builder gives to `level` of `indicator`: easy to assert in focus actions. */
export function descriptorText(indicator: string, level: number): { en: string } {
  return { en: `${indicator} at level ${level}` };
}

function expand(spec: CriterionSpec, phase: PhaseSpec, principles: readonly PrincipleSpec[]): Criterion[] {
  if ('each' in spec) {
    const ids = spec.each === 'pillar' ? phase.pillars : principles.map((p) => p.id);
    return ids.map((id) => ({ kind: 'area', target: `${spec.each}:${id}`, min: spec.min }));
  }
  if ('level' in spec) return [{ kind: 'level', target: spec.target, level: spec.level }];
  return [{ kind: 'area', target: spec.target, min: spec.min }];
}

export function buildRubric(spec: RubricSpec): Rubric {
  const max = spec.max ?? 4;
  const principles: Principle[] = spec.principles.map((p) => ({
    id: p.id,
    title: p.id,
    summary: undefined,
    weight: p.weight ?? 1,
    indicators: p.indicators.map(
      (i): Indicator => ({
        id: i.id,
        principle: p.id,
        pillar: i.pillar,
        tags: i.tags ?? [],
        weight: i.weight ?? 1,
        question: `${i.id}?`,
        evidence: undefined,
        levels: Array.from({ length: max + 1 }, (_, level) => descriptorText(i.id, level)),
        na: i.na ?? false,
      }),
    ),
  }));
  const phases: Phase[] = spec.phases.map((phase) => ({
    id: phase.id,
    title: phase.id,
    pillars: phase.pillars.map((id) => ({ id, title: id, phase: phase.id })),
    exit: (phase.exit ?? []).flatMap((criterion) => expand(criterion, phase, spec.principles)),
  }));
  const bands: Band[] = (spec.bands ?? []).map((band) => ({ ...band, label: band.id }));
  return {
    id: 'test',
    version: '1.0.0',
    title: 'Test rubric',
    languages: ['en'],
    scale: Array.from({ length: max + 1 }, (_, level) => ({ level, label: `L${level}` })),
    maxLevel: max,
    coverage: spec.coverage ?? 0.8,
    principles,
    indicators: principles.flatMap((p) => p.indicators),
    phases,
    bands,
    tags: Object.entries(spec.tags ?? {}).map(([id, values]) => ({
      id,
      label: id,
      values: values.map((value) => ({ id: value, label: value })),
    })),
  };
}

/** A level, `'na'`, or leave the id out for a missing answer. */
export type AnswerSpec = number | 'na';

export function buildAssessment(
  answers: Readonly<Record<string, AnswerSpec>>,
  options: { readonly phase?: string; readonly id?: string } = {},
): Assessment {
  const map = new Map<string, Answer>();
  for (const [id, answer] of Object.entries(answers)) {
    map.set(id, answer === 'na' ? { kind: 'na', reason: 'not here' } : { kind: 'level', level: answer });
  }
  return {
    rubric: { id: 'test', version: undefined },
    community: { id: options.id ?? 'c1', name: 'Community' },
    period: '2025',
    assessed: undefined,
    assessors: [],
    phase: options.phase,
    answers: map,
  };
}
