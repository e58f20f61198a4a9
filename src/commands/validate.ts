import type { Finding } from '../core/finding.js';
import { DuplicateGuard, gatherInputs, rubricSearchOf } from '../batch/inputs.js';
import { runBatch } from '../batch/run-batch.js';
import { ExitCode } from '../errors.js';
import { renderValidation, type ValidationFormat, type ValidationReport } from '../format/validation.js';
import { toolLanguage } from '../i18n/language.js';
import { RubricFinder } from '../io/rubric-finder.js';
import { colorsFor, requestedLanguage, write, type CommandContext, type GlobalOptions } from './context.js';
import { startProgress } from './progress.js';
import { isCiFormat, renderCiReport, type CiFormat } from './ci-output.js';
import type { CheckedAssessment } from '../format/ci/ci-report.js';

export interface ValidateOptions extends GlobalOptions {
  readonly format: ValidationFormat | CiFormat;
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
  const checked: CheckedAssessment[] = [];
  const ciFormat = isCiFormat(options.format) ? options.format : undefined;
  const progress = await startProgress(ctx, inputs.assessmentFiles.length);
  try {
    for await (const outcome of runBatch(inputs.assessmentFiles, { mode: 'validate', search, rubricOverride: options.rubric, onProgress: progress.update })) {
      findings.push(...outcome.findings);
      for (const document of outcome.documents) {
        const duplicate = await guard.admit(document);
        if (duplicate) findings.push(duplicate);
        else {
          assessments += 1;
          if (ciFormat === 'junit') checked.push({ file: document.file, document: document.document, community: document.community, group: document.community.region ?? document.rubricRef });
        }
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
  const text = ciFormat
    ? await renderCiReport(ciFormat, { command: 'validate', findings, failures: [], assessments: checked, checked: assessments, gates: { names: [] } }, lang)
    : renderValidation(report, options.format as ValidationFormat, { lang, colors });
  await write(ctx.stdout, text);
  const inputMissing = inputs.findings.some((finding) => finding.severity === 'error');
  if (inputMissing) return ExitCode.invalidInput;
  return findings.some((finding) => finding.severity === 'error') ? ExitCode.checkFailed : ExitCode.ok;
}
