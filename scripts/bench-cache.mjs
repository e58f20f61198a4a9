// `npm run bench -- --cache`: the cache of `score --cache` (docs/ci.md#the-cache), measured side by
// side in each round: a cold run (empty cache), a warm run (nothing changed), a run after one
// file changed, and the same command without --cache. Ratios are per round, then the median.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glob } from 'tinyglobby';

const targets = { warm: 0.15, changed: 0.2 };

export async function benchCache({ run, dataset, sizes, repeats, cli, log, median }) {
  const rows = [];
  for (const size of sizes) {
    const set = dataset(size, 2025, 2024);
    const [changed] = (await glob('**/*.yaml', { cwd: set, absolute: true })).sort();
    const original = readFileSync(changed, 'utf8');
    const samples = { plain: [], cold: [], warm: [], changed: [], warmRatio: [], changedRatio: [], plainRss: [], coldRss: [], warmRss: [], changedRss: [], codes: new Set() };
    for (let round = 0; round < repeats; round += 1) {
      const location = mkdtempSync(join(tmpdir(), 'swadaya-cache-bench-'));
      const args = [cli, 'score', set, '--format', 'json', '--cache-location', location];
      try {
        log(`[cache ${size}] round ${round + 1}/${repeats}: without --cache …`);
        const plain = await run([cli, 'score', set, '--format', 'json']);
        log(`[cache ${size}] round ${round + 1}/${repeats}: cold …`);
        const cold = await run(args);
        log(`[cache ${size}] round ${round + 1}/${repeats}: warm …`);
        const warm = await run(args);
        // One answer changed, the file otherwise the same: the next run re-scores exactly this file.
        writeFileSync(changed, original.replace(/: (\d)\n/, (_, level) => `: ${level === '0' ? 1 : 0}\n`));
        log(`[cache ${size}] round ${round + 1}/${repeats}: one file changed …`);
        const one = await run(args);
        writeFileSync(changed, original);
        for (const result of [plain, cold, warm, one]) samples.codes.add(result.code);
        samples.plainRss.push(plain.rssMB);
        samples.coldRss.push(cold.rssMB);
        samples.warmRss.push(warm.rssMB);
        samples.changedRss.push(one.rssMB);
        samples.plain.push(plain.seconds);
        samples.cold.push(cold.seconds);
        samples.warm.push(warm.seconds);
        samples.changed.push(one.seconds);
        samples.warmRatio.push(warm.seconds / cold.seconds);
        samples.changedRatio.push(one.seconds / cold.seconds);
      } finally {
        writeFileSync(changed, original);
        rmSync(location, { recursive: true, force: true });
      }
    }
    rows.push({
      size,
      plain: median(samples.plain),
      cold: median(samples.cold),
      warm: median(samples.warm),
      changed: median(samples.changed),
      warmRatio: median(samples.warmRatio),
      changedRatio: median(samples.changedRatio),
      rss: ['plainRss', 'coldRss', 'warmRss', 'changedRss'].map((name) => Math.max(...samples[name])),
      codes: [...samples.codes],
    });
  }
  const fmt = (value, digits = 2) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const lines = [
    '`score --format json --cache`: cold (empty cache), warm (nothing changed), one file changed; each ratio is the median over rounds of that run / the cold run of the same round. Peak RSS: the largest over rounds, of the whole process (all threads).',
    '',
    `| files | without --cache s | cold s | warm s | warm/cold (≤ ${targets.warm}) | one changed s | changed/cold (≤ ${targets.changed}) | met | peak RSS MB: without / cold / warm / one changed |`,
    '|---:|---:|---:|---:|---:|---:|---:|:-:|---:|',
  ];
  for (const row of rows) {
    const met = row.warmRatio <= targets.warm && row.changedRatio <= targets.changed;
    const failed = row.codes.some((code) => code !== 0) ? ` (exit ${row.codes.join('/')})` : '';
    lines.push(`| ${row.size.toLocaleString('en-US')}${failed} | ${fmt(row.plain)} | ${fmt(row.cold)} | ${fmt(row.warm)} | ${fmt(row.warmRatio)} | ${fmt(row.changed)} | ${fmt(row.changedRatio)} | ${met ? 'yes' : '**no**'} | ${row.rss.map((mb) => mb.toFixed(0)).join(' / ')} |`);
  }
  return lines;
}
