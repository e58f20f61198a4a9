import { mkdir, rm, stat } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DuplicateGuard, gatherInputs } from '../batch/inputs.js';
import { runBatch } from '../batch/run-batch.js';
import { diffSubjects } from '../core/diff.js';
import type { Finding } from '../core/finding.js';
import type { Rubric } from '../core/model.js';
import { reportRowOf, SetStatsBuilder, type ReportRow } from '../core/report-set.js';
import { ExitCode, SwadayaError } from '../errors.js';
import { assessmentSection, type AssessmentView } from '../format/report/assessment.js';
import { IdMaker } from '../format/report/html.js';
import { assessmentReport, changeReport, setReportWithSections, type ReportPageOptions } from '../format/report/report-pages.js';
import { findingLines } from '../format/findings.js';
import { outputLanguage, textLanguage, type Language } from '../i18n/language.js';
import { writeFileAtomically } from '../io/atomic-write.js';
import { findBrowser, printToPdf } from '../io/pdf.js';
import { RubricFinder, type RubricSearch } from '../io/rubric-finder.js';
import type { StdinFile } from '../io/stdin.js';
import { VERSION } from '../version.js';
import { write, type CommandContext } from './context.js';
import { unknownGroupField } from './group-by.js';
import { loadRubrics, scoreSides, shownPath } from './diff.js';
import { readStdinArgument, type StdinOptions } from './stdin-input.js';
import { followSets } from './trend.js';
import { trendReport } from '../format/report/trend.js';
import { startProgress } from './progress.js';
import type { CommandSettings, Settings } from './settings.js';
import { scoreAssessment } from '../core/scoring.js';
import { t, type MessageKey } from '../i18n/catalogue.js';

export interface ReportCommandOptions extends StdinOptions {
  readonly output?: string | undefined;
  readonly pdf?: string | undefined;
  readonly chrome?: string | undefined;
  /** true: one page per community in the set report; a string: one HTML file per community in that directory. */
  readonly each?: string | boolean | undefined;
  readonly before?: string | undefined;
  readonly after?: string | undefined;
  readonly groupBy?: string | undefined;
  readonly rubric?: string | undefined;
  /** The paths are one set per period (or a pool of several periods): report their trend. */
  readonly trend?: boolean | undefined;
}

/** Fewer files than this are read in this thread, keeping their answers for the community pages (a large set without --each goes to workers). */
const IN_PROCESS_LIMIT = 300;

type UsageKey = Extract<MessageKey, `reportCommand.${'beforeAfter' | 'trendAlone' | 'pathsOrChange' | 'noPaths' | 'noOutput' | 'eachWithChange' | 'noPeriods' | 'emptySide'}`>;

function usage(tool: Language, key: UsageKey): SwadayaError {
  return new SwadayaError('bad-report-usage', t(tool, key), ExitCode.invalidInput, t(tool, 'reportCommand.seeHelp'));
}

/** `swadaya report` (docs/report.md): one self-contained HTML file, and a PDF with --pdf. */
export async function reportCommand(paths: readonly string[], options: CommandSettings<ReportCommandOptions>, ctx: CommandContext): Promise<number> {
  const requested = options.language;
  const tool = outputLanguage(requested);
  const change = options.before !== undefined || options.after !== undefined;
  if (change && (options.before === undefined || options.after === undefined)) {
    throw usage(tool, 'reportCommand.beforeAfter');
  }
  if (options.trend && (change || options.each !== undefined)) {
    throw usage(tool, 'reportCommand.trendAlone');
  }
  if (change && paths.length > 0) throw usage(tool, 'reportCommand.pathsOrChange');
  if (!change && paths.length === 0) throw usage(tool, 'reportCommand.noPaths');
  const eachDir = typeof options.each === 'string' ? options.each : undefined;
  if (options.output === undefined && options.pdf === undefined && eachDir === undefined) {
    throw usage(tool, 'reportCommand.noOutput');
  }
  if (change && options.each !== undefined) throw usage(tool, 'reportCommand.eachWithChange');
  // Find the browser before the work, so a missing one fails fast.
  const browser = options.pdf === undefined ? undefined : findBrowser(options.chrome, ctx.env, tool);
  const stdin = await readStdinArgument(change ? [options.before ?? '', options.after ?? ''] : paths, options, 'report', ctx, tool);

  const findings: Finding[] = [];
  const pageOptions = (rubric: Rubric | undefined): ReportPageOptions => ({
    lang: rubric ? textLanguage(requested, rubric) : (requested ?? 'en'),
    tool: outputLanguage(requested, rubric),
    version: VERSION,
  });
  let html: string | undefined;
  if (options.trend) {
    const { trend, rubrics, findings: found } = await followSets(paths, options, ctx, stdin);
    findings.push(...found);
    if (trend.communities.length === 0) {
      await writeFindings(findings, tool, ctx, options);
      throw usage(tool, 'reportCommand.noPeriods');
    }
    const rubric = rubrics[0];
    html = trendReport(trend, rubric, { lang: rubric ? textLanguage(requested, rubric) : (requested ?? 'en'), tool: outputLanguage(requested, rubric), version: VERSION });
  } else if (change) {
    const before = await gatherInputs([options.before ?? ''], ctx.cwd, stdin);
    const after = await gatherInputs([options.after ?? ''], ctx.cwd, stdin);
    const stdinFile = before.stdin ?? after.stdin;
    findings.push(...before.findings, ...after.findings);
    const diffSettings = { ...options, format: 'json' as const, rubric: options.rubric, detail: false };
    const subjects = await scoreSides(before.assessmentFiles, after.assessmentFiles, diffSettings, ctx, findings, stdinFile);
    const rubrics = await loadRubrics(subjects, diffSettings);
    if (subjects.before.length === 0 || subjects.after.length === 0) {
      await writeFindings(findings, tool, ctx, options);
      throw usage(tool, 'reportCommand.emptySide');
    }
    const diff = diffSubjects(subjects.before, subjects.after);
    const sides = { before: shownPath(options.before ?? '', stdinFile), after: shownPath(options.after ?? '', stdinFile) };
    html = changeReport(diff, rubrics[0], sides, pageOptions(rubrics[0]));
  } else {
    html = await reportOnSet(paths, options, eachDir, ctx, findings, pageOptions, stdin);
  }
  await writeFindings(findings, tool, ctx, options);
  if (html === undefined) return findings.some((finding) => finding.severity === 'error') ? ExitCode.invalidInput : ExitCode.ok;

  if (options.output !== undefined) await writeOutput(resolve(ctx.cwd, options.output), html, tool);
  if (options.pdf !== undefined && browser !== undefined) {
    let htmlFile = options.output === undefined ? undefined : resolve(ctx.cwd, options.output);
    const scratch = htmlFile === undefined ? mkdtempSync(join(tmpdir(), 'swadaya-report-')) : undefined;
    try {
      if (scratch !== undefined) {
        htmlFile = join(scratch, 'report.html');
        await writeOutput(htmlFile, html, tool);
      }
      await printWithBrowser(browser, htmlFile ?? '', resolve(ctx.cwd, options.pdf), tool);
    } finally {
      if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
    }
  }
  return findings.some((finding) => finding.severity === 'error') ? ExitCode.invalidInput : ExitCode.ok;
}

