import type { Section } from './wording.js';

/** What the commands say on stderr besides findings: refused options, written files, warnings, failures. */
export const MESSAGES = {
  locale: { en: 'en-US', id: 'id-ID' },
  'cli.cannotWrite': { en: 'cannot write {file} ({reason}). Check that its directory exists and is writable.', id: 'tidak dapat menulis {file} ({reason}). Periksa direktorinya dan izin tulisnya.' },
  'cli.badMaxFileSize': {
    en: 'SWADAYA_MAX_FILE_SIZE="{value}" is not a size. Write a number of bytes, or one with K, M or G (e.g. 64M), or unset it.',
    id: 'SWADAYA_MAX_FILE_SIZE="{value}" bukan ukuran. Tulis jumlah byte, atau dengan K, M atau G (misalnya 64M), atau hapus variabelnya.',
  },
  'cli.badLanguage': {
    en: 'SWADAYA_LANG="{value}" is not a language swadaya speaks. Use {languages}, or unset it.',
    id: 'SWADAYA_LANG="{value}" bukan bahasa yang dikenal swadaya. Pakai {languages}, atau hapus variabelnya.',
  },
  'cli.internalError': { en: 'internal error', id: 'galat internal' },
  'cli.internalErrorHint': { en: 'Run again with --debug for details, and report it.', id: 'Jalankan lagi dengan --debug untuk rinciannya, lalu laporkan.' },
  'output.ENOSPC': { en: 'no space left on the device', id: 'ruang perangkat penuh' },
  'output.EIO': { en: 'input/output error', id: 'galat masukan/keluaran' },
  'output.EBADF': { en: 'the output is closed', id: 'keluaran sudah ditutup' },
  'output.EDQUOT': { en: 'disk quota exceeded', id: 'kuota disk habis' },
  'output.failed': {
    en: 'swadaya: cannot write the output ({what}). Write it elsewhere or free some space, then run again.',
    id: 'swadaya: keluaran tidak dapat ditulis ({what}). Tulis ke tempat lain atau kosongkan ruang, lalu jalankan lagi.',
  },
  'diff.inputErrors': {
    en: '{errors} input error(s): the assessments in those files were left out, so their communities may show as added or removed. Fix them and run again.',
    id: '{errors} kesalahan pada masukan: penilaian dalam berkas tersebut tidak dibandingkan, jadi komunitasnya bisa tampak baru atau hilang. Perbaiki lalu jalankan lagi.',
  },
  'ci.compared': { en: '{count} community(ies) compared', id: '{count} komunitas dibandingkan' },
  'ci.checked': { en: '{count} assessment(s) checked', id: '{count} penilaian diperiksa' },
  'ci.totals': { en: '{checked}: {errors} error(s), {warnings} warning(s)', id: '{checked}: {errors} kesalahan, {warnings} peringatan' },
  'ci.failedGate': { en: '{failed} failed a gate ({gates})', id: '{failed} gagal gerbang ({gates})' },
  'ci.hiddenAnnotations': {
    en: " GitHub shows only {limit} error and {limit} warning annotations per step: {hidden} of {total} annotations are only in this step's log (or use --format sarif).",
    id: ' GitHub hanya menampilkan {limit} anotasi kesalahan dan {limit} peringatan per langkah: {hidden} dari {total} anotasi hanya ada di log langkah ini (atau pakai --format sarif).',
  },
  'score.badFailUnder': { en: '--fail-under must be a score from 0 to 100 (got {value}).', id: '--fail-under harus skor 0 sampai 100 (tertulis {value}).' },
  'score.explainFormat': {
    en: '--explain is shown by --format table only; --format {format} does not carry it. Drop --explain, or use --format table.',
    id: '--explain hanya tampil di --format table; --format {format} tidak memuatnya. Hapus --explain, atau pakai --format table.',
  },
  'cache.foreign': {
    en: 'swadaya: warning: {file} is not a swadaya cache or is damaged; it is ignored, and rewritten after this run.',
    id: 'swadaya: peringatan: {file} bukan cache swadaya atau rusak; diabaikan, dan ditulis ulang setelah proses ini.',
  },
  'cache.unusable': {
    en: 'The cache directory {location} cannot be made or written to ({reason}).',
    id: 'Direktori cache {location} tidak dapat dibuat atau ditulisi ({reason}).',
  },
  'cache.unusableHint': { en: 'Give a writable --cache-location DIR, or run without --cache.', id: 'Beri --cache-location DIR yang dapat ditulisi, atau jalankan tanpa --cache.' },
  'cache.notWritten': {
    en: 'swadaya: warning: the cache could not be written to {file} ({reason}); the results are right, only not kept.',
    id: 'swadaya: peringatan: cache tidak dapat ditulis ke {file} ({reason}); hasil tetap benar, hanya tidak disimpan.',
  },
  'trend.badStall': { en: '--stall must be a whole number of 2 or more (got {stall}).', id: '--stall harus bilangan bulat 2 atau lebih (tertulis {stall}).' },
  'trend.noAssessments': { en: '{paths}: no valid assessment to follow.', id: '{paths}: tidak ada penilaian yang sah untuk diikuti.' },
  'form.badOutput': { en: '-o {output}: the form is written as .xlsx (XLSForm).', id: '-o {output}: formulir ditulis sebagai .xlsx (XLSForm).' },
  'form.written': {
    en: 'Wrote the {rubric} form ({count} indicators) to {output}. Upload it to KoboToolbox or ODK Central.',
    id: 'Formulir {rubric} ({count} indikator) ditulis ke {output}. Unggah ke KoboToolbox atau ODK Central.',
  },
  'export.badOutput': { en: '-o {output}: write to a .csv or .xlsx file.', id: '-o {output}: tulis ke berkas .csv atau .xlsx.' },
  'export.nothing': { en: 'No assessments to export.', id: 'Tidak ada penilaian untuk diekspor.' },
  'export.done': { en: 'Exported {count} assessment(s) to {output}.', id: '{count} penilaian diekspor ke {output}.' },
  'reportCommand.seeHelp': { en: 'See: swadaya report --help', id: 'Lihat: swadaya report --help' },
  'reportCommand.beforeAfter': {
    en: '--before and --after go together: report --before A --after B -o change.html',
    id: '--before dan --after harus dipakai bersama: report --before A --after B -o perubahan.html',
  },
  'reportCommand.trendAlone': {
    en: '--trend takes the periods as paths, without --before/--after or --each.',
    id: '--trend menerima periode sebagai jalur, tanpa --before/--after atau --each.',
  },
  'reportCommand.pathsOrChange': { en: 'Give either paths or --before and --after, not both.', id: 'Berikan jalur atau --before dan --after, jangan keduanya.' },
  'reportCommand.noPaths': {
    en: 'Name the assessments to report on: swadaya report examples/2025 -o 2025.html',
    id: 'Sebutkan penilaian yang dilaporkan: swadaya report examples/2025 -o 2025.html',
  },
  'reportCommand.noOutput': {
    en: 'Say where to write the report: -o FILE.html, --pdf FILE.pdf, or --each DIR.',
    id: 'Sebutkan ke mana laporan ditulis: -o BERKAS.html, --pdf BERKAS.pdf, atau --each DIREKTORI.',
  },
  'reportCommand.eachWithChange': { en: '--each is for one set, not for --before/--after.', id: '--each untuk satu himpunan, bukan untuk --before/--after.' },
  'reportCommand.noPeriods': { en: 'The periods hold no valid assessment to follow.', id: 'Periode-periode itu tidak berisi penilaian yang sah untuk diikuti.' },
  'reportCommand.emptySide': {
    en: 'Both --before and --after must hold at least one valid assessment.',
    id: '--before dan --after masing-masing harus berisi sedikitnya satu penilaian yang sah.',
  },
  'reportCommand.noDirectory': { en: 'the directory {dir} does not exist', id: 'direktori {dir} tidak ada' },
  'reportCommand.cannotWrite': { en: 'Cannot write {file}: {reason}', id: 'Tidak dapat menulis {file}: {reason}' },
  'reportCommand.pdfFailed': { en: 'Printing the PDF with {browser} failed: {detail}', id: 'Mencetak PDF dengan {browser} gagal: {detail}' },
  'reportCommand.pdfFailedHint': {
    en: 'Try another browser with --chrome PATH; the HTML report can still be written with -o.',
    id: 'Coba peramban lain dengan --chrome PATH; laporan HTML tetap dapat dibuat dengan -o.',
  },
  'reportCommand.eachDir': { en: '--each {dir}: cannot create the directory ({reason}).', id: '--each {dir}: tidak dapat membuat direktori ({reason}).' },
  'pdf.notExecutable': { en: '{source} names {given}, which is not an executable file.', id: '{source} menyebut {given}, yang bukan berkas yang dapat dijalankan.' },
  'pdf.notExecutableHint': {
    en: 'Give the path of a Chromium or Chrome executable, e.g. --chrome /usr/bin/chromium.',
    id: 'Berikan jalur berkas Chromium atau Chrome, misalnya --chrome /usr/bin/chromium.',
  },
  'pdf.noBrowser': {
    en: '--pdf needs Chromium or Chrome, and none was found (looked in {paths}, …).',
    id: '--pdf memerlukan Chromium atau Chrome, dan tidak ada yang ditemukan (dicari di {paths}, …).',
  },
  'pdf.noBrowserHint': {
    en: 'Install one (Debian/Ubuntu: apt-get install chromium), or name it with --chrome PATH or CHROME_PATH. The HTML report (-o FILE.html) needs no browser.',
    id: 'Pasang salah satunya (Debian/Ubuntu: apt-get install chromium), atau sebutkan dengan --chrome PATH atau CHROME_PATH. Laporan HTML (-o FILE.html) tidak memerlukan peramban.',
  },
  'stdin.twice': {
    en: '- (standard input) is given {count} times; it can be read only once. Give - once.',
    id: '- (masukan standar) diberikan {count} kali; masukan standar hanya dapat dibaca sekali. Berikan - sekali saja.',
  },
  'stdin.terminal': {
    en: '- reads an assessment from standard input, but standard input is a terminal. Pipe a file in (cat FILE.yaml | swadaya {command} - --stdin-filename FILE.yaml), or give the path of the file instead of -.',
    id: '- membaca penilaian dari masukan standar, tetapi masukan standar adalah terminal. Salurkan sebuah berkas (cat BERKAS.yaml | swadaya {command} - --stdin-filename BERKAS.yaml), atau berikan jalur berkasnya sebagai ganti -.',
  },
  'stdin.filenameAlone': {
    en: '--stdin-filename {name} names standard input, but no - is among the paths. Add - to read standard input, or drop --stdin-filename.',
    id: '--stdin-filename {name} menamai masukan standar, tetapi tidak ada - di antara jalur. Tambahkan - untuk membaca masukan standar, atau hapus --stdin-filename.',
  },
  'stdin.filenameEmpty': {
    en: '--stdin-filename needs a file name, shown in messages and outputs (e.g. --stdin-filename assessments/sukaluyu.yaml).',
    id: '--stdin-filename memerlukan nama berkas, yang ditampilkan dalam pesan dan keluaran (misalnya --stdin-filename assessments/sukaluyu.yaml).',
  },
} as const satisfies Section;
