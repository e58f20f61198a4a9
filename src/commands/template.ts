import { resolve } from 'node:path';
import { renderTemplate } from '../format/rubric/template.js';
import { outputLanguage } from '../i18n/language.js';
import { writeFileAtomically } from '../io/atomic-write.js';
import { modelineForNewFile } from '../io/editor-settings.js';
import { requireRubric } from '../io/require-rubric.js';
import { write, type CommandContext } from './context.js';
import { NO_COLORS, type CommandSettings } from './settings.js';

export interface TemplateOptions {
  readonly rubric: string;
  /** `-o FILE`: write the template there (atomically) instead of to stdout. */
  readonly output?: string | undefined;
  /** `--rater NAME`: the file is NAME's rating. */
  readonly rater?: string | undefined;
}

/** `swadaya template --rubric ID|PATH` (docs/commands.md#template): an assessment file to fill in by hand. */
export async function templateCommand(settings: CommandSettings<TemplateOptions>, ctx: CommandContext): Promise<number> {
  const { rubric } = await requireRubric(settings.rubric, settings.rubricSearch, outputLanguage(settings.language));
  const toFile = settings.output !== undefined && settings.output !== '-';
  // On stdout the destination is unknown: the modeline is relative to the working directory.
  const target = resolve(ctx.cwd, toFile ? settings.output! : 'assessment.yaml');
  const context = { language: outputLanguage(settings.language, rubric), requested: settings.language, colors: NO_COLORS };
  const text = renderTemplate({ rubric, modeline: await modelineForNewFile(target), rater: settings.rater }, context);
  if (toFile) await writeFileAtomically(target, text);
  else await write(ctx.stdout, text);
  return 0;
}
