import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { communityFileName } from '../../src/commands/report.js';
import { findBrowser } from '../../src/io/pdf.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'swadaya-report-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const memory = memoryContext({ cwd: root, env });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

async function scoreJson(paths: string[]) {
  return JSON.parse((await cli(['score', ...paths, '--format', 'json'])).stdout) as {
    results: { community: { id: string; region?: string }; period: string; readiness: { path: { items: unknown[] } | null } }[];
    summary: { count: number };
  };
}

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

/** Every chart is an accessible image with a data table beside it, and nothing points outside the file. */
async function expectSound(html: string): Promise<void> {
  const report = await validator.validateString(html);
  const messages = report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId} ${message.line}:${message.column} ${message.message}`));
  expect(messages).toEqual([]);
  const charts = html.match(/<svg [^>]*role="img"[^>]*>/g) ?? [];
  expect(charts.length).toBeGreaterThan(0);
  expect(html.match(/<figure class="chart/g)?.length).toBe(charts.length);
  expect(html.match(/<div class="chart-data"><table>/g)?.length).toBe(charts.length);
  for (const svg of charts) expect(svg).toMatch(/aria-labelledby="(\S+)-t \1-d"/);
  expect(html.match(/<title id=/g)?.length).toBe(charts.length);
  expect(html.match(/<desc id=/g)?.length).toBe(charts.length);
  // No resource can be fetched: no src, href or CSS url(), and a policy that forbids any.
  expect(html).not.toMatch(/\ssrc=|\shref=|url\(|@import|<script/i);
  expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
}

describe('swadaya report', () => {
  it('writes one assessment in Indonesian: header, radar, pillar bars, checklist, the path, every answer', async () => {
    const file = join(out, 'sukaluyu.html');
    const { code, stderr } = await cli(['report', 'examples/2025/sukaluyu.yaml', '-o', file, '--lang', 'id']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const html = readFileSync(file, 'utf8');
    await expectSound(html);
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('Skor prinsip terhadap gerbang');
    expect(html).toContain('Gerbang keluar');
    expect(html).toContain('Semua jawaban');
    const [result] = (await scoreJson(['examples/2025/sukaluyu.yaml'])).results;
    // The path lists each of its items once, as score --format json does.
    const items = html.match(/<ol class="path">(.*?)<\/ol>/s)?.[1]?.match(/<li>/g)?.length ?? 0;
    expect(items).toBe(result?.readiness.path?.items.length);
    expect(html).toMatch(/Jalan menuju .*: \d+ langkah menuju siap/);
  });

  it('writes a set: verdicts by declared phase, the distribution, principles, the closest, coverage; --group-by adds a table', async () => {
    const file = join(out, '2025.html');
    const { code } = await cli(['report', 'examples/2025', '-o', file, '--group-by', 'region']);
    expect(code).toBe(0);
    const html = readFileSync(file, 'utf8');
    await expectSound(html);
    const json = await scoreJson(['examples/2025']);
    expect(html).toContain(`Readiness of ${json.summary.count} communities`);
    for (const name of ['verdicts', 'distribution', 'principle-scores']) expect(html).toContain(`<figure class="chart ${name}">`);
    const regions = new Set(json.results.map((result) => result.community.region ?? ''));
    const groupRows = html.match(/<table class="groups">.*?<tbody>(.*?)<\/tbody>/s)?.[1]?.match(/<tr>/g)?.length;
    expect(groupRows).toBe(regions.size);
    expect(html).toContain('The 10 closest to their gate');
    expect(html).toContain('Coverage warnings');
    expect(html).not.toContain('<section class="community');
  });

  it('--each adds one compact section per community; --each DIR writes one page per community, named by id and period', async () => {
    const json = await scoreJson(['examples/2025']);
    const file = join(out, 'each.html');
    const dir = join(out, 'communities');
    expect((await cli(['report', 'examples/2025', '-o', file, '--each'])).code).toBe(0);
    const html = readFileSync(file, 'utf8');
    await expectSound(html);
    expect(html.match(/<section class="community compact"/g)?.length).toBe(json.summary.count);
    expect((await cli(['report', 'examples/2025', '--each', dir])).code).toBe(0);
    const expected = json.results.map((result) => communityFileName(result.community.id, result.period)).sort();
    expect(readdirSync(dir).sort()).toEqual(expected);
    const one = readFileSync(join(dir, expected[0] ?? ''), 'utf8');
    expect(one).toContain('Every answer');
  });

  it('--each DIR with a --group-by field no assessment has is refused with exit 2 before any page is written', async () => {
    const dir = join(out, 'refused-pages');
    const { code, stderr } = await cli(['report', 'examples/2025', '--each', dir, '--group-by', 'regoin']);
    expect(code).toBe(2);
    expect(stderr).toContain('Did you mean --group-by region?');
    expect(readdirSync(dir)).toEqual([]);
    // With a field the assessments have, the same run writes every page.
    expect((await cli(['report', 'examples/2025', '--each', dir, '--group-by', 'region'])).code).toBe(0);
    expect(readdirSync(dir).length).toBe((await scoreJson(['examples/2025'])).summary.count);
  });

  it('writes the change between two sets on the diff core: transition matrix, rises and falls, mean change', async () => {
    const file = join(out, 'change.html');
    const { code } = await cli(['report', '--before', 'examples/2024', '--after', 'examples/2025', '-o', file]);
    expect(code).toBe(0);
    const html = readFileSync(file, 'utf8');
    await expectSound(html);
    for (const name of ['transitions', 'movers', 'mean-change']) expect(html).toContain(`<figure class="chart ${name}">`);
    const diff = JSON.parse((await cli(['diff', 'examples/2024', 'examples/2025', '--format', 'json'])).stdout) as { summary: { matched: number } };
    // The transition table's cells add up to the matched communities.
    const matrix = html.match(/<figure class="chart transitions">.*?<tbody>(.*?)<\/tbody>/s)?.[1] ?? '';
    const cells = [...matrix.matchAll(/<td class="num">(\d+)<\/td>/g)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(cells).toBe(diff.summary.matched);
  });

  it('names the problem and exits 2 on a bad command line', async () => {
    const noOutput = await cli(['report', 'examples/2025']);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain('-o FILE.html');
    const halfChange = await cli(['report', '--before', 'examples/2024', '-o', join(out, 'x.html')]);
    expect(halfChange.code).toBe(2);
    expect(halfChange.stderr).toContain('--before and --after go together');
    const badChrome = await cli(['report', 'examples/2025', '--pdf', join(out, 'x.pdf'), '--chrome', '/nonexistent/chromium']);
    expect(badChrome.code).toBe(2);
    expect(badChrome.stderr).toContain('--chrome names /nonexistent/chromium');
    const badEnv = await cli(['report', 'examples/2025', '--pdf', join(out, 'x.pdf')], { CHROME_PATH: '/nonexistent/chrome' });
    expect(badEnv.code).toBe(2);
    expect(badEnv.stderr).toContain('CHROME_PATH names /nonexistent/chrome');
  });

  it('says how to get a browser when none is installed where browsers usually are', () => {
    expect(() => findBrowser(undefined, {}, 'id', ['/nonexistent/a', '/nonexistent/b'])).toThrow(/--pdf memerlukan Chromium atau Chrome/);
    let caught: unknown;
    try {
      findBrowser(undefined, {}, 'en', ['/nonexistent/a']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'no-browser', exitCode: 2 });
    expect((caught as { hint: string }).hint).toContain('apt-get install chromium');
  });
});
