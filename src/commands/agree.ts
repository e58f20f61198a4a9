import { computeAgreement, DEFAULT_FLAG } from '../core/agree.js';
import { ExitCode, SwadayaError } from '../errors.js';
import { agreeRenderers, type AgreeFormat } from '../format/agree/index.js';
import type { CsvOptions } from '../format/csv.js';
import { round4 } from '../contract/rounding.js';
import { statistic } from '../format/agree/view.js';
import { findingLines } from '../format/findings.js';
import { showNumber } from '../format/numbers.js';
import { outputLanguage } from '../i18n/language.js';
import { write, type CommandContext } from './context.js';
import { readRatings } from './ratings-input.js';
import { OutputWriter, renderContextFor } from './output.js';
import type { CommandSettings } from './settings.js';
import { translator } from '../i18n/catalogue.js';
import { readStdinArgument, type StdinOptions } from './stdin-input.js';

export interface AgreeOptions extends CsvOptions, StdinOptions {
  readonly format?: AgreeFormat | undefined;
  readonly rubric?: string | undefined;
  /** Flag an indicator whose spread is at least this (default 2). */
  readonly flag?: number | undefined;
  /** Exit 1 when the overall alpha is below this, or undefined. */
  readonly minAlpha?: number | undefined;
}

/** `swadaya agree PATHS` (docs/ratings.md): how far independent raters agree, and where they differ most. */
export async function agreeCommand(paths: readonly string[], options: CommandSettings<AgreeOptions>, ctx: CommandContext): Promise<number> {
  const tool = outputLanguage(options.language);
  const labels = translator(tool);
  const flag = options.flag ?? DEFAULT_FLAG;
  const { groups, findings, notices } = await readRatings(paths, options.rubric, tool, options.rubricSearch, ctx, await readStdinArgument(paths, options, 'agree', ctx, tool));
  const stderrColors = options.colors.stderr;
  await write(ctx.stderr, findingLines(findings, tool, stderrColors));
  for (const notice of notices) await write(ctx.stderr, `${stderrColors.dim(notice)}\n`);
  if (groups.length === 0) throw new SwadayaError('no-ratings', labels('ratings.noRatings'));

  const report = computeAgreement(groups, { flag });
  const entry = agreeRenderers[options.format ?? 'table'];
  const render = await entry.load();
  await new OutputWriter(ctx.stdout).render(render({ ...report, csv: options.csv, csvRaw: options.csvRaw }, renderContextFor(entry, options, tool)));

  if (findings.some((finding) => finding.severity === 'error')) return ExitCode.invalidInput;
  const alpha = report.alpha.overall;
  if (options.minAlpha !== undefined && (alpha === null || round4(alpha) < options.minAlpha)) {
    const shown = statistic(alpha, tool);
    await write(ctx.stderr, `${stderrColors.red(`swadaya: ${labels('ratings.minAlphaFailed', { alpha: shown, min: showNumber(options.minAlpha, tool) })}`)}\n`);
    return ExitCode.checkFailed;
  }
  return ExitCode.ok;
}
