import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_RUBRIC } from '../assess/open-assessment.js';
import { SwadayaError } from '../errors.js';
import { outputLanguage, textLanguage } from '../i18n/language.js';
import { writeFileAtomically } from '../io/atomic-write.js';
import { DEFAULT_ASSESSMENT_GLOBS, EDITOR_SETTINGS_FILE, projectSchemaFile, withSchemaMapping } from '../io/editor-settings.js';
import { assessmentSchemaFor } from '../schema/editor-schema.js';
import { requireRubric } from '../io/require-rubric.js';
import { write, type CommandContext } from './context.js';
import type { CommandSettings } from './settings.js';
import { translator } from '../i18n/catalogue.js';

export interface InitOptions {
  readonly rubric?: string | undefined;
  /** `--glob PATTERN` (repeatable): the assessment files the schema applies to. */
  readonly glob?: readonly string[] | undefined;
}

/**
 * `swadaya init`: writes the rubric's assessment schema into the project (.swadaya/ID.schema.json)
 * and maps the assessment globs to it in .vscode/settings.json (`yaml.schemas`), keeping every
 * other setting and comment there. Files under those globs then need no modeline.
 */
export async function initCommand(options: CommandSettings<InitOptions>, ctx: CommandContext): Promise<number> {
  const requested = options.language;
  const { rubric } = await requireRubric(options.rubric ?? DEFAULT_RUBRIC, options.rubricSearch, outputLanguage(requested));
  const tool = outputLanguage(requested, rubric);
  const labels = translator(tool);
  const globs = options.glob && options.glob.length > 0 ? options.glob : DEFAULT_ASSESSMENT_GLOBS;

  const schemaFile = projectSchemaFile(rubric.id);
  const schema = assessmentSchemaFor(rubric, textLanguage(requested, rubric), tool);
  await mkdir(dirname(resolve(ctx.cwd, schemaFile)), { recursive: true });
  await writeFileAtomically(resolve(ctx.cwd, schemaFile), `${JSON.stringify(schema, null, 2)}\n`);

  const settingsFile = resolve(ctx.cwd, EDITOR_SETTINGS_FILE);
  const current = await readFile(settingsFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  let updated: string;
  try {
    updated = withSchemaMapping(current, schemaFile, globs);
  } catch (error) {
    const [line = '1', column = '1'] = (error as Error).message.split(':');
    throw new SwadayaError('bad-editor-settings', labels('initBadSettings', { file: EDITOR_SETTINGS_FILE, line, column }));
  }
  await mkdir(dirname(settingsFile), { recursive: true });
  await writeFileAtomically(settingsFile, updated);

  const lines = [
    labels('initWroteSchema', { file: schemaFile, rubric: `${rubric.id}@${rubric.version}`, count: rubric.indicators.length }),
    labels('initWroteSettings', { file: join('.vscode', 'settings.json'), globs: globs.join(', ') }),
    labels('initNext'),
  ];
  await write(ctx.stdout, `${lines.join('\n')}\n`);
  return 0;
}
