import { gatherInputs, refusedRatings } from '../batch/inputs.js';
import { runBatch } from '../batch/run-batch.js';
import { diffSubjects } from '../core/diff.js';
import { type DiffResult, type Side } from '../core/diff-types.js';
import { StringPool } from '../core/shared-copies.js';
import { LayoutRegistry, rubricKey, type DiffSubject } from '../core/diff-subjects.js';
import type { Finding } from '../core/finding.js';
import { regressionFailures } from '../core/gates.js';
import { RatingSorter, type RatedDocument } from '../core/ratings.js';
import type { Rubric } from '../core/model.js';
import { ExitCode, SwadayaError } from '../errors.js';
import type { CsvOptions } from '../format/csv.js';
import { diffRenderers, type DiffFormat } from '../format/diff/index.js';
import { namesFromRubrics } from '../format/diff/report.js';
import { findingLines } from '../format/findings.js';
import { gateReport } from '../i18n/gate-messages.js';
import { outputLanguage, type Language } from '../i18n/language.js';
import { rubricsForRefs } from '../io/rubric-finder.js';
import { STDIN_PATH, type StdinFile } from '../io/stdin.js';
import { isCiFormat, locateFailures, renderCiReport, type CiFormat } from './ci-output.js';
import { write, type CommandContext } from './context.js';
import { OutputWriter, renderContextFor } from './output.js';
import { startProgress } from './progress.js';
import type { CommandSettings, Settings } from './settings.js';
import { t, translator } from '../i18n/catalogue.js';
import { readStdinArgument, type StdinOptions } from './stdin-input.js';

export interface DiffOptions extends CsvOptions, StdinOptions {
  readonly format: DiffFormat | CiFormat;
  readonly rubric?: string | undefined;
  readonly detail?: boolean | undefined;
  readonly tolerance?: number | undefined;
  readonly failOnRegression?: boolean | undefined;
}

/** `swadaya diff <before> <after>` (docs/commands.md#diff): score both sides, match by community id, compare. */
export async function diffCommand(before: string, after: string, options: CommandSettings<DiffOptions>, ctx: CommandContext): Promise<number> {
  const requested = options.language;
  const tolerance = options.tolerance ?? 0;
  if (!(tolerance >= 0)) {
    const lang = outputLanguage(requested);
    throw new SwadayaError(
      'bad-tolerance',
      t(lang, 'diffBadTolerance', { tolerance }),
    );
  }

  // `-` is standard input on one side: `git show HEAD~1:x.yaml | swadaya diff - x.yaml`.
  const stdin = await readStdinArgument([before, after], options, 'diff', ctx, outputLanguage(requested));
  const beforeInputs = await gatherInputs([before], ctx.cwd, stdin);
  const afterInputs = await gatherInputs([after], ctx.cwd, stdin);
  const stdinFile = beforeInputs.stdin ?? afterInputs.stdin;
  const findings: Finding[] = [...beforeInputs.findings, ...afterInputs.findings];
  const subjects = await scoreSides(beforeInputs.assessmentFiles, afterInputs.assessmentFiles, options, ctx, findings, stdinFile);
  const paths = { before: shownPath(before, stdinFile), after: shownPath(after, stdinFile) };

  const rubrics = await loadRubrics(subjects, options);
  const lang = outputLanguage(requested, rubrics[0]);
  const empty = (['before', 'after'] as const).filter((side) => subjects[side].length === 0);
  if (empty.length > 0) {
    await writeFindings(findings, lang, ctx, options);
    const labels = translator(lang);
    throw new SwadayaError('no-assessments', empty.map((side) => `${paths[side]} (${labels(side === 'before' ? 'diffBefore' : 'diffAfter')}): ${labels('diffNoAssessment')}.`).join('\n'));
  }

  const indicatorsByRubric = new Map(rubrics.map((rubric) => [rubricKey(rubric), rubric.indicators.map((indicator) => indicator.id)]));
  const diff = diffSubjects(subjects.before, subjects.after, { tolerance, detail: options.detail === true, indicatorsByRubric });
  findings.push(...duplicateFindings(diff));
  await writeFindings(findings, lang, ctx, options);

  const errors = findings.filter((finding) => finding.severity === 'error');
  const failures = options.failOnRegression ? regressionFailures(diff.communities, tolerance) : [];
  const out = new OutputWriter(ctx.stdout);
  const format = options.format;
  if (isCiFormat(format)) {
    const assessments = format === 'junit' ? Array.from(diff.communities, (community) => ({ file: community.after.file, document: community.after.document, community, group: `${community.after.rubric.id}@${community.after.rubric.version}` })) : [];
    const report = {
      command: 'diff' as const,
      findings,
      failures: await locateFailures(failures, ctx.cwd, stdinFile),
      assessments,
      checked: diff.summary.matched,
      gates: { names: options.failOnRegression ? (['regression'] as const) : [], tolerance },
    };
    await out.render(await renderCiReport(format, report, lang));
  } else {
    const entry = diffRenderers[format];
    const render = await entry.load();
    const report = { diff, names: namesFromRubrics(rubrics, requested, lang), sides: paths, inputErrors: errors, csv: options.csv, csvRaw: options.csvRaw };
    await out.render(render(report, renderContextFor(entry, options, lang)));
  }

  // Why the run fails goes to stderr whatever the format, so a CI log shows it when stdout is a file.
  if (failures.length > 0) {
    await write(ctx.stderr, options.colors.stderr.red(gateReport(new Map([['regression', failures.length]]), failures, failures.length, lang, { tolerance })));
  }
  if (errors.length > 0) return ExitCode.invalidInput;
  if (options.failOnRegression && diff.summary.regressions > 0) return ExitCode.checkFailed;
  return ExitCode.ok;
}

