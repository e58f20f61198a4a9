import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { runInterview } from '../assess/interview.js';
import { DEFAULT_RUBRIC, openAssessment } from '../assess/open-assessment.js';
import { namedRater } from '../core/ratings.js';
import { scoreAssessment } from '../core/scoring.js';
import { ExitCode, InterruptedError, SwadayaError } from '../errors.js';
import { renderScoreDetail } from '../format/score/detail.js';
import { outputLanguage, textLanguage, type Language } from '../i18n/language.js';
import { formatFinding } from '../i18n/messages.js';
import { loadAssessmentText } from '../io/assessment-loader.js';
import { assertWritableTarget, removeStaleTemporaries, writeFileAtomically } from '../io/atomic-write.js';
import { acquireInterviewLock } from '../io/interview-lock.js';
import { readRegularFile } from '../io/safe-read.js';
import { decodeText } from '../io/yaml-source.js';
import { AssessmentDocument } from '../assess/assessment-document.js';
import { answerFromValue, mergeOutsideEdit } from '../assess/outside-edit.js';
import { createInquirerPrompter, type Prompter } from '../io/prompter.js';
import { RubricFinder } from '../io/rubric-finder.js';
import { write, type CommandContext } from './context.js';
import type { CommandSettings } from './settings.js';
import { t, translator } from '../i18n/catalogue.js';

export interface AssessOptions {
  /** `--rubric ID|PATH`: the rubric to assess with (default: the one the file names, else p2kp). */
  readonly rubric?: string | undefined;
  /** `--review`: go through every answer, not only the missing ones. */
  readonly review?: boolean | undefined;
  /** `--rater NAME`: NAME's own, blind rating (docs/ratings.md). */
  readonly rater?: string | undefined;
}

/**
 * `swadaya assess [FILE]` (docs/commands.md#assess): an interview in the terminal that saves FILE atomically after
 * every answer, resumes where it stopped, and ends with the detailed score view.
 */
export async function assessCommand(
  file: string,
  options: CommandSettings<AssessOptions>,
  ctx: CommandContext,
  prompter: Prompter = createInquirerPrompter(ctx, options.colors.stderr),
): Promise<number> {
  const requested = options.language;
  const target = resolve(ctx.cwd, file);
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY || !ctx.stderr.isTTY) {
    const labels = translator(outputLanguage(requested));
    // Never suggest `template > FILE` over a file that already holds answers.
    const places = { rubric: options.rubric ?? DEFAULT_RUBRIC, file };
    const hint = existsSync(target) ? labels('assessNoTerminalHintExisting', places) : labels('assessNoTerminalHint', places);
    throw new SwadayaError('no-terminal', labels('assessNoTerminal'), ExitCode.invalidInput, hint);
  }
  await assertWritableTarget(target, file, outputLanguage(requested));
  // One interview per file: a second one would overwrite the first one's answers.
  const lock = await acquireInterviewLock(target);
  if ('heldBy' in lock) {
    const labels = translator(outputLanguage(requested));
    throw new SwadayaError('interview-locked', labels('assessLocked', { file, pid: lock.heldBy.pid, since: lock.heldBy.since || '?', lock: lock.lockFile }));
  }
  try {
    return await interviewLocked(file, target, options, ctx, prompter, requested);
  } finally {
    await lock.release();
  }
}

