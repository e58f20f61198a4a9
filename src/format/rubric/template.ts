import type { Rubric } from '../../core/model.js';
import { localize, textLanguage } from '../../i18n/language.js';
import type { RenderContext } from '../renderer.js';
import { translator } from '../../i18n/catalogue.js';

export interface TemplateInput {
  readonly rubric: Rubric;
  /** The modeline naming the file's schema (relative to where it will be saved); none when an editor mapping covers the file. */
  readonly modeline: string | undefined;
  /** `--rater NAME`: the file is NAME's rating (docs/ratings.md). */
  readonly rater?: string | undefined;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The rubric's guidance as comment lines, its own line breaks kept. */
function guidanceComment(rubric: Rubric, lang: string, title: string): string[] {
  if (rubric.guidance === undefined) return [];
  const lines = localize(rubric.guidance, lang, rubric).trimEnd().split('\n');
  return [`# ${title}:`, ...lines.map((line) => `#   ${line}`.trimEnd())];
}

/** An assessment file ready to fill in by hand: every indicator with its question and level descriptors as comments. */
export function renderTemplate({ rubric, modeline, rater }: TemplateInput, context: RenderContext): string {
  const label = translator(context.language);
  const lang = textLanguage(context.requested, rubric);
  const text = (value: Parameters<typeof localize>[0]): string => oneLine(localize(value, lang, rubric));
  const phases = rubric.phases.map((phase) => phase.id).join(' | ');
  const out: string[] = [
    ...(modeline === undefined ? [] : [`# ${modeline}`]),
    `# ${text(rubric.title)} (${rubric.id}@${rubric.version})`,
    `# ${label('templateIntro')}: swadaya validate FILE && swadaya score FILE`,
    ...guidanceComment(rubric, lang, label('guidance')),
    `rubric: ${rubric.id}@${rubric.version}`,
    'community:',
    `  id: ""        # ${label('templateCommunityId')}`,
    '  name: ""',
    '  region: ""',
    `period: ""      # ${label('templatePeriod')}`,
    'assessors: []',
    rater === undefined ? `# rater: ""    # ${label('templateRater')}` : `rater: ${JSON.stringify(rater)}`,
    `# phase: ${rubric.phases[0]?.id ?? ''}   # ${phases} — ${label('templatePhase')}`,
    'answers:',
  ];
  for (const principle of rubric.principles) {
    out.push('', `  # ── ${text(principle.title)} (${principle.id}) ──`);
    for (const indicator of principle.indicators) {
      const pillar = rubric.phases.flatMap((phase) => phase.pillars).find((candidate) => candidate.id === indicator.pillar);
      const facts = [`${label('pillar').toLowerCase()}: ${pillar ? text(pillar.title) : indicator.pillar}`, ...indicator.tags];
      if (indicator.weight !== 1) facts.push(`${label('weight')} ${indicator.weight}`);
      out.push('', `  # ${text(indicator.question)}`, `  #   [${facts.join(', ')}]`);
      if (indicator.evidence !== undefined) out.push(`  #   ${label('evidence')}: ${text(indicator.evidence)}`);
      indicator.levels.forEach((descriptor, level) => {
        out.push(`  #   ${level} ${text(rubric.scale[level]?.label)}: ${text(descriptor)}`);
      });
      if (indicator.na) out.push(`  #   ${label('templateNa')}`);
      if (indicator.naWhen !== undefined) out.push(`  #   ${label('naWhen')}: ${text(indicator.naWhen)}`);
      out.push(`  ${indicator.id}:    # ${label('templateAnswer')} 0–${rubric.maxLevel}`);
    }
  }
  return `${out.join('\n')}\n`;
}