/** Writes one output file; a failure (no such directory, a full disk) is an input error naming the file. */
async function writeOutput(file: string, html: string, tool: Language): Promise<void> {
  try {
    await writeFileAtomically(file, html);
  } catch (error) {
    if (error instanceof SwadayaError) throw error;
    const code = (error as { code?: unknown }).code;
    const reason =
      code === 'ENOENT'
        ? t(tool, 'reportCommand.noDirectory', { dir: dirname(file) })
        : error instanceof Error
          ? error.message
          : String(error);
    throw new SwadayaError('cannot-write', t(tool, 'reportCommand.cannotWrite', { file, reason }));
  }
}

async function printWithBrowser(browser: string, htmlFile: string, pdfFile: string, tool: Language): Promise<void> {
  try {
    await printToPdf(browser, htmlFile, pdfFile);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new SwadayaError(
      'pdf-failed',
      t(tool, 'reportCommand.pdfFailed', { browser, detail: first }),
      ExitCode.invalidInput,
      t(tool, 'reportCommand.pdfFailedHint'),
    );
  }
}

async function writeFindings(findings: readonly Finding[], tool: Language, ctx: CommandContext, settings: Settings): Promise<void> {
  await write(ctx.stderr, findingLines(findings, tool, settings.colors.stderr));
}

/** A file name for one community's page: its id and period, nothing a file system refuses. */
export function communityFileName(id: string, period: string): string {
  const safe = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || '_';
  return `${safe(id)}-${safe(period)}.html`;
}

/**
 * One assessment, or a set. A small set (or any set with --each) is read in this thread, so the
 * answers are at hand for the community pages; a large one is reduced to report rows by the
 * batch's workers, so memory holds counts and a few rows.
 */
