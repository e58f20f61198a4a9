import type { GateFailure, GateName, GateReason } from '../core/gates.js';
import type { Language } from './language.js';
import { verdictLabel } from './verdict-labels.js';

/** How many failing assessments the stderr message names before it only counts (docs/ci.md). */
export const NAMED_FAILURES = 20;

const figure = (value: number | null): string => (value === null ? '—' : String(Math.round((value + Number.EPSILON) * 100) / 100));

/** One reason in words: the criterion and the figure. */
export function gateReasonText(reason: GateReason, lang: Language): string {
  const id = lang === 'id';
  switch (reason.gate) {
    case 'fail-under':
      if (reason.value === null) return id ? `tidak ada skor keseluruhan (perlu ${reason.threshold})` : `no overall score (needs ${reason.threshold})`;
      return id ? `skor keseluruhan ${figure(reason.value)} < ${reason.threshold}` : `overall ${figure(reason.value)} < ${reason.threshold}`;
    case 'not-ready': {
      const criterion = reason.criterion;
      if (!criterion) return id ? `putusan: ${verdictLabel(reason.verdict, lang)}` : `verdict: ${verdictLabel(reason.verdict, lang)}`;
      if (criterion.status === 'unknown') {
        return id
          ? `${criterion.target} belum dapat diputuskan: terlalu sedikit jawaban (perlu ${criterion.kind === 'level' ? 'tingkat ' : ''}${criterion.threshold})`
          : `${criterion.target} cannot be decided: too few answers (needs ${criterion.kind === 'level' ? 'level ' : ''}${criterion.threshold})`;
      }
      if (criterion.kind === 'level') {
        const value = criterion.value === null ? (id ? 'belum dijawab' : 'not answered') : id ? `tingkat ${criterion.value}` : `level ${criterion.value}`;
        return id ? `${criterion.target} ${value}, perlu tingkat ${criterion.threshold}` : `${criterion.target} ${value}, needs level ${criterion.threshold}`;
      }
      return id ? `${criterion.target} ${figure(criterion.value)}, perlu ${criterion.threshold}` : `${criterion.target} ${figure(criterion.value)}, needs ${criterion.threshold}`;
    }
    case 'regression': {
      const cause = reason.reason;
      if (cause.kind === 'phase') return id ? `fase mundur dari ${cause.from} ke ${cause.to}` : `phase went back from ${cause.from} to ${cause.to}`;
      const fall = figure(Math.abs(cause.delta));
      const what = cause.kind === 'overall' ? (id ? 'skor keseluruhan' : 'overall') : id ? `prinsip ${cause.id}` : `principle ${cause.id}`;
      return id ? `${what} turun ${fall} poin` : `${what} fell ${fall} points`;
    }
  }
}

/** `file` or `file (document 2)`: where the assessment is. */
export function failurePlace(failure: Pick<GateFailure, 'file' | 'document'>, lang: Language): string {
  return failure.document > 0 ? `${failure.file} (${lang === 'id' ? 'dokumen' : 'document'} ${failure.document + 1})` : failure.file;
}

/** `3374021008 Kelurahan Kemijen (examples/2025/kemijen.yaml): reason; reason`. */
export function failureLine(failure: GateFailure, lang: Language, gates?: ReadonlySet<GateName>): string {
  const reasons = failure.reasons.filter((reason) => !gates || gates.has(reason.gate));
  return `${failure.community.id} ${failure.community.name} (${failurePlace(failure, lang)}): ${reasons.map((reason) => gateReasonText(reason, lang)).join('; ')}`;
}

/** The headline of one gate: how many assessments failed it. */
export function gateHeadline(gate: GateName, count: number, lang: Language, detail: { threshold?: number | undefined; tolerance?: number | undefined }): string {
  const id = lang === 'id';
  switch (gate) {
    case 'fail-under':
      return id
        ? `${count} penilaian memiliki skor keseluruhan di bawah ${detail.threshold} (--fail-under)`
        : `${count} assessment(s) have an overall score below ${detail.threshold} (--fail-under)`;
    case 'not-ready':
      return id ? `${count} penilaian belum siap untuk fase berikutnya (--require ready)` : `${count} assessment(s) are not ready for their next phase (--require ready)`;
    case 'regression':
      return id
        ? `${count} komunitas mundur (--fail-on-regression, toleransi ${detail.tolerance ?? 0})`
        : `${count} community(ies) regressed (--fail-on-regression, tolerance ${detail.tolerance ?? 0})`;
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
  for (const failure of failures.slice(0, NAMED_FAILURES)) lines.push(`  ${failureLine(failure, lang)}`);
  const more = total - Math.min(failures.length, NAMED_FAILURES);
  if (more > 0) lines.push(lang === 'id' ? `  … dan ${more} lainnya (--format sarif, junit atau gitlab mencantumkan semuanya).` : `  … and ${more} more (--format sarif, junit or gitlab lists them all).`);
  return `${lines.join('\n')}\n`;
}
