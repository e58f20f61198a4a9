import { resolve } from 'node:path';
import { outputLanguage, textLanguage } from '../i18n/language.js';
import { writeFileAtomically } from '../io/atomic-write.js';
import { assessmentSchemaFor } from '../schema/editor-schema.js';
import { requireRubric } from '../io/require-rubric.js';
import { write, type CommandContext } from './context.js';
import type { CommandSettings } from './settings.js';

export interface SchemaOptions {
  readonly rubric: string;
  /** `-o FILE`: write the schema there (atomically) instead of to stdout. */
  readonly output?: string | undefined;
}

/** `swadaya schema --rubric ID|PATH [-o FILE]`: the assessment schema of one rubric, for editors. */
export async function schemaCommand(options: CommandSettings<SchemaOptions>, ctx: CommandContext): Promise<number> {
  const requested = options.language;
  const { rubric } = await requireRubric(options.rubric, options.rubricSearch, outputLanguage(requested));
  const text = `${JSON.stringify(assessmentSchemaFor(rubric, textLanguage(requested, rubric), outputLanguage(requested, rubric)), null, 2)}\n`;
  if (options.output === undefined || options.output === '-') await write(ctx.stdout, text);
  else await writeFileAtomically(resolve(ctx.cwd, options.output), text);
  return 0;
}
