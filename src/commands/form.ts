import { resolve } from 'node:path';
import { rubricSearchOf } from '../batch/inputs.js';
import { ExitCode, SwadayaError } from '../errors.js';
import { buildXlsForm } from '../field/xlsform.js';
import { toolLanguage } from '../i18n/language.js';
import { writeXlsx } from '../io/tables.js';
import { requestedLanguage, write, type CommandContext, type GlobalOptions } from './context.js';
import { requireRubric } from './rubric-resolve.js';

export interface FormOptions extends GlobalOptions {
  readonly rubric: string;
  readonly output: string;
}

/** `swadaya form`: the rubric as an XLSForm for KoboToolbox and ODK Central (docs/field-data.md). */
export async function formCommand(options: FormOptions, ctx: CommandContext): Promise<number> {
  const requested = requestedLanguage(options, ctx.env);
  const lang = toolLanguage(requested);
  if (!/\.xlsx$/i.test(options.output)) {
    throw new SwadayaError('bad-output', lang === 'id' ? `-o ${options.output}: formulir ditulis sebagai .xlsx (XLSForm).` : `-o ${options.output}: the form is written as .xlsx (XLSForm).`);
  }
  const { rubric } = await requireRubric(options.rubric, rubricSearchOf(ctx), lang);
  const form = buildXlsForm(rubric, requested ?? rubric.languages[0] ?? 'en');
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
    lang === 'id'
      ? `Formulir ${rubric.id}@${rubric.version} (${questions} indikator) ditulis ke ${options.output}. Unggah ke KoboToolbox atau ODK Central.\n`
      : `Wrote the ${rubric.id}@${rubric.version} form (${questions} indicators) to ${options.output}. Upload it to KoboToolbox or ODK Central.\n`,
  );
  return ExitCode.ok;
}
