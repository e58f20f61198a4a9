import { resolve } from 'node:path';
import { gatherInputs } from '../batch/inputs.js';
import type { Finding } from '../core/finding.js';
import type { Rubric } from '../core/model.js';
import { ExitCode, SwadayaError } from '../errors.js';
import { formatFinding } from '../i18n/messages.js';
import { outputLanguage } from '../i18n/language.js';
import { loadAssessmentFile } from '../io/assessment-loader.js';
import { wideTable, type WideInput } from '../io/field/wide.js';
import { RubricFinder } from '../io/rubric-finder.js';
import { writeCsv, writeXlsx } from '../io/tables.js';
import { write, type CommandContext } from './context.js';
import type { CommandSettings } from './settings.js';
import { t } from '../i18n/catalogue.js';

export interface ExportAnswersOptions {
  readonly output: string;
  readonly rubric?: string | undefined;
}

/** `swadaya export answers`: assessment files → the wide spreadsheet `import` reads back (docs/field-data.md). */
export async function exportAnswersCommand(paths: readonly string[], options: CommandSettings<ExportAnswersOptions>, ctx: CommandContext): Promise<number> {
  const lang = outputLanguage(options.language);
  const xlsx = /\.xlsx$/i.test(options.output);
  if (!xlsx && !/\.csv$/i.test(options.output)) {
    throw new SwadayaError('bad-output', t(lang, 'export.badOutput', { output: options.output }));
  }
  const inputs = await gatherInputs(paths, ctx.cwd);
  const findings: Finding[] = [...inputs.findings];
  const finder = new RubricFinder({ ...options.rubricSearch, inputRubrics: inputs.rubricPaths });
  const rows: WideInput[] = [];
  let rubric: Rubric | undefined;
  for (const file of inputs.assessmentFiles) {
    const result = await loadAssessmentFile(file, finder, { rubricOverride: options.rubric, cwd: ctx.cwd });
    findings.push(...result.findings.filter((finding) => finding.severity === 'error'));
    for (const loaded of result.assessments) {
      rubric ??= loaded.rubric;
      if (loaded.rubric.id !== rubric.id || loaded.rubric.version !== rubric.version) {
        findings.push({ code: 'export-mixed-rubrics', severity: 'error', file, args: { rubric: `${rubric.id}@${rubric.version}` } });
        continue;
      }
      rows.push({ assessment: loaded.assessment, source: loaded.assessment.source });
    }
  }
  for (const finding of findings) {
    await write(ctx.stderr, `${formatFinding(finding, lang)}\n`);
  }
  if (findings.length > 0) return ExitCode.invalidInput;
  if (!rubric) {
    await write(ctx.stderr, `${t(lang, 'export.nothing')}\n`);
    return ExitCode.invalidInput;
  }
  // Sorted by community and period, so a spreadsheet from the same files is the same spreadsheet.
  rows.sort((a, b) => compare(a.assessment.community.id, b.assessment.community.id) || compare(a.assessment.period, b.assessment.period));
  const table = wideTable(rubric, rows);
  const out = resolve(ctx.cwd, options.output);
  if (xlsx) await writeXlsx(out, [{ name: 'answers', header: table.header, rows: table.rows }]);
  else await writeCsv(out, table.header, table.rows);
  await write(ctx.stderr, `${t(lang, 'export.done', { count: rows.length, output: options.output })}\n`);
  return ExitCode.ok;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
