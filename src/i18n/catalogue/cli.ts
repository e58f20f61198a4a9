import type { Section } from './wording.js';

/**
 * The Indonesian of every description declared in src/cli.ts (commands, options, arguments),
 * keyed by its English text: cli.ts writes each description once, in English, through
 * `described()`, whose type is these keys, so a description without its Indonesian does not compile.
 */
const DESCRIPTIONS_ID = {
  'Score how ready a community is to move to the next phase of a community-development programme.':
    'Menilai kesiapan komunitas untuk naik ke fase berikutnya dalam program pemberdayaan masyarakat.',
  'print the version': 'cetak versi',
  "language of texts and labels (env SWADAYA_LANG; default: the rubric's first language)":
    'bahasa teks dan label (env SWADAYA_LANG, lalu LANG; bawaan: bahasa pertama rubrik)',
  'no colour (also: NO_COLOR)': 'tanpa warna (juga: NO_COLOR)',
  'show stack traces of internal errors': 'tampilkan jejak tumpukan galat internal',
  'print only errors on stderr: no progress bar, warnings or notices': 'hanya cetak galat di stderr: tanpa bilah kemajuan, peringatan atau pemberitahuan',
  'score assessment files, directories (recursive) and globs': 'nilai berkas penilaian, direktori (rekursif) dan glob',
  'output format': 'format keluaran',
  'score with this rubric instead of the one each file names': 'nilai dengan rubrik ini, bukan rubrik yang disebut tiap berkas',
  'mean scores and phase counts per community field (e.g. region)': 'rata-rata skor dan jumlah fase per bidang komunitas (mis. region)',
  'exit 1 if any overall score is below this': 'keluar dengan 1 bila ada skor keseluruhan di bawah nilai ini',
  'exit 1 unless every assessment is ready or graduated': 'keluar dengan 1 kecuali semua penilaian siap atau lulus',
  'show how every number was derived': 'tunjukkan asal-usul setiap angka',
  'assessment files, directories or globs': 'berkas penilaian, direktori atau glob',
  'assessment files, directories or globs; - reads one from standard input': 'berkas penilaian, direktori atau glob; - membaca satu dari masukan standar',
  'the file name standard input (-) goes by in messages and outputs, e.g. assessments/x.yaml':
    'nama berkas untuk masukan standar (-) dalam pesan dan keluaran, mis. assessments/x.yaml',
  'interview a community in the terminal and save the answers to FILE': 'wawancarai komunitas di terminal dan simpan jawabannya ke FILE',
  'the rubric to assess with (default: the one the file names, else p2kp)': 'rubrik untuk menilai (bawaan: yang disebut berkas, jika tidak p2kp)',
  'go through every answer again, not only the missing ones': 'tinjau lagi semua jawaban, bukan hanya yang belum diisi',
  "rate blind as NAME: writes rater: NAME; refuses a consensus or another rater's file":
    'menilai secara buta sebagai NAMA: menulis rater: NAMA; menolak berkas konsensus atau milik penilai lain',
  'the assessment file to create or resume': 'berkas penilaian yang dibuat atau dilanjutkan',
  'compare two assessment files or two sets (directories or globs), community by community':
    'bandingkan dua berkas penilaian atau dua himpunan (direktori atau glob), komunitas demi komunitas',
  'score both sides with this rubric': 'nilai kedua sisi dengan rubrik ini',
  'list every indicator whose answer changed': 'daftar setiap indikator yang jawabannya berubah',
  'a fall of more than this many points is a regression': 'penurunan lebih dari sekian poin dianggap kemunduran',
  'exit 1 when any community regresses': 'keluar dengan 1 bila ada komunitas yang mundur',
  'the earlier file, directory or glob; - reads one from standard input': 'berkas, direktori atau glob yang lebih awal; - membaca satu dari masukan standar',
  'the later file, directory or glob; - reads one from standard input': 'berkas, direktori atau glob yang lebih akhir; - membaca satu dari masukan standar',
  "compare independent ratings of the same communities: each rater's level, the spread, Krippendorff's alpha and Cohen's kappa":
    'bandingkan penilaian independen atas komunitas yang sama: tingkat tiap penilai, sebaran, alpha Krippendorff dan kappa Cohen',
  'read every rating with this rubric': 'baca setiap penilaian dengan rubrik ini',
  'flag indicators whose spread (highest − lowest level) is at least this':
    'tandai indikator yang sebarannya (tingkat tertinggi − terendah) sekurangnya sebesar ini',
  'exit 1 when the overall alpha is below this (Krippendorff suggests 0.800 to draw conclusions, and 0.667 as the lowest for tentative ones)':
    'keluar dengan 1 bila alpha keseluruhan di bawah nilai ini (Krippendorff menyarankan 0,800 untuk menarik kesimpulan, dan 0,667 sebagai batas terendah untuk kesimpulan sementara)',
  'rating files (with rater: NAME), directories or globs; - reads one from standard input': 'berkas penilaian (dengan rater: NAMA), direktori atau glob; - membaca satu dari masukan standar',
  'write a draft consensus file for each community and period rated by several raters: median levels, notes, flagged answers to discuss':
    'tulis draf berkas konsensus untuk setiap komunitas dan periode yang dinilai beberapa penilai: tingkat median, catatan, jawaban yang ditandai untuk dibahas',
  'the directory to write the drafts to (created when missing)': 'direktori tujuan draf (dibuat bila belum ada)',
  'mark answers whose spread (highest − lowest level) is at least this with "# discuss"':
    'tandai jawaban yang sebarannya (tingkat tertinggi − terendah) sekurangnya sebesar ini dengan "# discuss"',
  'overwrite existing consensus files': 'timpa berkas konsensus yang sudah ada',
  'follow communities across two or more periods: scores, phase paths, slopes, stalls and regressions':
    'ikuti komunitas melintasi dua periode atau lebih: skor, jalur fase, kemiringan, kemandekan dan kemunduran',
  'score every period with this rubric': 'nilai setiap periode dengan rubrik ini',
  'a community is stalled when its last N assessments share one attained phase (default 3)':
    'komunitas dianggap mandek bila N penilaian terakhirnya berada pada fase tercapai yang sama (bawaan 3)',
  'exit 1 when any community is stalled': 'keluar dengan 1 bila ada komunitas yang mandek',
  'exit 1 when any community moved back a phase at any step': 'keluar dengan 1 bila ada komunitas yang turun fase pada langkah mana pun',
  "one file, directory or glob per period, in order; or paths holding several periods, grouped by each file's period":
    'satu berkas, direktori atau glob per periode, berurutan; atau jalur berisi beberapa periode, dikelompokkan menurut periode tiap berkas',
  'check rubrics and assessments; exit 1 on any error': 'periksa rubrik dan penilaian; keluar dengan 1 bila ada galat',
  'check assessments against this rubric': 'periksa penilaian terhadap rubrik ini',
  'rubric directories, rubric files, assessment files, directories or globs; - reads an assessment from standard input': 'direktori rubrik, berkas rubrik, berkas penilaian, direktori atau glob; - membaca satu penilaian dari masukan standar',
  'list and show rubrics': 'daftar dan tampilkan rubrik',
  'list the rubrics found on the search path': 'daftar rubrik yang ditemukan pada jalur pencarian',
  "print a rubric's tree: principles, indicators, pillars and gates": 'cetak pohon rubrik: prinsip, indikator, pilar dan gerbang',
  'a rubric id or path': 'id atau jalur rubrik',
  'print an assessment file ready to fill in by hand': 'cetak berkas penilaian yang siap diisi manual',
  'the rubric to write a template for': 'rubrik yang dibuatkan templat',
  "fill in the rater: one person's independent rating (see swadaya agree)": 'isi rater: penilaian independen satu orang (lihat swadaya agree)',
  'write the file there (atomically) instead of to stdout; its modeline is relative to it':
    'tulis berkas ke sana (secara atomik), bukan ke stdout; baris modeline-nya relatif terhadap berkas itu',
  'print an assessment JSON Schema for one rubric: its indicator ids, levels and n/a, for editors':
    'cetak JSON Schema penilaian untuk satu rubrik: id indikator, tingkat dan tidak berlaku, untuk editor',
  'the rubric to write the schema for': 'rubrik yang dibuatkan skema',
  'write the schema there (atomically) instead of to stdout': 'tulis skema ke sana (secara atomik), bukan ke stdout',
  "set up editor checks in this project: the rubric's schema in .swadaya/ and yaml.schemas in .vscode/settings.json":
    'siapkan pemeriksaan editor di proyek ini: skema rubrik di .swadaya/ dan yaml.schemas di .vscode/settings.json',
  'the rubric the assessments use': 'rubrik yang dipakai penilaian',
  'the assessment files the schema applies to (default: assessments/**/*.yaml and *.yml)':
    'berkas penilaian yang diperiksa skema (bawaan: assessments/**/*.yaml dan *.yml)',
  'print a shell completion script for bash, zsh or fish': 'cetak skrip pelengkapan shell untuk bash, zsh atau fish',
  'bash, zsh or fish': 'bash, zsh atau fish',
  'CSV field separator: , ; or tab': 'pemisah kolom CSV: , ; atau tab',
  'CSV decimal separator in numbers: . or ,': 'pemisah desimal angka di CSV: . atau ,',
  'start the CSV with a UTF-8 byte order mark (Excel then reads UTF-8)': 'awali CSV dengan penanda urutan bita UTF-8 (agar Excel membaca UTF-8)',
  'CSV for Excel in an Indonesian locale: BOM, ; between fields, , in numbers': 'CSV untuk Excel berlokal Indonesia: BOM, ; antarkolom, , pada angka',
  'write the output to FILE (atomically) instead of to stdout': 'tulis keluaran ke FILE (secara atomik), bukan ke stdout',
  'reuse the scores of files unchanged since the last run (docs/ci.md#the-cache)':
    'pakai ulang skor berkas yang tidak berubah sejak jalannya terakhir (docs/ci.md#the-cache)',
  'where the cache is kept (implies --cache; default node_modules/.cache/swadaya or $XDG_CACHE_HOME/swadaya)':
    'letak cache (menyiratkan --cache; bawaan node_modules/.cache/swadaya atau $XDG_CACHE_HOME/swadaya)',
  'reuse the checks of files unchanged since the last run (docs/ci.md#the-cache)':
    'pakai ulang pemeriksaan berkas yang tidak berubah sejak jalannya terakhir (docs/ci.md#the-cache)',
  'where the cache is kept (implies --cache)': 'letak cache (menyiratkan --cache)',
  'write the rubric as an XLSForm (.xlsx) for KoboToolbox and ODK Central': 'tulis rubrik sebagai XLSForm (.xlsx) untuk KoboToolbox dan ODK Central',
  'the rubric to turn into a form': 'rubrik yang dijadikan formulir',
  'the XLSForm file to write': 'berkas XLSForm yang ditulis',
  'turn KoboToolbox or ODK Central exports, or a wide spreadsheet, into assessment files (one per row)':
    'ubah ekspor KoboToolbox atau ODK Central, atau lembar kerja lebar, menjadi berkas penilaian (satu per baris)',
  'the rubric the form or spreadsheet answers': 'rubrik yang dijawab formulir atau lembar kerja itu',
  'the directory to write <community id>-<period>.yaml files into': 'direktori tujuan berkas <id komunitas>-<periode>.yaml',
  'the kind of table (default: detected from the header row)': 'jenis tabel (bawaan: dikenali dari baris judul)',
  'CSV delimiter: , ; | or tab (default: detected from the header row)': 'pemisah CSV: , ; | atau tab (bawaan: dikenali dari baris judul)',
  'import submissions a reviewer rejected too': 'impor juga kiriman yang ditolak peninjau',
  'replace existing files whose content differs': 'ganti berkas yang sudah ada bila isinya berbeda',
  'write nothing; list what would be written': 'jangan menulis apa pun; daftar apa yang akan ditulis',
  'CSV or XLSX files': 'berkas CSV atau XLSX',
  'export assessments for review in a spreadsheet': 'ekspor penilaian untuk ditinjau di lembar kerja',
  'the answers of assessment files as a wide spreadsheet (one row each) that import reads back':
    'jawaban berkas penilaian sebagai lembar kerja lebar (satu baris per berkas) yang dapat dibaca kembali oleh import',
  'the .csv or .xlsx file to write': 'berkas .csv atau .xlsx yang ditulis',
  'read the files with this rubric instead of the one each names': 'baca berkas dengan rubrik ini, bukan rubrik yang disebut tiap berkas',
  'write one self-contained HTML report (charts, gate, path to the next phase) of an assessment, a set, or the change between two sets':
    'tulis satu laporan HTML mandiri (grafik, gerbang, jalan ke fase berikutnya) untuk satu penilaian, satu himpunan, atau perubahan antara dua himpunan',
  'the HTML file to write': 'berkas HTML yang ditulis',
  'also print the report to this PDF through a local Chromium or Chrome': 'cetak juga laporan ke PDF ini melalui Chromium atau Chrome setempat',
  'the Chromium or Chrome to print with (env CHROME_PATH; default: the usual install paths)':
    'Chromium atau Chrome untuk mencetak (env CHROME_PATH; bawaan: jalur pemasangan yang lazim)',
  'one page per community; with DIR, one HTML file per community in DIR, named by id and period':
    'satu halaman per komunitas; dengan DIR, satu berkas HTML per komunitas di DIR, dinamai menurut id dan periode',
  'the earlier set: report the change to --after': 'himpunan yang lebih awal: laporkan perubahannya ke --after',
  'the later set': 'himpunan yang lebih akhir',
  'a table of the set by this community field (e.g. region)': 'tabel himpunan menurut bidang komunitas ini (mis. region)',
  "the paths are periods, one set each (or a pool grouped by period): the cohort flow and every community's overall over time":
    'jalur-jalurnya adalah periode, satu himpunan per periode (atau satu kumpulan yang dikelompokkan menurut periode): aliran kohort dan skor keseluruhan tiap komunitas dari waktu ke waktu',
  'CSV cells exactly as the data: cells starting with = + - @ are not made safe for spreadsheets':
    'sel CSV persis seperti datanya: sel yang diawali = + - @ tidak diamankan untuk lembar kerja',
} as const;

