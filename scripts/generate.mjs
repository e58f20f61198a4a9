// Writes N synthetic assessments for a rubric, nested like a national dataset
// (province/city/ID.yaml), deterministically from a seed. For benchmarks and for trying the
// tool on a large set.
//
//   node scripts/generate.mjs --count 11000 --out .bench/a --period 2024
//   node scripts/generate.mjs --count 11000 --out .bench/b --period 2025 --since 2024
//
// With --since, the set is the same communities assessed again: identities and baseline levels
// come from the community's own seed, and each year after --since drifts the levels, so a diff
// between the two sets is meaningful. A few communities drop out and a few new ones come in.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const PROVINCES = [
  ['11', 'Aceh', ['Banda Aceh', 'Lhokseumawe', 'Langsa', 'Sabang']],
  ['12', 'Sumatera Utara', ['Medan', 'Binjai', 'Pematangsiantar', 'Tebing Tinggi', 'Sibolga']],
  ['13', 'Sumatera Barat', ['Padang', 'Bukittinggi', 'Payakumbuh', 'Solok']],
  ['14', 'Riau', ['Pekanbaru', 'Dumai']],
  ['16', 'Sumatera Selatan', ['Palembang', 'Prabumulih', 'Lubuklinggau']],
  ['18', 'Lampung', ['Bandar Lampung', 'Metro']],
  ['31', 'DKI Jakarta', ['Jakarta Pusat', 'Jakarta Utara', 'Jakarta Barat', 'Jakarta Selatan', 'Jakarta Timur']],
  ['32', 'Jawa Barat', ['Bandung', 'Bogor', 'Bekasi', 'Depok', 'Cirebon', 'Sukabumi', 'Tasikmalaya', 'Cimahi']],
  ['33', 'Jawa Tengah', ['Semarang', 'Surakarta', 'Magelang', 'Pekalongan', 'Salatiga', 'Tegal']],
  ['34', 'DI Yogyakarta', ['Yogyakarta']],
  ['35', 'Jawa Timur', ['Surabaya', 'Malang', 'Kediri', 'Madiun', 'Blitar', 'Pasuruan', 'Probolinggo', 'Mojokerto']],
  ['36', 'Banten', ['Tangerang', 'Serang', 'Cilegon', 'Tangerang Selatan']],
  ['51', 'Bali', ['Denpasar']],
  ['52', 'Nusa Tenggara Barat', ['Mataram', 'Bima']],
  ['53', 'Nusa Tenggara Timur', ['Kupang']],
  ['61', 'Kalimantan Barat', ['Pontianak', 'Singkawang']],
  ['63', 'Kalimantan Selatan', ['Banjarmasin', 'Banjarbaru']],
  ['64', 'Kalimantan Timur', ['Samarinda', 'Balikpapan', 'Bontang']],
  ['71', 'Sulawesi Utara', ['Manado', 'Bitung', 'Tomohon']],
  ['73', 'Sulawesi Selatan', ['Makassar', 'Parepare', 'Palopo']],
  ['81', 'Maluku', ['Ambon', 'Tual']],
  ['94', 'Papua', ['Jayapura']],
];
const PREFIXES = ['Suka', 'Karang', 'Tanjung', 'Kampung', 'Sidomulyo', 'Mekar', 'Kebon', 'Pasar', 'Rawa', 'Bukit', 'Sungai', 'Tegal', 'Pondok', 'Cempaka', 'Margo'];
const ROOTS = ['jaya', 'maju', 'sari', 'mulya', 'rejo', 'asih', 'indah', 'harja', 'wangi', 'baru', 'makmur', 'agung', 'raya', 'tengah', 'timur', 'barat', 'utara', 'selatan'];
const PEOPLE = ['A. Rahman', 'B. Santoso', 'C. Wulandari', 'D. Setyawati', 'E. Siregar', 'F. Hutapea', 'G. Lestari', 'H. Nasution', 'I. Purnomo', 'J. Tampubolon', 'K. Daeng', 'L. Manuhutu', 'M. Yuliani', 'N. Hasibuan'];
const NOTES = [
  'Notulen rembug warga tersedia di sekretariat BKM; daftar hadir lengkap untuk tiga pertemuan terakhir.',
  'Sebagian RW belum melaksanakan kegiatan karena pergantian ketua RT; dijadwalkan ulang bulan depan.',
  'Relawan setempat sudah memimpin kegiatan tanpa pendampingan fasilitator sejak awal tahun.',
  'Laporan keuangan diaudit oleh auditor independen dan ditempel di papan informasi kelurahan.',
  'Kelompok perempuan aktif dalam perencanaan; keterlibatan KK miskin masih di bawah 30%.',
  'Data belum dimutakhirkan sejak pemetaan swadaya terakhir; tim relawan sedang dibentuk kembali.',
];
const EVIDENCE = ['notulen rapat BKM', 'daftar hadir rembug warga', 'foto papan informasi', 'laporan audit tahunan', 'dokumen PJM Pronangkis', 'SK kelurahan'];
/** A reason for "not applicable" that fits the indicator, by a word of its id. */
const NA_REASONS = [
  ['forum', 'Tidak ada forum keagamaan atau adat yang aktif di kelurahan ini'],
  ['revolving', 'PJM memutuskan dana bergulir tidak dijalankan; dana dialihkan ke kegiatan lingkungan'],
  ['disaster', 'BPBD mencatat tidak ada zona rawan bencana di kelurahan ini'],
];
const naReasonOf = (id) => NA_REASONS.find(([word]) => id.includes(word))?.[1] ?? 'Tidak berlaku untuk kelurahan ini';
const HEADER_NOTES = [
  '# Penilaian ulang setelah pergantian pengurus BKM; data dari notulen rapat dan kunjungan lapangan.',
  '# Fase tidak dicantumkan oleh fasilitator kota; biarkan bukti yang menentukan.',
  '# Dua RW tidak dapat dikunjungi karena banjir; jawaban berdasarkan dokumen di sekretariat BKM.',
];

