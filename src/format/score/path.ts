import type { ChalkInstance } from 'chalk';
import type { Rubric } from '../../core/model.js';
import type { PathToReady } from '../../core/path.js';
import { nextPhase } from '../../core/scoring.js';
import { localize, type Language } from '../../i18n/language.js';
import { phaseTitle, targetTitle } from '../titles.js';
import { translator } from '../../i18n/catalogue.js';

export interface PathTextOptions {
  readonly lang: string;
  readonly tool: Language;
  readonly colors: ChalkInstance;
}

/** "Path to Madani: 10 step(s) to ready" (or "10 step(s)" when a criterion is blocked). */
export function pathHeading(path: PathToReady, rubric: Rubric, options: Pick<PathTextOptions, 'lang' | 'tool'>): string {
  const labels = translator(options.tool);
  const destination = phaseTitle(rubric, nextPhase(rubric, path.phase), options.lang, options.tool);
  const count = path.blocked.length === 0 ? labels('stepsToReady', { steps: path.steps }) : labels('pathSteps', { steps: path.steps });
  return `${labels('pathTo', { phase: destination })}: ${count}`;
}

/** "level 2 → 4", "missing → 1". */
export function pathLevels(item: PathToReady['items'][number], tool: Language): string {
  const labels = translator(tool);
  return `${item.from === null ? labels('missing') : `${labels('levelWord')} ${item.from}`} → ${item.to}`;
}

/** The notes under a path: blocked criteria, unanswered indicators. */
export function pathNotes(path: PathToReady, rubric: Rubric, options: Pick<PathTextOptions, 'lang' | 'tool'>): string[] {
  const labels = translator(options.tool);
  const notes: string[] = [];
  if (path.blocked.length > 0) {
    const targets = path.blocked.map((target) => `${targetTitle(rubric, target, options.lang, options.tool)} (${target})`).join('; ');
    notes.push(labels('pathBlocked', { targets }));
  }
  if (path.unanswered > 0) notes.push(labels('pathUnanswered', { count: path.unanswered }));
  return notes;
}

/** The path as terminal lines: each indicator once, its question, the level to reach, the criteria it moves. */
export function pathLines(path: PathToReady, rubric: Rubric, options: PathTextOptions): string[] {
  const { colors, lang, tool } = options;
  const labels = translator(tool);
  const out = [colors.bold(pathHeading(path, rubric, options))];
  if (path.items.length === 0 && path.blocked.length === 0) out.push(`  ${labels('noActions')}`);
  path.items.forEach((item, i) => {
    const indicator = rubric.indicators.find((candidate) => candidate.id === item.indicator);
    out.push(`  ${i + 1}. ${colors.cyan(item.indicator)} ${colors.dim(pathLevels(item, tool))}`);
    if (indicator) out.push(`     ${colors.dim(localize(indicator.question, lang, rubric))}`);
    out.push(`     → ${localize(item.action, lang, rubric)}`);
    const moves = item.criteria.map((target) => targetTitle(rubric, target, lang, tool)).join(' · ');
    out.push(colors.dim(`     ${labels('pathMoves')}: ${moves}`));
  });
  for (const note of pathNotes(path, rubric, options)) out.push(colors.yellow(`  ⚠ ${note}`));
  return out;
}
