import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/io/rubric-loader.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'rubrics');

/** Writes a one-file rubric built from the tiny fixture with one edit applied to its text. */
function variant(edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'swadaya-rubric-'));
  const file = join(dir, 'rubric.yaml');
  const base = `id: v
version: 1.0.0
title: {en: V, id: V}
languages: [en, id]
scale:
  - {level: 0, label: {en: None, id: Tidak}}
  - {level: 1, label: {en: Full, id: Penuh}}
principles:
  - id: alpha
    title: {en: Alpha, id: Alfa}
    indicators:
      - id: a1
        pillar: p1
        question: {en: Q, id: T}
        levels: [{en: no, id: tidak}, {en: yes, id: ya}]
phases:
  - id: one
    title: {en: One, id: Satu}
    pillars:
      - {id: p1, title: {en: P1, id: P1}}
    exit:
      - {target: overall, min: 50}
`;
  writeFileSync(file, edit(base));
  return file;
}

describe('loadRubric', () => {
  it('loads the tiny one-file rubric into the model, expanding `each`', async () => {
    const { rubric, findings } = await loadRubric(join(fixtures, 'tiny'));
    expect(findings).toEqual([]);
    expect(rubric?.maxLevel).toBe(2);
    expect(rubric?.indicators.map((indicator) => indicator.id)).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(rubric?.phases[0]?.exit).toEqual([
      { kind: 'area', target: 'pillar:p1', min: 50 },
      { kind: 'area', target: 'pillar:p2', min: 50 },
      { kind: 'level', target: 'indicator:a2', level: 2 },
    ]);
    expect(rubric?.bands).toEqual([
      { id: 'low', label: { en: 'Low', id: 'Rendah' }, min: 0 },
      { id: 'high', label: { en: 'High', id: 'Tinggi' }, above: 60 },
    ]);
    expect(rubric?.coverage).toBe(0.8);
  });

  it('keeps every Latin-1 string one byte a character, whatever else the file holds, and the others as written', async () => {
    // v8's serialisation tags a one-byte string '"' and a two-byte one 'c' (after a two-byte header).
    const oneByte = (text: string): boolean => serialize(text)[2] === 0x22;
    const file = variant((text) => `# a comment with a dash beyond Latin-1 — and an arrow →\n${text.replace('{en: Alpha, id: Alfa}', '{en: Alpha ≥ 3, id: Alfa}')}`);
    const { rubric, findings } = await loadRubric(file);
    expect(findings).toEqual([]);
    const indicator = rubric!.indicators[0]!;
    expect([indicator.id, indicator.pillar, rubric!.phases[0]!.exit[0]!.target, (indicator.levels[1] as { en: string }).en].map(oneByte)).toEqual([true, true, true, true]);
    expect(rubric!.principles[0]!.title).toEqual({ en: 'Alpha ≥ 3', id: 'Alfa' });
    expect(oneByte((rubric!.principles[0]!.title as { en: string }).en)).toBe(false);
    expect(rubric!.principles[0]!.indicators[0]).toBe(indicator);
  });

  it('loads the default P2KP rubric with the phase and pillar ids of the P2KP programme (README)', async () => {
    const { rubric, findings } = await loadRubric(join(import.meta.dirname, '..', '..', 'rubrics', 'p2kp'));
    expect(findings).toEqual([]);
    expect(rubric?.principles.map((principle) => principle.id)).toEqual(['integration', 'sustainability', 'harmony', 'self-reliance', 'cadre-building']);
    expect(rubric?.phases.map((phase) => [phase.id, phase.pillars.map((pillar) => pillar.id)])).toEqual([
      ['berdaya', ['universal-values', 'capacity-assets', 'institutions', 'participation']],
      ['mandiri', ['local-institutions', 'good-governance', 'partnerships']],
      ['madani', ['pro-poor-neighbourhood', 'pro-poor-governance']],
    ]);
    const count = rubric?.indicators.length ?? 0;
    expect(count).toBeGreaterThanOrEqual(25);
    expect(count).toBeLessThanOrEqual(40);
    for (const principle of rubric?.principles ?? []) expect(principle.indicators.length).toBeGreaterThanOrEqual(4);
    for (const pillar of rubric?.phases.flatMap((phase) => phase.pillars) ?? []) {
      expect(rubric?.indicators.filter((indicator) => indicator.pillar === pillar.id).length).toBeGreaterThanOrEqual(2);
    }
    const tags = new Set(rubric?.indicators.flatMap((indicator) => indicator.tags));
    expect([...tags].sort()).toEqual(['tridaya:economic', 'tridaya:environmental', 'tridaya:social']);
  });

  it('reports every error of a broken rubric with file, line and column', async () => {
    const { rubric, findings } = await loadRubric(join(fixtures, 'broken'));
    expect(rubric).toBeUndefined();
    const brief = findings.map((finding) => `${finding.file.split('/').pop()}:${finding.line}:${finding.column} ${finding.code}`);
    expect(brief).toEqual([
      'first.yaml:5:13 unknown-pillar',
      'first.yaml:8:9 duplicate-id',
      'first.yaml:11:13 wrong-descriptor-count',
      'first.yaml:14:15 missing-language',
      'rubric.yaml:15:14 empty-pillar',
      'rubric.yaml:17:18 unknown-target',
    ]);
    expect(findings[0]?.args).toMatchObject({ id: 'bsae', suggestion: 'base' });
  });

  it.each([
    ['an unknown key with a suggestion', (t: string) => t.replace('languages:', 'langauges:'), 'unknown-key', 4, 1],
    ['a missing required key', (t: string) => t.replace('version: 1.0.0\n', ''), 'missing-key', 1, 1],
    ['a bad semver', (t: string) => t.replace('1.0.0', 'one'), 'bad-format', 2, 10],
    ['a scale that does not start at 0', (t: string) => t.replace('{level: 0,', '{level: 5,'), 'scale-not-contiguous', 6, 13],
    ['an unknown tag', (t: string) => t.replace('pillar: p1\n', 'pillar: p1\n        tags: [x:y]\n'), 'unknown-tag', 14, 16],
    ['a gate on an unknown principle', (t: string) => t.replace('target: overall', 'target: principle:alpah'), 'unknown-target', 22, 18],
    ['a level on an area', (t: string) => t.replace('{target: overall, min: 50}', '{target: overall, level: 1}'), 'level-needs-indicator', 22, 34],
    ['a criterion level above the scale', (t: string) => t.replace('{target: overall, min: 50}', '{target: indicator:a1, level: 3}'), 'criterion-level-out-of-range', 22, 39],
    ['a duplicate key', (t: string) => t.replace('id: v\n', 'id: v\nid: w\n'), 'duplicate-key', 2, 1],
    ['a missing principle file', (t: string) => t.replace(/principles:\n[\s\S]*?phases:/, 'principles: [nowhere.yaml]\nphases:'), 'principle-file-not-found', 8, 14],
  ])('reports %s at its place', async (_name, edit, code, line, column) => {
    const { rubric, findings } = await loadRubric(variant(edit));
    expect(rubric).toBeUndefined();
    expect(findings.map((finding) => [finding.code, finding.line, finding.column])).toContainEqual([code, line, column]);
  });

  it('suggests the closest allowed key', async () => {
    const { findings } = await loadRubric(variant((t) => t.replace('languages:', 'langauges:')));
    expect(findings.find((finding) => finding.code === 'unknown-key')?.args.suggestion).toBe('languages');
  });
});
