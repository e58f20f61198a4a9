import type { Language } from '../language.js';
import { pick, type Args, type FindingEntry } from './wording.js';
import { WORDS } from './words.js';
import { yamlDetail } from './yaml.js';

/** How src/io/schema-findings.ts names the top level of a document. */
export const TOP_LEVEL = '(top level)';

/** JSON types (ajv's names, `a|b` or `a,b` for several) in the reader's words. */
const typeWords = (types: string | number | undefined, lang: Language): string =>
  String(types ?? '')
    .split(/[,|]/)
    .map((type) => {
      const key = `type.${type}`;
      return Object.hasOwn(WORDS, key) ? pick(WORDS[key as keyof typeof WORDS], lang) : type;
    })
    .join(pick(WORDS.or, lang));

const kindWords = (kind: string | number | undefined, lang: Language): string => {
  const key = `kind.${String(kind)}`;
  return Object.hasOwn(WORDS, key) ? pick(WORDS[key as keyof typeof WORDS], lang) : String(kind);
};

/** A field as the schema check names it; the document's top level in the reader's words. */
const fieldName = (field: string | number | undefined, lang: Language): string => (field === TOP_LEVEL ? pick(WORDS.topLevel, lang) : String(field));

/** What an id names (principle, indicator, pillar, phase, tag, band), in the reader's words. */
const idKind = (kind: string | number | undefined, lang: Language): string => {
  const key = `idKind.${String(kind)}`;
  return Object.hasOwn(WORDS, key) ? pick(WORDS[key as keyof typeof WORDS], lang) : String(kind);
};

const didYouMean = (args: Args, lang: Language): string => (args.suggestion ? pick(WORDS.didYouMean, lang, { suggestion: args.suggestion }) : '');

