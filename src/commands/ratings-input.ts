import { DuplicateGuard, gatherInputs } from '../batch/inputs.js';
import { runBatch } from '../batch/run-batch.js';
import { groupRatings, type Rating, type RatingGroup } from '../core/agree.js';
import type { Finding } from '../core/finding.js';
import { namedRater } from '../core/ratings.js';
import type { Language } from '../i18n/language.js';
import type { RubricSearch } from '../io/rubric-finder.js';
import type { StdinFile } from '../io/stdin.js';
import type { CommandContext } from './context.js';
import { translator } from '../i18n/catalogue.js';

export interface RatingInputs {
  /** Groups of two or more raters, by community id then period. */
  readonly groups: readonly RatingGroup[];
  /** Errors (invalid files, duplicates, missing paths) and warnings, for stderr. */
  readonly findings: readonly Finding[];
  /** Plain notices for stderr: consensus files and lone ratings left out. */
  readonly notices: readonly string[];
}

/**
 * The ratings among PATHS, as `agree` and `consensus` read them (docs/ratings.md): every valid
 * file with a named rater, one per rater and community-period, grouped; consensus files and
 * communities only one person rated are left out with a notice.
 */
export async function readRatings(
  paths: readonly string[],
  rubricOverride: string | undefined,
  tool: Language,
  rubricSearch: RubricSearch,
  ctx: CommandContext,
  stdin?: StdinFile | Finding,
): Promise<RatingInputs> {
  const labels = translator(tool);
  const inputs = await gatherInputs(paths, ctx.cwd, stdin);
  const findings: Finding[] = [...inputs.findings];
  const notices: string[] = [];
  const ratings: Rating[] = [];
  const guard = new DuplicateGuard(ctx.cwd, inputs.stdin);
  const search = { ...rubricSearch, inputRubrics: inputs.rubricPaths };
  for await (const outcome of runBatch(inputs.assessmentFiles, { projection: { kind: 'loaded' }, search, rubricOverride, stdin: inputs.stdin })) {
    findings.push(...outcome.findings);
    for (const document of outcome.documents) {
      const loaded = document.projected;
      const duplicate = await guard.admit(document);
      if (duplicate) {
        findings.push(duplicate);
        continue;
      }
      const rater = namedRater(loaded.assessment.rater);
      if (rater === undefined) {
        notices.push(labels('ratings.consensusIgnored', { file: document.file }));
        continue;
      }
      ratings.push({ rater, file: document.file, document: document.document, assessment: loaded.assessment, rubric: loaded.rubric });
    }
  }
  const groups: RatingGroup[] = [];
  for (const group of groupRatings(ratings)) {
    if (group.raters.length >= 2) groups.push(group);
    else notices.push(labels('ratings.singleRating', { community: `${group.community.name} (${group.community.id})`, period: group.period, rater: group.raters[0]! }));
  }
  return { groups, findings, notices };
}
