import type { Language } from './language.js';

/** The tool's own labels, in English and Indonesian. Rubric texts come from the rubric. */
const en = {
  scale: 'Scale',
  principles: 'Principles',
  principle: 'Principle',
  pillars: 'Pillars',
  pillar: 'Pillar',
  phases: 'Phases',
  phase: 'Phase',
  indicators: 'indicators',
  indicator: 'Indicator',
  weight: 'weight',
  tags: 'Tags',
  bands: 'Bands',
  exitGate: 'Exit gate',
  evidence: 'Evidence',
  naAllowed: 'may be answered n/a',
  coverageRule: 'A criterion is decided once this share of its weight is answered or n/a',
  everyPillar: 'every pillar of this phase',
  everyPrinciple: 'every principle',
  overall: 'Overall',
  level: 'level',
  noRubrics: 'No rubrics found. Put one in ./rubrics/ID/rubric.yaml or set SWADAYA_RUBRIC_PATH.',
  invalidRubric: 'invalid',
  templateIntro: 'Fill in the levels, then check and score the file with',
  templateLevels: 'levels',
  templateNa: 'n/a allowed: write {na: "why it does not apply"}',
  templateCommunityId: 'the stable id, e.g. the village code, in quotes',
  templatePhase: 'the phase the programme says the community is in; leave out to let the evidence decide',
  templatePeriod: 'YYYY, YYYY-MM or YYYY-MM-DD, in quotes',
  templateAnswer: 'a level',
} as const;

export type LabelKey = keyof typeof en;

const id: Record<LabelKey, string> = {
  scale: 'Skala',
  principles: 'Prinsip',
  principle: 'Prinsip',
  pillars: 'Pilar',
  pillar: 'Pilar',
  phases: 'Fase',
  phase: 'Fase',
  indicators: 'indikator',
  indicator: 'Indikator',
  weight: 'bobot',
  tags: 'Tag',
  bands: 'Kategori',
  exitGate: 'Gerbang kelulusan',
  evidence: 'Bukti',
  naAllowed: 'boleh dijawab tidak berlaku',
  coverageRule: 'Kriteria diputuskan bila sebesar ini bobotnya sudah dijawab atau tidak berlaku',
  everyPillar: 'setiap pilar fase ini',
  everyPrinciple: 'setiap prinsip',
  overall: 'Keseluruhan',
  level: 'tingkat',
  noRubrics: 'Tidak ada rubrik. Letakkan di ./rubrics/ID/rubric.yaml atau atur SWADAYA_RUBRIC_PATH.',
  invalidRubric: 'tidak sah',
  templateIntro: 'Isi tingkatnya, lalu periksa dan nilai berkas ini dengan',
  templateLevels: 'tingkat',
  templateNa: 'boleh tidak berlaku: tulis {na: "alasan tidak berlaku"}',
  templateCommunityId: 'id tetap, mis. kode desa/kelurahan, dalam tanda kutip',
  templatePhase: 'fase komunitas menurut program; hapus agar bukti yang menentukan',
  templatePeriod: 'YYYY, YYYY-MM atau YYYY-MM-DD, dalam tanda kutip',
  templateAnswer: 'sebuah tingkat',
};

const tables: Record<Language, Record<LabelKey, string>> = { en, id };

export type Labels = Readonly<Record<LabelKey, string>>;

export function labelsFor(lang: Language): Labels {
  return tables[lang];
}
