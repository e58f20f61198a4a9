import type { Language } from './language.js';

/** The form's and the importer's own words, in English and Indonesian (rubric texts come from the rubric). */
const en = {
  communityGroup: 'Community and meeting',
  communityId: 'Community id (e.g. the village code)',
  communityIdHint: 'Type it as written, with any leading zeros.',
  communityIdConstraint: 'Letters and digits only (dots, dashes and underscores allowed), e.g. 3273011004.',
  communityName: 'Community name',
  region: 'Region (optional)',
  period: 'Period (YYYY, YYYY-MM or YYYY-MM-DD)',
  periodConstraint: 'Write the period as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025.',
  assessors: 'Assessors (names separated by commas)',
  phase: 'Phase the programme says the community is in (leave blank to let the evidence decide)',
  location: 'Where the meeting took place (optional)',
  notApplicable: 'Not applicable',
  naReason: '{id}: why does it not apply?',
  naAllowed: 'May be answered "not applicable" (a reason is then required).',
  note: '{id}: note (optional)',
  evidence: 'Evidence',
};
type FieldLabels = typeof en;
const id: FieldLabels = {
  communityGroup: 'Komunitas dan pertemuan',
  communityId: 'Id komunitas (misalnya kode kelurahan)',
  communityIdHint: 'Ketik sesuai aslinya, termasuk angka nol di depan.',
  communityIdConstraint: 'Hanya huruf dan angka (titik, tanda hubung dan garis bawah boleh), misalnya 3273011004.',
  communityName: 'Nama komunitas',
  region: 'Wilayah (opsional)',
  period: 'Periode (YYYY, YYYY-MM atau YYYY-MM-DD)',
  periodConstraint: 'Tulis periode sebagai YYYY, YYYY-MM atau YYYY-MM-DD, misalnya 2025.',
  assessors: 'Penilai (nama dipisahkan koma)',
  phase: 'Fase menurut program (kosongkan agar bukti yang menentukan)',
  location: 'Lokasi pertemuan (opsional)',
  notApplicable: 'Tidak berlaku',
  naReason: '{id}: mengapa tidak berlaku?',
  naAllowed: 'Boleh dijawab "tidak berlaku" (alasannya wajib diisi).',
  note: '{id}: catatan (opsional)',
  evidence: 'Bukti',
};

export function fieldLabelsFor(lang: Language): FieldLabels {
  return lang === 'id' ? id : en;
}

/** The import's summary line and dry-run lines. */
export function importWords(lang: Language) {
  return lang === 'id'
    ? {
        summary: (a: ImportCounts) =>
          `${a.dryRun ? 'Uji coba (tidak ada yang ditulis): ' : ''}${a.rows} baris dibaca dari ${a.files} berkas → ${a.written} ${a.dryRun ? 'akan ditulis' : 'ditulis'}, ${a.unchanged} tidak berubah, ${a.rejected} kiriman ditolak dilewati, ${a.failed} baris gagal${a.failedFiles > 0 ? `, ${a.failedFiles} berkas gagal` : ''}.`,
        wouldWrite: 'akan ditulis', wouldReplace: 'akan diganti', unchanged: 'tidak berubah',
      }
    : {
        summary: (a: ImportCounts) =>
          `${a.dryRun ? 'Dry run (nothing written): ' : ''}${a.rows} row(s) read from ${a.files} file(s) → ${a.written} ${a.dryRun ? 'to write' : 'written'}, ${a.unchanged} unchanged, ${a.rejected} rejected submission(s) skipped, ${a.failed} row(s) failed${a.failedFiles > 0 ? `, ${a.failedFiles} file(s) failed` : ''}.`,
        wouldWrite: 'would write', wouldReplace: 'would replace', unchanged: 'unchanged',
      };
}

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