/** The wording of every finding code, in English and Indonesian. Each says what is wrong and how to fix it. */
export const FINDINGS = {
  'path-not-found': {
    en: () => 'no such file or directory. Check the path, or quote a glob so the shell does not expand it.',
    id: () => 'berkas atau direktori tidak ada. Periksa jalurnya, atau beri tanda kutip pada glob agar tidak diperluas oleh shell.',
  },
  'is-a-directory': { en: () => 'is a directory, not a file.', id: () => 'ini direktori, bukan berkas.' },
  'permission-denied': {
    en: () => 'permission denied. Check the file permissions.',
    id: () => 'akses ditolak. Periksa izin berkas.',
  },
  'unreadable-file': { en: (a) => `cannot be read (${a.reason}).`, id: (a) => `tidak dapat dibaca (${a.reason}).` },
  'not-a-regular-file': {
    en: (a) => `is ${kindWords(a.kind, 'en')}, not a regular file, so it was not read (it could block or never end). Point at a YAML file.`,
    id: (a) => `adalah ${kindWords(a.kind, 'id')}, bukan berkas biasa, jadi tidak dibaca (bisa macet atau tidak pernah selesai). Tunjuk berkas YAML.`,
  },
  'special-file-skipped': {
    en: (a) => `is ${kindWords(a.kind, 'en')}, not a regular file; skipped.`,
    id: (a) => `adalah ${kindWords(a.kind, 'id')}, bukan berkas biasa; dilewati.`,
  },
  'file-too-large': {
    en: (a) => `is ${a.size} bytes, more than the ${a.limit}-byte limit for a rubric or assessment file; it was not read. Split it into smaller files, or raise the limit with SWADAYA_MAX_FILE_SIZE (e.g. SWADAYA_MAX_FILE_SIZE=64M).`,
    id: (a) => `berukuran ${a.size} byte, melebihi batas ${a.limit} byte untuk berkas rubrik atau penilaian; tidak dibaca. Pecah menjadi berkas yang lebih kecil, atau naikkan batasnya dengan SWADAYA_MAX_FILE_SIZE (misalnya SWADAYA_MAX_FILE_SIZE=64M).`,
  },
  'stdin-too-large': {
    en: (a) => `standard input holds more than the ${a.limit}-byte limit for a rubric or assessment file; reading stopped there and nothing of it was checked. Pipe a smaller file, or raise the limit with SWADAYA_MAX_FILE_SIZE (e.g. SWADAYA_MAX_FILE_SIZE=64M).`,
    id: (a) => `masukan standar melebihi batas ${a.limit} byte untuk berkas rubrik atau penilaian; pembacaan berhenti di situ dan isinya tidak diperiksa. Salurkan berkas yang lebih kecil, atau naikkan batasnya dengan SWADAYA_MAX_FILE_SIZE (misalnya SWADAYA_MAX_FILE_SIZE=64M).`,
  },
  'binary-file': {
    en: () => 'is not a UTF-8 text file. Save it as YAML text (UTF-8).',
    id: () => 'bukan berkas teks UTF-8. Simpan sebagai teks YAML (UTF-8).',
  },
  'empty-file': {
    en: () => 'the file is empty. Fill it in (`swadaya template --rubric p2kp` prints a file to start from).',
    id: () => 'berkas kosong. Isi berkas ini (`swadaya template --rubric p2kp` mencetak berkas awal).',
  },
  'no-content': {
    en: () => 'the file holds only comments. Add the assessment (`swadaya template` prints one to fill in).',
    id: () => 'berkas hanya berisi komentar. Tambahkan penilaian (`swadaya template` mencetak satu untuk diisi).',
  },
  'no-files': {
    en: () => 'holds no *.yaml or *.yml files. Point at a directory of assessments.',
    id: () => 'tidak berisi berkas *.yaml atau *.yml. Tunjuk direktori berisi penilaian.',
  },
  'glob-no-match': {
    en: (a) => `the pattern ${a.pattern} matches no file.`,
    id: (a) => `pola ${a.pattern} tidak cocok dengan berkas apa pun.`,
  },
  'duplicate-key': {
    en: (a) => `the key ${a.key ? `"${a.key}" ` : ''}appears twice in the same map. Keep one of them.`,
    id: (a) => `kunci ${a.key ? `"${a.key}" ` : 'ini '}muncul dua kali dalam peta yang sama. Pertahankan salah satunya.`,
  },
  'yaml-syntax': {
    en: (a) => `YAML syntax error: ${yamlDetail(a.detail, a.yamlCode, 'en')}. Check indentation, quotes and brackets here.`,
    id: (a) => `kesalahan sintaks YAML: ${yamlDetail(a.detail, a.yamlCode, 'id')}. Periksa indentasi, tanda kutip dan kurung di sini.`,
  },
  'yaml-too-deep': {
    en: (a) => `YAML nested more than ${a.limit} levels deep here; rubrics and assessments need a handful. Check the indentation, and for runaway "- - -" or brackets.`,
    id: (a) => `YAML bersarang lebih dari ${a.limit} tingkat di sini; rubrik dan penilaian hanya perlu beberapa. Periksa indentasi, dan "- - -" atau kurung yang berlebihan.`,
  },
  'yaml-collection-key': {
    en: () => 'a key here is a map or a list; keys must be plain text (an indicator id, a field name). Write the key as text.',
    id: () => 'kunci di sini berupa peta atau daftar; kunci harus teks biasa (id indikator, nama bidang). Tulis kuncinya sebagai teks.',
  },
  'too-many-documents': {
    en: (a) => `the file holds ${a.count} YAML documents (--- lines); only the first ${a.limit} were read. Split it into files of at most ${a.limit} assessments.`,
    id: (a) => `berkas berisi ${a.count} dokumen YAML (baris ---); hanya ${a.limit} yang pertama dibaca. Pecah menjadi berkas berisi paling banyak ${a.limit} penilaian.`,
  },
  'more-findings': {
    en: (a) => `${a.count} more problem(s) in this file are not listed (the first ${a.limit} are). Fix these and check again.`,
    id: (a) => `${a.count} masalah lain di berkas ini tidak dicantumkan (hanya ${a.limit} yang pertama). Perbaiki yang ini lalu periksa lagi.`,
  },
  'yaml-tag': {
    en: (a) => `the YAML tag ${a.tag} is not allowed: rubrics and assessments are plain data. Remove the tag.`,
    id: (a) => `tag YAML ${a.tag} tidak diizinkan: rubrik dan penilaian hanyalah data. Hapus tag tersebut.`,
  },
  'yaml-alias': {
    en: (a) => `YAML aliases cannot be resolved (${yamlDetail(a.detail, a.yamlCode, 'en')}). Write the values out instead of using anchors and aliases.`,
    id: (a) => `alias YAML tidak dapat diselesaikan (${yamlDetail(a.detail, a.yamlCode, 'id')}). Tulis nilainya langsung, tanpa anchor dan alias.`,
  },
  'not-a-map': {
    en: (a) => `the top level of ${a.what === 'assessment' ? 'an' : 'a'} ${a.what} must be a map of keys (${a.what === 'assessment' ? 'rubric:, community:, period:, answers:' : 'id:, title:, …'}), not a list or a single value.`,
    id: (a) => `tingkat teratas ${a.what === 'assessment' ? 'penilaian' : a.what === 'principle' ? 'prinsip' : 'rubrik'} harus berupa peta kunci (rubric:, community:, …), bukan daftar atau satu nilai.`,
  },
  'unknown-key': {
    en: (a) => `unknown key "${a.key}" in ${fieldName(a.field, 'en')}.${didYouMean(a, 'en')} Allowed: ${a.allowed}.`,
    id: (a) => `kunci "${a.key}" tidak dikenal di ${fieldName(a.field, 'id')}.${didYouMean(a, 'id')} Yang diizinkan: ${a.allowed}.`,
  },
  'missing-key': {
    en: (a) => `${fieldName(a.field, 'en')} needs the key "${a.key}". Add it.`,
    id: (a) => `${fieldName(a.field, 'id')} memerlukan kunci "${a.key}". Tambahkan.`,
  },
  'wrong-type': {
    en: (a) => `${fieldName(a.field, 'en')} must be ${typeWords(a.expected, 'en')}${a.found ? `, not ${typeWords(a.found, 'en')}` : ''}.`,
    id: (a) => `${fieldName(a.field, 'id')} harus berupa ${typeWords(a.expected, 'id')}${a.found ? `, bukan ${typeWords(a.found, 'id')}` : ''}.`,
  },
  'answers-not-a-map': {
    en: (a) =>
      `answers must be a map from indicator id to answer, one per line (integration.joint-planning: 3), not ${typeWords(a.found, 'en')}.${a.found === 'array' ? ' Remove the "- " in front of each answer.' : ''}`,
    id: (a) =>
      `answers harus berupa peta dari id indikator ke jawaban, satu per baris (integration.joint-planning: 3), bukan ${typeWords(a.found, 'id')}.${a.found === 'array' ? ' Hapus "- " di depan setiap jawaban.' : ''}`,
  },
  'not-allowed-value': {
    en: (a) => `${fieldName(a.field, 'en')} must be one of: ${a.allowed}.`,
    id: (a) => `${fieldName(a.field, 'id')} harus salah satu dari: ${a.allowed}.`,
  },
  'bad-format': {
    en: (a) => `${fieldName(a.field, 'en')} is not in the expected form (${a.pattern}).`,
    id: (a) => `${fieldName(a.field, 'id')} tidak sesuai bentuk yang diharapkan (${a.pattern}).`,
  },
  'out-of-range': {
    en: (a) => `${fieldName(a.field, 'en')} must be ${a.limit}${a.value === undefined ? '' : `, not ${a.value}`}.`,
    id: (a) => `${fieldName(a.field, 'id')} harus ${a.limit}${a.value === undefined ? '' : `, bukan ${a.value}`}.`,
  },
  'not-finite': {
    en: (a) => `${fieldName(a.field, 'en')} is ${a.value}; it must be a finite number.`,
    id: (a) => `${fieldName(a.field, 'id')} bernilai ${a.value}; harus berupa angka terhingga.`,
  },
  'too-few-items': {
    en: (a) => `${fieldName(a.field, 'en')} needs at least ${a.limit} items; it has ${a.found}.`,
    id: (a) => `${fieldName(a.field, 'id')} memerlukan paling sedikit ${a.limit} butir; hanya ada ${a.found}.`,
  },
  'empty-value': { en: (a) => `${fieldName(a.field, 'id')} must not be empty.`, id: (a) => `${fieldName(a.field, 'id')} tidak boleh kosong.` },
  'duplicate-item': {
    en: (a) => `${fieldName(a.field, 'en')} lists the same item twice. Remove the duplicate.`,
    id: (a) => `${fieldName(a.field, 'id')} mencantumkan butir yang sama dua kali. Hapus duplikatnya.`,
  },
  'wrong-shape': {
    en: (a) => `${fieldName(a.field, 'en')} does not have an allowed form. See docs/rubric-format.md and docs/assessment-format.md.`,
    id: (a) => `${fieldName(a.field, 'id')} tidak berbentuk yang diizinkan. Lihat docs/rubric-format.md dan docs/assessment-format.md.`,
  },
  schema: { en: (a) => `${fieldName(a.field, 'id')}: ${a.detail}.`, id: (a) => `${fieldName(a.field, 'id')}: ${a.detail}.` },
  'rubric-multiple-documents': {
    en: () => 'a rubric file holds one YAML document; remove this `---` document.',
    id: () => 'berkas rubrik berisi satu dokumen YAML; hapus dokumen `---` ini.',
  },
  'principle-file-not-found': {
    en: (a) => `principle file ${a.name} not found (looked for ${a.path}). Create it or fix the name.`,
    id: (a) => `berkas prinsip ${a.name} tidak ditemukan (dicari di ${a.path}). Buat berkasnya atau perbaiki namanya.`,
  },
  'missing-language': {
    en: (a) => `this text has no "${a.language}" version, the rubric's default language. Add ${a.language}: ….`,
    id: (a) => `teks ini tidak memiliki versi "${a.language}", bahasa bawaan rubrik. Tambahkan ${a.language}: ….`,
  },
  'scale-not-contiguous': {
    en: (a) => `scale levels must run 0, 1, 2, … lowest first; expected level ${a.expected} here, found ${a.found}.`,
    id: (a) => `tingkat skala harus berurutan 0, 1, 2, … dari yang terendah; di sini seharusnya ${a.expected}, tertulis ${a.found}.`,
  },
  'duplicate-id': {
    en: (a) => `the ${idKind(a.kind, 'en')} id "${a.id}" is used twice. Ids must be unique; rename one.`,
    id: (a) => `id ${idKind(a.kind, 'id')} "${a.id}" dipakai dua kali. Id harus unik; ganti salah satunya.`,
  },
  'unknown-pillar': {
    en: (a) => `unknown pillar "${a.id}".${didYouMean(a, 'en')} Pillars are declared under phases in rubric.yaml.`,
    id: (a) => `pilar "${a.id}" tidak dikenal.${didYouMean(a, 'id')} Pilar dideklarasikan di bawah phases dalam rubric.yaml.`,
  },
  'unknown-tag': {
    en: (a) => `unknown tag "${a.id}".${didYouMean(a, 'en')} Tags are declared under tags: in rubric.yaml.`,
    id: (a) => `tag "${a.id}" tidak dikenal.${didYouMean(a, 'id')} Tag dideklarasikan di bawah tags: dalam rubric.yaml.`,
  },
  'wrong-descriptor-count': {
    en: (a) => `indicator ${a.id} has ${a.found} level descriptors; the scale has ${a.expected} levels, so it needs exactly ${a.expected}, lowest first.`,
    id: (a) => `indikator ${a.id} memiliki ${a.found} deskriptor tingkat; skala memiliki ${a.expected} tingkat, jadi perlu tepat ${a.expected}, dari yang terendah.`,
  },
  'empty-pillar': {
    en: (a) => `pillar "${a.id}" has no indicator. Give at least one indicator "pillar: ${a.id}".`,
    id: (a) => `pilar "${a.id}" tidak memiliki indikator. Beri setidaknya satu indikator "pillar: ${a.id}".`,
  },
  'unknown-target': {
    en: (a) => `the gate names an unknown ${idKind(a.kind, 'en')} "${a.id}".${didYouMean(a, 'en')}`,
    id: (a) => `gerbang menyebut ${idKind(a.kind, 'id')} "${a.id}" yang tidak dikenal.${didYouMean(a, 'id')}`,
  },
  'level-needs-indicator': {
    en: (a) => `"level" applies to indicator targets only; use "min" for ${a.target}.`,
    id: (a) => `"level" hanya untuk target indikator; gunakan "min" untuk ${a.target}.`,
  },
  'indicator-needs-level': {
    en: (a) => `an indicator target takes "level", not "min": {target: ${a.target}, level: N}.`,
    id: (a) => `target indikator memakai "level", bukan "min": {target: ${a.target}, level: N}.`,
  },
  'criterion-level-out-of-range': {
    en: (a) => `level ${a.level} is above the scale's highest level ${a.max}.`,
    id: (a) => `tingkat ${a.level} melebihi tingkat tertinggi skala, ${a.max}.`,
  },
  'community-id-not-string': {
    en: (a) => `community.id must be a string: write id: "${a.value}" in quotes (leading zeros in village codes matter).`,
    id: (a) => `community.id harus berupa string: tulis id: "${a.value}" dengan tanda kutip (angka nol di depan kode desa penting).`,
  },
  'bad-period': {
    en: (a) => `period "${a.value}" is not YYYY, YYYY-MM or YYYY-MM-DD. Write e.g. period: "2025".`,
    id: (a) => `period "${a.value}" bukan YYYY, YYYY-MM atau YYYY-MM-DD. Tulis misalnya period: "2025".`,
  },
  'unknown-rubric': {
    en: (a) =>
      `no rubric "${a.id}" found.${didYouMean(a, 'en')} Searched ${a.searched}${a.unreadable ? ` (could not read ${a.unreadable})` : ''}; pass --rubric PATH or set SWADAYA_RUBRIC_PATH.`,
    id: (a) =>
      `rubrik "${a.id}" tidak ditemukan.${didYouMean(a, 'id')} Dicari di ${a.searched}${a.unreadable ? ` (tidak dapat dibaca: ${a.unreadable})` : ''}; pakai --rubric PATH atau atur SWADAYA_RUBRIC_PATH.`,
  },
  'rubric-invalid': {
    en: (a) => `the rubric at ${a.rubric} has ${a.count} error(s)${a.first ? `, the first at ${a.first}` : ''}. Run: swadaya validate ${a.rubric}`,
    id: (a) => `rubrik di ${a.rubric} memiliki ${a.count} kesalahan${a.first ? `, yang pertama di ${a.first}` : ''}. Jalankan: swadaya validate ${a.rubric}`,
  },
  'rubric-id-mismatch': {
    en: (a) => `the file names rubric ${a.named} but is scored with ${a.id} (--rubric).`,
    id: (a) => `berkas menyebut rubrik ${a.named} tetapi dinilai dengan ${a.id} (--rubric).`,
  },
  'rubric-version-mismatch': {
    en: (a) => `the file names ${a.id}@${a.named} but the loaded rubric is ${a.id}@${a.loaded}; scoring with ${a.loaded}.`,
    id: (a) => `berkas menyebut ${a.id}@${a.named} tetapi rubrik yang dimuat ${a.id}@${a.loaded}; dinilai dengan ${a.loaded}.`,
  },
  'unknown-phase': {
    en: (a) => `unknown phase "${a.phase}".${didYouMean(a, 'en')} Phases: ${a.allowed}; or omit phase: to let the evidence decide.`,
    id: (a) => `fase "${a.phase}" tidak dikenal.${didYouMean(a, 'id')} Fase: ${a.allowed}; atau hapus phase: agar bukti yang menentukan.`,
  },
  'unknown-indicator': {
    en: (a) => `unknown indicator "${a.id}".${didYouMean(a, 'en')} \`swadaya rubric show\` lists the indicators.`,
    id: (a) => `indikator "${a.id}" tidak dikenal.${didYouMean(a, 'id')} \`swadaya rubric show\` mencantumkan indikatornya.`,
  },
  'level-not-a-number': {
    en: (a) => `the answer to ${a.id} must be a level 0–${a.max}, {level: N}, or {na: "reason"}; found ${a.value}.`,
    id: (a) => `jawaban ${a.id} harus tingkat 0–${a.max}, {level: N}, atau {na: "alasan"}; tertulis ${a.value}.`,
  },
  'level-not-whole': {
    en: (a) => `level ${a.value} for ${a.id} is not a whole number; use a level 0–${a.max}.`,
    id: (a) => `tingkat ${a.value} untuk ${a.id} bukan bilangan bulat; pakai tingkat 0–${a.max}.`,
  },
  'level-out-of-range': {
    en: (a) => `level ${a.value} for ${a.id} is outside the scale; use a level 0–${a.max}.`,
    id: (a) => `tingkat ${a.value} untuk ${a.id} di luar skala; pakai tingkat 0–${a.max}.`,
  },
  'na-not-allowed': {
    en: (a) => `${a.id} cannot be answered "not applicable"; give a level, or leave it out to mark it missing.`,
    id: (a) => `${a.id} tidak boleh dijawab "tidak berlaku"; beri tingkat, atau hapus agar tercatat belum dijawab.`,
  },
  'na-needs-reason': {
    en: (a) => `"not applicable" for ${a.id} needs a reason: {na: "why it does not apply"}.`,
    id: (a) => `"tidak berlaku" untuk ${a.id} memerlukan alasan: {na: "mengapa tidak berlaku"}.`,
  },
  'level-and-na': {
    en: (a) => `${a.id} has both a level and na; keep one.`,
    id: (a) => `${a.id} memiliki tingkat sekaligus na; pertahankan salah satunya.`,
  },
  'answer-needs-level': {
    en: (a) => `the answer to ${a.id} needs "level: N" or "na: reason".`,
    id: (a) => `jawaban ${a.id} memerlukan "level: N" atau "na: alasan".`,
  },
  'duplicate-assessment': {
    en: (a) =>
      a.rater
        ? `community ${a.community} for period ${a.period} is already rated by ${a.rater} in ${a.first}. One rating per community, period and rater: remove one.`
        : `community ${a.community} for period ${a.period} is already assessed in ${a.first}. One assessment per community and period: remove one. If several people rated it independently, give each file its \`rater\`.`,
    id: (a) =>
      a.rater
        ? `komunitas ${a.community} periode ${a.period} sudah dinilai oleh ${a.rater} di ${a.first}. Satu penilaian per komunitas, periode dan penilai: hapus salah satunya.`
        : `komunitas ${a.community} periode ${a.period} sudah dinilai di ${a.first}. Satu penilaian per komunitas dan periode: hapus salah satunya. Jika beberapa orang menilai secara terpisah, beri tiap berkas \`rater\`.`,
  },
  'ratings-not-scored': {
    en: (a) =>
      `community ${a.community} (${a.name}), period ${a.period}, has ratings by ${a.raters} and no consensus file: ratings are not scored. ` +
      `Compare them with \`swadaya agree ${a.files}\`, draft a consensus with \`swadaya consensus ${a.files} -o DIR\`, agree it, and score that file.`,
    id: (a) =>
      `komunitas ${a.community} (${a.name}), periode ${a.period}, memiliki penilaian dari ${a.raters} tanpa berkas konsensus: penilaian perorangan tidak diskor. ` +
      `Bandingkan dengan \`swadaya agree ${a.files}\`, buat draf konsensus dengan \`swadaya consensus ${a.files} -o DIR\`, sepakati, lalu skor berkas itu.`,
  },
  'duplicate-community': {
    en: (a) => `community ${a.community} appears more than once on the ${a.side} side (also in ${a.first}). Each side of a diff holds one assessment per community.`,
    id: (a) => `komunitas ${a.community} muncul lebih dari sekali di sisi ${a.side === 'before' ? 'sebelum' : a.side === 'after' ? 'sesudah' : a.side} (juga di ${a.first}). Tiap sisi diff memuat satu penilaian per komunitas.`,
  },
  'rubric-path-unreadable': {
    en: (a) => `the SWADAYA_RUBRIC_PATH entry ${a.dir} cannot be read (${a.reason}); its rubrics are left out. Check the path and its permissions.`,
    id: (a) => `entri SWADAYA_RUBRIC_PATH ${a.dir} tidak dapat dibaca (${a.reason}); rubriknya tidak diikutkan. Periksa jalur dan izinnya.`,
  },
  'symlink-loop': {
    en: () => 'a symbolic link that leads back to itself; it was skipped. Remove the link or point it at a real file or directory.',
    id: () => 'tautan simbolik yang mengarah kembali ke dirinya sendiri; dilewati. Hapus tautannya atau arahkan ke berkas atau direktori yang nyata.',
  },
} as const satisfies Readonly<Record<string, FindingEntry>>;
