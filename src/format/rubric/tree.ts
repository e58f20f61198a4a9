import type { Criterion, Rubric } from '../../core/model.js';
import { localize, textLanguage } from '../../i18n/language.js';
import type { RenderContext } from '../renderer.js';
import { translator } from '../../i18n/catalogue.js';

export interface RubricTreeInput {
  readonly rubric: Rubric;
  /** Where the rubric was found, as the reader would type it. */
  readonly location?: string | undefined;
}

/** A gate criterion as written in the rubric; `level` is the word for a scale level in the output language. */
export function criterionText(criterion: Criterion, level = 'level'): string {
  return criterion.kind === 'level' ? `${criterion.target} ≥ ${level} ${criterion.level}` : `${criterion.target} ≥ ${criterion.min}`;
}

/** A rubric as a readable tree: scale, principles with their indicators, phases with pillars and gates, bands. */
export function renderRubricTree({ rubric, location }: RubricTreeInput, context: RenderContext): string {
  const { colors } = context;
  const lang = textLanguage(context.requested, rubric);
  const label = translator(context.language);
  const text = (value: Parameters<typeof localize>[0]): string => localize(value, lang, rubric);
  const out: string[] = [];
  out.push(colors.bold(`${text(rubric.title)}  (${rubric.id}@${rubric.version})`) + (location ? colors.dim(`  ${location}`) : ''));
  out.push(`${label('scale')}: ${rubric.scale.map((entry) => `${entry.level} ${text(entry.label)}`).join(' · ')}`);
  out.push(colors.dim(`${label('coverageRule')}: ${rubric.coverage}`));
  if (rubric.guidance !== undefined) out.push('', colors.bold(label('guidance')), ...wrapped(text(rubric.guidance), '  '));
  out.push('', colors.bold(label('principles')));
  for (const principle of rubric.principles) {
    out.push(`  ${colors.bold(text(principle.title))} ${colors.dim(`(${principle.id}, ${label('weight')} ${principle.weight}, ${principle.indicators.length} ${label('indicators')})`)}`);
    for (const indicator of principle.indicators) {
      const facts = [`${label('pillar').toLowerCase()} ${indicator.pillar}`, ...indicator.tags];
      if (indicator.weight !== 1) facts.push(`${label('weight')} ${indicator.weight}`);
      if (indicator.na) facts.push(label('naAllowed'));
      out.push(`    ${colors.cyan(indicator.id)} ${colors.dim(`[${facts.join(', ')}]`)}`);
      out.push(`      ${text(indicator.question)}`);
      if (indicator.naWhen !== undefined) out.push(colors.dim(`      ${label('naWhen')}: ${text(indicator.naWhen)}`));
    }
  }
  out.push('', colors.bold(label('phases')));
  for (const phase of rubric.phases) {
    out.push(`  ${colors.bold(text(phase.title))} ${colors.dim(`(${phase.id})`)}`);
    for (const pillar of phase.pillars) {
      const count = rubric.indicators.filter((indicator) => indicator.pillar === pillar.id).length;
      out.push(`    ${label('pillar')} ${colors.cyan(pillar.id)}: ${text(pillar.title)} ${colors.dim(`(${count} ${label('indicators')})`)}`);
    }
    out.push(`    ${label('exitGate')}:`);
    for (const criterion of phase.exit) out.push(`      • ${criterionText(criterion, label('level'))}`);
  }
  if (rubric.tags.length > 0) {
    out.push('', colors.bold(label('tags')));
    for (const group of rubric.tags) {
      out.push(`  ${text(group.label)} (${group.id}): ${group.values.map((value) => `${group.id}:${value.id} ${text(value.label)}`).join(' · ')}`);
    }
  }
  if (rubric.bands.length > 0) {
    out.push('', colors.bold(label('bands')));
    for (const band of rubric.bands) {
      const bound = band.above !== undefined ? `> ${band.above}` : `≥ ${band.min}`;
      out.push(`  ${bound.padEnd(6)} ${text(band.label)} (${band.id})`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** A rubric text kept as written: its own line breaks kept, each line indented. */
function wrapped(value: string, indent: string): string[] {
  return value.trimEnd().split('\n').map((line) => `${indent}${line}`.trimEnd());
}
