import type { Section } from './wording.js';

/** The labels of `agree`, `consensus` and rating with `assess --rater` (docs/ratings.md). */
export const RATINGS = {
  'ratings.agreeTitle': {
    en: 'Agreement of {ratings} ratings of {groups} community-periods',
    id: 'Kesepakatan {ratings} penilaian atas {groups} komunitas-periode',
  },
  'ratings.alpha': { en: 'Krippendorff\'s alpha (ordinal)', id: 'Alpha Krippendorff (ordinal)' },
  'ratings.kappa': { en: 'Cohen\'s kappa (quadratic weights)', id: 'Kappa Cohen (bobot kuadratik)' },
  'ratings.kappaOnlyTwo': {
    en: 'not computed: it needs exactly two raters in every community-period',
    id: 'tidak dihitung: perlu tepat dua penilai di setiap komunitas-periode',
  },
  'ratings.overUnits': { en: 'over {units} units', id: 'atas {units} unit' },
  'ratings.undefinedValue': { en: 'undefined', id: 'tidak terdefinisi' },
  'ratings.reliable': { en: 'reliable (≥ 0.800)', id: 'andal (≥ 0,800)' },
  'ratings.tentative': { en: 'tentative only (0.667–0.800)', id: 'hanya untuk kesimpulan sementara (0,667–0,800)' },
  'ratings.unreliable': { en: 'not reliable (< 0.667)', id: 'tidak andal (< 0,667)' },
  'ratings.perPrinciple': { en: 'Alpha per principle', id: 'Alpha per prinsip' },
  'ratings.perPair': { en: 'Alpha per pair of raters', id: 'Alpha per pasangan penilai' },
  'ratings.principle': { en: 'principle', id: 'prinsip' },
  'ratings.pair': { en: 'raters', id: 'penilai' },
  'ratings.alphaShort': { en: 'alpha', id: 'alpha' },
  'ratings.units': { en: 'units', id: 'unit' },
  'ratings.indicator': { en: 'indicator', id: 'indikator' },
  'ratings.spread': { en: 'spread', id: 'selisih' },
  'ratings.raters': { en: 'raters', id: 'penilai' },
  'ratings.flaggedLegend': { en: '⚑ spread of {flag} or more: discuss first', id: '⚑ selisih {flag} atau lebih: bahas lebih dulu' },
  'ratings.sameLevel': {
    en: '{count} other indicator(s) not listed: every rater gave the same answer.',
    id: '{count} indikator lain tidak dicantumkan: semua penilai memberi jawaban yang sama.',
  },
  'ratings.noDisagreement': { en: 'Every rater gave every indicator the same answer.', id: 'Semua penilai memberi jawaban yang sama untuk setiap indikator.' },
  'ratings.noRatings': {
    en: 'No ratings to compare: agree needs files with a `rater` (other than consensus), two or more for the same community and period.',
    id: 'Tidak ada penilaian untuk dibandingkan: agree memerlukan berkas dengan `rater` (selain consensus), dua atau lebih untuk komunitas dan periode yang sama.',
  },
  'ratings.singleRating': {
    en: '{community} ({period}): only {rater} rated it; nothing to compare.',
    id: '{community} ({period}): hanya {rater} yang menilai; tidak ada pembanding.',
  },
  'ratings.consensusIgnored': { en: '{file}: a consensus file, not a rating; left out.', id: '{file}: berkas konsensus, bukan penilaian; tidak diikutkan.' },
  'ratings.minAlphaFailed': { en: 'overall alpha {alpha} is below --min-alpha {min}.', id: 'alpha keseluruhan {alpha} di bawah --min-alpha {min}.' },
  'ratings.consensusWritten': { en: 'wrote {file}: {answers} answers, {flagged} to discuss', id: 'menulis {file}: {answers} jawaban, {flagged} perlu dibahas' },
  'ratings.consensusExists': {
    en: '{file} already exists; consensus writes nothing. Add --force to overwrite it.',
    id: '{file} sudah ada; consensus tidak menulis apa pun. Tambahkan --force untuk menimpanya.',
  },
  'ratings.consensusNothing': {
    en: 'No community and period with two or more ratings: no consensus written.',
    id: 'Tidak ada komunitas dan periode dengan dua penilaian atau lebih: tidak ada konsensus yang ditulis.',
  },
  'ratings.consensusOutNotDirectory': {
    en: '-o {dir} is not a directory. Create it first, or name another.',
    id: '-o {dir} bukan direktori. Buat dulu, atau sebut direktori lain.',
  },
  'ratings.consensusSaveFailed': {
    en: 'could not write {file} ({reason}). Check that the directory exists and is writable, or name another with -o.',
    id: 'tidak dapat menulis {file} ({reason}). Periksa bahwa direktorinya ada dan dapat ditulisi, atau sebut direktori lain dengan -o.',
  },
  'ratings.draftHeader': {
    en: 'Draft consensus of {raters} for {community}, {period}, from swadaya consensus. Discuss the answers marked "discuss", edit, then score this file.',
    id: 'Draf konsensus {raters} untuk {community}, {period}, dari swadaya consensus. Bahas jawaban bertanda "discuss", sunting, lalu skor berkas ini.',
  },
  'ratings.phaseDiffers': {
    en: 'discuss: the raters declared different phases ({phases}); set phase: when agreed',
    id: 'discuss: para penilai menyatakan fase berbeda ({phases}); isi phase: bila sudah sepakat',
  },
  'ratings.raterConsensusName': {
    en: '"consensus" is not a rater\'s name: it marks the agreed file. Run `swadaya assess {file}` without --rater to work on a consensus.',
    id: '"consensus" bukan nama penilai: kata itu menandai berkas yang disepakati. Jalankan `swadaya assess {file}` tanpa --rater untuk mengerjakan konsensus.',
  },
  'ratings.raterOtherFile': {
    en: '{file} holds the rating of {other}. A rater never sees another\'s answers: start your own file, e.g. `swadaya assess {suggestion} --rater {rater}`.',
    id: '{file} berisi penilaian {other}. Penilai tidak pernah melihat jawaban penilai lain: mulai berkas Anda sendiri, mis. `swadaya assess {suggestion} --rater {rater}`.',
  },
  'ratings.raterConsensusFile': {
    en: '{file} is a consensus (it has answers and no rater of its own). Rate blind: start your own file, e.g. `swadaya assess {suggestion} --rater {rater}`.',
    id: '{file} adalah konsensus (berisi jawaban tanpa penilai sendiri). Nilailah tanpa melihat: mulai berkas Anda sendiri, mis. `swadaya assess {suggestion} --rater {rater}`.',
  },
  'ratings.discussSpread': { en: 'discuss: spread {spread}', id: 'discuss: selisih {spread}' },
  'ratings.discussNa': { en: 'discuss: n/a against a level', id: 'discuss: sebagian menjawab tidak berlaku, sebagian memberi tingkat' },
} as const satisfies Section;
