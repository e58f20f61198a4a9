import { resolve } from 'node:path';
import { rubricSearchOf } from '../batch/inputs.js';
import { renderTemplate } from '../format/template.js';
import { toolLanguage } from '../i18n/language.js';
import { writeFileAtomically } from '../io/atomic-write.js';
import { modelineForNewFile } from '../io/editor-settings.js';
import { requestedLanguage, write, type CommandContext, type GlobalOptions } from './context.js';
import { requireRubric } from './rubric-resolve.js';

export interface TemplateCommandOptions extends GlobalOptions {
  readonly rubric: string;
  /** `-o FILE`: write the template there (atomically) instead of to stdout. */
  readonly output?: string | undefined;
  /** `--rater NAME`: the file is NAME's rating. */
  readonly rater?: string | undefined;
}

export async function templateCommand(options: TemplateCommandOptions, ctx: CommandContext): Promise<number> {
  const requested = requestedLanguage(options, ctx.env);
  const { rubric } = await requireRubric(options.rubric, rubricSearchOf(ctx), toolLanguage(requested));
  const lang = requested ?? rubric.languages[0] ?? 'en';
  const toFile = options.output !== undefined && options.output !== '-';
  // On stdout the destination is unknown: the modeline is relative to the working directory.
  const target = resolve(ctx.cwd, toFile ? options.output! : 'assessment.yaml');
  const text = renderTemplate(rubric, { lang, tool: toolLanguage(lang), modeline: await modelineForNewFile(target), rater: options.rater });
  if (toFile) await writeFileAtomically(target, text);
  else await write(ctx.stdout, text);
  return 0;
}
