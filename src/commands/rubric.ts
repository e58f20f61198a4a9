import { resolve } from 'node:path';
import type { Finding } from '../core/finding.js';
import { findingLines } from '../format/findings.js';
import { renderRubricList } from '../format/rubric/list.js';
import { renderRubricTree } from '../format/rubric/tree.js';
import { outputLanguage } from '../i18n/language.js';
import { requireRubric } from '../io/require-rubric.js';
import { displayPath, listRubricCandidates, RubricFinder, type UnreadableSearchEntry } from '../io/rubric-finder.js';
import { write, type CommandContext } from './context.js';
import type { CommandSettings } from './settings.js';
import { renderRubricJson, renderRubricListJson } from '../format/rubric/json.js';

export interface RubricOptions {
  /** `--format text|json`. */
  readonly format?: 'text' | 'json' | undefined;
}

/** `swadaya rubric list` (docs/commands.md#rubric): every rubric on the search path. */
export async function rubricListCommand(settings: CommandSettings<RubricOptions>, ctx: CommandContext): Promise<number> {
  const search = settings.rubricSearch;
  const finder = new RubricFinder(search);
  const rows = [];
  const unreadable: UnreadableSearchEntry[] = [];
  const candidates = listRubricCandidates(search, unreadable);
  const language = outputLanguage(settings.language);
  const problems: Finding[] = unreadable.map((entry) => ({ code: 'rubric-path-unreadable', severity: 'warning', file: entry.dir, args: { ...entry } }));
  for (const candidate of candidates) {
    const loaded = await finder.loadPath(candidate.dir);
    rows.push({ id: candidate.id, location: displayPath(candidate.dir, ctx.cwd), rubric: loaded.rubric, errors: loaded.findings.filter((f) => f.severity === 'error').length });
  }
  await write(ctx.stderr, findingLines(problems, language, settings.colors.stderr));
  if (settings.format === 'json') {
    await write(ctx.stdout, renderRubricListJson(rows));
    return 0;
  }
  await write(ctx.stdout, renderRubricList(rows, { language, requested: settings.language, colors: settings.colors.stdout }));
  return 0;
}

/** `swadaya rubric show ID|PATH` (docs/commands.md#rubric): a rubric's tree. */
export async function rubricShowCommand(reference: string, settings: CommandSettings<RubricOptions>, ctx: CommandContext): Promise<number> {
  const loaded = await requireRubric(reference, settings.rubricSearch, outputLanguage(settings.language));
  if (settings.format === 'json') {
    await write(ctx.stdout, renderRubricJson(loaded.rubric, displayPath(resolve(ctx.cwd, loaded.location), ctx.cwd)));
    return 0;
  }
  const context = { language: outputLanguage(settings.language, loaded.rubric), requested: settings.language, colors: settings.colors.stdout };
  await write(ctx.stdout, renderRubricTree({ rubric: loaded.rubric, location: displayPath(resolve(ctx.cwd, loaded.location), ctx.cwd) }, context));
  return 0;
}
