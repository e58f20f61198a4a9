import { DuplicateGuard, gatherInputs } from '../batch/inputs.js';
import { cachedBatch } from '../batch/cached-batch.js';
import { openCache, saveCache, type CacheOptions } from './cache.js';
import type { Finding } from '../core/finding.js';
import { ExitCode } from '../errors.js';
import { validationRenderers, type ValidationFormat } from '../format/validate/index.js';
import type { ValidationReport } from '../format/validate/report.js';
import { outputLanguage } from '../i18n/language.js';
import { RubricFinder } from '../io/rubric-finder.js';
import type { CommandContext } from './context.js';
import { OutputWriter, renderContextFor } from './output.js';
import { startProgress } from './progress.js';
import type { CheckedAssessment } from '../format/ci/ci-report.js';
import { isCiFormat, renderCiReport, type CiFormat } from './ci-output.js';
import type { CommandSettings } from './settings.js';
import { readStdinArgument, type StdinOptions } from './stdin-input.js';

export interface ValidateOptions extends CacheOptions, StdinOptions {
  readonly format: ValidationFormat | CiFormat;
  readonly rubric?: string | undefined;
}

/** `swadaya validate <paths…>` (docs/commands.md#validate): check rubrics and assessments, exit 1 on any error. */
export async function validateCommand(paths: readonly string[], settings: CommandSettings<ValidateOptions>, ctx: CommandContext): Promise<number> {
  const lang = outputLanguage(settings.language);
  const inputs = await gatherInputs(paths, ctx.cwd, await readStdinArgument(paths, settings, 'validate', ctx, lang));
  const findings: Finding[] = [...inputs.findings];
  const search = { ...settings.rubricSearch, inputRubrics: inputs.rubricPaths };

  const finder = new RubricFinder(search);
  for (const path of inputs.rubricPaths) findings.push(...(await finder.loadPath(path)).findings);
  if (settings.rubric !== undefined) {
    const found = await finder.find(settings.rubric, settings.rubric);
    if ('code' in found) findings.push(found);
  }

  const guard = new DuplicateGuard(ctx.cwd, inputs.stdin);
  let assessments = 0;
  const checked: CheckedAssessment[] = [];
  const ciFormat = isCiFormat(settings.format) ? settings.format : undefined;
  const projection = { kind: 'check' } as const;
  const cache = await openCache('validate', settings, projection, { ctx, search, rubricOverride: settings.rubric, lang });
  const progress = await startProgress(ctx, inputs.assessmentFiles.length);
  try {
    for await (const outcome of cachedBatch(inputs.assessmentFiles, { projection, search, rubricOverride: settings.rubric, onProgress: progress.update, stdin: inputs.stdin }, cache)) {
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

  await saveCache(cache, ctx, lang);
  const report: ValidationReport = {
    files: inputs.assessmentFiles.length,
    rubrics: inputs.rubricPaths.length,
    assessments,
    findings,
  };
  const out = new OutputWriter(ctx.stdout);
  if (ciFormat) {
    await out.render(await renderCiReport(ciFormat, { command: 'validate', findings, failures: [], assessments: checked, checked: assessments, gates: { names: [] } }, lang));
  } else {
    const entry = validationRenderers[settings.format as ValidationFormat];
    const render = await entry.load();
    await out.render(render(report, renderContextFor(entry, settings, lang)));
  }
  const inputMissing = inputs.findings.some((finding) => finding.severity === 'error');
  if (inputMissing) return ExitCode.invalidInput;
  return findings.some((finding) => finding.severity === 'error') ? ExitCode.checkFailed : ExitCode.ok;
}
