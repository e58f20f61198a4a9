import type { PhaseTransitionCount } from './diff-types.js';

/** The key of a (from, to) pair of phases: one spelling for the summaries and the transition matrix. */
export function phasePairKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

/** How many communities went from each phase to each phase: diff's summary and each step of a trend. */
export class PhaseTransitionCounter {
  private readonly counts = new Map<string, { readonly from: string; readonly to: string; count: number }>();

  add(from: string, to: string): void {
    const key = phasePairKey(from, to);
    const entry = this.counts.get(key);
    if (entry) entry.count += 1;
    else this.counts.set(key, { from, to, count: 1 });
  }

  /** Pairs with a count above 0, in the order of `phases` for `from`, then `to`; unknown phases after them, as first seen. */
  list(phases: readonly string[]): PhaseTransitionCount[] {
    const ordered = [...phases];
    for (const { from, to } of this.counts.values()) for (const phase of [from, to]) if (!ordered.includes(phase)) ordered.push(phase);
    const transitions: PhaseTransitionCount[] = [];
    for (const from of ordered) {
      for (const to of ordered) {
        const count = this.counts.get(phasePairKey(from, to))?.count ?? 0;
        if (count > 0) transitions.push({ from, to, count });
      }
    }
    return transitions;
  }
}
