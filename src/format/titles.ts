import { GRADUATED, type Rubric, type Text } from '../core/model.js';
import { localize, type Language } from '../i18n/language.js';
import { t, translator } from '../i18n/catalogue.js';

/** A phase as the compact views name it: its id, "graduated" in the reader's language, or — for none. */
export function phaseName(phase: string | null, language: Language): string {
  if (phase === null) return '—';
  return phase === GRADUATED ? t(language, 'verdict.graduated') : phase;
}

/** A phase by its title in the rubric's text language (`textLang`); its name where the rubric has none. */
export function phaseTitle(rubric: Rubric, phase: string | null, textLang: string, language: Language): string {
  const found = phase === null || phase === GRADUATED ? undefined : rubric.phases.find((entry) => entry.id === phase);
  return found ? localize(found.title, textLang, rubric) : phaseName(phase, language);
}

/** The human name of a criterion target: `Pillar: Participation development`. */
export function targetTitle(rubric: Rubric, target: string, lang: string, tool: Language): string {
  const labels = translator(tool);
  if (target === 'overall') return labels('overall');
  const [kind, ...rest] = target.split(':');
  const id = rest.join(':');
  let title: Text | undefined;
  if (kind === 'principle') title = rubric.principles.find((principle) => principle.id === id)?.title;
  else if (kind === 'pillar') title = rubric.phases.flatMap((phase) => phase.pillars).find((pillar) => pillar.id === id)?.title;
  else if (kind === 'indicator') return id;
  else if (kind === 'tag') {
    const [group, value] = id.split(':');
    const tagGroup = rubric.tags.find((entry) => entry.id === group);
    const tagValue = tagGroup?.values.find((entry) => entry.id === value);
    if (tagGroup && tagValue) return `${localize(tagGroup.label, lang, rubric)}: ${localize(tagValue.label, lang, rubric)}`;
  }
  return title ? localize(title, lang, rubric) : target;
}
