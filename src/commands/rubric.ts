import { rubricSearchOf } from '../batch/inputs.js';
import { renderRubricList, renderRubricTree } from '../format/rubric-tree.js';
import { toolLanguage } from '../i18n/language.js';
import type { Finding } from '../core/finding.js';
import { findingLines } from '../format/validation.js';
import { displayPath, listRubricCandidates, RubricFinder, type UnreadableSearchEntry } from '../io/rubric-finder.js';
import { colorsFor, requestedLanguage, write, type CommandContext, type GlobalOptions } from './context.js';
import { requireRubric } from './rubric-resolve.js';
import { resolve } from 'node:path';

export async function rubricListCommand(options: GlobalOptions, ctx: CommandContext): Promise<number> {
  const search = rubricSearchOf(ctx);
  const finder = new RubricFinder(search);
  const rows = [];
  const unreadable: UnreadableSearchEntry[] = [];
  const candidates = listRubricCandidates(search, unreadable);
  const lang = requestedLanguage(options, ctx.env);
  const problems: Finding[] = unreadable.map((entry) => ({ code: 'rubric-path-unreadable', severity: 'warning', file: entry.dir, args: { ...entry } }));
  for (const candidate of candidates) {
    const loaded = await finder.loadPath(candidate.dir);
    rows.push({ id: candidate.id, location: displayPath(candidate.dir, ctx.cwd), rubric: loaded.rubric, errors: loaded.findings.filter((f) => f.severity === 'error').length });
  }
  await write(ctx.stderr, findingLines(problems, { lang: toolLanguage(lang), colors: colorsFor(ctx.stderr, options, ctx.env) }));
  await write(ctx.stdout, renderRubricList(rows, { lang, tool: toolLanguage(lang), colors: colorsFor(ctx.stdout, options, ctx.env) }));
  return 0;
}

export async function rubricShowCommand(reference: string, options: GlobalOptions, ctx: CommandContext): Promise<number> {
  const requested = requestedLanguage(options, ctx.env);
  const loaded = await requireRubric(reference, rubricSearchOf(ctx), toolLanguage(requested));
  const lang = requested ?? loaded.rubric.languages[0] ?? 'en';
  const colors = colorsFor(ctx.stdout, options, ctx.env);
  await write(ctx.stdout, renderRubricTree(loaded.rubric, { lang, tool: toolLanguage(lang), colors, location: displayPath(resolve(ctx.cwd, loaded.location), ctx.cwd) }));
  return 0;
}