async function reportOnSet(
  paths: readonly string[],
  options: CommandSettings<ReportCommandOptions>,
  eachDir: string | undefined,
  ctx: CommandContext,
  findings: Finding[],
  pageOptions: (rubric: Rubric | undefined) => ReportPageOptions,
  stdin: StdinFile | Finding | undefined,
): Promise<string | undefined> {
  const inputs = await gatherInputs(paths, ctx.cwd, stdin);
  findings.push(...inputs.findings);
  const files = inputs.assessmentFiles;
  const search: RubricSearch = { ...options.rubricSearch, inputRubrics: inputs.rubricPaths };
  const guard = new DuplicateGuard(ctx.cwd, inputs.stdin);
  if (eachDir !== undefined) await ensureDirectory(resolve(ctx.cwd, eachDir), outputLanguage(options.language));
  const progress = await startProgress(ctx, files.length);
  const set: SetState = { stats: new SetStatsBuilder(), ids: new IdMaker(), sections: [], single: undefined, count: 0, groupMatched: false, fieldsSeen: new Set(), rubric: undefined, rubricRef: undefined, pendingPages: [] };
  try {
    if (options.each !== undefined || files.length < IN_PROCESS_LIMIT) {
      // The answers are needed (the community pages, or one assessment's own report): read here.
      const batch = runBatch(files, { projection: { kind: 'loaded' }, search, rubricOverride: options.rubric, onProgress: progress.update, stdin: inputs.stdin });
      for await (const outcome of batch) {
        findings.push(...outcome.findings);
        for (const document of outcome.documents) {
          const duplicate = await guard.admit(document);
          if (duplicate) {
            findings.push(duplicate);
            continue;
          }
          const { rubric, assessment } = document.projected;
          const result = scoreAssessment(rubric, assessment);
          const row = reportRowOf(document.file, result, options.groupBy);
          const view: AssessmentView = { file: document.file, rubric, result, assessment };
          await addRow(set, row, view, options, eachDir, ctx, pageOptions);
        }
      }
    } else {
      // A large set: the workers reduce each result to a report row.
      const batch = runBatch(files, { projection: { kind: 'report-row', groupBy: options.groupBy }, search, rubricOverride: options.rubric, onProgress: progress.update, stdin: inputs.stdin });
      for await (const outcome of batch) {
        findings.push(...outcome.findings);
        for (const document of outcome.documents) {
          const duplicate = await guard.admit(document);
          if (duplicate) findings.push(duplicate);
          else await addRow(set, document.projected, undefined, options, eachDir, ctx, pageOptions);
        }
      }
    }
  } finally {
    progress.stop();
  }
  if (set.count === 0) return undefined;
  if (options.groupBy !== undefined && !set.groupMatched) {
    // As in score: a field no assessment has would make one unnamed group. Nothing is written.
    throw new SwadayaError('unknown-group-field', unknownGroupField(options.groupBy, set.fieldsSeen, outputLanguage(options.language)));
  }
  const rubric = set.rubric ?? (await findRubric(set.rubricRef, options, search));
  if (!rubric) return undefined;
  const page = pageOptions(rubric);
  // One assessment named alone gets its own full report, unless --each asked for the set's pages.
  if (set.count === 1 && set.single && options.each === undefined) return assessmentReport(set.single, page);
  if (options.output === undefined && options.pdf === undefined) return undefined;
  return setReportWithSections({ stats: set.stats.build(), rubric, groupBy: options.groupBy, sources: paths, sections: set.sections, ids: set.ids }, page);
}

/** What a set report gathers while its assessments are read. */
interface SetState {
  readonly stats: SetStatsBuilder;
  readonly ids: IdMaker;
  readonly sections: string[];
  single: AssessmentView | undefined;
  count: number;
  /** Whether any assessment has the --group-by field, and the community fields seen. */
  groupMatched: boolean;
  readonly fieldsSeen: Set<string>;
  rubric: Rubric | undefined;
  rubricRef: string | undefined;
  /** --each DIR pages not written yet: with --group-by, until an assessment has the field. */
  readonly pendingPages: CommunityPage[];
}

interface CommunityPage {
  readonly file: string;
  readonly view: AssessmentView;
}

async function writeCommunityPage({ file, view }: CommunityPage, pageOptions: (rubric: Rubric | undefined) => ReportPageOptions): Promise<void> {
  const page = pageOptions(view.rubric);
  await writeOutput(file, assessmentReport(view, page), page.tool);
}

async function addRow(
  set: SetState,
  row: ReportRow,
  view: AssessmentView | undefined,
  options: CommandSettings<ReportCommandOptions>,
  eachDir: string | undefined,
  ctx: CommandContext,
  pageOptions: (rubric: Rubric | undefined) => ReportPageOptions,
): Promise<void> {
  set.count += 1;
  set.stats.add(row);
  if (row.group !== '') set.groupMatched = true;
  for (const field of row.fields ?? []) set.fieldsSeen.add(field);
  set.rubricRef ??= row.rubric;
  if (!view) return;
  set.rubric ??= view.rubric;
  if (set.count === 1) set.single = view;
  if (eachDir !== undefined) {
    const communityPage = { file: resolve(ctx.cwd, eachDir, communityFileName(row.id, row.period)), view };
    // With --group-by, the pages wait until an assessment has the field: a field none has
    // refuses the run, and a refused run writes nothing.
    if (options.groupBy !== undefined && !set.groupMatched) set.pendingPages.push(communityPage);
    else for (const pending of [...set.pendingPages.splice(0), communityPage]) await writeCommunityPage(pending, pageOptions);
  }
  if (options.each === true) set.sections.push(assessmentSection(view, { ...pageOptions(view.rubric), ids: set.ids, heading: 2, compact: true }));
}

async function ensureDirectory(dir: string, tool: Language): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    if (!(await stat(dir)).isDirectory()) throw new Error('not a directory');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SwadayaError('bad-each-dir', t(tool, 'reportCommand.eachDir', { dir, reason }));
  }
}

async function findRubric(ref: string | undefined, options: ReportCommandOptions, search: RubricSearch): Promise<Rubric | undefined> {
  if (ref === undefined) return undefined;
  const found = await new RubricFinder(search).find(options.rubric ?? ref, ref);
  return 'code' in found || !found.rubric ? undefined : found.rubric;
}