export type CliDescription = keyof typeof DESCRIPTIONS_ID;

/** Each description as an entry: its English is its key. */
const DESCRIPTIONS = Object.fromEntries(Object.entries(DESCRIPTIONS_ID).map(([en, id]) => [en, { en, id }])) as {
  readonly [Key in CliDescription]: { readonly en: Key; readonly id: (typeof DESCRIPTIONS_ID)[Key] };
};

/** commander's own words (help titles, its notes and error messages) and the help's examples and exit codes. */
const HELP = {
  'help.Usage:': { en: 'Usage:', id: 'Penggunaan:' },
  'help.Options:': { en: 'Options:', id: 'Opsi:' },
  'help.Commands:': { en: 'Commands:', id: 'Perintah:' },
  'help.Arguments:': { en: 'Arguments:', id: 'Argumen:' },
  'help.Global Options:': { en: 'Global Options:', id: 'Opsi global:' },
  'help.option': { en: 'display help for command', id: 'tampilkan bantuan perintah ini' },
  'help.command': { en: 'display help for command', id: 'tampilkan bantuan sebuah perintah' },
  'help.choices': { en: 'choices', id: 'pilihan' },
  'help.default': { en: 'default', id: 'bawaan' },
  'help.[options]': { en: '[options]', id: '[opsi]' },
  'help.[command]': { en: '[command]', id: '[perintah]' },
  'help.examples': { en: 'Examples:', id: 'Contoh:' },
  'help.exitCodes': {
    en: 'Exit codes:\n  0    success\n  1    a check you asked for failed (--fail-under, --require, --fail-on-regression, validate errors)\n  2    invalid input or command line (the error names the file, line and column)\n  130  interrupted (assess saves every answer first)',
    id: 'Kode keluar:\n  0    berhasil\n  1    pemeriksaan yang diminta gagal (--fail-under, --require, --fail-on-regression, galat validate)\n  2    masukan atau baris perintah tidak sah (galat menyebut berkas, baris dan kolom)\n  130  dihentikan (assess menyimpan setiap jawaban lebih dulu)',
  },
  'example.swadaya.1': { en: 'score a directory of assessments', id: 'nilai satu direktori penilaian' },
  'example.swadaya.2': { en: 'compare two years', id: 'bandingkan dua tahun' },
  'example.swadaya.3': { en: 'the options of one command', id: 'opsi satu perintah' },
  'example.score.1': { en: 'a CI gate', id: 'gerbang CI' },
  'example.score.2': { en: 'a spreadsheet for Excel', id: 'lembar kerja untuk Excel' },
  'example.score.3': { en: 'how every number was derived', id: 'asal-usul setiap angka' },
  'example.score.stdin': { en: 'an assessment from standard input', id: 'penilaian dari masukan standar' },
  'example.diff.stdin': { en: 'the last commit against the working file', id: 'commit terakhir dibandingkan berkas kerja' },
  'example.validate.stdin': { en: 'an assessment from standard input (an editor, a pre-commit hook)', id: 'penilaian dari masukan standar (editor, hook pre-commit)' },
  'commander.unknownOption': { en: "error: unknown option '{flag}'", id: "galat: opsi tidak dikenal '{flag}'" },
  'commander.unknownCommand': { en: "error: unknown command '{name}'", id: "galat: perintah tidak dikenal '{name}'" },
  'commander.missingArgument': { en: "error: missing required argument '{name}'", id: "galat: argumen wajib '{name}' tidak ada" },
  'commander.optionArgumentMissing': { en: "error: option '{flags}' argument missing", id: "galat: opsi '{flags}' memerlukan nilai" },
  'commander.requiredOption': { en: "error: required option '{flags}' not specified", id: "galat: opsi wajib '{flags}' tidak diberikan" },
  'commander.tooManyArguments': {
    en: (p: { command: string; expected: string; got: string }) => `error: too many arguments${p.command}. Expected ${p.expected} arguments but got ${p.got}.`,
    id: (p: { command: string; expected: string; got: string }) => `galat: terlalu banyak argumen${p.command ? ` untuk${p.command.replace(' for', '')}` : ''}. Diharapkan ${p.expected}, diberikan ${p.got}.`,
  },
  'commander.invalidOptionValue': { en: "error: option '{flags}' argument '{value}' is invalid.", id: "galat: nilai '{value}' untuk opsi '{flags}' tidak sah." },
  'commander.invalidArgumentValue': { en: "error: command-argument value '{value}' is invalid for argument '{name}'.", id: "galat: nilai '{value}' untuk argumen '{name}' tidak sah." },
  'commander.allowedChoices': { en: 'Allowed choices are {choices}.', id: 'Pilihan yang boleh: {choices}.' },
  'commander.didYouMeanOneOf': { en: '(Did you mean one of {list}?)', id: '(Maksud Anda salah satu dari {list}?)' },
  'commander.didYouMean': { en: '(Did you mean {option}?)', id: '(Maksud Anda {option}?)' },
  'commander.notANumber': { en: '"{value}" is not a number.', id: '"{value}" bukan angka.' },
  'commander.notAWholeNumber': { en: '"{value}" is not a whole number of 0 or more.', id: '"{value}" bukan bilangan bulat 0 atau lebih.' },
  // The comment at the top of a completion script (swadaya completion SHELL).
  'completion.install': { en: 'swadaya completion for {shell}. Install: {command}', id: 'Pelengkapan swadaya untuk {shell}. Pasang: {command}' },
  'completion.orAdd': { en: 'or add to {file}: {command}', id: 'atau tambahkan ke {file}: {command}' },
  'completion.orAddAfterCompinit': { en: 'or add to {file} (after compinit): {command}', id: 'atau tambahkan ke {file} (setelah compinit): {command}' },
  'commander.runWithHelp': { en: '(run with --help for usage)', id: '(jalankan dengan --help untuk cara pakai)' },
} as const satisfies Section;

export const CLI = { ...DESCRIPTIONS, ...HELP };
