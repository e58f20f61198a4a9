import type { Language } from '../language.js';
import { pick, type Args, type FindingEntry } from './wording.js';
import { WORDS } from './words.js';

const didYouMean = (args: Args, lang: Language): string => (args.suggestion ? pick(WORDS.didYouMean, lang, { suggestion: args.suggestion }) : '');

/** How to write an answer in each kind of table: a level, "not applicable" where allowed, or blank. */
const HOW: Record<Language, (max: string | number | undefined, na: boolean, wide: boolean) => string> = {
  en: (max, na, wide) => `write a level 0–${max}${na ? (wide ? ', or "na: reason"' : ', or na (with the reason in its reason column)') : ''}, or leave it blank`,
  id: (max, na, wide) => `tulis tingkat 0–${max}${na ? (wide ? ', atau "na: alasan"' : ', atau na (alasan di kolom alasannya)') : ''}, atau kosongkan`,
};
const how = (args: Args, lang: Language): string => HOW[lang](args.max, String(args.how ?? '').endsWith('-na'), String(args.how ?? '').startsWith('wide'));

/** Messages of `import` and `export answers` (docs/field-data.md), in English and Indonesian. */
export const FIELD_FINDINGS = {
  'unknown-column': {
    en: (a) => `unknown column "${a.column}".${didYouMean(a, 'en')} Columns are the form's field names (swadaya form writes them) or, for a spreadsheet, community.id, community.name, period, phase and indicator ids; nothing from this file was imported.`,
    id: (a) => `kolom "${a.column}" tidak dikenal.${didYouMean(a, 'id')} Kolom adalah nama isian formulir (ditulis oleh swadaya form) atau, untuk spreadsheet, community.id, community.name, period, phase dan id indikator; tidak ada isi berkas ini yang diimpor.`,
  },
  'duplicate-column': {
    en: (a) => `column "${a.column}" holds the same field as column ${a.first} ("${a.firstColumn}"). Remove one; nothing from this file was imported.`,
    id: (a) => `kolom "${a.column}" berisi isian yang sama dengan kolom ${a.first} ("${a.firstColumn}"). Hapus salah satunya; tidak ada isi berkas ini yang diimpor.`,
  },
  'missing-column': {
    en: (a) => `no column "${a.column}". Every row needs it; add the column (or export the form's data again with XML names as headers).`,
    id: (a) => `tidak ada kolom "${a.column}". Setiap baris memerlukannya; tambahkan kolom itu (atau ekspor ulang data formulir dengan nama XML sebagai judul kolom).`,
  },
  'empty-table': {
    en: () => 'the file holds no header row. Export the submissions again, or start from `swadaya export answers`.',
    id: () => 'berkas tidak memiliki baris judul kolom. Ekspor ulang kiriman data, atau mulai dari `swadaya export answers`.',
  },
  'missing-value': {
    en: (a) => `${a.field} is blank; every assessment needs it.`,
    id: (a) => `${a.field} kosong; setiap penilaian memerlukannya.`,
  },
  'community-id-number': {
    en: (a) => `the community id ${a.value} is a number cell, so any leading zero is already lost. Format the column as text and type the id again.`,
    id: (a) => `id komunitas ${a.value} berupa sel angka, sehingga angka nol di depan sudah hilang. Ubah format kolom menjadi teks lalu ketik ulang id-nya.`,
  },
  'bad-community-id': {
    en: (a) => `community id "${a.value}" may hold only letters, digits, ".", "-" and "_" (it names the file). Correct it.`,
    id: (a) => `id komunitas "${a.value}" hanya boleh berisi huruf, angka, ".", "-" dan "_" (dipakai sebagai nama berkas). Perbaiki.`,
  },
  'other-rubric-version': {
    en: (a) => `this submission answered ${a.found}, but the import uses ${a.expected}. Import it with --rubric ${a.found}, or collect it again with the current form.`,
    id: (a) => `kiriman ini menjawab ${a.found}, tetapi impor memakai ${a.expected}. Impor dengan --rubric ${a.found}, atau kumpulkan ulang dengan formulir terbaru.`,
  },
  'cell-not-a-level': {
    en: (a) => `"${a.value}" is not an answer to ${a.id}: ${how(a, 'en')}.`,
    id: (a) => `"${a.value}" bukan jawaban untuk ${a.id}: ${how(a, 'id')}.`,
  },
  'cell-na-needs-reason': {
    en: (a) => (a.how === 'wide' ? `"not applicable" for ${a.id} needs a reason: write "na: why it does not apply".` : `"not applicable" for ${a.id} needs a reason in column ${a.reasonColumn}.`),
    id: (a) => (a.how === 'wide' ? `"tidak berlaku" untuk ${a.id} memerlukan alasan: tulis "na: mengapa tidak berlaku".` : `"tidak berlaku" untuk ${a.id} memerlukan alasan di kolom ${a.reasonColumn}.`),
  },
  'duplicate-row': {
    en: (a) => `community ${a.community} for period ${a.period} is already in ${a.first}. One assessment per community and period: remove one row (this one was not imported).`,
    id: (a) => `komunitas ${a.community} periode ${a.period} sudah ada di ${a.first}. Satu penilaian per komunitas dan periode: hapus salah satu baris (baris ini tidak diimpor).`,
  },
  'file-exists': {
    en: (a) =>
      a.same === 'yes'
        ? `${a.file} already holds this submission (${a.instance}) with other answers (edited since). Nothing was overwritten; add --force to replace it.`
        : `community ${a.community} for period ${a.period} is already assessed in ${a.file}. Nothing was overwritten; add --force to replace it, or remove one.`,
    id: (a) =>
      a.same === 'yes'
        ? `${a.file} sudah berisi kiriman ini (${a.instance}) dengan jawaban lain (telah diubah). Tidak ada yang ditimpa; tambahkan --force untuk menggantinya.`
        : `komunitas ${a.community} periode ${a.period} sudah dinilai di ${a.file}. Tidak ada yang ditimpa; tambahkan --force untuk menggantinya, atau hapus salah satunya.`,
  },
  'unreadable-table': {
    en: (a) => `${a.detail}`,
    id: (a) => `${a.detail}`,
  },
  'export-mixed-rubrics': {
    en: (a) => `this file's rubric differs from ${a.rubric}; one spreadsheet holds one rubric (use --rubric, or export separately).`,
    id: (a) => `rubrik berkas ini berbeda dengan ${a.rubric}; satu spreadsheet memuat satu rubrik (pakai --rubric atau ekspor terpisah).`,
  },
} as const satisfies Readonly<Record<string, FindingEntry>>;
