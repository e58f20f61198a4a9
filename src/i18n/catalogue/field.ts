import type { Section } from './wording.js';

/** What one run of `swadaya import` did, for its summary line. */
export interface ImportCounts {
  readonly dryRun: boolean;
  readonly files: number;
  readonly rows: number;
  readonly written: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly failed: number;
  readonly failedFiles: number;
}

/** The form's and the importer's own words (docs/field-data.md); rubric texts come from the rubric. */
export const FIELD = {
  'field.communityGroup': { en: 'Community and meeting', id: 'Komunitas dan pertemuan' },
  'field.communityId': { en: 'Community id (e.g. the village code)', id: 'Id komunitas (misalnya kode kelurahan)' },
  'field.communityIdHint': { en: 'Type it as written, with any leading zeros.', id: 'Ketik sesuai aslinya, termasuk angka nol di depan.' },
  'field.communityIdConstraint': {
    en: 'Letters and digits only (dots, dashes and underscores allowed), e.g. 3273011004.',
    id: 'Hanya huruf dan angka (titik, tanda hubung dan garis bawah boleh), misalnya 3273011004.',
  },
  'field.communityName': { en: 'Community name', id: 'Nama komunitas' },
  'field.region': { en: 'Region (optional)', id: 'Wilayah (opsional)' },
  'field.period': { en: 'Period (YYYY, YYYY-MM or YYYY-MM-DD)', id: 'Periode (YYYY, YYYY-MM atau YYYY-MM-DD)' },
  'field.periodConstraint': {
    en: 'Write the period as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025.',
    id: 'Tulis periode sebagai YYYY, YYYY-MM atau YYYY-MM-DD, misalnya 2025.',
  },
  'field.assessors': { en: 'Assessors (names separated by commas)', id: 'Penilai (nama dipisahkan koma)' },
  'field.phase': {
    en: 'Phase the programme says the community is in (leave blank to let the evidence decide)',
    id: 'Fase menurut program (kosongkan agar bukti yang menentukan)',
  },
  'field.location': { en: 'Where the meeting took place (optional)', id: 'Lokasi pertemuan (opsional)' },
  'field.notApplicable': { en: 'Not applicable', id: 'Tidak berlaku' },
  'field.naReason': { en: '{id}: why does it not apply?', id: '{id}: mengapa tidak berlaku?' },
  'field.naAllowed': { en: 'May be answered "not applicable" (a reason is then required).', id: 'Boleh dijawab "tidak berlaku" (alasannya wajib diisi).' },
  'field.note': { en: '{id}: note (optional)', id: '{id}: catatan (opsional)' },
  'field.evidence': { en: 'Evidence', id: 'Bukti' },
  'field.importSummary': {
    en: (a: ImportCounts) =>
      `${a.dryRun ? 'Dry run (nothing written): ' : ''}${a.rows} row(s) read from ${a.files} file(s) → ${a.written} ${a.dryRun ? 'to write' : 'written'}, ${a.unchanged} unchanged, ${a.rejected} rejected submission(s) skipped, ${a.failed} row(s) failed${a.failedFiles > 0 ? `, ${a.failedFiles} file(s) failed` : ''}.`,
    id: (a: ImportCounts) =>
      `${a.dryRun ? 'Uji coba (tidak ada yang ditulis): ' : ''}${a.rows} baris dibaca dari ${a.files} berkas → ${a.written} ${a.dryRun ? 'akan ditulis' : 'ditulis'}, ${a.unchanged} tidak berubah, ${a.rejected} kiriman ditolak dilewati, ${a.failed} baris gagal${a.failedFiles > 0 ? `, ${a.failedFiles} berkas gagal` : ''}.`,
  },
  'field.wouldWrite': { en: 'would write', id: 'akan ditulis' },
  'field.wouldReplace': { en: 'would replace', id: 'akan diganti' },
  'field.unchanged': { en: 'unchanged', id: 'tidak berubah' },
} as const satisfies Section;