/** Scores both sides in one batch (one worker pool, one progress bar), keeping only what the diff compares. */
export async function scoreSides(
  beforeFiles: readonly string[],
  afterFiles: readonly string[],
  options: CommandSettings<DiffOptions>,
  ctx: CommandContext,
  findings: Finding[],
  stdin?: StdinFile,
): Promise<Record<Side, DiffSubject[]>> {
  const files = [...beforeFiles, ...afterFiles];
  const subjects: Record<Side, DiffSubject[]> = { before: [], after: [] };
  const compact = new SubjectCompactor();
  type Rated = RatedDocument & { readonly file: string; readonly document: number; readonly subject: DiffSubject };
  const ratings = { before: new RatingSorter<Rated>((rated) => rated.community.id), after: new RatingSorter<Rated>((rated) => rated.community.id) };
  const progress = await startProgress(ctx, files.length);
  let index = 0;
  try {
    const batch = runBatch(files, {
      projection: { kind: 'diff-subject', answers: options.detail === true },
      search: options.rubricSearch,
      rubricOverride: options.rubric,
      onProgress: progress.update,
      stdin,
    });
    for await (const outcome of batch) {
      const side: Side = index < beforeFiles.length ? 'before' : 'after';
      // The outcome's name, not the path given: standard input (`-`) goes by its --stdin-filename.
      const file = outcome.file;
      index += 1;
      findings.push(...outcome.findings);
      for (const document of outcome.documents) {
        const subject = compact.subject(document.projected, file);
        const rated = { community: document.community, period: document.period, rater: document.rater, file, document: document.document, subject };
        if (ratings[side].offer(rated)) subjects[side].push(subject);
      }
    }
  } finally {
    progress.stop();
  }
  // Ratings are compared only through their consensus (docs/ratings.md): one per community on each side.
  for (const side of ['before', 'after'] as const) {
    const settled = ratings[side].settle();
    subjects[side].push(...settled.scored.map((rated) => rated.subject));
    findings.push(...settled.refused.map(refusedRatings));
  }
  return subjects;
}

/** The rubrics the sides were scored with (after side first), for titles and the indicator ids each version has. */
export async function loadRubrics(subjects: Record<Side, DiffSubject[]>, options: CommandSettings<DiffOptions>): Promise<Rubric[]> {
  return rubricsForRefs([...subjects.after, ...subjects.before].map((subject) => subject.layout.rubric), options.rubricSearch, options.rubric);
}

/** A path as the user wrote it, but `-` as standard input's name. */
export function shownPath(path: string, stdin: StdinFile | undefined): string {
  return path === STDIN_PATH && stdin !== undefined ? stdin.name : path;
}

function duplicateFindings(diff: DiffResult): Finding[] {
  const place = (file: string, document: number): string => (document > 0 ? `${file} (document ${document + 1})` : file);
  return diff.duplicates.map((duplicate) => ({
    code: 'duplicate-community',
    severity: 'error',
    file: place(duplicate.file, duplicate.document),
    args: { community: duplicate.id, side: duplicate.side, first: place(duplicate.first.file, duplicate.first.document) },
  }));
}

async function writeFindings(findings: readonly Finding[], lang: Language, ctx: CommandContext, settings: Settings): Promise<void> {
  await write(ctx.stderr, findingLines(findings, lang, settings.colors.stderr));
}

/**
 * Each subject arrives from a worker with its own copies of the same few strings (its file path,
 * period, phase, verdict) and of its rubric's layout. A national diff holds 168,000 of them: one
 * shared copy of each keeps the main thread's memory to ids, names and scores.
 */
class SubjectCompactor {
  private readonly strings = new StringPool();
  private readonly layouts = new LayoutRegistry();

  /** `file`: the path as this thread already holds it. */
  subject(subject: DiffSubject, file: string): DiffSubject {
    return {
      ...subject,
      file,
      period: this.strings.text(subject.period),
      layout: this.layouts.shared(subject.layout),
      phase: this.strings.text(subject.phase),
      verdict: this.strings.text(subject.verdict) as DiffSubject['verdict'],
    };
  }
}
