import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { loadRubric } from '../../src/io/rubric-loader.js';
import { memoryContext } from '../helpers/memory-context.js';

/**
 * The gates of the shipped p2kp@2.0.0 (rubrics/p2kp/rubric.yaml), on uniform profiles. Every
 * indicator at level L scores 25 × L, so a uniform profile scores 25 × L everywhere.
 */
const root = join(import.meta.dirname, '..', '..');
let ids: string[] = [];
let dir: string;

beforeAll(async () => {
  const { rubric, findings } = await loadRubric(join(root, 'rubrics', 'p2kp'));
  expect(findings).toEqual([]);
  expect(rubric?.version).toBe('2.0.0');
  ids = rubric!.indicators.map((indicator) => indicator.id);
  dir = mkdtempSync(join(tmpdir(), 'swadaya-p2kp-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Scores one assessment with every indicator at `level`, except `overrides`; returns its JSON result. */
async function uniform(level: number, options: { phase?: string; overrides?: Record<string, string> } = {}) {
  const answers = ids.map((id) => `  ${id}: ${options.overrides?.[id] ?? level}`).join('\n');
  const phase = options.phase ? `phase: ${options.phase}\n` : '';
  const file = join(dir, `uniform-${level}-${options.phase ?? 'none'}-${Object.keys(options.overrides ?? {}).length}.yaml`);
  writeFileSync(file, `rubric: p2kp@2.0.0\ncommunity: {id: "0001", name: Kelurahan Uji}\nperiod: "2025"\n${phase}answers:\n${answers}\n`);
  const memory = memoryContext({ cwd: root });
  const code = await runCli(['score', file, '--format', 'json'], memory.ctx);
  expect(memory.stderr()).toBe('');
  expect(code).toBe(0);
  return JSON.parse(memory.stdout()).results[0];
}

const failing = (result: { readiness: { criteria: { target: string; status: string; gap: number }[] } }) =>
  result.readiness.criteria.filter((criterion) => criterion.status === 'fail').map((criterion) => [criterion.target, criterion.gap]);

describe('p2kp@2.0.0 gates', () => {
  it('ships 39 indicators, the five new ones among them', () => {
    expect(ids).toHaveLength(39);
    for (const id of ['integration.pjm-quality', 'sustainability.blm-implementation', 'self-reliance.bkm-governance', 'integration.program-channeling', 'integration.bkm-advocacy']) {
      expect(ids).toContain(id);
    }
  });

  it('all level 3 declared madani is not graduated: the four "without a facilitator" criteria fail by one level', async () => {
    const result = await uniform(3, { phase: 'madani' });
    expect(result.overall).toEqual({ score: 75, coverage: 1, band: 'strong' });
    expect(result.phase).toEqual({ declared: 'madani', attained: 'madani', current: 'madani', next: 'graduated', mismatch: false });
    expect(result.readiness.verdict).toBe('not-ready');
    expect(failing(result)).toEqual([
      ['indicator:sustainability.participatory-review', 1],
      ['indicator:sustainability.audited-finances', 1],
      ['indicator:cadre-building.technical-cadres', 1],
      ['indicator:self-reliance.bkm-election', 1],
    ]);
    // 13 criteria: 2 pillars, 5 principles, overall, non-BLM funding (all pass) and 4 at 3/4.
    expect(result.readiness.index).toBe(92.31);
  });

  it('all level 4 graduates', async () => {
    const result = await uniform(4);
    expect(result.overall).toEqual({ score: 100, coverage: 1, band: 'exemplary' });
    expect(result.phase).toEqual({ declared: null, attained: 'graduated', current: 'graduated', next: null, mismatch: false });
    expect(result.readiness).toMatchObject({ verdict: 'graduated', index: 100, criteria: [] });
  });

  it('all level 3 in mandiri with the revolving fund at level 1 is not ready, on that criterion alone', async () => {
    const result = await uniform(3, { phase: 'mandiri', overrides: { 'sustainability.revolving-fund': '1' } });
    // Sustainability: (14 × 75 − 2 × 50) / 14 = 67.857…; overall (4 × 75 + 67.857…) / 5 = 73.571…
    expect(result.overall.score).toBe(73.57);
    expect(result.principles.find((principle: { id: string }) => principle.id === 'sustainability').score).toBe(67.86);
    expect(result.readiness.verdict).toBe('not-ready');
    expect(failing(result)).toEqual([['indicator:sustainability.revolving-fund', 2]]);
    // 13 criteria: 12 pass, the fund at 1/3.
    expect(result.readiness.index).toBe(94.87);
    expect(result.readiness.focus).toEqual([
      {
        criterion: 'indicator:sustainability.revolving-fund',
        indicator: 'sustainability.revolving-fund',
        level: 1,
        next: 2,
        action: 'In the latest report RR is at least 80%, and LAR and PAR are each at most 20% (POB "adequate").',
      },
    ]);
  });

  it('all level 3 in mandiri is ready, and stays ready with the revolving fund n/a under its rule', async () => {
    expect((await uniform(3, { phase: 'mandiri' })).readiness.verdict).toBe('ready');
    const closed = await uniform(3, { phase: 'mandiri', overrides: { 'sustainability.revolving-fund': '{na: "closed 2023, no loan outstanding, final balance audited"}' } });
    expect(closed.readiness.verdict).toBe('ready');
    expect(closed.readiness.criteria.find((criterion: { target: string }) => criterion.target === 'indicator:sustainability.revolving-fund').status).toBe('na');
  });

  it('all level 2 stays in berdaya: every pillar at 50 is under the gate of 60', async () => {
    const result = await uniform(2);
    expect(result.overall).toEqual({ score: 50, coverage: 1, band: 'strengthening' });
    expect(result.phase.attained).toBe('berdaya');
    expect(failing(result).map(([target]) => target)).toEqual([
      'pillar:universal-values',
      'pillar:capacity-assets',
      'pillar:institutions',
      'pillar:participation',
      'indicator:self-reliance.bkm-election',
      'indicator:integration.joint-planning',
      'indicator:integration.pjm-quality',
    ]);
  });
});

describe('p2kp@2.0.0 descriptors', () => {
  const texts = async () => {
    const { rubric } = await loadRubric(join(root, 'rubrics', 'p2kp'));
    return rubric!;
  };

  it('every level 4 says the practice continues without a facilitator, in both languages', async () => {
    const rubric = await texts();
    const missing = rubric.indicators.filter((indicator) => {
      const top = indicator.levels[4] as Record<string, string>;
      return !top.en?.includes('without a facilitator') || !top.id?.includes('tanpa fasilitator');
    });
    expect(missing.map((indicator) => indicator.id)).toEqual([]);
  });

  it('descriptors are floors ("at least X"), never ranges that could overlap or leave gaps', async () => {
    const rubric = await texts();
    const ranges = rubric.indicators.flatMap((indicator) =>
      indicator.levels.flatMap((level, index) => Object.values(level as Record<string, string>).filter((text) => /\d+\s*[–-]\s*\d+\s*%/.test(text)).map(() => `${indicator.id}#${index}`)),
    );
    expect(ranges).toEqual([]);
  });

  it('uses the corrected Indonesian wording', async () => {
    const rubric = await texts();
    const all = JSON.stringify([rubric.guidance, rubric.phases, rubric.bands, rubric.principles]);
    for (const old of ['merenungkan', 'abainya warga', 'lembaga kepercayaannya', 'dikepalai perempuan', 'himpunan dananya', 'peraturan kota']) expect(all).not.toContain(old);
    expect(all).toContain('sikap abai warga');
    expect(all).toContain('perempuan kepala keluarga miskin');
    expect(all).toContain('dana yang dihimpunnya sendiri');
    expect(rubric.bands.map((band) => (band.label as Record<string, string>).id)).not.toContain('Berkembang');
  });
});
