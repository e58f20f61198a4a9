import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { memoryContext } from '../helpers/memory-context.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'diff');
const out = mkdtempSync(join(tmpdir(), 'swadaya-report-trend-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function report(args: string[]) {
  const memory = memoryContext({ cwd: fixtures });
  const code = await runCli(['report', '--trend', ...args], memory.ctx);
  return { code, stderr: memory.stderr() };
}

describe('swadaya report --trend', () => {
  it('draws the cohort flow and one small line chart per community, each with its data table', async () => {
    const file = join(out, 'trend.html');
    const { code, stderr } = await report(['2024', '2025', '2026', '-o', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const html = readFileSync(file, 'utf8');
    const validation = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    expect(validation.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`))).toEqual([]);
    expect(html).toContain('<h1>Trend over 2024 → 2025 → 2026</h1>');
    // One cohort chart and seven communities (test/fixtures/diff/README.md), each an accessible image with a table.
    expect(html.match(/<svg [^>]*role="img"/g)).toHaveLength(8);
    expect(html.match(/<div class="chart-data"><table>/g)).toHaveLength(8);
    expect(html).not.toMatch(/\ssrc=|\shref=|<script/i);
    // Stalled and regressed communities come first: Beta (002) slid back, Gamma (003) is stalled.
    const order = [...html.matchAll(/<figcaption>Kelurahan (\w+)/g)].map((match) => match[1]);
    expect(order).toEqual(['Beta', 'Gamma', 'Alpha', 'Delta', 'Epsilon', 'Zeta', 'Eta']);
    expect(html).toContain('<figcaption>Kelurahan Beta (002) — Slid back</figcaption>');
    // Alpha: 37.5, 68.75, 81.25 and a slope of 21.875 points a year.
    expect(html).toContain('<td class="num">37.5</td><td class="num">68.8</td><td class="num">81.3</td><td class="num">+21.9</td>');
    // The cohort table, by the rubric's phase titles: berdaya (Empowered) 4 / 2 / 1 over the three years.
    expect(html).toContain('<th scope="row">Empowered</th><td class="num">4</td><td class="num">2</td><td class="num">1</td>');
  });

  it('speaks Indonesian and refuses --before/--after with --trend', async () => {
    const file = join(out, 'tren.html');
    expect((await report(['2024', '2025', '2026', '-o', file, '--lang', 'id'])).code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('Komunitas per fase yang dicapai, periode demi periode');
    expect(html).toContain('Kelurahan Gamma (003) — Mandek');
    const refused = await report(['2024', '--before', '2024', '--after', '2025', '-o', join(out, 'x.html')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--trend takes the periods as paths');
  });
});
