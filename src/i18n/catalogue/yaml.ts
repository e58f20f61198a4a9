import type { Language } from '../language.js';

/**
 * The yaml parser's messages in Indonesian (its English is kept as the parser words it). A
 * message is matched by its text, the common ones word for word; any other by its error code.
 */
const MESSAGES_ID: readonly (readonly [RegExp, (...groups: string[]) => string])[] = [
  [/^Flow (map|sequence) in block collection must be sufficiently indented and end with a ([}\]])$/, (kind, end) => `${kind === 'map' ? 'peta' : 'daftar'} flow di dalam koleksi blok harus cukup menjorok dan diakhiri ${end}`],
  [/^Nested mappings are not allowed in compact mappings$/, () => 'peta bersarang tidak boleh berada dalam peta ringkas (satu baris)'],
  [/^Implicit keys need to be on a single line$/, () => 'kunci implisit harus berada dalam satu baris'],
  [/^Implicit keys of flow sequence pairs need to be on a single line$/, () => 'kunci implisit pasangan dalam daftar flow harus berada dalam satu baris'],
  [/^Implicit map keys need to be followed by map values$/, () => 'kunci peta implisit harus diikuti nilainya'],
  [/^All sequence items must start at the same column$/, () => 'semua butir daftar harus dimulai pada kolom yang sama'],
  [/^A block sequence may not be used as an implicit map key$/, () => 'daftar blok tidak boleh menjadi kunci peta implisit'],
  [/^Tabs are not allowed as indentation$/, () => 'tab tidak boleh dipakai untuk indentasi'],
  [/^Map keys must be unique$/, () => 'kunci peta harus unik'],
  [/^Missing closing "?quote$/, () => 'tanda kutip penutup tidak ada'],
  [/^Missing , between (.+) items$/, (what) => `tanda , tidak ada di antara butir ${what}`],
  [/^Missing , or : between (.+) items$/, (what) => `tanda , atau : tidak ada di antara butir ${what}`],
  [/^Missing space after : in (.+)$/, (what) => `spasi setelah : tidak ada di ${what}`],
  [/^Sequence item without - indicator$/, () => 'butir daftar tanpa tanda -'],
  [/^Comments must be separated from other tokens by white space characters$/, () => 'komentar harus dipisahkan dari teks lain dengan spasi'],
  [/^Plain value cannot start with (.+)$/, (char) => `nilai polos tidak boleh diawali ${char}`],
  [/^Invalid escape sequence (.+)$/, (raw) => `urutan escape ${raw} tidak sah`],
  [/^Unexpected (.+) in (.+)$/, (token, where) => `${token} tak terduga di ${where}`],
  [/^Unexpected (.+) token$/, (token) => `token ${token} tak terduga`],
  [/^Unexpected (.+) at node end$/, (token) => `${token} tak terduga di akhir node`],
  [/^Excessive alias count indicates a resource exhaustion attack$/, () => 'alias terlalu banyak diperluas, bisa menghabiskan memori'],
  [/^the document is nested too deeply$/, () => 'dokumen bersarang terlalu dalam'],
];

/** The parser's error codes in Indonesian, for a message without its own wording. */
const CODES_ID: Readonly<Record<string, string>> = {
  ALIAS_PROPS: 'alias tidak boleh memiliki properti',
  BAD_ALIAS: 'alias atau anchor tidak sah',
  BAD_DIRECTIVE: 'direktif YAML tidak sah',
  BAD_DQ_ESCAPE: 'escape tidak sah dalam string berkutip ganda',
  BAD_INDENT: 'indentasi tidak tepat',
  BAD_PROP_ORDER: 'anchor dan tag salah urutan',
  BAD_SCALAR_START: 'nilai diawali karakter yang tidak boleh',
  BLOCK_AS_IMPLICIT_KEY: 'blok tidak boleh menjadi kunci implisit',
  BLOCK_IN_FLOW: 'blok tidak boleh berada di dalam [ ] atau { }',
  DUPLICATE_KEY: 'kunci peta harus unik',
  IMPOSSIBLE: 'struktur YAML tidak dapat dibaca',
  KEY_OVER_1024_CHARS: 'kunci implisit lebih dari 1024 karakter',
  MISSING_CHAR: 'ada karakter yang hilang (tanda kutip, kurung, koma atau titik dua)',
  MULTILINE_IMPLICIT_KEY: 'kunci implisit harus berada dalam satu baris',
  MULTIPLE_ANCHORS: 'satu node hanya boleh memiliki satu anchor',
  MULTIPLE_DOCS: 'lebih dari satu dokumen',
  MULTIPLE_TAGS: 'satu node hanya boleh memiliki satu tag',
  NON_STRING_KEY: 'kunci harus berupa teks',
  RESOURCE_EXHAUSTION: 'alias terlalu banyak diperluas, bisa menghabiskan memori',
  TAB_AS_INDENT: 'tab tidak boleh dipakai untuk indentasi',
  TAG_RESOLVE_FAILED: 'tag tidak dikenal',
  UNEXPECTED_TOKEN: 'teks tak terduga',
  BAD_COLLECTION_TYPE: 'jenis koleksi tidak sesuai tagnya',
};

const DETAIL: Record<Language, (detail: string, code: string | undefined) => string> = {
  en: (detail) => detail,
  id: (detail, code) => {
    for (const [pattern, word] of MESSAGES_ID) {
      const match = pattern.exec(detail);
      if (match) return word(...match.slice(1).map((group) => group ?? ''));
    }
    return (code !== undefined ? CODES_ID[code] : undefined) ?? 'YAML tidak sah';
  },
};

/** A yaml parser message (and its error code, when it has one) in `lang`. */
export function yamlDetail(detail: string | number | undefined, code: string | number | undefined, lang: Language): string {
  return DETAIL[lang](String(detail ?? ''), code === undefined ? undefined : String(code));
}
