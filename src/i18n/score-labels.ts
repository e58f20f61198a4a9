import type { CriterionStatus, Verdict } from '../core/result.js';
import type { Language } from './language.js';

/** Labels of the score views (detail, table, markdown, csv headers stay in English ids). */
const en = {
  period: 'period',
  periodCol: 'Period',
  rubric: 'Rubric',
  overall: 'Overall',
  band: 'band',
  coverage: 'coverage',
  principles: 'Principles',
  pillars: 'Pillars',
  tags: 'Tags',
  pillarsOf: 'Pillars of the current phase',
  phase: 'Phase',
  declared: 'declared',
  attained: 'attained',
  current: 'current',
  next: 'next',
  none: 'none',
  evidenceDecides: 'not declared, the evidence decides',
  mismatch: 'The declared phase is ahead of the evidence: the scores say this community has attained only',
  gate: 'Exit gate',
  verdict: 'Verdict',
  readinessIndex: 'readiness index',
  gap: 'gap',
  actionPlan: 'Action plan',
  noActions: 'Nothing blocks this gate.',
  graduatedNote: 'This community has passed every phase and runs its own development.',
  levelWord: 'level',
  missing: 'missing',
  notApplicable: 'n/a',
  community: 'Community',
  verdictCol: 'Verdict',
  index: 'Index',
  summary: 'Summary',
  assessments: 'assessments',
  group: 'Group',
  noValue: '(none)',
  mean: 'mean',
  explain: 'How the numbers were derived',
  weightedMean: 'weighted mean',
  answered: 'answered',
  file: 'File',
  noResults: 'No valid assessment was scored.',
} as const;

export type ScoreLabelKey = keyof typeof en;

const id: Record<ScoreLabelKey, string> = {
  period: 'periode',
  periodCol: 'Periode',
  rubric: 'Rubrik',
  overall: 'Keseluruhan',
  band: 'kategori',
  coverage: 'cakupan',
  principles: 'Prinsip',
  pillars: 'Pilar',
  tags: 'Tag',
  pillarsOf: 'Pilar fase saat ini',
  phase: 'Fase',
  declared: 'dinyatakan',
  attained: 'tercapai',
  current: 'saat ini',
  next: 'berikutnya',
  none: 'tidak ada',
  evidenceDecides: 'tidak dinyatakan, bukti yang menentukan',
  mismatch: 'Fase yang dinyatakan mendahului bukti: skor menunjukkan komunitas ini baru mencapai',
  gate: 'Gerbang kelulusan',
  verdict: 'Putusan',
  readinessIndex: 'indeks kesiapan',
  gap: 'selisih',
  actionPlan: 'Rencana tindak',
  noActions: 'Tidak ada yang menghambat gerbang ini.',
  graduatedNote: 'Komunitas ini telah melewati semua fase dan mengelola pembangunannya sendiri.',
  levelWord: 'tingkat',
  missing: 'belum dijawab',
  notApplicable: 'tidak berlaku',
  community: 'Komunitas',
  verdictCol: 'Putusan',
  index: 'Indeks',
  summary: 'Ringkasan',
  assessments: 'penilaian',
  group: 'Kelompok',
  noValue: '(kosong)',
  mean: 'rata-rata',
  explain: 'Asal-usul setiap angka',
  weightedMean: 'rata-rata berbobot',
  answered: 'dijawab',
  file: 'Berkas',
  noResults: 'Tidak ada penilaian sah yang dinilai.',
};

const verdicts: Record<Language, Record<Verdict, string>> = {
  en: { ready: 'ready', 'not-ready': 'not ready', 'insufficient-evidence': 'insufficient evidence', graduated: 'graduated' },
  id: { ready: 'siap', 'not-ready': 'belum siap', 'insufficient-evidence': 'bukti belum cukup', graduated: 'lulus' },
};

const statuses: Record<Language, Record<CriterionStatus, string>> = {
  en: { pass: 'pass', fail: 'fail', unknown: 'unknown', na: 'n/a' },
  id: { pass: 'lulus', fail: 'gagal', unknown: 'belum pasti', na: 't/b' },
};

export function scoreLabels(lang: Language): Readonly<Record<ScoreLabelKey, string>> {
  return lang === 'id' ? id : en;
}

export function verdictLabel(verdict: Verdict, lang: Language): string {
  return verdicts[lang][verdict];
}

export function statusLabel(status: CriterionStatus, lang: Language): string {
  return statuses[lang][status];
}
