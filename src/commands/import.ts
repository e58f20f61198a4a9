import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Finding } from '../core/finding.js';
import { ExitCode, SwadayaError } from '../errors.js';
import { formatRowFinding } from '../i18n/field-messages.js';
import { formatFinding } from '../i18n/messages.js';
import { outputLanguage } from '../i18n/language.js';
import { writeFileAtomically } from '../io/atomic-write.js';
import { modelineForNewFile } from '../io/editor-settings.js';
import { flowScalar, renderImportedAssessment } from '../io/field/assessment-yaml.js';
import { planColumns, rowToAssessment, type TableFormat } from '../io/field/submission.js';
import { requireRubric } from '../io/require-rubric.js';
import { readTable } from '../io/tables.js';
import { readFailure } from '../io/yaml-source.js';
import { write, type CommandContext } from './context.js';
import type { CommandSettings } from './settings.js';
import { translator } from '../i18n/catalogue.js';
import type { ImportCounts } from '../i18n/catalogue/field.js';

export interface ImportOptions {
  readonly rubric: string;
  readonly output: string;
  readonly format?: TableFormat | undefined;
  readonly delimiter?: string | undefined;
  readonly all?: boolean | undefined;
  readonly force?: boolean | undefined;
  readonly dryRun?: boolean | undefined;
}

/** Files written at once: enough to keep the disk busy, few enough to hold little memory. */
const WRITES_IN_FLIGHT = 64;

/** `swadaya import` (docs/field-data.md#import-swadaya-import-file---rubric-idpath--o-dir): form exports and wide spreadsheets → one assessment file per row. */
export async function importCommand(files: readonly string[], options: CommandSettings<ImportOptions>, ctx: CommandContext): Promise<number> {
  const { rubric } = await requireRubric(options.rubric, options.rubricSearch, outputLanguage(options.language));
  const lang = outputLanguage(options.language, rubric);
  const outDir = resolve(ctx.cwd, options.output);
  const shownDir = options.output;
  // One modeline for the directory: every file lands beside the others (an editor mapping may make it none).
  const modeline = await modelineForNewFile(join(outDir, 'assessment.yaml'));
  const existing = new Set(await readdir(outDir).catch(() => [] as string[]));
  if (!options.dryRun) await mkdir(outDir, { recursive: true });
  const words = translator(lang);

  const counts = { files: files.length, rows: 0, written: 0, unchanged: 0, rejected: 0, failed: 0, failedFiles: 0 };
  const seen = new Map<string, string>();
  const report = (finding: Finding) => write(ctx.stderr, `${formatRowFinding(finding, lang)}\n`);
  let pending: Promise<void>[] = [];
  const flush = async () => {
    await Promise.all(pending);
    pending = [];
  };

  for (const file of files) {
    const path = resolve(ctx.cwd, file);
    let plan: ReturnType<typeof planColumns>['plan'] | undefined;
    let fileFailed = false;
    try {
      for await (const { row, cells } of readTable(path, { delimiter: options.delimiter })) {
        if (!plan) {
          const planned = planColumns(file, cells.map((cell) => (cell === undefined ? '' : String(cell))), rubric, options.format);
          if (planned.findings.length > 0) {
            for (const finding of planned.findings) await report(finding);
            fileFailed = true;
            break;
          }
          plan = planned.plan;
          continue;
        }
        const outcome = rowToAssessment(file, row, cells, plan, rubric, { includeRejected: options.all });
        if (outcome.kind === 'blank') continue;
        counts.rows += 1;
        if (outcome.kind === 'rejected') {
          counts.rejected += 1;
          continue;
        }
        if (outcome.kind === 'invalid') {
          counts.failed += 1;
          for (const finding of outcome.findings) await report(finding);
          continue;
        }
        const assessment = outcome.assessment;
        // A rating (docs/ratings.md) gets its own file beside the other raters' of the same community and period.
        const key = `${assessment.community.id}-${assessment.period}${assessment.rater === undefined ? '' : `-${raterSlug(assessment.rater)}`}`;
        const place = `${file} row ${row}`;
        const first = seen.get(key);
        if (first !== undefined) {
          counts.failed += 1;
          await report({ code: 'duplicate-row', severity: 'error', file, line: row, args: { community: assessment.community.id, period: assessment.period + (assessment.rater === undefined ? '' : ` (${assessment.rater})`), first } });
          continue;
        }
        seen.set(key, place);
        const name = `${key}.yaml`;
        const target = join(outDir, name);
        const shown = join(shownDir, name);
        const text = renderImportedAssessment(assessment, modeline);
        if (existing.has(name)) {
          const current = await readFile(target, 'utf8').catch(() => undefined);
          if (current === text) {
            counts.unchanged += 1;
            if (options.dryRun) await write(ctx.stdout, `${words('field.unchanged')} ${shown}\n`);
            continue;
          }
          if (!options.force) {
            counts.failed += 1;
            const instance = assessment.source?.instance;
            const same = instance !== undefined && current !== undefined && current.includes(`instance: ${flowScalar(instance)}`) ? 'yes' : 'no';
            await report({ code: 'file-exists', severity: 'error', file, line: row, args: { file: shown, community: assessment.community.id, period: assessment.period, same, instance: instance ?? '' } });
            continue;
          }
          counts.written += 1;
          if (options.dryRun) await write(ctx.stdout, `${words('field.wouldReplace')} ${shown}\n`);
          else pending.push(writeFileAtomically(target, text));
        } else {
          counts.written += 1;
          existing.add(name);
          if (options.dryRun) await write(ctx.stdout, `${words('field.wouldWrite')} ${shown}\n`);
          // `wx`: a file that appeared meanwhile is never overwritten. Up to WRITES_IN_FLIGHT at once, so
          // the disk works while the next rows are parsed.
          else pending.push(writeFile(target, text, { flag: 'wx' }));
        }
        if (pending.length >= WRITES_IN_FLIGHT) await flush();
      }
      if (!plan && !fileFailed) {
        await report({ code: 'empty-table', severity: 'error', file, args: {} });
        fileFailed = true;
      }
    } catch (error) {
      if (error instanceof SwadayaError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== undefined && /^E[A-Z]+$/.test(code) && !code.startsWith('ERR')) {
        await write(ctx.stderr, `${formatFinding(readFailure(file, error), lang)}\n`);
      } else {
        // csv-parse and exceljs say what they could not read: an unclosed quote, a file that is not a workbook.
        await write(ctx.stderr, `${formatFinding({ code: 'unreadable-table', severity: 'error', file, args: { detail: (error as Error).message } }, lang)}\n`);
      }
      fileFailed = true;
    }
    if (fileFailed) counts.failedFiles += 1;
    await flush();
  }
  await flush();
  const summary: ImportCounts = { dryRun: options.dryRun === true, ...counts };
  await write(ctx.stderr, `${words('field.importSummary', summary)}\n`);
  return counts.failed > 0 || counts.failedFiles > 0 ? ExitCode.invalidInput : ExitCode.ok;
}

/** A rater's name as part of a file name: lowercase letters, digits and single dashes. */
function raterSlug(rater: string): string {
  return rater.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'rater';
}
