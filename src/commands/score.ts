import { DuplicateGuard, gatherInputs, refusedRatings } from '../batch/inputs.js';
import type { FileOutcome, ScoredDocument } from '../batch/process-file.js';
import type { Projection, ProjectionKind } from '../batch/projection.js';
import { cachedBatch } from '../batch/cached-batch.js';
import type { Finding } from '../core/finding.js';
import { FailureSample, scoreGateFailure, type GateName, type GateSubject } from '../core/gates.js';
import type { Rubric } from '../core/model.js';
import { RatingSorter } from '../core/ratings.js';
import type { ScoreResult } from '../core/result.js';
import { GroupedSummary, SummaryBuilder, type SummaryInput } from '../core/summary.js';
import { ExitCode, SwadayaError } from '../errors.js';
import type { CheckedAssessment } from '../format/ci/ci-report.js';
import { findingLines } from '../format/findings.js';
import type { Renderer } from '../format/renderer.js';
import { scoreRenderers, type ScoreFormat } from '../format/score/index.js';
import type { ScoreEntry, ScoreJsonEntry, ScoreRun, ScoreTotals } from '../format/score/run.js';
import type { CsvOptions } from '../format/csv.js';
import { NAMED_FAILURES, gateReport } from '../i18n/gate-messages.js';
import { outputLanguage, type Language } from '../i18n/language.js';
import { RubricFinder } from '../io/rubric-finder.js';
import { isCiFormat, locateFailures, renderCiReport, type CiFormat } from './ci-output.js';
import { write, type CommandContext } from './context.js';
import { unknownGroupField } from './group-by.js';
import { readStdinArgument, type StdinOptions } from './stdin-input.js';
import { OutputWriter, renderContextFor } from './output.js';
import { startProgress } from './progress.js';
import type { CommandSettings } from './settings.js';
import { openCache, saveCache, type CacheOptions } from './cache.js';
import { t } from '../i18n/catalogue.js';

export interface ScoreOptions extends CacheOptions, CsvOptions, StdinOptions {
  readonly format: ScoreFormat | CiFormat;
  readonly rubric?: string | undefined;
  readonly groupBy?: string | undefined;
  readonly failUnder?: number | undefined;
  readonly require?: 'ready' | undefined;
  readonly explain?: boolean | undefined;
}

/** Rubrics by `id@version`, loaded once in this thread for titles and texts (workers load their own). */
class RubricCatalog {
  private readonly loaded = new Map<string, Rubric>();
  constructor(private readonly finder: RubricFinder, private readonly override: string | undefined) {}

  async of(result: ScoreResult): Promise<Rubric | undefined> {
    const key = `${result.rubric.id}@${result.rubric.version}`;
    let rubric = this.loaded.get(key);
    if (!rubric) {
      const found = await this.finder.find(this.override ?? key, key);
      if ('code' in found || !found.rubric) return undefined;
      rubric = found.rubric;
      this.loaded.set(key, rubric);
    }
    return rubric;
  }
}

/** Formats that can show --explain's derivations (README, "Scoring in brief"). */
const EXPLAIN_FORMATS: readonly string[] = ['table'];

/** Option values commander cannot check alone: each refused with exit 2 and a message naming the value. */
function checkScoreOptions(options: ScoreOptions, language: Language): void {
  const failUnder = options.failUnder;
  if (failUnder !== undefined && !(failUnder >= 0 && failUnder <= 100)) {
    throw new SwadayaError(
      'bad-fail-under',
      t(language, 'score.badFailUnder', { value: failUnder }),
    );
  }
  if (options.explain && !EXPLAIN_FORMATS.includes(options.format)) {
    throw new SwadayaError(
      'explain-format',
      t(language, 'score.explainFormat', { format: options.format }),
    );
  }
}