async function interviewLocked(file: string, target: string, options: CommandSettings<AssessOptions>, ctx: CommandContext, prompter: Prompter, requested: Language | undefined): Promise<number> {
  const removed = await removeStaleTemporaries(target);
  if (removed.length > 0) await write(ctx.stderr, `${t(outputLanguage(requested), 'assessStaleTemporaries', { count: removed.length, file })}\n`);
  const opened = await openAssessment(target, options.rubricSearch, { shown: file, rubricOverride: options.rubric, tool: outputLanguage(requested) });
  const { rubric, document, answers } = opened;
  if (options.rater !== undefined) {
    assertBlind(file, options.rater, document.header.rater, answers.size, outputLanguage(requested));
    document.setRater(options.rater.trim());
  }
  const lang = textLanguage(requested, rubric);
  const tool = outputLanguage(requested, rubric);
  const labels = translator(tool);
  const colors = options.colors.stderr;
  for (const warning of opened.warnings) await write(ctx.stderr, `${formatFinding(warning, tool)}\n`);

  const rubricName = `${rubric.id}@${rubric.version}`;
  const total = rubric.indicators.length;
  const intro = options.review && opened.resumed
    ? labels('assessReviewing', { file, rubric: rubricName })
    : opened.resumed
      ? labels('assessResuming', { file, rubric: rubricName, answered: answers.size, total })
      : labels('assessNew', { file, rubric: rubricName, total });
  prompter.say(colors.dim(intro));

  let saved = opened.resumed;
  const resumeCommand = commandLine(file, options);
  // The text this interview last read or wrote: anything else found on disk before a save is an outside edit.
  let lastText = opened.text;
  const stop = (code: string, message: string): never => {
    throw new SwadayaError(code, message);
  };
  const takeOutsideEdit = async (): Promise<void> => {
    const read = await readRegularFile(target, file);
    const disk = read instanceof Uint8Array ? decodeText(file, read) : read.code === 'path-not-found' && lastText === '' ? '' : undefined;
    if (disk === lastText) return;
    const theirs = typeof disk === 'string' ? AssessmentDocument.parse(disk) : undefined;
    const base = AssessmentDocument.parse(lastText);
    if (!theirs || !base) return stop('outside-change', labels('assessOutsideUnreadable', { file, command: resumeCommand }));
    const merge = mergeOutsideEdit(base, theirs, document);
    if (merge.kind === 'conflict') return stop('outside-change', labels('assessOutsideConflict', { file, command: resumeCommand, keys: merge.keys.join(', ') }));
    const indicators = new Map(rubric.indicators.map((indicator) => [indicator.id, indicator]));
    const values = merge.document.answerValues();
    for (const id of merge.answers) {
      const answer = answerFromValue(Object.hasOwn(values, id) ? values[id] : undefined, rubric.maxLevel, indicators.get(id)?.na ?? false);
      if (answer === 'invalid' || !indicators.has(id)) return stop('outside-change', labels('assessOutsideInvalidAnswer', { file, command: resumeCommand, id }));
      if (answer === undefined) answers.delete(id);
      else answers.set(id, answer);
    }
    document.adopt(merge.document);
    prompter.say(colors.yellow(labels('assessOutsideMerged', { file, keys: merge.theirs.join(', ') })));
  };
  const save = async (): Promise<void> => {
    await takeOutsideEdit();
    const text = document.toString();
    try {
      await writeFileAtomically(target, text, { verify: (written) => AssessmentDocument.parse(written) !== undefined });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      if (reason === 'EREADONLY') return stop('save-failed', labels('assessReadOnly', { file, command: resumeCommand }));
      throw new SwadayaError('save-failed', labels('assessSaveFailed', { file, reason }));
    }
    lastText = text;
    saved = true;
  };

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
      ? [labels('assessInterrupted', { answered: answers.size, total, file }), labels('assessResume', { command: resumeCommand })]
      : [labels('assessNothingSaved')];
    await write(ctx.stderr, `\n${lines.join('\n')}\n`);
    return ExitCode.interrupted;
  }

  await write(ctx.stdout, await endView(file, document, options, tool));
  if (saved) await write(ctx.stderr, `${colors.green('✔')} ${labels('assessSaved', { file })}\n`);
  if (missing > 0) await write(ctx.stderr, `${colors.yellow(labels('assessStillMissing', { count: missing, command: resumeCommand }))}\n`);
  return ExitCode.ok;
}

/** The detailed view `score` prints for one assessment, of the file as saved. */
async function endView(file: string, document: AssessmentDocument, options: CommandSettings<AssessOptions>, tool: Language): Promise<string> {
  const finder = new RubricFinder(options.rubricSearch);
  const { assessments } = await loadAssessmentText(file, document.toString(), finder, { rubricOverride: options.rubric });
  const loaded = assessments[0];
  if (!loaded) return '';
  const context = { language: tool, requested: options.language, colors: options.colors.stdout };
  return `\n${renderScoreDetail({ file, result: scoreAssessment(loaded.rubric, loaded.assessment), rubric: loaded.rubric }, context)}`;
}

/**
 * Rating blind (docs/ratings.md): NAME may start a new file, an empty one, or resume their own,
 * but never open another rater's rating or a consensus, whose answers they would see as defaults.
 * Checked before anything is asked or shown.
 */
function assertBlind(file: string, rater: string, fileRater: string | undefined, answered: number, tool: Language): void {
  const labels = translator(tool);
  const name = namedRater(rater);
  if (name === undefined) throw new SwadayaError('rater-is-consensus', labels('ratings.raterConsensusName', { file }));
  const other = namedRater(fileRater);
  const suggestion = raterFileName(file, name);
  if (other !== undefined && other !== name) {
    throw new SwadayaError('rater-not-blind', labels('ratings.raterOtherFile', { file, other, rater: shellQuote(name), suggestion: shellQuote(suggestion) }));
  }
  if (other === undefined && (answered > 0 || fileRater !== undefined)) {
    throw new SwadayaError('rater-not-blind', labels('ratings.raterConsensusFile', { file, rater: shellQuote(name), suggestion: shellQuote(suggestion) }));
  }
}

/** `kemijen.yaml` → `kemijen.d-setyawati.yaml`: where NAME's own rating could go. */
function raterFileName(file: string, rater: string): string {
  const slug = rater.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'rater';
  const extension = extname(file);
  return `${file.slice(0, file.length - extension.length)}.${slug}${extension || '.yaml'}`;
}

/** The command that resumes this interview, as the user would type it. */
function commandLine(file: string, options: CommandSettings<AssessOptions>): string {
  const words = ['swadaya', 'assess', shellQuote(file)];
  if (options.rubric !== undefined) words.push('--rubric', shellQuote(options.rubric));
  if (options.rater !== undefined) words.push('--rater', shellQuote(options.rater));
  if (options.language !== undefined) words.push('--lang', options.language);
  return words.join(' ');
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
