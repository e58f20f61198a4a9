import { resolve } from 'node:path';
import { ExitCode, SwadayaError } from '../errors.js';
import { outputLanguage, textLanguage } from '../i18n/language.js';
import { buildXlsForm } from '../io/field/xlsform.js';
import { requireRubric } from '../io/require-rubric.js';
import { writeXlsx } from '../io/tables.js';
import { write, type CommandContext } from './context.js';
import type { CommandSettings } from './settings.js';
import { t } from '../i18n/catalogue.js';

export interface FormOptions {
  readonly rubric: string;
  readonly output: string;
}

/** `swadaya form`: the rubric as an XLSForm for KoboToolbox and ODK Central (docs/field-data.md). */
export async function formCommand(options: CommandSettings<FormOptions>, ctx: CommandContext): Promise<number> {
  let lang = outputLanguage(options.language);
  if (!/\.xlsx$/i.test(options.output)) {
    throw new SwadayaError('bad-output', t(lang, 'form.badOutput', { output: options.output }));
  }
  const { rubric } = await requireRubric(options.rubric, options.rubricSearch, lang);
  lang = outputLanguage(options.language, rubric);
  // The form's default language: --lang, else the rubric's first (textLanguage).
  const form = buildXlsForm(rubric, textLanguage(options.language, rubric));
  await writeXlsx(resolve(ctx.cwd, options.output), [
    { name: 'survey', ...form.survey },
    { name: 'choices', ...form.choices },
    { name: 'settings', ...form.settings },
    // Not read by KoboToolbox or ODK: which field name stands for which indicator (docs/field-data.md).
    { name: 'swadaya', ...form.fieldMap },
  ]);
  const questions = rubric.indicators.length;
  await write(
    ctx.stderr,
    `${t(lang, 'form.written', { rubric: `${rubric.id}@${rubric.version}`, count: questions, output: options.output })}\n`,
  );
  return ExitCode.ok;
}
