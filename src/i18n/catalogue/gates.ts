import type { Section } from './wording.js';

/** What a failed gate (--fail-under, --require ready, --fail-on-regression) says on stderr and in CI annotations (docs/ci.md). */
export const GATES = {
  'gate.noOverall': { en: 'no overall score (needs {threshold})', id: 'tidak ada skor keseluruhan (perlu {threshold})' },
  'gate.overallBelow': { en: 'overall {value} < {threshold}', id: 'skor keseluruhan {value} < {threshold}' },
  'gate.verdict': { en: 'verdict: {verdict}', id: 'putusan: {verdict}' },
  'gate.undecided': { en: '{target} cannot be decided: too few answers (needs {threshold})', id: '{target} belum dapat diputuskan: terlalu sedikit jawaban (perlu {threshold})' },
  'gate.levelOf': { en: 'level {level}', id: 'tingkat {level}' },
  'gate.notAnswered': { en: 'not answered', id: 'belum dijawab' },
  'gate.needsLevel': { en: '{target} {value}, needs level {threshold}', id: '{target} {value}, perlu tingkat {threshold}' },
  'gate.needsMin': { en: '{target} {value}, needs {threshold}', id: '{target} {value}, perlu {threshold}' },
  'gate.phaseBack': { en: 'phase went back from {from} to {to}', id: 'fase mundur dari {from} ke {to}' },
  'gate.overall': { en: 'overall', id: 'skor keseluruhan' },
  'gate.principle': { en: 'principle {id}', id: 'prinsip {id}' },
  'gate.fell': { en: '{what} fell {fall} points', id: '{what} turun {fall} poin' },
  'gate.headline.fail-under': {
    en: '{count} assessment(s) have an overall score below {threshold} (--fail-under)',
    id: '{count} penilaian memiliki skor keseluruhan di bawah {threshold} (--fail-under)',
  },
  'gate.headline.not-ready': {
    en: '{count} assessment(s) are not ready for their next phase (--require ready)',
    id: '{count} penilaian belum siap untuk fase berikutnya (--require ready)',
  },
  'gate.headline.regression': {
    en: '{count} community(ies) regressed (--fail-on-regression, tolerance {tolerance})',
    id: '{count} komunitas mundur (--fail-on-regression, toleransi {tolerance})',
  },
  'gate.more': { en: '… and {more} more (--format sarif, junit or gitlab lists them all).', id: '… dan {more} lainnya (--format sarif, junit atau gitlab mencantumkan semuanya).' },
  'gate.documentPlace': { en: '{file} (document {number})', id: '{file} (dokumen {number})' },
  moreLines: { en: '… and {count} more.', id: '… dan {count} lainnya.' },
} as const satisfies Section;
