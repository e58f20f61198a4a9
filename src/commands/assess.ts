import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { rubricSearchOf } from '../batch/inputs.js';
import type { AssessmentDocument } from '../assess/assessment-document.js';
import { runInterview } from '../assess/interview.js';
import { DEFAULT_RUBRIC, openAssessment } from '../assess/open-assessment.js';
import { scoreAssessment } from '../core/scoring.js';
import { ExitCode, InterruptedError, SwadayaError } from '../errors.js';
import { renderScoreDetail } from '../format/score-detail.js';
import { fillLabel } from '../i18n/fill-label.js';
import { labelsFor } from '../i18n/labels.js';
import { toolLanguage, type Language } from '../i18n/language.js';
import { formatFinding } from '../i18n/messages.js';
import { loadAssessmentText } from '../io/assessment-loader.js';
import { assertWritableTarget, writeFileAtomically } from '../io/atomic-write.js';
import { createInquirerPrompter, type Prompter } from '../io/prompter.js';
import { RubricFinder } from '../io/rubric-finder.js';
import { colorsFor, requestedLanguage, write, type CommandContext, type GlobalOptions } from './context.js';

export interface AssessOptions extends GlobalOptions {
  /** `--rubric ID|PATH`: the rubric to assess with (default: the one the file names, else p2kp). */
  readonly rubric?: string | undefined;
  /** `--review`: go through every answer, not only the missing ones. */
  readonly review?: boolean | undefined;
}

/**
 * `swadaya assess [FILE]` (SPEC §6): an interview in the terminal that saves FILE atomically after
 * every answer, resumes where it stopped, and ends with the detailed score view.
 */
export async function assessCommand(
  file: string,
  options: AssessOptions,
  ctx: CommandContext,
  prompter: Prompter = createInquirerPrompter(ctx, options),
): Promise<number> {
  const requested = requestedLanguage(options, ctx.env);
  const target = resolve(ctx.cwd, file);
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY || !ctx.stderr.isTTY) {
    const labels = labelsFor(toolLanguage(requested));
    // Never suggest `template > FILE` over a file that already holds answers.
    const hint = fillLabel(existsSync(target) ? labels.assessNoTerminalHintExisting : labels.assessNoTerminalHint, { rubric: options.rubric ?? DEFAULT_RUBRIC, file });
    throw new SwadayaError('no-terminal', labels.assessNoTerminal, ExitCode.invalidInput, hint);
  }
  await assertWritableTarget(target, file, toolLanguage(requested));
  const search = rubricSearchOf(ctx);
  const opened = await openAssessment(target, search, { shown: file, rubricOverride: options.rubric, tool: toolLanguage(requested) });
  const { rubric, document, answers } = opened;
  const lang = requested ?? rubric.languages[0] ?? 'en';
  const tool = toolLanguage(lang);
  const labels = labelsFor(tool);
  const colors = colorsFor(ctx.stderr, options, ctx.env);
  for (const warning of opened.warnings) await write(ctx.stderr, `${formatFinding(warning, tool)}\n`);

  const rubricName = `${rubric.id}@${rubric.version}`;
  const total = rubric.indicators.length;
  const intro = options.review && opened.resumed
    ? fillLabel(labels.assessReviewing, { file, rubric: rubricName })
    : opened.resumed
      ? fillLabel(labels.assessResuming, { file, rubric: rubricName, answered: answers.size, total })
      : fillLabel(labels.assessNew, { file, rubric: rubricName, total });
  prompter.say(colors.dim(intro));

  let saved = opened.resumed;
  const save = async (): Promise<void> => {
    try {
      await writeFileAtomically(target, document.toString());
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new SwadayaError('save-failed', fillLabel(labels.assessSaveFailed, { file, reason }));
    }
    saved = true;
  };
  const resumeCommand = commandLine(file, options);

  let missing: number;
  try {
    ({ missing } = await runInterview({
      prompter,
      rubric,
      document,
      answers,
      // On a new file --review has nothing to review: it is an ordinary interview.
      review: options.review === true && opened.resumed,
      lang,
      tool,
      colors,
      defaultPeriod: String(new Date().getFullYear()),
      save,
    }));
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    const lines = saved
      ? [fillLabel(labels.assessInterrupted, { answered: answers.size, total, file }), fillLabel(labels.assessResume, { command: resumeCommand })]
      : [labels.assessNothingSaved];
    await write(ctx.stderr, `\n${lines.join('\n')}\n`);
    return ExitCode.interrupted;
  }

  await write(ctx.stdout, await endView(file, document, options, lang, tool, ctx));
  if (saved) await write(ctx.stderr, `${colors.green('✔')} ${fillLabel(labels.assessSaved, { file })}\n`);
  if (missing > 0) await write(ctx.stderr, `${colors.yellow(fillLabel(labels.assessStillMissing, { count: missing, command: resumeCommand }))}\n`);
  return ExitCode.ok;
}

/** The detailed view `score` prints for one assessment, of the file as saved. */
async function endView(
  file: string,
  document: AssessmentDocument,
  options: AssessOptions,
  lang: string,
  tool: Language,
  ctx: CommandContext,
): Promise<string> {
  const finder = new RubricFinder(rubricSearchOf(ctx));
  const { assessments } = await loadAssessmentText(file, document.toString(), finder, { rubricOverride: options.rubric });
  const loaded = assessments[0];
  if (!loaded) return '';
  const colors = colorsFor(ctx.stdout, options, ctx.env);
  return `\n${renderScoreDetail({ file, result: scoreAssessment(loaded.rubric, loaded.assessment), rubric: loaded.rubric }, { lang, tool, colors })}`;
}

/** The command that resumes this interview, as the user would type it. */
function commandLine(file: string, options: AssessOptions): string {
  const words = ['swadaya', 'assess', shellQuote(file)];
  if (options.rubric !== undefined) words.push('--rubric', shellQuote(options.rubric));
  if (options.lang !== undefined) words.push('--lang', shellQuote(options.lang));
  return words.join(' ');
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
