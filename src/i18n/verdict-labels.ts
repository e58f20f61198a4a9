import type { CriterionStatus, Verdict } from '../core/result.js';
import type { Language } from './language.js';

/** Verdicts and criterion statuses as people read them. */
const verdicts: Record<Language, Record<Verdict, string>> = {
  en: { ready: 'ready', 'not-ready': 'not ready', 'insufficient-evidence': 'insufficient evidence', graduated: 'graduated' },
  id: { ready: 'siap', 'not-ready': 'belum siap', 'insufficient-evidence': 'bukti belum cukup', graduated: 'lulus' },
};

const statuses: Record<Language, Record<CriterionStatus, string>> = {
  en: { pass: 'pass', fail: 'fail', unknown: 'unknown', na: 'n/a' },
  id: { pass: 'lulus', fail: 'gagal', unknown: 'belum pasti', na: 't/b' },
};


export function verdictLabel(verdict: Verdict, lang: Language): string {
  return verdicts[lang][verdict];
}

export function statusLabel(status: CriterionStatus, lang: Language): string {
  return statuses[lang][status];
}
