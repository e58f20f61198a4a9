// npm run bench [-- --quick] [-- --repeats N] [-- --no-build] [-- --cache]
//
// --cache measures only the cache of `score --cache` (scripts/bench-cache.mjs).
// Measures swadaya at national scale (docs/commands.md#scale) against a floor taken on the same machine in the
// same run: one thread that only reads and YAML.parses the same files (scripts/parse-floor.mjs).
// Tool and floor run alternately, so a busy machine slows both; each ratio is the median of the
// ratios of its pairs. Peak RSS is the whole process's, worker threads included.
// Generated sets are cached under .bench/data; the table goes to stdout and .bench/results.md.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, '.bench');
const cli = join(root, 'bin/swadaya.js');
const floorScript = join(root, 'scripts/parse-floor.mjs');
const TIME = '/usr/bin/time';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    repeats: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    cache: { type: 'boolean', default: false },
  },
});
const sizes = values.quick ? [11_000] : [11_000, 84_000];
const repeats = Number(values.repeats ?? (values.quick ? 2 : 3));
const startupRuns = values.quick ? 10 : 20;
const targets = { score: 0.75, validate: 0.75, diff: 0.75, rssMB: 512, version: 2, scoreOne: 3.5, trend: 1.2, import: 1.5, report: 2, reportMB: 40 };

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const log = (line) => process.stderr.write(`${line}\n`);

