import { DuplicateGuard, gatherInputs, refusedRatings } from '../batch/inputs.js';
import { RatingSorter, type RatedDocument } from '../core/ratings.js';
import { runBatch } from '../batch/run-batch.js';
import type { Finding } from '../core/finding.js';
import type { Rubric } from '../core/model.js';
import { SharedCopies, StringPool } from '../core/shared-copies.js';
import { DEFAULT_STALL, periodsOf, trendOf, type CommunityTrend, type TrendLayout, type TrendPoint, type TrendResult } from '../core/trend.js';
import { ExitCode, SwadayaError } from '../errors.js';
import type { CsvOptions } from '../format/csv.js';
import { namesFromRubrics, type DiffNames } from '../format/diff/report.js';
import { trendRenderers, type TrendFormat } from '../format/trend/index.js';
import { versionsText } from '../format/trend/view.js';
import { findingLines } from '../format/findings.js';
import { NAMED_FAILURES } from '../i18n/gate-messages.js';
import { outputLanguage, type Language } from '../i18n/language.js';
import { rubricsForRefs } from '../io/rubric-finder.js';
import type { StdinFile } from '../io/stdin.js';
import { write, type CommandContext } from './context.js';
import { OutputWriter, renderContextFor } from './output.js';
import { startProgress } from './progress.js';
import type { CommandSettings } from './settings.js';
import { t, translator } from '../i18n/catalogue.js';
import { readStdinArgument, type StdinOptions } from './stdin-input.js';

export interface TrendCommandOptions extends CsvOptions, StdinOptions {
  readonly format?: TrendFormat | undefined;
  readonly rubric?: string | undefined;
  readonly stall?: number | undefined;
  readonly failOnStall?: boolean | undefined;
  readonly failOnRegression?: boolean | undefined;
}

/** `swadaya trend <set…>` (docs/trend.md): score every set, follow each community across the periods. */
export async function trendCommand(paths: readonly string[], options: CommandSettings<TrendCommandOptions>, ctx: CommandContext): Promise<number> {
  const requested = options.language;
  const stall = options.stall ?? DEFAULT_STALL;
  if (!Number.isInteger(stall) || stall < 2) {
    const lang = outputLanguage(requested);
    throw new SwadayaError(
      'bad-stall',
      t(lang, 'trend.badStall', { stall }),
    );
  }

  const stdin = await readStdinArgument(paths, options, 'trend', ctx, outputLanguage(requested));
  const { trend, rubrics, findings } = await followSets(paths, { ...options, stall }, ctx, stdin);
  const lang = outputLanguage(requested, rubrics[0]);
  const stderrColors = options.colors.stderr;
  await write(ctx.stderr, findingLines(findings, lang, stderrColors));

  const labels = translator(lang);
  if (trend.communities.length === 0) {
    throw new SwadayaError('no-assessments', t(lang, 'trend.noAssessments', { paths: paths.join(', ') }));
  }
  if (trend.rubricVersionsDiffer) await write(ctx.stderr, `${stderrColors.yellow(`swadaya: ${versionsText(trend, labels)}`)}\n`);

  const entry = trendRenderers[options.format ?? 'table'];
  const names = namesFromRubrics(rubrics, requested, lang);
  const inputErrors = findings.filter((finding) => finding.severity === 'error');
  const render = await entry.load();
  await new OutputWriter(ctx.stdout).render(render({ trend, names, inputErrors, csv: options.csv, csvRaw: options.csvRaw }, renderContextFor(entry, options, lang)));

  if (findings.some((finding) => finding.severity === 'error')) return ExitCode.invalidInput;
  const failures = gateFailures(trend, options, lang, names);
  for (const line of failures) await write(ctx.stderr, `${stderrColors.red(line)}\n`);
  return failures.length > 0 ? ExitCode.checkFailed : ExitCode.ok;
}

/** What `trend` and `report --trend` follow: the trend of the sets, their rubrics, and the findings on the way. */
export async function followSets(
  paths: readonly string[],
  options: CommandSettings<{ readonly rubric?: string | undefined; readonly stall?: number | undefined }>,
  ctx: CommandContext,
  stdin?: StdinFile | Finding,
): Promise<{ trend: TrendResult; rubrics: Rubric[]; findings: Finding[] }> {
  const sets = await Promise.all(paths.map((path) => gatherInputs([path], ctx.cwd, stdin)));
  const findings: Finding[] = sets.flatMap((set) => set.findings);
  const points = await scoreSets(sets.map((set) => set.assessmentFiles), options, ctx, findings, sets.find((set) => set.stdin)?.stdin);
  const rubrics = await loadRubrics(points, options);
  return { trend: trendOf(periodsOf(points), { stall: options.stall ?? DEFAULT_STALL }), rubrics, findings };
}

