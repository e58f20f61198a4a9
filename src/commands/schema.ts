import { resolve } from 'node:path';
import { rubricSearchOf } from '../batch/inputs.js';
import { toolLanguage } from '../i18n/language.js';
import { writeFileAtomically } from '../io/atomic-write.js';
import { assessmentSchemaFor } from '../schema/editor-schema.js';
import { requestedLanguage, write, type CommandContext, type GlobalOptions } from './context.js';
import { requireRubric } from './rubric-resolve.js';

export interface SchemaOptions extends GlobalOptions {
  readonly rubric: string;
  /** `-o FILE`: write the schema there (atomically) instead of to stdout. */
  readonly output?: string | undefined;
}

/** `swadaya schema --rubric ID|PATH [-o FILE]`: the assessment schema of one rubric, for editors. */
export async function schemaCommand(options: SchemaOptions, ctx: CommandContext): Promise<number> {
  const requested = requestedLanguage(options, ctx.env);
  const { rubric } = await requireRubric(options.rubric, rubricSearchOf(ctx), toolLanguage(requested));
  const text = `${JSON.stringify(assessmentSchemaFor(rubric, requested ?? rubric.languages[0] ?? 'en'), null, 2)}\n`;
  if (options.output === undefined || options.output === '-') await write(ctx.stdout, text);
  else await writeFileAtomically(resolve(ctx.cwd, options.output), text);
  return 0;
}