/** A generated set, reused while the generator and its options are unchanged. */
function dataset(count, period, since) {
  const dir = join(benchDir, 'data', `p2kp-${count}-${period}`);
  const stampFile = `${dir}.json`;
  const generator = createHash('sha256').update(readFileSync(join(root, 'scripts/generate.mjs'))).digest('hex').slice(0, 16);
  const stamp = JSON.stringify({ count, period, since, seed: 1, generator });
  if (existsSync(dir) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return dir;
  log(`generating ${count} assessments for ${period} in ${dir} …`);
  generate({ count, out: dir, period, since, seed: 1, rubric: join(root, 'rubrics/p2kp') });
  writeFileSync(stampFile, stamp);
  return dir;
}

/** Runs `node ARGS` with stdout discarded; wall time (s) measured here, peak RSS (MB) of the whole process. */
async function run(args) {
  const scratch = mkdtempSync(join(tmpdir(), 'swadaya-bench-'));
  const rssFile = join(scratch, 'rss');
  const viaTime = existsSync(TIME);
  const command = viaTime ? TIME : process.execPath;
  // Without GNU time, a wrapper runs the script in-process and reports getrusage's peak, which
  // counts every thread of the process.
  const wrapper = `const fs = await import('node:fs'); const [script, ...rest] = process.argv.slice(1);
process.argv = [process.argv[0], script, ...rest];
process.on('exit', () => fs.writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));
await import((await import('node:url')).pathToFileURL(script).href);`;
  const commandArgs = viaTime ? ['-f', '%M', '-o', rssFile, process.execPath, ...args] : ['--input-type=module', '-e', wrapper, '--', ...args];
  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  const rssKB = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  rmSync(scratch, { recursive: true, force: true });
  return { seconds, rssMB: rssKB / 1024, code, stderr };
}

function startupMs(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  return times;
}

/** Whether `diff` is there yet: a command that is still a stub exits with an internal or usage error. */
function diffAvailable() {
  const probe = spawnSync(process.execPath, [cli, 'diff', 'examples/2024', 'examples/2025', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  return probe.status === 0 || probe.status === 1 ? undefined : (probe.stderr.split('\n')[0] || `exit ${probe.status}`);
}

const workloads = (a, b) => [
  { name: 'score --format json', args: [cli, 'score', a, '--format', 'json'], floor: [a], target: targets.score },
  { name: 'validate', args: [cli, 'validate', a], floor: [a], target: targets.validate },
  { name: 'diff --format json', args: [cli, 'diff', a, b, '--format', 'json'], floor: [a, b], target: targets.diff, diff: true },
];

if (!values['no-build']) {
  log('building …');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
mkdirSync(benchDir, { recursive: true });
if (values.cache) {
  const { benchCache } = await import('./bench-cache.mjs');
  const loadStart = loadavg();
  // The targets are at national scale: 84,000 files (11,000 with --quick).
  const table = await benchCache({ run, dataset, sizes: values.quick ? [11_000] : [84_000], repeats, cli, log, median });
  const header = [
    '# swadaya benchmark: the cache',
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}. Load average (1 min) before ${loadStart[0].toFixed(2)}, after ${loadavg()[0].toFixed(2)}. Run: \`npm run bench -- --cache${values.quick ? ' --quick' : ''}\`, ${repeats} round(s), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
  ];
  const report = `${[...header, ...table].join('\n')}\n`;
  writeFileSync(join(benchDir, 'cache-results.md'), report);
  process.stdout.write(report);
  process.exit(0);
}
const loadBefore = loadavg();
const diffSkipped = diffAvailable();
if (diffSkipped) log(`diff skipped: ${diffSkipped}`);

const rows = [];
for (const size of sizes) {
  const a = dataset(size, 2024, 2024);
  const b = dataset(size, 2025, 2024);
  const jobs = workloads(a, b).filter((job) => !(job.diff && diffSkipped));
  const samples = new Map(jobs.map((job) => [job, { tool: [], floor: [], ratio: [], rss: [], codes: new Set() }]));
  for (let round = 0; round < repeats; round += 1) {
    // One floor per distinct set of directories and round, shared by the jobs that read them.
    const floors = new Map();
    for (const job of jobs) {
      const key = job.floor.join('\0');
      if (!floors.has(key)) {
        log(`[${size}] round ${round + 1}/${repeats}: floor ${job.floor.length === 1 ? 'one set' : 'both sets'} …`);
        floors.set(key, await run([floorScript, ...job.floor]));
      }
      log(`[${size}] round ${round + 1}/${repeats}: ${job.name} …`);
      const tool = await run(job.args);
      const floor = floors.get(key);
      const sample = samples.get(job);
      sample.tool.push(tool.seconds);
      sample.floor.push(floor.seconds);
      sample.ratio.push(tool.seconds / floor.seconds);
      sample.rss.push(tool.rssMB);
      sample.codes.add(tool.code);
      if (tool.code !== 0) log(`  exit ${tool.code}: ${tool.stderr.split('\n')[0]}`);
    }
  }
  for (const job of jobs) {
    const sample = samples.get(job);
    const files = job.floor.length * size;
    const tool = median(sample.tool);
    rows.push({ name: job.name, files, tool, rate: files / tool, floor: median(sample.floor), ratio: median(sample.ratio), target: job.target, rss: Math.max(...sample.rss), size, codes: [...sample.codes] });
  }
}

// trend over three periods against scoring the three sets one by one, alternately in each round
// (docs/trend.md#scale): target ≤ 1.2× the summed score time; peak RSS < 512 MB at 84,000 × 3.
const trendRows = [];
for (const size of sizes) {
  const sets = [dataset(size, 2024, 2024), dataset(size, 2025, 2024), dataset(size, 2026, 2024)];
  const sample = { trend: [], scores: [], ratio: [], rss: [], codes: new Set() };
  for (let round = 0; round < repeats; round += 1) {
    log(`[${size}] round ${round + 1}/${repeats}: trend of three periods …`);
    const trend = await run([cli, 'trend', ...sets, '--format', 'json']);
    let scores = 0;
    for (const set of sets) {
      log(`[${size}] round ${round + 1}/${repeats}: score ${set} …`);
      scores += (await run([cli, 'score', set, '--format', 'json'])).seconds;
    }
    sample.trend.push(trend.seconds);
    sample.scores.push(scores);
    sample.ratio.push(trend.seconds / scores);
    sample.rss.push(trend.rssMB);
    sample.codes.add(trend.code);
    if (trend.code !== 0) log(`  exit ${trend.code}: ${trend.stderr.split('\n')[0]}`);
  }
  trendRows.push({ size, trend: median(sample.trend), scores: median(sample.scores), ratio: median(sample.ratio), rss: Math.max(...sample.rss), codes: [...sample.codes] });
}

// import of an 11,000-row KoboToolbox CSV export (scripts/kobo-export.mjs, from the generated set) against
// score --format json of the 11,000 files it writes, alternately in each round (docs/field-data.md):
// target ≤ 1.5× that score time, peak RSS < 512 MB.
const importRows = [];
{
  const size = 11_000;
  const csv = join(benchDir, 'data', `kobo-${size}-2024.csv`);
  log(`writing the Kobo export ${csv} …`);
  const exported = spawnSync(process.execPath, [join(root, 'scripts/kobo-export.mjs'), '--rubric', join(root, 'rubrics/p2kp'), '--in', dataset(size, 2024, 2024), '--out', csv], { cwd: root, stdio: 'inherit' });
  if (exported.status !== 0) process.exit(exported.status ?? 1);
  const sample = { import: [], score: [], ratio: [], rss: [], codes: new Set() };
  for (let round = 0; round < repeats; round += 1) {
    const out = mkdtempSync(join(tmpdir(), 'swadaya-bench-import-'));
    log(`[${size}] round ${round + 1}/${repeats}: import of the Kobo export …`);
    const imported = await run([cli, 'import', csv, '--rubric', 'p2kp', '-o', out]);
    log(`[${size}] round ${round + 1}/${repeats}: score of the imported files …`);
    const scored = await run([cli, 'score', out, '--format', 'json']);
    rmSync(out, { recursive: true, force: true });
    sample.import.push(imported.seconds);
    sample.score.push(scored.seconds);
    sample.ratio.push(imported.seconds / scored.seconds);
    sample.rss.push(imported.rssMB);
    sample.codes.add(imported.code);
    if (imported.code !== 0) log(`  exit ${imported.code}: ${imported.stderr.split('\n')[0]}`);
  }
  importRows.push({ size, import: median(sample.import), score: median(sample.score), ratio: median(sample.ratio), rss: Math.max(...sample.rss), codes: [...sample.codes] });
}

// report of a national set against score --format json on the same set, alternately in each
// round (docs/report.md#scale): target ≤ 2× the score time, peak RSS < 512 MB, HTML < 40 MB.
const reportRows = [];
{
  const size = 11_000;
  const set = dataset(size, 2025, 2024);
  const sample = { report: [], score: [], ratio: [], rss: [], bytes: 0, codes: new Set() };
  const scratch = mkdtempSync(join(tmpdir(), 'swadaya-bench-report-'));
  const html = join(scratch, 'report.html');
  for (let round = 0; round < repeats; round += 1) {
    log(`[${size}] round ${round + 1}/${repeats}: report …`);
    const report = await run([cli, 'report', set, '-o', html]);
    log(`[${size}] round ${round + 1}/${repeats}: score --format json …`);
    const score = await run([cli, 'score', set, '--format', 'json']);
    sample.report.push(report.seconds);
    sample.score.push(score.seconds);
    sample.ratio.push(report.seconds / score.seconds);
    sample.rss.push(report.rssMB);
    sample.bytes = existsSync(html) ? readFileSync(html).length : 0;
    sample.codes.add(report.code);
    if (report.code !== 0) log(`  exit ${report.code}: ${report.stderr.split('\n')[0]}`);
  }
  rmSync(scratch, { recursive: true, force: true });
  reportRows.push({ size, report: median(sample.report), score: median(sample.score), ratio: median(sample.ratio), rss: Math.max(...sample.rss), mb: sample.bytes / 2 ** 20, codes: [...sample.codes] });
}

log('start-up …');
const example = 'examples/2024/kemijen.yaml';
const baseline = [];
const version = [];
const scoreOne = [];
for (let i = 0; i < startupRuns; i += 1) {
  baseline.push(...startupMs(['-e', '0'], 1));
  version.push(...startupMs([cli, '--version'], 1));
  scoreOne.push(...startupMs([cli, 'score', example], 1));
}
const loadAfter = loadavg();

const fmt = (value, digits = 2) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const check = (ok) => (ok ? 'yes' : '**no**');
const lines = [];
lines.push(`# swadaya benchmark`, '');
lines.push(`Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM (${fmt(freemem() / 2 ** 30, 1)} free), ${platform()} ${release()}, Node ${process.version}.`);
lines.push(`Load average (1 min) before ${fmt(loadBefore[0])}, after ${fmt(loadAfter[0])}. Run: \`npm run bench${values.quick ? ' -- --quick' : ''}\`, ${repeats} round(s), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`);
lines.push('');
lines.push('Floor: one thread that only reads and `YAML.parse`s the same files (both sets for diff), run alternately with the tool. Ratio: median over rounds of tool time / floor time. Peak RSS: the largest over rounds, of the whole process (worker threads included).');
lines.push('');
lines.push(`Targets: tool/floor ≤ 0.75 at 11,000 files; peak RSS < ${targets.rssMB} MB at 84,000.`);
lines.push('');
lines.push('| workload | files | tool s | files/s | floor s | floor files/s | tool/floor | peak RSS MB | met |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|:-:|');
for (const row of rows) {
  const failed = row.codes.some((code) => code !== 0) ? ` (exit ${row.codes.join('/')})` : '';
  const met = row.size >= 84_000 ? row.rss < targets.rssMB : row.ratio <= row.target;
  lines.push(`| ${row.name}${failed} | ${row.files.toLocaleString('en-US')} | ${fmt(row.tool)} | ${fmt(row.rate, 0)} | ${fmt(row.floor)} | ${fmt(row.files / row.floor, 0)} | ${fmt(row.ratio)} | ${fmt(row.rss, 0)} | ${check(met)} |`);
}
if (diffSkipped) lines.push(`| diff --format json | — | skipped: ${diffSkipped.replace(/\|/g, '/')} | | | | | | |`);
lines.push('');
lines.push('| trend --format json, 3 periods | files | trend s | 3 × score --format json s | ratio | target | peak RSS MB | met |');
lines.push('|---|---:|---:|---:|---:|---:|---:|:-:|');
for (const row of trendRows) {
  const failed = row.codes.some((code) => code !== 0) ? ` (exit ${row.codes.join('/')})` : '';
  const met = row.ratio <= targets.trend && (row.size < 84_000 || row.rss < targets.rssMB);
  lines.push(`| ${row.size.toLocaleString('en-US')} per period${failed} | ${(3 * row.size).toLocaleString('en-US')} | ${fmt(row.trend)} | ${fmt(row.scores)} | ${fmt(row.ratio)} | ≤ ${targets.trend} | ${fmt(row.rss, 0)} | ${check(met)} |`);
}
lines.push('');
lines.push('| import of a KoboToolbox CSV export | rows | import s | score --format json of its files s | ratio | target | peak RSS MB | met |');
lines.push('|---|---:|---:|---:|---:|---:|---:|:-:|');
for (const row of importRows) {
  const failed = row.codes.some((code) => code !== 0) ? ` (exit ${row.codes.join('/')})` : '';
  const met = row.ratio <= targets.import && row.rss < targets.rssMB;
  lines.push(`| p2kp, \`;\`, \`/\` groups${failed} | ${row.size.toLocaleString('en-US')} | ${fmt(row.import)} | ${fmt(row.score)} | ${fmt(row.ratio)} | ≤ ${targets.import} | ${fmt(row.rss, 0)} | ${check(met)} |`);
}
lines.push('');
lines.push('| report (HTML) | files | report s | score --format json s | ratio | target | peak RSS MB | HTML MB | met |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|:-:|');
for (const row of reportRows) {
  const failed = row.codes.some((code) => code !== 0) ? ` (exit ${row.codes.join('/')})` : '';
  const met = row.ratio <= targets.report && row.rss < targets.rssMB && row.mb < targets.reportMB;
  lines.push(`| \`report SET -o FILE.html\`${failed} | ${row.size.toLocaleString('en-US')} | ${fmt(row.report)} | ${fmt(row.score)} | ${fmt(row.ratio)} | ≤ ${targets.report} | ${fmt(row.rss, 0)} | ${fmt(row.mb, 3)} | ${check(met)} |`);
}
lines.push('');
lines.push(`| start-up (median of ${startupRuns}) | ms | \`node -e 0\` ms | ratio | target | met |`);
lines.push('|---|---:|---:|---:|---:|:-:|');
const base = median(baseline);
for (const [name, times, target] of [['swadaya --version', version, targets.version], [`swadaya score ${example}`, scoreOne, targets.scoreOne]]) {
  const ratio = median(times) / base;
  lines.push(`| ${name} | ${fmt(median(times), 0)} | ${fmt(base, 0)} | ${fmt(ratio)} | ≤ ${target} | ${check(ratio <= target)} |`);
}
const report = `${lines.join('\n')}\n`;
writeFileSync(join(benchDir, 'results.md'), report);
process.stdout.write(report);