const USAGE = `usage: node scripts/generate.mjs --count N --out DIR [--period 2024] [--since PERIOD] [--seed S] [--rubric DIR]
  --since PERIOD  the same communities assessed again: levels drift from PERIOD to --period`;

export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string', default: '1000' },
      out: { type: 'string' },
      period: { type: 'string', default: '2024' },
      since: { type: 'string' },
      seed: { type: 'string', default: '1' },
      rubric: { type: 'string', default: join(root, 'rubrics/p2kp') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.out) {
    console.error(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return undefined;
  }
  return {
    count: Number(values.count),
    out: resolve(values.out),
    period: Number(values.period),
    since: values.since === undefined ? Number(values.period) : Number(values.since),
    seed: Number(values.seed),
    rubric: resolve(values.rubric),
  };
}

/** sfc32 seeded through splitmix32 from a list of integers: the same keys, the same stream. */
function prng(...keys) {
  let h = 0x9e3779b9;
  for (const key of keys) {
    h = Math.imul(h ^ (key >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  const next32 = () => {
    h = (h + 0x9e3779b9) | 0;
    let z = h;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  let a = next32(), b = next32(), c = next32(), d = next32();
  const random = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  return {
    random,
    int: (n) => Math.floor(random() * n),
    pick: (list) => list[Math.floor(random() * list.length)],
    chance: (p) => random() < p,
  };
}

/** Indicator ids (with whether n/a is allowed), phase ids and max level of a rubric directory. */
export function readRubric(dir) {
  const manifest = parse(readFileSync(join(dir, 'rubric.yaml'), 'utf8'));
  const indicators = [];
  for (const entry of manifest.principles) {
    const principle = typeof entry === 'string' ? parse(readFileSync(join(dir, entry), 'utf8')) : entry;
    for (const indicator of principle.indicators) indicators.push({ id: indicator.id, na: indicator.na === true });
  }
  const maxLevel = Math.max(...manifest.scale.map((step) => step.level));
  return { id: manifest.id, version: manifest.version, indicators, phases: manifest.phases.map((phase) => phase.id), maxLevel };
}

const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const clamp = (value, max) => Math.max(0, Math.min(max, value));

/** Who community `index` is, and how it stood in the base period: fixed by seed and index alone. */
function communityOf(index, options, rubric) {
  const rng = prng(options.seed, index);
  const [provinceCode, province, cities] = rng.pick(PROVINCES);
  const cityIndex = rng.int(cities.length);
  const city = cities[cityIndex];
  // A 10-digit BPS-like code: province, city (7x for a kota), district, village. District and
  // village come from the index, so ids are unique up to 891,000 communities.
  const district = 1 + (Math.floor(index / 9000) % 99);
  const village = 1000 + (index % 9000);
  const id = `${provinceCode}${71 + cityIndex}${String(district).padStart(2, '0')}${village}`;
  const name = `Kelurahan ${rng.pick(PREFIXES)}${rng.pick(ROOTS)}`;
  const maturity = rng.random(); // how far along the whole community is
  const levels = rubric.indicators.map(() => clamp(Math.round(maturity * rubric.maxLevel + (rng.random() - 0.5) * 2.2), rubric.maxLevel));
  const notApplicable = rubric.indicators.map((indicator) => indicator.na && rng.chance(0.08));
  return { province, city, id, name, levels, notApplicable };
}

/** Levels drift a year at a time from the base period, mostly upwards. */
function levelsIn(community, index, options, rubric) {
  const levels = [...community.levels];
  for (let year = options.since + 1; year <= options.period; year += 1) {
    const rng = prng(options.seed, index, year);
    for (let i = 0; i < levels.length; i += 1) {
      const step = rng.random();
      if (step < 0.25) levels[i] = clamp(levels[i] + 1, rubric.maxLevel);
      else if (step < 0.32) levels[i] = clamp(levels[i] - 1, rubric.maxLevel);
    }
  }
  return levels;
}

function quote(text) {
  return JSON.stringify(text);
}

function assessmentText(community, levels, options, rubric, rng) {
  const lines = [];
  if (rng.chance(0.3)) lines.push('# yaml-language-server: $schema=../../../schemas/assessment.schema.json');
  if (rng.chance(0.1)) lines.push(rng.pick(HEADER_NOTES));
  lines.push(`rubric: ${rubric.id}@${rubric.version}`);
  lines.push('community:');
  lines.push(`  id: "${community.id}"`);
  lines.push(`  name: ${community.name}`);
  lines.push(`  region: Kota ${community.city}`);
  lines.push(`  province: ${community.province}`);
  lines.push(`period: "${options.period}"`);
  const month = String(1 + rng.int(12)).padStart(2, '0');
  const day = String(1 + rng.int(28)).padStart(2, '0');
  lines.push(`assessed: "${options.period}-${month}-${day}"`);
  lines.push(`assessors: [${[rng.pick(PEOPLE), rng.pick(PEOPLE)].filter((name, i, all) => all.indexOf(name) === i).join(', ')}]`);
  if (rng.chance(0.85)) {
    const mean = levels.reduce((sum, level) => sum + level, 0) / levels.length / rubric.maxLevel;
    const phase = rubric.phases[Math.min(rubric.phases.length - 1, Math.floor(mean * rubric.phases.length))];
    if (phase) lines.push(`phase: ${phase}`);
  }
  lines.push('answers:');
  let principle = '';
  for (const [i, indicator] of rubric.indicators.entries()) {
    const group = indicator.id.split('.')[0];
    if (group !== principle) {
      principle = group;
      lines.push(`  # ${group}`);
    }
    if (rng.chance(0.02)) {
      lines.push(`  # ${indicator.id}: belum dinilai`);
      continue;
    }
    if (community.notApplicable[i]) {
      lines.push(`  ${indicator.id}: {na: ${quote(naReasonOf(indicator.id))}}`);
      continue;
    }
    if (rng.chance(0.06)) {
      lines.push(`  ${indicator.id}:`);
      lines.push(`    level: ${levels[i]}`);
      lines.push(`    note: ${quote(rng.pick(NOTES))}`);
      if (rng.chance(0.5)) lines.push('    evidence:', `      - ${quote(rng.pick(EVIDENCE))}`, `      - ${quote(rng.pick(EVIDENCE))}`);
      continue;
    }
    lines.push(`  ${indicator.id}: ${levels[i]}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Community index `i` of a later set; a few have dropped out and been replaced by new ones. */
function indexIn(i, options) {
  if (options.period === options.since) return i;
  return prng(options.seed, i, options.period, 7).chance(0.005) ? options.count + i : i;
}

export function generate(options) {
  const rubric = readRubric(options.rubric);
  rmSync(options.out, { recursive: true, force: true });
  const made = new Set();
  for (let i = 0; i < options.count; i += 1) {
    const index = indexIn(i, options);
    const community = communityOf(index, options, rubric);
    const levels = levelsIn(community, index, options, rubric);
    const dir = join(options.out, slug(community.province), slug(community.city));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const rng = prng(options.seed, index, options.period, 1);
    writeFileSync(join(dir, `${community.id}.yaml`), assessmentText(community, levels, options, rubric, rng));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = parseOptions(process.argv.slice(2));
  if (options) generate(options);
}
