import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { BROWSER_ARGS, findBrowser } from '../../src/io/pdf.js';
import { memoryContext } from '../helpers/memory-context.js';

// The reports in a real Chromium (Debian's chromium; .ci/run installs it): one launch for the file.
const root = join(import.meta.dirname, '..', '..');
const out = mkdtempSync(join(tmpdir(), 'swadaya-report-browser-'));
let browser: Browser;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const memory = memoryContext({ cwd: root });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findBrowser(undefined, process.env, 'en'), args: [...BROWSER_ARGS] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

/** Opens a report with every request routed: anything but the file itself is refused and recorded. */
async function open(file: string): Promise<{ page: Page; outside: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const outside: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, outside, errors };
}

/** The share of a screenshot's pixels that are not white, measured in a blank page's canvas. */
async function inkShare(png: Buffer): Promise<number> {
  const scratch = await browser.newPage();
  try {
    // Runs in the page (a string, as this project's types have no DOM): draws the PNG, counts pixels that are not near-white.
    const count = `(async () => {
      const image = new Image();
      image.src = 'data:image/png;base64,${png.toString('base64')}';
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let ink = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240) ink += 1;
      return ink / (pixels.length / 4);
    })()`;
    return (await scratch.evaluate(count)) as number;
  } finally {
    await scratch.close();
  }
}

/** Pages of a PDF as Chromium writes it: one `/Type /Page` object each. */
function pdfPages(file: string): number {
  return readFileSync(file, 'latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

const cases = [
  { name: 'one assessment (en)', args: ['examples/2025/sukaluyu.yaml', '--lang', 'en'], texts: ['Principle scores against the gate', 'Pillar scores by phase', 'Path to', 'Every answer'], charts: ['radar', 'pillars'] },
  { name: 'one assessment (id)', args: ['examples/2025/sukaluyu.yaml', '--lang', 'id'], texts: ['Skor prinsip terhadap gerbang', 'Skor pilar menurut fase', 'Jalan menuju', 'Semua jawaban'], charts: ['radar', 'pillars'] },
  { name: 'a set (en)', args: ['examples/2025', '--lang', 'en'], texts: ['Verdicts by declared phase', 'Distribution of overall scores', 'The 10 closest to their gate'], charts: ['verdicts', 'distribution', 'principle-scores'] },
  { name: 'a set (id)', args: ['examples/2025', '--lang', 'id'], texts: ['Putusan menurut fase yang dinyatakan', 'Sebaran skor keseluruhan', '10 komunitas terdekat ke gerbangnya'], charts: ['verdicts', 'distribution', 'principle-scores'] },
  { name: 'a change (en)', args: ['--before', 'examples/2024', '--after', 'examples/2025', '--lang', 'en'], texts: ['Phase transitions', 'Biggest rises and falls', 'Mean change by principle'], charts: ['transitions', 'movers', 'mean-change'] },
  { name: 'a change (id)', args: ['--before', 'examples/2024', '--after', 'examples/2025', '--lang', 'id'], texts: ['Perpindahan fase', 'Kenaikan dan penurunan terbesar', 'Rata-rata perubahan menurut prinsip'], charts: ['transitions', 'movers', 'mean-change'] },
  { name: 'several periods (en)', args: ['--trend', 'examples/2024', 'examples/2025', 'examples/2026', '--lang', 'en'], texts: ['Communities per attained phase, period by period', 'Overall score of each community over the periods'], charts: ['cohort'] },
  { name: 'several periods (id)', args: ['--trend', 'examples/2024', 'examples/2025', 'examples/2026', '--lang', 'id'], texts: ['Komunitas per fase yang dicapai, periode demi periode', 'Skor keseluruhan tiap komunitas dari periode ke periode'], charts: ['cohort'] },
];

describe('the reports in Chromium', () => {
  it.each(cases)('$name: loads with no console error and no request leaving the file; its charts and texts are there; the screenshot is not blank', async ({ name, args, texts, charts }) => {
    const file = join(out, `${name.replace(/\W+/g, '-')}.html`);
    expect((await cli(['report', ...args, '-o', file])).code).toBe(0);
    const { page, outside, errors } = await open(file);
    try {
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
      const body = await page.locator('main').innerText();
      for (const text of texts) expect(body).toContain(text);
      for (const chart of charts) {
        const svg = page.locator(`figure.chart.${chart} svg[role="img"]`);
        await expect(svg.count()).resolves.toBe(1);
        // Drawn, and with something in it: marks inside a box of real size.
        const box = await svg.boundingBox();
        expect(box?.width).toBeGreaterThan(200);
        expect(await svg.locator('rect, path, circle, line').count()).toBeGreaterThan(3);
        await expect(page.locator(`figure.chart.${chart} .chart-data table tbody tr`).count()).resolves.toBeGreaterThan(0);
      }
      // Nothing wider than the window: no chart or table is cut.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1100);
      expect(await inkShare(await page.screenshot())).toBeGreaterThan(0.03);
    } finally {
      await page.close();
    }
  });

  it('prints a set with --each to one A4 page per community after the summary', async () => {
    const plain = join(out, 'plain.html');
    const each = join(out, 'each.pdf');
    expect((await cli(['report', 'examples/2025', '-o', plain])).code).toBe(0);
    const printed = await cli(['report', 'examples/2025', '--each', '--pdf', each]);
    expect(printed.stderr).toBe('');
    expect(printed.code).toBe(0);
    const { page } = await open(plain);
    const summary = join(out, 'summary.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: summary, format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.close();
    const communities = (JSON.parse((await cli(['score', 'examples/2025', '--format', 'json'])).stdout) as { summary: { count: number } }).summary.count;
    expect(pdfPages(summary)).toBeGreaterThan(0);
    expect(pdfPages(each)).toBe(pdfPages(summary) + communities);
  }, 60_000);
});
