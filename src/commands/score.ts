import type { ScoredDocument } from '../batch/process-file.js';
import { DuplicateGuard, gatherInputs, refusedRatings, rubricSearchOf } from '../batch/inputs.js';
import { runBatch } from '../batch/run-batch.js';
import { explainResult } from '../core/explain.js';
import type { Finding } from '../core/finding.js';
import { RatingSorter } from '../core/ratings.js';
import type { LoadedAssessment } from '../io/assessment-loader.js';
import type { Rubric } from '../core/model.js';
import type { ScoreResult } from '../core/result.js';
import { GroupedSummary, SummaryBuilder, type SummaryInput } from '../core/summary.js';
import { ExitCode } from '../errors.js';
import type { ScoreEntry, ScoreRenderer } from '../format/score-renderer.js';
import { scoreRenderers, type ScoreFormat } from '../format/score-renderers.js';
import { toolLanguage } from '../i18n/language.js';
import { findingLines } from '../format/validation.js';
import { RubricFinder } from '../io/rubric-finder.js';
import { colorsFor, requestedLanguage, write, type CommandContext, type GlobalOptions } from './context.js';
import { startProgress } from './progress.js';
import { isCiFormat, locateFailures, renderCiReport, type CiFormat } from './ci-output.js';
import { FailureSample, scoreGateFailure, type GateName, type GateSubject } from '../core/gates.js';
import type { CheckedAssessment } from '../format/ci/ci-report.js';
import { NAMED_FAILURES, gateReport } from '../i18n/gate-messages.js';

