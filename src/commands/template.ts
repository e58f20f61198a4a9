import { dirname, join, relative } from 'node:path';
import { rubricSearchOf } from '../batch/inputs.js';
import { renderTemplate } from '../format/template.js';
import { toolLanguage } from '../i18n/language.js';
import { shippedRubricsDir } from '../io/rubric-finder.js';
import { requestedLanguage, write, type CommandContext, type GlobalOptions } from './context.js';
import { requireRubric } from './rubric-resolve.js';

export async function templateCommand(reference: string, options: GlobalOptions & { readonly rater?: string | undefined }, ctx: CommandContext): Promise<number> {
  const requested = requestedLanguage(options, ctx.env);
  const { rubric } = await requireRubric(reference, rubricSearchOf(ctx), toolLanguage(requested));
  const lang = requested ?? rubric.languages[0] ?? 'en';
  const schema = join(dirname(shippedRubricsDir()), 'schemas', 'assessment.schema.json');
  await write(ctx.stdout, renderTemplate(rubric, { lang, tool: toolLanguage(lang), schemaPath: relative(ctx.cwd, schema) || schema, rater: options.rater }));
  return 0;
}
