import type { GateFailure, GateName, GateReason } from '../core/gates.js';
import type { Language } from './language.js';
import { t } from './catalogue.js';
import { withDecimalMark } from './numbers.js';

/** How many failing assessments the stderr message names before it only counts (docs/ci.md). */
export const NAMED_FAILURES = 20;

/**
 * How a gate message writes its figures: for people on stderr with the decimal mark of the
 * language (`54,33` in Indonesian), or with `.` inside the CI formats, which are machine outputs.
 */
export type Figures = 'human' | 'machine';

const figure = (value: number | null, lang: Language, figures: Figures): string => {
  if (value === null) return '—';
  const text = String(Math.round((value + Number.EPSILON) * 100) / 100);
  return figures === 'human' ? withDecimalMark(text, lang) : text;
};

/** One reason in words: the criterion and the figure. */
export function gateReasonText(reason: GateReason, lang: Language, figures: Figures = 'machine'): string {
  switch (reason.gate) {
    case 'fail-under':
      if (reason.value === null) return t(lang, 'gate.noOverall', { threshold: figure(reason.threshold, lang, figures) });
      return t(lang, 'gate.overallBelow', { value: figure(reason.value, lang, figures), threshold: figure(reason.threshold, lang, figures) });
    case 'not-ready': {
      const criterion = reason.criterion;
      if (!criterion) return t(lang, 'gate.verdict', { verdict: t(lang, `verdict.${reason.verdict}`) });
      if (criterion.status === 'unknown') {
        const threshold = criterion.kind === 'level' ? t(lang, 'gate.levelOf', { level: criterion.threshold }) : criterion.threshold;
        return t(lang, 'gate.undecided', { target: criterion.target, threshold });
      }
      if (criterion.kind === 'level') {
        const value = criterion.value === null ? t(lang, 'gate.notAnswered') : t(lang, 'gate.levelOf', { level: criterion.value });
        return t(lang, 'gate.needsLevel', { target: criterion.target, value, threshold: criterion.threshold });
      }
      return t(lang, 'gate.needsMin', { target: criterion.target, value: figure(criterion.value, lang, figures), threshold: figure(criterion.threshold, lang, figures) });
    }
    case 'regression': {
      const cause = reason.reason;
      if (cause.kind === 'phase') return t(lang, 'gate.phaseBack', { from: cause.from, to: cause.to });
      const what = cause.kind === 'overall' ? t(lang, 'gate.overall') : t(lang, 'gate.principle', { id: cause.id });
      return t(lang, 'gate.fell', { what, fall: figure(Math.abs(cause.delta), lang, figures) });
    }
  }
}

/** `file` or `file (document 2)`: where the assessment is. */
export function failurePlace(failure: Pick<GateFailure, 'file' | 'document'>, lang: Language): string {
  return failure.document > 0 ? t(lang, 'gate.documentPlace', { file: failure.file, number: failure.document + 1 }) : failure.file;
}

/** `3374021008 Kelurahan Kemijen (examples/2025/kemijen.yaml): reason; reason`. */
export function failureLine(failure: GateFailure, lang: Language, gates?: ReadonlySet<GateName>, figures: Figures = 'machine'): string {
  const reasons = failure.reasons.filter((reason) => !gates || gates.has(reason.gate));
  return `${failure.community.id} ${failure.community.name} (${failurePlace(failure, lang)}): ${reasons.map((reason) => gateReasonText(reason, lang, figures)).join('; ')}`;
}

/** The headline of one gate: how many assessments failed it. */
export function gateHeadline(gate: GateName, count: number, lang: Language, detail: { threshold?: number | undefined; tolerance?: number | undefined }): string {
  switch (gate) {
    case 'fail-under':
      return t(lang, 'gate.headline.fail-under', { count, threshold: withDecimalMark(String(detail.threshold), lang) });
    case 'not-ready':
      return t(lang, 'gate.headline.not-ready', { count });
    case 'regression':
      return t(lang, 'gate.headline.regression', { count, tolerance: withDecimalMark(String(detail.tolerance ?? 0), lang) });
  }
}

/**
 * The gate message for stderr: one headline per failed gate, then the first failing
 * assessments (at most NAMED_FAILURES) with each criterion and figure, then how many more.
 */
export function gateReport(
  counts: ReadonlyMap<GateName, number>,
  failures: readonly GateFailure[],
  total: number,
  lang: Language,
  detail: { threshold?: number | undefined; tolerance?: number | undefined },
): string {
  const gates = [...counts].filter(([, count]) => count > 0);
  if (gates.length === 0) return '';
  const lines = gates.map(([gate, count]) => `swadaya: ${gateHeadline(gate, count, lang, detail)}${gate === gates.at(-1)![0] ? ':' : '.'}`);
  for (const failure of failures.slice(0, NAMED_FAILURES)) lines.push(`  ${failureLine(failure, lang, undefined, 'human')}`);
  const more = total - Math.min(failures.length, NAMED_FAILURES);
  if (more > 0) lines.push(`  ${t(lang, 'gate.more', { more })}`);
  return `${lines.join('\n')}\n`;
}