export interface ScoreOptions extends GlobalOptions {
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

const OUTPUT_BLOCK = 64 * 1024;

export async function scoreCommand(paths: readonly string[], options: ScoreOptions, ctx: CommandContext): Promise<number> {
  const requested = requestedLanguage(options, ctx.env);
  const tool = toolLanguage(requested);
  const ciFormat = isCiFormat(options.format) ? options.format : undefined;
  const machine = ciFormat !== undefined || options.format === 'json' || options.format === 'yaml' || options.format === 'csv';
  const colors = colorsFor(ctx.stdout, machine ? { ...options, color: false } : options, ctx.env);
  const stderrColors = colorsFor(ctx.stderr, options, ctx.env);
  const inputs = await gatherInputs(paths, ctx);
  const search = rubricSearchOf(ctx, inputs.rubricPaths);
  const findings: Finding[] = [...inputs.findings];
  // Results go out in blocks: a write per result costs a system call and a wait for each of
  // thousands. Findings on stderr flush the block first, so the two streams keep their order.
  let pending = '';
  const flush = async (): Promise<void> => {
    const text = pending;
    pending = '';
    await write(ctx.stdout, text);
  };
  const emit = async (text: string): Promise<void> => {
    pending += text;
    if (pending.length >= OUTPUT_BLOCK) await flush();
  };
  const report = async (found: readonly Finding[]): Promise<void> => {
    if (found.length === 0) return;
    await flush();
    await write(ctx.stderr, findingLines(found, { lang: tool, colors: stderrColors }));
  };
  await report(inputs.findings);
  // A rubric among the inputs that does not load is reported with its own errors and lines.
  const inputRubrics = new RubricFinder(search);
  for (const path of inputs.rubricPaths) {
    const own = (await inputRubrics.loadPath(path)).findings.filter((finding) => finding.severity === 'error');
    findings.push(...own);
    await report(own);
  }

  const renderer = ciFormat ? CI_COLLECTOR : (await scoreRenderers[options.format as ScoreFormat]())({ lang: requested, tool, colors });
  const gates = { failUnder: options.failUnder, requireReady: options.require === 'ready' };
  // The CI formats list every failure; the others name the first ones on stderr and count the rest.
  const failed = new FailureSample(ciFormat ? Number.POSITIVE_INFINITY : NAMED_FAILURES);
  const checked: CheckedAssessment[] = [];
  const catalog = new RubricCatalog(new RubricFinder(search), options.rubric);
  const summary = new SummaryBuilder();
  const groups = options.groupBy ? new GroupedSummary(options.groupBy) : undefined;
  const guard = new DuplicateGuard(ctx.cwd);
  let scored = 0;
  const tally = (result: SummaryInput, subject: GateSubject, group: string): void => {
    scored += 1;
    summary.add(result);
    groups?.add(result);
    const failure = scoreGateFailure(subject, gates);
    if (failure) failed.add(failure);
    if (ciFormat === 'junit') checked.push({ file: subject.file, document: subject.document, community: subject.community, group });
  };
  const groupOf = (document: ScoredDocument): string => document.community.region ?? document.rubricRef;
  // A renderer that can take results rendered where they are scored (json) has the workers do it.
  const renderJson = renderer.addRendered ? { lang: requested } : undefined;

  const ratings = new RatingSorter<HeldDocument>();
  const use = async (document: HeldDocument): Promise<void> => {
    if (document.rendered && renderer.addRendered) {
      const { digest, open } = document.rendered;
      tally(digest, { ...document, overall: digest.overall, readiness: { verdict: digest.readiness.verdict, criteria: open } }, groupOf(document));
      await emit(renderer.addRendered(document.rendered.json));
      return;
    }
    if (ciFormat && document.result) {
      tally(document.result, { ...document, overall: document.result.overall, readiness: document.result.readiness }, groupOf(document));
      return;
    }
    const entry = await entryOf(document, catalog, document.loaded);
    if (!entry) return;
    tally(entry.result, { ...entry, overall: entry.result.overall, readiness: entry.result.readiness }, groupOf(entry));
    await emit(renderer.add(entry));
  };

  await emit(renderer.begin());
  const progress = await startProgress(ctx, inputs.assessmentFiles.length);
  try {
    const batch = runBatch(inputs.assessmentFiles, { mode: 'score', search, rubricOverride: options.rubric, renderJson, keepLoaded: options.explain, onProgress: progress.update });
    for await (const outcome of batch) {
      findings.push(...outcome.findings);
      await report(outcome.findings);
      for (const [position, document] of outcome.documents.entries()) {
        const duplicate = await guard.admit(document);
        if (duplicate) {
          findings.push(duplicate);
          await report([duplicate]);
          continue;
        }
        const held = { ...document, loaded: options.explain ? outcome.loaded?.[position] : undefined };
        if (ratings.offer(held)) await use(held);
      }
    }
  } finally {
    progress.stop();
  }
  // Ratings wait for the whole run: their consensus, or another rating, may come later (docs/ratings.md).
  const settled = ratings.settle();
  for (const document of settled.scored) await use(document);
  const refused = settled.refused.map(refusedRatings);
  findings.push(...refused);
  await report(refused);
  await emit(renderer.end({ summary: summary.build(), groups: groups ? { field: groups.field, rows: groups.build() } : undefined, findings }));
  const names: GateName[] = [];
  if (gates.failUnder !== undefined) names.push('fail-under');
  if (gates.requireReady) names.push('not-ready');
  if (ciFormat) {
    const failures = await locateFailures(failed.failures, ctx.cwd);
    await emit(await renderCiReport(ciFormat, { command: 'score', findings, failures, assessments: checked, checked: scored, gates: { names, threshold: gates.failUnder } }, tool));
  }
  await flush();

  // Who failed is said even when input errors make the exit code 2: CI logs should show both.
  const counts = new Map(names.map((gate) => [gate, failed.count(gate)] as const));
  const message = gateReport(counts, failed.failures, failed.total, tool, { threshold: gates.failUnder });
  if (message !== '') await write(ctx.stderr, stderrColors.red(message));
  if (findings.some((finding) => finding.severity === 'error') || scored === 0) return ExitCode.invalidInput;
  return failed.total > 0 ? ExitCode.checkFailed : ExitCode.ok;
}

type HeldDocument = ScoredDocument & { readonly loaded: LoadedAssessment | undefined };

/** The CI formats render once at the end, from what the command collected: no per-result text. */
const CI_COLLECTOR: ScoreRenderer = { begin: () => '', add: () => '', end: () => '' };

async function entryOf(document: ScoredDocument, catalog: RubricCatalog, loaded: { assessment: Parameters<typeof explainResult>[1]; rubric: Rubric } | undefined): Promise<ScoreEntry | undefined> {
  const result = document.result;
  if (!result) return undefined;
  const rubric = loaded?.rubric ?? (await catalog.of(result));
  if (!rubric) return undefined;
  return { ...document, result, rubric, explanation: loaded ? explainResult(loaded.rubric, loaded.assessment, result) : undefined };
}