/** Scores every set in one batch (one worker pool, one progress bar), keeping only what a trend follows. */
async function scoreSets(
  sets: readonly (readonly string[])[],
  options: CommandSettings<{ readonly rubric?: string | undefined }>,
  ctx: CommandContext,
  findings: Finding[],
  stdin: StdinFile | undefined,
): Promise<TrendPoint[][]> {
  const files = sets.flat();
  const setOf = sets.flatMap((set, index) => set.map(() => index));
  const points: TrendPoint[][] = sets.map(() => []);
  const guard = new DuplicateGuard(ctx.cwd, stdin);
  const compact = new PointCompactor();
  const ratings = new RatingSorter<RatedDocument & { readonly file: string; readonly document: number; readonly set: TrendPoint[]; readonly point: TrendPoint }>();
  const progress = await startProgress(ctx, files.length);
  let index = 0;
  try {
    const batch = runBatch(files, { projection: { kind: 'trend-point' }, search: options.rubricSearch, rubricOverride: options.rubric, onProgress: progress.update, stdin });
    for await (const outcome of batch) {
      const set = points[setOf[index]!]!;
      // The outcome's name: standard input (`-`) goes by its --stdin-filename.
      const file = outcome.file;
      index += 1;
      findings.push(...outcome.findings);
      for (const document of outcome.documents) {
        const duplicate = await guard.admit(document);
        if (duplicate) {
          findings.push(duplicate);
          continue;
        }
        const held = { community: document.community, period: document.period, rater: document.rater, file, document: document.document, set, point: compact.point(document.projected, file) };
        if (ratings.offer(held)) set.push(held.point);
      }
    }
  } finally {
    progress.stop();
  }
  // Ratings are followed only through their consensus, as score does (docs/ratings.md).
  const settled = ratings.settle();
  for (const held of settled.scored) held.set.push(held.point);
  findings.push(...settled.refused.map(refusedRatings));
  return points;
}

/** The rubrics the points were scored with, latest first, for principle and phase titles. */
async function loadRubrics(sets: readonly (readonly TrendPoint[])[], options: CommandSettings<{ readonly rubric?: string | undefined }>): Promise<Rubric[]> {
  // The latest period first, so its rubric names the areas; one ref per point, never copied into an array.
  function* refs(): Generator<TrendPoint['layout']['rubric']> {
    for (const set of [...sets].reverse()) for (const point of set) yield point.layout.rubric;
  }
  return rubricsForRefs(refs(), options.rubricSearch, options.rubric);
}

/** The gate lines of --fail-on-stall and --fail-on-regression, each naming the communities that fail it. */
function gateFailures(trend: TrendResult, options: TrendCommandOptions, lang: Language, names: DiffNames): string[] {
  const labels = translator(lang);
  const gates: { readonly flag: string; readonly fails: (community: CommunityTrend) => boolean; readonly what: string }[] = [];
  if (options.failOnStall) gates.push({ flag: '--fail-on-stall', fails: (community) => community.flags.stalled, what: labels('trendStalled') });
  if (options.failOnRegression) gates.push({ flag: '--fail-on-regression', fails: (community) => community.flags.regressed, what: labels('trendRegressed') });
  const lines: string[] = [];
  for (const gate of gates) {
    const failing: CommunityTrend[] = [];
    let count = 0;
    for (const community of trend.communities) {
      if (!gate.fails(community)) continue;
      count += 1;
      if (failing.length < NAMED_FAILURES) failing.push(community);
    }
    if (count === 0) continue;
    lines.push(`swadaya: ${labels('trendGateFailed', { count, what: gate.what, flag: gate.flag })}`);
    for (const community of failing) {
      const last = community.series[community.series.length - 1]!;
      const path = community.series.map((entry) => `${entry.period} ${names.phase(entry.phase)}`).join(' → ');
      lines.push(`  ${community.id} ${community.name} (${last.file}): ${path}`);
    }
    if (count > failing.length) lines.push(`  … +${count - failing.length}`);
  }
  return lines;
}

/**
 * Points arrive from workers with their own copies of the same few strings and of their rubric's
 * layout; a national trend holds 252,000 of them, so each is kept once.
 */
class PointCompactor {
  private readonly strings = new StringPool();
  private readonly layouts = new SharedCopies<TrendLayout>();

  /** `file`: the path as this thread already holds it. */
  point(point: TrendPoint, file: string): TrendPoint {
    return {
      ...point,
      file,
      period: this.strings.text(point.period),
      layout: this.layouts.shared(point.layout),
      phase: this.strings.text(point.phase),
      declared: point.declared === null ? null : this.strings.text(point.declared),
      verdict: this.strings.text(point.verdict) as TrendPoint['verdict'],
    };
  }
}