/** `swadaya score <paths…>` (docs/commands.md#score): score every assessment, render them in one format, apply the gates asked for. */
export async function scoreCommand(paths: readonly string[], settings: CommandSettings<ScoreOptions>, ctx: CommandContext): Promise<number> {
  const language = outputLanguage(settings.language);
  checkScoreOptions(settings, language);
  const ciFormat = isCiFormat(settings.format) ? settings.format : undefined;
  const inputs = await gatherInputs(paths, ctx.cwd, await readStdinArgument(paths, settings, 'score', ctx, language));
  const search = { ...settings.rubricSearch, inputRubrics: inputs.rubricPaths };
  const findings: Finding[] = [...inputs.findings];
  const out = new OutputWriter(ctx.stdout);
  // Findings on stderr flush stdout's pending block first, so the two streams keep their order.
  const report = async (found: readonly Finding[]): Promise<void> => {
    if (found.length === 0) return;
    findings.push(...found);
    await out.flush();
    await write(ctx.stderr, findingLines(found, language, settings.colors.stderr));
  };
  await write(ctx.stderr, findingLines(inputs.findings, language, settings.colors.stderr));
  // A rubric among the inputs that does not load is reported with its own errors and lines.
  const inputRubrics = new RubricFinder(search);
  for (const path of inputs.rubricPaths) await report((await inputRubrics.loadPath(path)).findings.filter((finding) => finding.severity === 'error'));

  const gates = { failUnder: settings.failUnder, requireReady: settings.require === 'ready' };
  // The CI formats list every failure; the others name the first ones on stderr and count the rest.
  const failed = new FailureSample(ciFormat ? Number.POSITIVE_INFINITY : NAMED_FAILURES);
  const checked: CheckedAssessment[] = [];
  const summary = new SummaryBuilder();
  const groups = settings.groupBy ? new GroupedSummary(settings.groupBy) : undefined;
  // Whether any assessment has the --group-by field is known only from the data: stdout waits for the first one that has it.
  if (groups) out.holdWhile(() => groups.matched === 0);
  const guard = new DuplicateGuard(ctx.cwd, inputs.stdin);
  let scored = 0;
  const tally = (result: SummaryInput, subject: GateSubject & Pick<ScoredDocument, 'rubricRef' | 'community'>): void => {
    scored += 1;
    summary.add(result);
    groups?.add(result);
    const failure = scoreGateFailure(subject, gates);
    if (failure) failed.add(failure);
    if (ciFormat === 'junit') checked.push({ file: subject.file, document: subject.document, community: subject.community, group: subject.community.region ?? subject.rubricRef });
  };
  const totals = (): ScoreTotals => ({ summary: summary.build(), groups: groups ? { field: groups.field, rows: groups.build() } : undefined, findings });

  /**
   * The batch's documents, each admitted once per community, period and rater. Ratings wait for
   * the whole run: their consensus, or another rating, may come later (docs/ratings.md).
   */
  async function* admitted<Kind extends ProjectionKind>(projection: Extract<Projection, { kind: Kind }>): AsyncGenerator<ScoredDocument<Kind>> {
    const ratings = new RatingSorter<ScoredDocument<Kind>>();
    const opened = await openCache('score', settings, projection, { ctx, search, rubricOverride: settings.rubric, lang: language });
    // Only --require ready reads the open criteria (see jsonEntries).
    const cache = opened && { ...opened, openCriteria: gates.requireReady };
    const progress = await startProgress(ctx, inputs.assessmentFiles.length);
    try {
      const batch: AsyncGenerator<FileOutcome<Kind>> = cachedBatch(inputs.assessmentFiles, { projection, search, rubricOverride: settings.rubric, onProgress: progress.update, stdin: inputs.stdin }, cache);
      for await (const outcome of batch) {
        if (outcome.findings.length > 0) await report(outcome.findings);
        for (const document of outcome.documents) {
          const duplicate = guard.admit(document);
          if (duplicate) await report([await duplicate]);
          else if (ratings.offer(document)) yield document;
        }
      }
    } finally {
      progress.stop();
    }
    await saveCache(cache, ctx, language);
    const settled = ratings.settle();
    yield* settled.scored;
    await report(settled.refused.map(refusedRatings));
  }

  if (ciFormat) {
    // The CI formats render once at the end, from what the command collected.
    for await (const document of admitted({ kind: 'result', explain: false })) {
      const { result } = document.projected;
      tally(result, { ...document, overall: result.overall, readiness: result.readiness });
    }
  } else {
    const entry = scoreRenderers[settings.format as ScoreFormat];
    const context = renderContextFor(entry, settings, language);
    if (entry.projection === 'json') {
      async function* jsonEntries(): AsyncGenerator<ScoreJsonEntry> {
        for await (const document of admitted({ kind: 'json', language: settings.language, open: gates.requireReady })) {
          const { digest, json } = document.projected;
          // Only --require ready reads the open criteria: a cached result parses them only then.
          const criteria = gates.requireReady ? document.projected.open : [];
          tally(digest, { ...document, overall: digest.overall, readiness: { verdict: digest.readiness.verdict, criteria } });
          yield { json };
        }
      }
      const render: Renderer<ScoreRun<ScoreJsonEntry>> = await entry.load();
      await out.render(render({ entries: jsonEntries(), totals }, context));
    } else {
      const catalog = new RubricCatalog(new RubricFinder(search), settings.rubric);
      async function* scoreEntries(): AsyncGenerator<ScoreEntry> {
        for await (const document of admitted({ kind: 'result', explain: settings.explain === true })) {
          const { result, explanation } = document.projected;
          const rubric = await catalog.of(result);
          if (!rubric) continue;
          tally(result, { ...document, overall: result.overall, readiness: result.readiness });
          yield { file: document.file, document: document.document, result, rubric, explanation };
        }
      }
      const render: Renderer<ScoreRun<ScoreEntry>> = await entry.load();
      await out.render(render({ entries: scoreEntries(), totals, csv: settings.csv, csvRaw: settings.csvRaw }, context));
    }
  }
  const names: GateName[] = [];
  if (gates.failUnder !== undefined) names.push('fail-under');
  if (gates.requireReady) names.push('not-ready');
  if (ciFormat) {
    const failures = await locateFailures(failed.failures, ctx.cwd, inputs.stdin);
    await out.render(await renderCiReport(ciFormat, { command: 'score', findings, failures, assessments: checked, checked: scored, gates: { names, threshold: gates.failUnder } }, language));
  }

  if (groups && scored > 0 && groups.matched === 0) {
    // --group-by a field no assessment has would put everything in one unnamed group: refuse,
    // and write none of the output held back for this (holdWhile above).
    out.discard();
    await write(ctx.stderr, `${settings.colors.stderr.red(`swadaya: ${unknownGroupField(groups.field, groups.fieldsSeen, language)}`)}\n`);
    return ExitCode.invalidInput;
  }
  await out.release();

  // Who failed is said even when input errors make the exit code 2: CI logs should show both.
  const counts = new Map(names.map((gate) => [gate, failed.count(gate)] as const));
  const message = gateReport(counts, failed.failures, failed.total, language, { threshold: gates.failUnder });
  if (message !== '') await write(ctx.stderr, settings.colors.stderr.red(message));
  if (findings.some((finding) => finding.severity === 'error') || scored === 0) return ExitCode.invalidInput;
  return failed.total > 0 ? ExitCode.checkFailed : ExitCode.ok;
}
