import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { DEFAULT_FLAG } from '../core/agree.js';
import { draftConsensus, type ConsensusDraft } from '../core/consensus.js';
import { isError } from '../core/finding.js';
import { scoreAssessment } from '../core/scoring.js';
import { ExitCode, SwadayaError } from '../errors.js';
import { consensusFileName, renderConsensusYaml } from '../format/consensus/draft.js';
import { findingLines } from '../format/findings.js';
import { outputLanguage, type Language } from '../i18n/language.js';
import { formatFinding } from '../i18n/messages.js';
import { loadAssessmentText } from '../io/assessment-loader.js';
import { writeFileAtomically } from '../io/atomic-write.js';
import { RubricFinder, shippedRubricsDir } from '../io/rubric-finder.js';
import { write, type CommandContext } from './context.js';
import { readRatings } from './ratings-input.js';
import type { CommandSettings } from './settings.js';
import { translator } from '../i18n/catalogue.js';
import { readStdinArgument, type StdinOptions } from './stdin-input.js';

export interface ConsensusOptions extends StdinOptions {
  /** `-o DIR`: where the drafts go (created when missing). */
  readonly out: string;
  readonly rubric?: string | undefined;
  readonly flag?: number | undefined;
  /** Overwrite existing consensus files. */
  readonly force?: boolean | undefined;
}

interface PlannedDraft {
  readonly draft: ConsensusDraft;
  /** As shown to the user (DIR joined with the file name). */
  readonly shown: string;
  readonly path: string;
  readonly text: string;
}

/**
 * `swadaya consensus PATHS -o DIR` (docs/ratings.md): one draft consensus file per community and
 * period with two or more ratings. Every draft is checked to load and score before anything is
 * written, and nothing is written when any target exists (unless --force) or any input is invalid.
 */
export async function consensusCommand(paths: readonly string[], options: CommandSettings<ConsensusOptions>, ctx: CommandContext): Promise<number> {
  const tool = outputLanguage(options.language);
  const labels = translator(tool);
  const flag = options.flag ?? DEFAULT_FLAG;
  const colors = options.colors.stderr;
  const { groups, findings, notices } = await readRatings(paths, options.rubric, tool, options.rubricSearch, ctx, await readStdinArgument(paths, options, 'consensus', ctx, tool));
  await write(ctx.stderr, findingLines(findings, tool, colors));
  for (const notice of notices) await write(ctx.stderr, `${colors.dim(notice)}\n`);
  if (findings.some(isError)) return ExitCode.invalidInput;
  if (groups.length === 0) throw new SwadayaError('no-ratings', labels('ratings.consensusNothing'));

  const outDir = resolve(ctx.cwd, options.out);
  const existing = await stat(outDir).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new SwadayaError('out-not-directory', labels('ratings.consensusOutNotDirectory', { dir: options.out }));

  const drafts = groups.map((group) => draftConsensus(group, { flag }));
  const names = drafts.map((draft) => consensusFileName(draft));
  const schema = join(dirname(shippedRubricsDir()), 'schemas', 'assessment.schema.json');
  const planned: PlannedDraft[] = drafts.map((draft, index) => {
    // Two communities of the same name (and period) get their ids in the file name.
    const name = names.indexOf(names[index]!) !== names.lastIndexOf(names[index]!) ? consensusFileName(draft, true) : names[index]!;
    const path = join(outDir, name);
    return { draft, shown: join(options.out, name), path, text: renderConsensusYaml(draft, { tool, schemaPath: relative(outDir, schema) }) };
  });

  const finder = new RubricFinder(options.rubricSearch);
  for (const draft of planned) await checkDraft(draft, finder, options.rubric, tool);

  if (!options.force) {
    const taken = (await Promise.all(planned.map(async (draft) => ((await stat(draft.path).catch(() => undefined)) ? draft : undefined)))).filter((draft) => draft !== undefined);
    if (taken.length > 0) throw new SwadayaError('consensus-exists', taken.map((draft) => labels('ratings.consensusExists', { file: draft.shown })).join('\n'));
  }
  const failed = (shown: string, error: unknown): SwadayaError =>
    new SwadayaError('save-failed', labels('ratings.consensusSaveFailed', { file: shown, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  await mkdir(outDir, { recursive: true }).catch((error: unknown) => {
    throw failed(options.out, error);
  });
  for (const draft of planned) {
    await writeFileAtomically(draft.path, draft.text).catch((error: unknown) => {
      throw failed(draft.shown, error);
    });
    const flagged = draft.draft.answers.filter((answer) => answer.flagged).length;
    await write(ctx.stderr, `${labels('ratings.consensusWritten', { file: draft.shown, answers: draft.draft.answers.length, flagged })}\n`);
  }
  return ExitCode.ok;
}

/** A draft that would not load or score is a bug in swadaya, never the user's: fail before writing anything. */
async function checkDraft(draft: PlannedDraft, finder: RubricFinder, rubricOverride: string | undefined, tool: Language): Promise<void> {
  const loaded = await loadAssessmentText(draft.shown, draft.text, finder, { rubricOverride });
  const errors = loaded.findings.filter(isError);
  const assessment = loaded.assessments[0];
  if (errors.length > 0 || !assessment) {
    throw new Error(`the draft ${draft.shown} does not load: ${errors.map((finding) => formatFinding(finding, tool)).join('; ')}`);
  }
  scoreAssessment(assessment.rubric, assessment.assessment);
}
