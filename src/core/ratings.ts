/**
 * Several raters of one community and period (docs/ratings.md): which files are ratings, how
 * they group, and which of a run's assessments `score` and `diff` may use. Pure.
 */

/** The rater name that marks a consensus file; a file without a rater is one too. */
export const CONSENSUS = 'consensus';

/** The rater of a rating file; undefined for a consensus file (`rater: consensus`, or none). */
export function namedRater(rater: string | undefined): string | undefined {
  const name = rater?.trim();
  if (name === undefined || name === '' || name.toLowerCase() === CONSENSUS) return undefined;
  return name;
}

/** The key of a rating group: one community in one period. */
export function groupKey(communityId: string, period: string): string {
  return `${communityId}\u0000${period}`;
}

/** Rater names in the order every report uses: code unit by code unit, so the order never depends on a locale. */
export function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface RatedDocument {
  readonly community: { readonly id: string; readonly name: string };
  readonly period: string;
  /** As the file has it; `namedRater` tells a rating from a consensus. */
  readonly rater?: string | undefined;
}

/** A community and period rated by several people, with no consensus file to score in its place. */
export interface RefusedGroup<T> {
  readonly community: { readonly id: string; readonly name: string };
  readonly period: string;
  /** Sorted. */
  readonly raters: readonly string[];
  readonly documents: readonly T[];
}

export interface SettledRatings<T> {
  /** Ratings that stand alone (the only file of their community and period): scored as they are. */
  readonly scored: readonly T[];
  /** Ratings of a community and period that also has a consensus file: the consensus is scored instead. */
  readonly superseded: readonly T[];
  /** Several ratings and no consensus: not scored, in first-seen order. */
  readonly refused: readonly RefusedGroup<T>[];
}

/**
 * Decides which assessments of a run are scored when some are ratings (docs/ratings.md):
 * a consensus file is scored at once; ratings wait until every file has been read, because
 * the consensus or a second rating of their community may come later. `key` groups the
 * documents (community and period for `score`, community alone for one side of `diff`).
 */
export class RatingSorter<T extends RatedDocument> {
  private readonly consensus = new Set<string>();
  private readonly held = new Map<string, T[]>();

  constructor(private readonly key: (document: T) => string = (document) => groupKey(document.community.id, document.period)) {}

  /** True when the document can be used now (a consensus); false when it is held until `settle`. */
  offer(document: T): boolean {
    const key = this.key(document);
    if (namedRater(document.rater) === undefined) {
      this.consensus.add(key);
      return true;
    }
    const group = this.held.get(key);
    if (group) group.push(document);
    else this.held.set(key, [document]);
    return false;
  }

  settle(): SettledRatings<T> {
    const scored: T[] = [];
    const superseded: T[] = [];
    const refused: RefusedGroup<T>[] = [];
    for (const [key, documents] of this.held) {
      if (this.consensus.has(key)) superseded.push(...documents);
      else if (documents.length === 1) scored.push(documents[0]!);
      else {
        const first = documents[0]!;
        const raters = [...new Set(documents.map((document) => namedRater(document.rater)!))].sort(byName);
        refused.push({ community: first.community, period: first.period, raters, documents });
      }
    }
    return { scored, superseded, refused };
  }
}
