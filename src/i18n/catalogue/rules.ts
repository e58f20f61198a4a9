import type { Section } from './wording.js';

/**
 * The rules of the CI formats (SARIF, JUnit, GitLab Code Quality; src/format/ci/rules.ts): per finding
 * code and gate rule, a short title and a one-sentence description of what it checks and how to fix
 * a failure. The reference is docs/findings.md, where each rule has its own heading.
 */
export const RULES = {
  'rule.path-not-found.title': { en: 'Path not found', id: 'Jalur tidak ditemukan' },
  'rule.path-not-found.description': {
    en: 'A path given on the command line does not exist. Check it, or quote a glob so the shell does not expand it.',
    id: 'Jalur yang diberikan di baris perintah tidak ada. Periksa jalurnya, atau beri tanda kutip pada glob agar tidak diperluas oleh shell.',
  },
  'rule.is-a-directory.title': { en: 'Directory where a file is expected', id: 'Direktori, bukan berkas' },
  'rule.is-a-directory.description': {
    en: 'A file was expected but the path is a directory.',
    id: 'Yang diharapkan berkas, tetapi jalurnya sebuah direktori.',
  },
  'rule.permission-denied.title': { en: 'Permission denied', id: 'Akses ditolak' },
  'rule.permission-denied.description': {
    en: 'The file cannot be read with the permissions swadaya runs with.',
    id: 'Berkas tidak dapat dibaca dengan izin yang dipakai swadaya.',
  },
  'rule.unreadable-file.title': { en: 'Unreadable file', id: 'Berkas tidak terbaca' },
  'rule.unreadable-file.description': {
    en: 'The file could not be read; the message says why.',
    id: 'Berkas tidak dapat dibaca; pesannya menyebut sebabnya.',
  },
  'rule.binary-file.title': { en: 'Not a UTF-8 text file', id: 'Bukan berkas teks UTF-8' },
  'rule.binary-file.description': {
    en: 'Rubrics and assessments are YAML text in UTF-8; this file is binary or in another encoding.',
    id: 'Rubrik dan penilaian adalah teks YAML dalam UTF-8; berkas ini biner atau memakai pengodean lain.',
  },
  'rule.empty-file.title': { en: 'Empty file', id: 'Berkas kosong' },
  'rule.empty-file.description': {
    en: 'The file is empty. `swadaya template` prints a file to start from.',
    id: 'Berkas kosong. `swadaya template` mencetak berkas awal.',
  },
  'rule.no-content.title': { en: 'Only comments', id: 'Hanya komentar' },
  'rule.no-content.description': {
    en: 'The file holds only comments, no assessment.',
    id: 'Berkas hanya berisi komentar, tanpa penilaian.',
  },
  'rule.no-files.title': { en: 'No YAML files in directory', id: 'Tidak ada berkas YAML' },
  'rule.no-files.description': {
    en: 'A directory given on the command line holds no *.yaml or *.yml file.',
    id: 'Direktori yang diberikan di baris perintah tidak berisi berkas *.yaml atau *.yml.',
  },
  'rule.glob-no-match.title': { en: 'Glob matches nothing', id: 'Glob tidak cocok' },
  'rule.glob-no-match.description': {
    en: 'A glob pattern given on the command line matches no file.',
    id: 'Pola glob yang diberikan di baris perintah tidak cocok dengan berkas apa pun.',
  },
  'rule.duplicate-key.title': { en: 'Duplicate key', id: 'Kunci ganda' },
  'rule.duplicate-key.description': {
    en: 'The same key appears twice in one YAML map; YAML would silently keep only one.',
    id: 'Kunci yang sama muncul dua kali dalam satu peta YAML; YAML diam-diam hanya menyimpan salah satunya.',
  },
  'rule.yaml-syntax.title': { en: 'YAML syntax error', id: 'Kesalahan sintaks YAML' },
  'rule.yaml-syntax.description': {
    en: 'The file is not valid YAML; the position points at the first problem.',
    id: 'Berkas bukan YAML yang sah; posisinya menunjuk masalah pertama.',
  },
  'rule.yaml-tag.title': { en: 'YAML tag not allowed', id: 'Tag YAML tidak diizinkan' },
  'rule.yaml-tag.description': {
    en: 'Rubrics and assessments are plain data: custom YAML tags are refused.',
    id: 'Rubrik dan penilaian hanyalah data: tag YAML khusus ditolak.',
  },
  'rule.yaml-alias.title': { en: 'YAML alias not resolvable', id: 'Alias YAML tidak dapat diselesaikan' },
  'rule.yaml-alias.description': {
    en: 'Anchors and aliases that cannot be resolved safely (unknown, or too many expansions).',
    id: 'Anchor dan alias yang tidak dapat diselesaikan dengan aman (tidak dikenal, atau terlalu banyak perluasan).',
  },
  'rule.not-a-map.title': { en: 'Top level is not a map', id: 'Tingkat teratas bukan peta' },
  'rule.not-a-map.description': {
    en: 'The top level of a rubric, principle or assessment must be a map of keys.',
    id: 'Tingkat teratas rubrik, prinsip atau penilaian harus berupa peta kunci.',
  },
  'rule.unknown-key.title': { en: 'Unknown key', id: 'Kunci tidak dikenal' },
  'rule.unknown-key.description': {
    en: 'A key the format does not define; often a typo (the message suggests the nearest key).',
    id: 'Kunci yang tidak didefinisikan oleh format; sering salah ketik (pesannya menyarankan kunci terdekat).',
  },
  'rule.missing-key.title': { en: 'Missing key', id: 'Kunci hilang' },
  'rule.missing-key.description': {
    en: 'A required key is missing.',
    id: 'Kunci yang wajib tidak ada.',
  },
  'rule.wrong-type.title': { en: 'Wrong type', id: 'Jenis salah' },
  'rule.wrong-type.description': {
    en: 'A value has the wrong type (a list where a map is expected, text where a number is, …).',
    id: 'Jenis nilai salah (daftar di tempat peta, teks di tempat angka, …).',
  },
  'rule.answers-not-a-map.title': { en: 'Answers are not a map', id: 'Jawaban bukan peta' },
  'rule.answers-not-a-map.description': {
    en: 'answers: must map indicator ids to answers, one per line.',
    id: 'answers: harus memetakan id indikator ke jawabannya, satu per baris.',
  },
  'rule.not-allowed-value.title': { en: 'Value not allowed', id: 'Nilai tidak diizinkan' },
  'rule.not-allowed-value.description': {
    en: 'The value is not one of the allowed values.',
    id: 'Nilai bukan salah satu nilai yang diizinkan.',
  },
  'rule.bad-format.title': { en: 'Value in the wrong form', id: 'Bentuk nilai salah' },
  'rule.bad-format.description': {
    en: 'The value does not have the expected form (an id pattern, a date, …).',
    id: 'Bentuk nilai tidak sesuai harapan (pola id, tanggal, …).',
  },
  'rule.out-of-range.title': { en: 'Value out of range', id: 'Nilai di luar rentang' },
  'rule.out-of-range.description': {
    en: 'A number is outside its allowed range.',
    id: 'Angka berada di luar rentang yang diizinkan.',
  },
  'rule.empty-value.title': { en: 'Empty value', id: 'Nilai kosong' },
  'rule.empty-value.description': {
    en: 'A value that must not be empty is empty.',
    id: 'Nilai yang tidak boleh kosong ternyata kosong.',
  },
  'rule.duplicate-item.title': { en: 'Duplicate list item', id: 'Butir ganda' },
  'rule.duplicate-item.description': {
    en: 'A list holds the same item twice.',
    id: 'Daftar memuat butir yang sama dua kali.',
  },
  'rule.wrong-shape.title': { en: 'Value has no allowed form', id: 'Bentuk tidak diizinkan' },
  'rule.wrong-shape.description': {
    en: 'The value matches none of the forms allowed here.',
    id: 'Nilai tidak cocok dengan bentuk mana pun yang diizinkan di sini.',
  },
  'rule.schema.title': { en: 'Schema violation', id: 'Pelanggaran skema' },
  'rule.schema.description': {
    en: 'Any other violation of the rubric or assessment schema (schemas/).',
    id: 'Pelanggaran lain terhadap skema rubrik atau penilaian (schemas/).',
  },
  'rule.rubric-multiple-documents.title': { en: 'Several documents in a rubric file', id: 'Beberapa dokumen dalam berkas rubrik' },
  'rule.rubric-multiple-documents.description': {
    en: 'A rubric file holds exactly one YAML document.',
    id: 'Berkas rubrik berisi tepat satu dokumen YAML.',
  },
  'rule.principle-file-not-found.title': { en: 'Principle file not found', id: 'Berkas prinsip tidak ditemukan' },
  'rule.principle-file-not-found.description': {
    en: 'rubric.yaml names a principle whose file does not exist.',
    id: 'rubric.yaml menyebut prinsip yang berkasnya tidak ada.',
  },
  'rule.missing-language.title': { en: 'Text lacks the default language', id: 'Teks tanpa bahasa bawaan' },
  'rule.missing-language.description': {
    en: "A text has no version in the rubric's default (first) language.",
    id: 'Sebuah teks tidak memiliki versi dalam bahasa bawaan (pertama) rubrik.',
  },
  'rule.scale-not-contiguous.title': { en: 'Scale levels not contiguous', id: 'Tingkat skala tidak berurutan' },
  'rule.scale-not-contiguous.description': {
    en: 'Scale levels must run 0, 1, 2, … lowest first.',
    id: 'Tingkat skala harus berurutan 0, 1, 2, … dari yang terendah.',
  },
  'rule.duplicate-id.title': { en: 'Duplicate id', id: 'Id ganda' },
  'rule.duplicate-id.description': {
    en: 'Two principles, indicators, pillars, phases or tags share an id.',
    id: 'Dua prinsip, indikator, pilar, fase atau tag memakai id yang sama.',
  },
  'rule.unknown-pillar.title': { en: 'Unknown pillar', id: 'Pilar tidak dikenal' },
  'rule.unknown-pillar.description': {
    en: 'An indicator names a pillar no phase declares.',
    id: 'Indikator menyebut pilar yang tidak dideklarasikan oleh fase mana pun.',
  },
  'rule.unknown-tag.title': { en: 'Unknown tag', id: 'Tag tidak dikenal' },
  'rule.unknown-tag.description': {
    en: 'An indicator carries a tag not declared under tags:.',
    id: 'Indikator membawa tag yang tidak dideklarasikan di bawah tags:.',
  },
  'rule.wrong-descriptor-count.title': { en: 'Wrong number of level descriptors', id: 'Jumlah deskriptor salah' },
  'rule.wrong-descriptor-count.description': {
    en: 'An indicator needs exactly one descriptor per scale level.',
    id: 'Indikator memerlukan tepat satu deskriptor per tingkat skala.',
  },
  'rule.empty-pillar.title': { en: 'Pillar without indicators', id: 'Pilar tanpa indikator' },
  'rule.empty-pillar.description': {
    en: 'A declared pillar has no indicator.',
    id: 'Pilar yang dideklarasikan tidak memiliki indikator.',
  },
  'rule.unknown-target.title': { en: 'Gate names an unknown target', id: 'Gerbang menyebut target tidak dikenal' },
  'rule.unknown-target.description': {
    en: 'An exit criterion names a principle, pillar, tag or indicator that does not exist.',
    id: 'Kriteria gerbang kelulusan menyebut prinsip, pilar, tag atau indikator yang tidak ada.',
  },
  'rule.level-needs-indicator.title': { en: '"level" on a non-indicator target', id: '"level" pada target bukan indikator' },
  'rule.level-needs-indicator.description': {
    en: 'Only indicator targets take "level"; areas take "min".',
    id: 'Hanya target indikator yang memakai "level"; bidang memakai "min".',
  },
  'rule.indicator-needs-level.title': { en: '"min" on an indicator target', id: '"min" pada target indikator' },
  'rule.indicator-needs-level.description': {
    en: 'Indicator targets take "level", not "min".',
    id: 'Target indikator memakai "level", bukan "min".',
  },
  'rule.criterion-level-out-of-range.title': { en: 'Criterion level above the scale', id: 'Tingkat kriteria melebihi skala' },
  'rule.criterion-level-out-of-range.description': {
    en: "A criterion asks for a level above the scale's highest.",
    id: 'Kriteria meminta tingkat di atas tingkat tertinggi skala.',
  },
  'rule.community-id-not-string.title': { en: 'Community id is not a string', id: 'Id komunitas bukan string' },
  'rule.community-id-not-string.description': {
    en: 'community.id must be quoted: leading zeros in village codes matter.',
    id: 'community.id harus diberi tanda kutip: angka nol di depan kode desa itu penting.',
  },
  'rule.bad-period.title': { en: 'Bad period', id: 'Periode salah' },
  'rule.bad-period.description': {
    en: 'period must be YYYY, YYYY-MM or YYYY-MM-DD.',
    id: 'period harus YYYY, YYYY-MM atau YYYY-MM-DD.',
  },
  'rule.unknown-rubric.title': { en: 'Unknown rubric', id: 'Rubrik tidak dikenal' },
  'rule.unknown-rubric.description': {
    en: 'The rubric the file names is not on the rubric search path.',
    id: 'Rubrik yang disebut berkas tidak ada di jalur pencarian rubrik.',
  },
  'rule.rubric-invalid.title': { en: 'Rubric has errors', id: 'Rubrik bermasalah' },
  'rule.rubric-invalid.description': {
    en: 'The rubric the file names has errors; validate the rubric first.',
    id: 'Rubrik yang disebut berkas memiliki kesalahan; validasi rubriknya dulu.',
  },
  'rule.rubric-id-mismatch.title': { en: 'Scored with another rubric', id: 'Dinilai dengan rubrik lain' },
  'rule.rubric-id-mismatch.description': {
    en: 'The file names one rubric but --rubric scores it with another.',
    id: 'Berkas menyebut satu rubrik, tetapi --rubric menilainya dengan rubrik lain.',
  },
  'rule.rubric-version-mismatch.title': { en: 'Rubric version differs', id: 'Versi rubrik berbeda' },
  'rule.rubric-version-mismatch.description': {
    en: 'The file names a rubric version other than the one loaded.',
    id: 'Berkas menyebut versi rubrik yang berbeda dari yang dimuat.',
  },
  'rule.unknown-phase.title': { en: 'Unknown phase', id: 'Fase tidak dikenal' },
  'rule.unknown-phase.description': {
    en: 'phase: names a phase the rubric does not have.',
    id: 'phase: menyebut fase yang tidak dimiliki rubrik.',
  },
  'rule.unknown-indicator.title': { en: 'Unknown indicator', id: 'Indikator tidak dikenal' },
  'rule.unknown-indicator.description': {
    en: 'An answer names an indicator the rubric does not have.',
    id: 'Jawaban menyebut indikator yang tidak dimiliki rubrik.',
  },
  'rule.level-not-a-number.title': { en: 'Answer is not a level', id: 'Jawaban bukan tingkat' },
  'rule.level-not-a-number.description': {
    en: 'An answer must be a level, {level: N} or {na: "reason"}.',
    id: 'Jawaban harus berupa tingkat, {level: N} atau {na: "alasan"}.',
  },
  'rule.level-not-whole.title': { en: 'Level is not whole', id: 'Tingkat bukan bilangan bulat' },
  'rule.level-not-whole.description': {
    en: 'Levels are whole numbers.',
    id: 'Tingkat adalah bilangan bulat.',
  },
  'rule.level-out-of-range.title': { en: 'Level outside the scale', id: 'Tingkat di luar skala' },
  'rule.level-out-of-range.description': {
    en: "A level is below 0 or above the scale's highest.",
    id: 'Tingkat di bawah 0 atau di atas tingkat tertinggi skala.',
  },
  'rule.na-not-allowed.title': { en: '"Not applicable" not allowed', id: '"Tidak berlaku" tidak diizinkan' },
  'rule.na-not-allowed.description': {
    en: 'This indicator cannot be answered "not applicable".',
    id: 'Indikator ini tidak boleh dijawab "tidak berlaku".',
  },
  'rule.na-needs-reason.title': { en: '"Not applicable" without a reason', id: '"Tidak berlaku" tanpa alasan' },
  'rule.na-needs-reason.description': {
    en: '{na: …} needs the reason it does not apply.',
    id: '{na: …} memerlukan alasan mengapa tidak berlaku.',
  },
  'rule.level-and-na.title': { en: 'Both level and na', id: 'Tingkat sekaligus na' },
  'rule.level-and-na.description': {
    en: 'An answer has both a level and na; keep one.',
    id: 'Jawaban memiliki tingkat sekaligus na; pertahankan salah satunya.',
  },
  'rule.answer-needs-level.title': { en: 'Answer without level or na', id: 'Jawaban tanpa tingkat atau na' },
  'rule.answer-needs-level.description': {
    en: 'A map answer needs "level: N" or "na: reason".',
    id: 'Jawaban berupa peta memerlukan "level: N" atau "na: alasan".',
  },
  'rule.duplicate-assessment.title': { en: 'Duplicate assessment', id: 'Penilaian ganda' },
  'rule.duplicate-assessment.description': {
    en: 'One assessment per community, period and rater in a run: a later one is dropped. Files of distinct raters are ratings (docs/ratings.md).',
    id: 'Satu penilaian per komunitas, periode dan penilai dalam satu proses: yang belakangan diabaikan. Berkas dari penilai yang berbeda adalah penilaian perorangan (docs/ratings.md).',
  },
  'rule.ratings-not-scored.title': { en: 'Ratings without a consensus', id: 'Penilaian tanpa konsensus' },
  'rule.ratings-not-scored.description': {
    en: 'Several raters rated a community and period and no consensus file is given: score and diff score only a consensus. Compare with swadaya agree, draft one with swadaya consensus (docs/ratings.md).',
    id: 'Beberapa penilai menilai satu komunitas dan periode tanpa berkas konsensus: score dan diff hanya menskor konsensus. Bandingkan dengan swadaya agree, buat drafnya dengan swadaya consensus (docs/ratings.md).',
  },
  'rule.duplicate-community.title': { en: 'Community twice on one side of a diff', id: 'Komunitas ganda dalam diff' },
  'rule.duplicate-community.description': {
    en: 'Each side of a diff holds one assessment per community.',
    id: 'Tiap sisi diff memuat satu penilaian per komunitas.',
  },
  'rule.not-a-regular-file.title': { en: 'Not a regular file', id: 'Bukan berkas biasa' },
  'rule.not-a-regular-file.description': {
    en: 'A FIFO, a device (such as /dev/zero) or a socket was named as a rubric or an assessment. swadaya reads only regular files (after following links): reading these could block or never end.',
    id: 'FIFO, perangkat (seperti /dev/zero) atau soket disebut sebagai rubrik atau penilaian. swadaya hanya membaca berkas biasa (setelah mengikuti tautan): membaca yang lain bisa macet atau tidak pernah selesai.',
  },
  'rule.special-file-skipped.title': { en: 'Special file skipped', id: 'Berkas khusus dilewati' },
  'rule.special-file-skipped.description': {
    en: 'A FIFO, a device or a socket (or a link to one) with a YAML name inside a scanned directory, or matched by a glob, was skipped.',
    id: 'FIFO, perangkat atau soket (atau tautan ke salah satunya) bernama YAML di dalam direktori yang dipindai, atau yang cocok dengan glob, dilewati.',
  },
  'rule.file-too-large.title': { en: 'File too large', id: 'Berkas terlalu besar' },
  'rule.file-too-large.description': {
    en: 'The file is larger than the limit for a rubric or assessment file (16 MiB by default) and was not read. Split it, or raise the limit with SWADAYA_MAX_FILE_SIZE (e.g. 64M).',
    id: 'Berkas melebihi batas ukuran berkas rubrik atau penilaian (bawaan 16 MiB) dan tidak dibaca. Pecah berkasnya, atau naikkan batasnya dengan SWADAYA_MAX_FILE_SIZE (misalnya 64M).',
  },
  'rule.stdin-too-large.title': { en: 'Standard input too large', id: 'Masukan standar terlalu besar' },
  'rule.stdin-too-large.description': {
    en: 'What was piped to standard input (-) passed the limit for a rubric or assessment file (16 MiB by default); reading stopped there. Pipe a smaller file, or raise the limit with SWADAYA_MAX_FILE_SIZE (e.g. 64M).',
    id: 'Yang disalurkan ke masukan standar (-) melebihi batas ukuran berkas rubrik atau penilaian (bawaan 16 MiB); pembacaan berhenti di situ. Salurkan berkas yang lebih kecil, atau naikkan batasnya dengan SWADAYA_MAX_FILE_SIZE (misalnya 64M).',
  },
  'rule.yaml-too-deep.title': { en: 'YAML nested too deeply', id: 'YAML bersarang terlalu dalam' },
  'rule.yaml-too-deep.description': {
    en: 'The YAML nests more than 64 levels deep at this place; it is refused before parsing. Rubrics and assessments need a handful of levels: check the indentation.',
    id: 'YAML bersarang lebih dari 64 tingkat di tempat ini; ditolak sebelum diurai. Rubrik dan penilaian hanya perlu beberapa tingkat: periksa indentasinya.',
  },
  'rule.yaml-collection-key.title': { en: 'Map or list as a key', id: 'Peta atau daftar sebagai kunci' },
  'rule.yaml-collection-key.description': {
    en: 'A key is a map or a list (`? [a, b]`); keys must be plain text.',
    id: 'Sebuah kunci berupa peta atau daftar (`? [a, b]`); kunci harus teks biasa.',
  },
  'rule.too-many-documents.title': { en: 'Too many documents in one file', id: 'Terlalu banyak dokumen dalam satu berkas' },
  'rule.too-many-documents.description': {
    en: 'The file holds more than 1,000 YAML documents; only the first 1,000 were read. Split it.',
    id: 'Berkas berisi lebih dari 1.000 dokumen YAML; hanya 1.000 yang pertama dibaca. Pecah berkasnya.',
  },
  'rule.more-findings.title': { en: 'More problems not listed', id: 'Masalah lain tidak dicantumkan' },
  'rule.more-findings.description': {
    en: "A file's first 100 findings are listed; this one counts the rest.",
    id: '100 temuan pertama sebuah berkas dicantumkan; temuan ini menghitung sisanya.',
  },
  'rule.rubric-path-unreadable.title': { en: 'Unreadable SWADAYA_RUBRIC_PATH entry', id: 'Entri SWADAYA_RUBRIC_PATH tidak terbaca' },
  'rule.rubric-path-unreadable.description': {
    en: 'A directory named in SWADAYA_RUBRIC_PATH cannot be read; its rubrics are left out.',
    id: 'Direktori yang disebut dalam SWADAYA_RUBRIC_PATH tidak dapat dibaca; rubriknya tidak diikutkan.',
  },
  'rule.not-finite.title': { en: 'Not a finite number', id: 'Bukan angka terhingga' },
  'rule.not-finite.description': {
    en: 'A number is .nan or .inf (coverage, a weight, a gate threshold, a band); the message names the field and the value. Write a finite number.',
    id: 'Angka bernilai .nan atau .inf (cakupan, bobot, ambang gerbang, kategori); pesannya menyebut bidang dan nilainya. Tulis angka terhingga.',
  },
  'rule.too-few-items.title': { en: 'Too few items', id: 'Butir terlalu sedikit' },
  'rule.too-few-items.description': {
    en: 'A list has fewer items than it needs, e.g. a scale with one level (a scale needs at least two).',
    id: 'Daftar memiliki butir lebih sedikit dari yang diperlukan, mis. skala dengan satu tingkat (skala perlu paling sedikit dua).',
  },
  'rule.symlink-loop.title': { en: 'Symbolic link loop', id: 'Tautan simbolik berputar' },
  'rule.symlink-loop.description': {
    en: 'A symbolic link leads back to itself; it was skipped.',
    id: 'Tautan simbolik mengarah kembali ke dirinya sendiri; dilewati.',
  },
  'rule.gate-fail-under.title': { en: 'Overall score below --fail-under', id: 'Skor keseluruhan di bawah --fail-under' },
  'rule.gate-fail-under.description': {
    en: 'score --fail-under N: the assessment has no overall score, or one below N.',
    id: 'score --fail-under N: penilaian tidak memiliki skor keseluruhan, atau skornya di bawah N.',
  },
  'rule.gate-not-ready.title': { en: 'Not ready for the next phase', id: 'Belum siap untuk fase berikutnya' },
  'rule.gate-not-ready.description': {
    en: "score --require ready: a criterion of the next phase's exit gate is not met or cannot be decided.",
    id: 'score --require ready: sebuah kriteria gerbang kelulusan fase berikutnya tidak terpenuhi atau belum dapat diputuskan.',
  },
  'rule.gate-regression.title': { en: 'Community regressed', id: 'Komunitas mundur' },
  'rule.gate-regression.description': {
    en: 'diff --fail-on-regression: the current phase went back, or a score fell by more than --tolerance.',
    id: 'diff --fail-on-regression: fase saat ini mundur, atau sebuah skor turun lebih dari --tolerance.',
  },
  // What the SARIF run says around the rules.
  'rule.help': { en: '{description} See {doc}.', id: '{description} Lihat {doc}.' },
  'rule.srcroot': { en: 'The directory swadaya ran in.', id: 'Direktori tempat swadaya dijalankan.' },
} as const satisfies Section;
