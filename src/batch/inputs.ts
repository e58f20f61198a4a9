import { resolve } from 'node:path';
import type { Finding } from '../core/finding.js';
import { groupKey, namedRater, type RefusedGroup } from '../core/ratings.js';
import { expandPaths } from '../io/expand-paths.js';
import { isStdinFile, STDIN_PATH, type StdinFile } from '../io/stdin.js';
import { parseYamlText, readTextFile } from '../io/yaml-source.js';
import type { ScoredDocument } from './process-file.js';

export interface CommandInputs {
  /** Paths of assessment files; `-` (STDIN_PATH) for standard input. */
  readonly assessmentFiles: readonly string[];
  readonly rubricPaths: readonly string[];
  /** Paths that do not exist, globs that match nothing, empty directories. */
  readonly findings: readonly Finding[];
  /** Standard input, when `-` is among the paths and it was read; the batch takes it from here. */
  readonly stdin?: StdinFile | undefined;
}

/** `stdin`: standard input as the command read it (commands/stdin-input.ts), for a `-` among the paths. */
export async function gatherInputs(paths: readonly string[], cwd: string, stdin?: StdinFile | Finding): Promise<CommandInputs> {
  const { entries, findings } = await expandPaths(paths, cwd, stdin);
  const assessmentFiles = entries.filter((entry) => entry.kind === 'assessment').map((entry) => entry.path);
  return {
    assessmentFiles,
    rubricPaths: entries.filter((entry) => entry.kind === 'rubric').map((entry) => entry.path),
    findings,
    stdin: isStdinFile(stdin) && assessmentFiles.includes(STDIN_PATH) ? stdin : undefined,
  };
}

/**
 * One assessment per community, period and rater within a run (docs/assessment-format.md#rules, docs/ratings.md): the
 * first in input order is kept, a later one is reported and dropped. Files of distinct raters
 * are ratings, not duplicates; a consensus file (`rater: consensus` or none) is one rater.
 */
export class DuplicateGuard {
  private readonly seen = new Map<string, string>();

  /** `cwd` resolves the files' paths, to point the finding at the duplicate's community id; `stdin` is `-`'s text. */
  constructor(
    private readonly cwd: string,
    private readonly stdin?: StdinFile | undefined,
  ) {}

  /** Undefined when the document is the first of its community, period and rater; else the finding (found on the slow path). */
  admit(document: Omit<ScoredDocument, 'projected'>): Promise<Finding> | undefined {
    const key = `${groupKey(document.community.id, document.period)}\u0000${namedRater(document.rater) ?? ''}`;
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, document.document > 0 ? `${document.file} (document ${document.document + 1})` : document.file);
      return undefined;
    }
    return this.duplicate(document, first);
  }

  private async duplicate(document: Omit<ScoredDocument, 'projected'>, first: string): Promise<Finding> {
    return {
      code: 'duplicate-assessment',
      severity: 'error',
      file: document.file,
      ...(await communityIdPosition(this.cwd, document.file, document.document, this.stdin)),
      args: { community: document.community.id, period: document.period, first, rater: namedRater(document.rater) ?? '' },
    };
  }
}

/**
 * The slow path, only for a duplicate or a failure located for CI: read the file again (or take
 * standard input's text, when `file` is its name) to find the line of its community id.
 */
export async function communityIdPosition(cwd: string, file: string, documentIndex: number, stdin?: StdinFile): Promise<{ line: number; column: number } | undefined> {
  const text = stdin !== undefined && file === stdin.name ? stdin.text : await readTextFile(resolve(cwd, file));
  if (typeof text !== 'string') return undefined;
  const document = parseYamlText(file, text).documents.find((candidate) => candidate.source.index === documentIndex);
  return document?.source.positionOf(['community', 'id']);
}

/** A community and period with several ratings and no consensus: an error naming the way to a consensus. */
export function refusedRatings(group: RefusedGroup<{ readonly file: string; readonly document: number }>): Finding {
  return {
    code: 'ratings-not-scored',
    severity: 'error',
    file: group.documents[0]!.file,
    args: {
      community: group.community.id,
      name: group.community.name,
      period: group.period,
      raters: group.raters.join(', '),
      files: group.documents.map((document) => document.file).join(' '),
    },
  };
}
