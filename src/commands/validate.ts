import type { Finding } from '../core/finding.js';
import { DuplicateGuard, gatherInputs, rubricSearchOf } from '../batch/inputs.js';
import { runBatch } from '../batch/run-batch.js';
import { ExitCode } from '../errors.js';
import { renderValidation, type ValidationFormat, type ValidationReport } from '../format/validation.js';
import { toolLanguage } from '../i18n/language.js';
import { RubricFinder } from '../io/rubric-finder.js';
import { colorsFor, requestedLanguage, write, type CommandContext, type GlobalOptions } from './context.js';
import { startProgress } from './progress.js';

export interface ValidateOptions extends GlobalOptions {
  readonly format: ValidationFormat;
  readonly rubric?: string | undefined;
}

export async function validateCommand(paths: readonly string[], options: ValidateOptions, ctx: CommandContext): Promise<number> {
  const lang = toolLanguage(requestedLanguage(options, ctx.env));
  const inputs = await gatherInputs(paths, ctx);
  const findings: Finding[] = [...inputs.findings];
  const search = rubricSearchOf(ctx, inputs.rubricPaths);

  const finder = new RubricFinder(search);
  for (const path of inputs.rubricPaths) findings.push(...(await finder.loadPath(path)).findings);
  if (options.rubric !== undefined) {
    const found = await finder.find(options.rubric, options.rubric);
    if ('code' in found) findings.push(found);
  }

  const guard = new DuplicateGuard(ctx.cwd);
  let assessments = 0;
  const progress = await startProgress(ctx, inputs.assessmentFiles.length);
  try {
    for await (const outcome of runBatch(inputs.assessmentFiles, { mode: 'validate', search, rubricOverride: options.rubric, onProgress: progress.update })) {
      findings.push(...outcome.findings);
      for (const document of outcome.documents) {
        const duplicate = await guard.admit(document);
        if (duplicate) findings.push(duplicate);
        else assessments += 1;
      }
    }
  } finally {
    progress.stop();
  }

  const report: ValidationReport = {
    files: inputs.assessmentFiles.length,
    rubrics: inputs.rubricPaths.length,
    assessments,
    findings,
  };
  const colors = colorsFor(ctx.stdout, options, ctx.env);
  await write(ctx.stdout, renderValidation(report, options.format, { lang, colors }));
  const inputMissing = inputs.findings.some((finding) => finding.severity === 'error');
  if (inputMissing) return ExitCode.invalidInput;
  return findings.some((finding) => finding.severity === 'error') ? ExitCode.checkFailed : ExitCode.ok;
}
