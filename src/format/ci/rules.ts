import { findingCodes } from '../../i18n/messages.js';
import type { Language } from '../../i18n/language.js';

/** The rule ids of gate failures; finding codes are the other rule ids (docs/findings.md). */
export const GATE_RULES = {
  'fail-under': 'gate-fail-under',
  'not-ready': 'gate-not-ready',
  regression: 'gate-regression',
} as const;

export type RuleKind = 'input' | 'rubric' | 'assessment' | 'gate';

interface RuleText {
  readonly kind: RuleKind;
  readonly en: string;
  readonly id: string;
  /** What the rule checks and how to fix a failure, in English (the reference is docs/findings.md). */
  readonly description: string;
}

/**
 * A short title per code in both languages and a one-sentence description. A code the
 * catalogue gains without an entry here still becomes a rule, titled by its code.
 */
const RULES: Readonly<Record<string, RuleText>> = {
  'path-not-found': { kind: 'input', en: 'Path not found', id: 'Jalur tidak ditemukan', description: 'A path given on the command line does not exist. Check it, or quote a glob so the shell does not expand it.' },
  'is-a-directory': { kind: 'input', en: 'Directory where a file is expected', id: 'Direktori, bukan berkas', description: 'A file was expected but the path is a directory.' },
  'permission-denied': { kind: 'input', en: 'Permission denied', id: 'Akses ditolak', description: 'The file cannot be read with the permissions swadaya runs with.' },
  'unreadable-file': { kind: 'input', en: 'Unreadable file', id: 'Berkas tidak terbaca', description: 'The file could not be read; the message says why.' },
  'binary-file': { kind: 'input', en: 'Not a UTF-8 text file', id: 'Bukan berkas teks UTF-8', description: 'Rubrics and assessments are YAML text in UTF-8; this file is binary or in another encoding.' },
  'empty-file': { kind: 'input', en: 'Empty file', id: 'Berkas kosong', description: 'The file is empty. `swadaya template` prints a file to start from.' },
  'no-content': { kind: 'input', en: 'Only comments', id: 'Hanya komentar', description: 'The file holds only comments, no assessment.' },
  'no-files': { kind: 'input', en: 'No YAML files in directory', id: 'Tidak ada berkas YAML', description: 'A directory given on the command line holds no *.yaml or *.yml file.' },
  'glob-no-match': { kind: 'input', en: 'Glob matches nothing', id: 'Glob tidak cocok', description: 'A glob pattern given on the command line matches no file.' },
  'duplicate-key': { kind: 'input', en: 'Duplicate key', id: 'Kunci ganda', description: 'The same key appears twice in one YAML map; YAML would silently keep only one.' },
  'yaml-syntax': { kind: 'input', en: 'YAML syntax error', id: 'Kesalahan sintaks YAML', description: 'The file is not valid YAML; the position points at the first problem.' },
  'yaml-tag': { kind: 'input', en: 'YAML tag not allowed', id: 'Tag YAML tidak diizinkan', description: 'Rubrics and assessments are plain data: custom YAML tags are refused.' },
  'yaml-alias': { kind: 'input', en: 'YAML alias not resolvable', id: 'Alias YAML tidak dapat diselesaikan', description: 'Anchors and aliases that cannot be resolved safely (unknown, or too many expansions).' },
  'not-a-map': { kind: 'input', en: 'Top level is not a map', id: 'Tingkat teratas bukan peta', description: 'The top level of a rubric, principle or assessment must be a map of keys.' },
  'unknown-key': { kind: 'input', en: 'Unknown key', id: 'Kunci tidak dikenal', description: 'A key the format does not define; often a typo (the message suggests the nearest key).' },
  'missing-key': { kind: 'input', en: 'Missing key', id: 'Kunci hilang', description: 'A required key is missing.' },
  'wrong-type': { kind: 'input', en: 'Wrong type', id: 'Jenis salah', description: 'A value has the wrong type (a list where a map is expected, text where a number is, …).' },
  'answers-not-a-map': { kind: 'assessment', en: 'Answers are not a map', id: 'Jawaban bukan peta', description: 'answers: must map indicator ids to answers, one per line.' },
  'not-allowed-value': { kind: 'input', en: 'Value not allowed', id: 'Nilai tidak diizinkan', description: 'The value is not one of the allowed values.' },
  'bad-format': { kind: 'input', en: 'Value in the wrong form', id: 'Bentuk nilai salah', description: 'The value does not have the expected form (an id pattern, a date, …).' },
  'out-of-range': { kind: 'input', en: 'Value out of range', id: 'Nilai di luar rentang', description: 'A number is outside its allowed range.' },
  'empty-value': { kind: 'input', en: 'Empty value', id: 'Nilai kosong', description: 'A value that must not be empty is empty.' },
  'duplicate-item': { kind: 'input', en: 'Duplicate list item', id: 'Butir ganda', description: 'A list holds the same item twice.' },
  'wrong-shape': { kind: 'input', en: 'Value has no allowed form', id: 'Bentuk tidak diizinkan', description: 'The value matches none of the forms allowed here.' },
  schema: { kind: 'input', en: 'Schema violation', id: 'Pelanggaran skema', description: 'Any other violation of the rubric or assessment schema (schemas/).' },
  'rubric-multiple-documents': { kind: 'rubric', en: 'Several documents in a rubric file', id: 'Beberapa dokumen dalam berkas rubrik', description: 'A rubric file holds exactly one YAML document.' },
  'principle-file-not-found': { kind: 'rubric', en: 'Principle file not found', id: 'Berkas prinsip tidak ditemukan', description: 'rubric.yaml names a principle whose file does not exist.' },
  'missing-language': { kind: 'rubric', en: 'Text lacks the default language', id: 'Teks tanpa bahasa bawaan', description: "A text has no version in the rubric's default (first) language." },
  'scale-not-contiguous': { kind: 'rubric', en: 'Scale levels not contiguous', id: 'Tingkat skala tidak berurutan', description: 'Scale levels must run 0, 1, 2, … lowest first.' },
  'duplicate-id': { kind: 'rubric', en: 'Duplicate id', id: 'Id ganda', description: 'Two principles, indicators, pillars, phases or tags share an id.' },
  'unknown-pillar': { kind: 'rubric', en: 'Unknown pillar', id: 'Pilar tidak dikenal', description: 'An indicator names a pillar no phase declares.' },
  'unknown-tag': { kind: 'rubric', en: 'Unknown tag', id: 'Tag tidak dikenal', description: 'An indicator carries a tag not declared under tags:.' },
  'wrong-descriptor-count': { kind: 'rubric', en: 'Wrong number of level descriptors', id: 'Jumlah deskriptor salah', description: 'An indicator needs exactly one descriptor per scale level.' },
  'empty-pillar': { kind: 'rubric', en: 'Pillar without indicators', id: 'Pilar tanpa indikator', description: 'A declared pillar has no indicator.' },
  'unknown-target': { kind: 'rubric', en: 'Gate names an unknown target', id: 'Gerbang menyebut target tidak dikenal', description: 'An exit criterion names a principle, pillar, tag or indicator that does not exist.' },
  'level-needs-indicator': { kind: 'rubric', en: '"level" on a non-indicator target', id: '"level" pada target bukan indikator', description: 'Only indicator targets take "level"; areas take "min".' },
  'indicator-needs-level': { kind: 'rubric', en: '"min" on an indicator target', id: '"min" pada target indikator', description: 'Indicator targets take "level", not "min".' },
  'criterion-level-out-of-range': { kind: 'rubric', en: 'Criterion level above the scale', id: 'Tingkat kriteria melebihi skala', description: "A criterion asks for a level above the scale's highest." },
  'community-id-not-string': { kind: 'assessment', en: 'Community id is not a string', id: 'Id komunitas bukan string', description: 'community.id must be quoted: leading zeros in village codes matter.' },
  'bad-period': { kind: 'assessment', en: 'Bad period', id: 'Periode salah', description: 'period must be YYYY, YYYY-MM or YYYY-MM-DD.' },
  'unknown-rubric': { kind: 'assessment', en: 'Unknown rubric', id: 'Rubrik tidak dikenal', description: 'The rubric the file names is not on the rubric search path.' },
  'rubric-invalid': { kind: 'assessment', en: 'Rubric has errors', id: 'Rubrik bermasalah', description: 'The rubric the file names has errors; validate the rubric first.' },
  'rubric-id-mismatch': { kind: 'assessment', en: 'Scored with another rubric', id: 'Dinilai dengan rubrik lain', description: 'The file names one rubric but --rubric scores it with another.' },
  'rubric-version-mismatch': { kind: 'assessment', en: 'Rubric version differs', id: 'Versi rubrik berbeda', description: 'The file names a rubric version other than the one loaded.' },
  'unknown-phase': { kind: 'assessment', en: 'Unknown phase', id: 'Fase tidak dikenal', description: 'phase: names a phase the rubric does not have.' },
  'unknown-indicator': { kind: 'assessment', en: 'Unknown indicator', id: 'Indikator tidak dikenal', description: 'An answer names an indicator the rubric does not have.' },
  'level-not-a-number': { kind: 'assessment', en: 'Answer is not a level', id: 'Jawaban bukan tingkat', description: 'An answer must be a level, {level: N} or {na: "reason"}.' },
  'level-not-whole': { kind: 'assessment', en: 'Level is not whole', id: 'Tingkat bukan bilangan bulat', description: 'Levels are whole numbers.' },
  'level-out-of-range': { kind: 'assessment', en: 'Level outside the scale', id: 'Tingkat di luar skala', description: "A level is below 0 or above the scale's highest." },
  'na-not-allowed': { kind: 'assessment', en: '"Not applicable" not allowed', id: '"Tidak berlaku" tidak diizinkan', description: 'This indicator cannot be answered "not applicable".' },
  'na-needs-reason': { kind: 'assessment', en: '"Not applicable" without a reason', id: '"Tidak berlaku" tanpa alasan', description: '{na: …} needs the reason it does not apply.' },
  'level-and-na': { kind: 'assessment', en: 'Both level and na', id: 'Tingkat sekaligus na', description: 'An answer has both a level and na; keep one.' },
  'answer-needs-level': { kind: 'assessment', en: 'Answer without level or na', id: 'Jawaban tanpa tingkat atau na', description: 'A map answer needs "level: N" or "na: reason".' },
  'duplicate-assessment': { kind: 'assessment', en: 'Duplicate assessment', id: 'Penilaian ganda', description: 'One assessment per community, period and rater in a run: a later one is dropped. Files of distinct raters are ratings (docs/ratings.md).' },
  'ratings-not-scored': { kind: 'assessment', en: 'Ratings without a consensus', id: 'Penilaian tanpa konsensus', description: 'Several raters rated a community and period and no consensus file is given: score and diff score only a consensus. Compare with swadaya agree, draft one with swadaya consensus (docs/ratings.md).' },
  'duplicate-community': { kind: 'assessment', en: 'Community twice on one side of a diff', id: 'Komunitas ganda dalam diff', description: 'Each side of a diff holds one assessment per community.' },
  'not-a-regular-file': { kind: 'input', en: 'Not a regular file', id: "Bukan berkas biasa", description: "A FIFO, a device (such as /dev/zero) or a socket was named as a rubric or an assessment. swadaya reads only regular files (after following links): reading these could block or never end." },
  'special-file-skipped': { kind: 'input', en: 'Special file skipped', id: "Berkas khusus dilewati", description: "A FIFO, a device or a socket (or a link to one) with a YAML name inside a scanned directory, or matched by a glob, was skipped." },
  'file-too-large': { kind: 'input', en: 'File too large', id: "Berkas terlalu besar", description: "The file is larger than the limit for a rubric or assessment file (16 MiB by default) and was not read. Split it, or raise the limit with SWADAYA_MAX_FILE_SIZE (e.g. 64M)." },
  'stdin-too-large': { kind: 'input', en: 'Standard input too large', id: 'Masukan standar terlalu besar', description: "What was piped to standard input (-) passed the limit for a rubric or assessment file (16 MiB by default); reading stopped there. Pipe a smaller file, or raise the limit with SWADAYA_MAX_FILE_SIZE (e.g. 64M)." },
  'yaml-too-deep': { kind: 'input', en: 'YAML nested too deeply', id: "YAML bersarang terlalu dalam", description: "The YAML nests more than 64 levels deep at this place; it is refused before parsing. Rubrics and assessments need a handful of levels: check the indentation." },
  'yaml-collection-key': { kind: 'input', en: 'Map or list as a key', id: "Peta atau daftar sebagai kunci", description: "A key is a map or a list (`? [a, b]`); keys must be plain text." },
  'too-many-documents': { kind: 'input', en: 'Too many documents in one file', id: "Terlalu banyak dokumen dalam satu berkas", description: "The file holds more than 1,000 YAML documents; only the first 1,000 were read. Split it." },
  'more-findings': { kind: 'input', en: 'More problems not listed', id: "Masalah lain tidak dicantumkan", description: "A file's first 100 findings are listed; this one counts the rest." },
  'rubric-path-unreadable': { kind: 'input', en: 'Unreadable SWADAYA_RUBRIC_PATH entry', id: "Entri SWADAYA_RUBRIC_PATH tidak terbaca", description: "A directory named in SWADAYA_RUBRIC_PATH cannot be read; its rubrics are left out." },
  'not-finite': { kind: 'rubric', en: 'Not a finite number', id: "Bukan angka terhingga", description: "A number is .nan or .inf (coverage, a weight, a gate threshold, a band); the message names the field and the value. Write a finite number." },
  'too-few-items': { kind: 'rubric', en: 'Too few items', id: "Butir terlalu sedikit", description: "A list has fewer items than it needs, e.g. a scale with one level (a scale needs at least two)." },
  'symlink-loop': { kind: 'input', en: 'Symbolic link loop', id: 'Tautan simbolik berputar', description: 'A symbolic link leads back to itself; it was skipped.' },
  [GATE_RULES['fail-under']]: { kind: 'gate', en: 'Overall score below --fail-under', id: 'Skor keseluruhan di bawah --fail-under', description: 'score --fail-under N: the assessment has no overall score, or one below N.' },
  [GATE_RULES['not-ready']]: { kind: 'gate', en: 'Not ready for the next phase', id: 'Belum siap untuk fase berikutnya', description: "score --require ready: a criterion of the next phase's exit gate is not met or cannot be decided." },
  [GATE_RULES.regression]: { kind: 'gate', en: 'Community regressed', id: 'Komunitas mundur', description: 'diff --fail-on-regression: the current phase went back, or a score fell by more than --tolerance.' },
};

export interface Rule {
  readonly id: string;
  readonly kind: RuleKind;
  readonly title: string;
  readonly description: string;
  /** The heading of this code in docs/findings.md (GitHub's anchor for `### code`). */
  readonly anchor: string;
}

function titleOf(code: string): string {
  const words = code.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every rule: each finding code in catalogue order, then the three gates. */
export function allRules(lang: Language): readonly Rule[] {
  const codes = [...findingCodes(), ...Object.values(GATE_RULES)];
  return codes.map((code) => {
    const text = RULES[code];
    return { id: code, kind: text?.kind ?? 'input', title: text?.[lang] ?? titleOf(code), description: text?.description ?? titleOf(code), anchor: code };
  });
}

/** The rule ids with a written title and description (the rest are titled by their code). */
export function describedRules(): readonly string[] {
  return Object.keys(RULES);
}
