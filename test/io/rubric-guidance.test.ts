import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Chalk } from 'chalk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assessCommand } from '../../src/commands/assess.js';
import { renderTemplate } from '../../src/format/rubric/template.js';
import { renderRubricTree } from '../../src/format/rubric/tree.js';
import { loadRubric } from '../../src/io/rubric-loader.js';
import { memoryContext, settingsFor } from '../helpers/memory-context.js';
import { scriptedPrompter } from '../assess/scripted-prompter.js';

const GUIDED = resolve('test/fixtures/rubrics/guided/rubric.yaml');
const plain = new Chalk({ level: 0 });

async function guided() {
  const { rubric, findings } = await loadRubric(GUIDED);
  expect(findings).toEqual([]);
  return rubric!;
}

describe('rubric guidance and the n/a rule', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'swadaya-guided-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads guidance and an n/a text; `na: true` has no text and an absent na is not allowed', async () => {
    const rubric = await guided();
    expect(rubric.guidance).toEqual({
      en: 'Choose the highest level all of whose conditions are met.\nLevels are cumulative.',
      id: 'Pilih tingkat tertinggi yang semua syaratnya terpenuhi.\nTingkat bersifat kumulatif.',
    });
    const a2 = rubric.indicators.find((indicator) => indicator.id === 'a2')!;
    expect(a2.na).toBe(true);
    expect(a2.naWhen).toEqual({ en: 'no A2 was ever planned', id: 'A2 tidak pernah direncanakan' });
    const a1 = rubric.indicators.find((indicator) => indicator.id === 'a1')!;
    expect(a1.na).toBe(false);
    expect(a1.naWhen).toBeUndefined();
  });

  it('reports guidance and an n/a text that lack the default language, with line and column', async () => {
    const text = readFileSync(GUIDED, 'utf8')
      .replace("  en: |-\n    Choose the highest level all of whose conditions are met.\n    Levels are cumulative.\n", '')
      .replace('na: {en: no A2 was ever planned, id:', 'na: {id:');
    writeFileSync(join(dir, 'rubric.yaml'), text);
    const { rubric, findings } = await loadRubric(join(dir, 'rubric.yaml'));
    expect(rubric).toBeUndefined();
    expect(findings.map((finding) => [finding.code, finding.line])).toEqual([
      ['missing-language', 6],
      ['missing-language', 27],
    ]);
  });

  it('rejects an n/a rule that is neither true/false nor a text', async () => {
    writeFileSync(join(dir, 'rubric.yaml'), readFileSync(GUIDED, 'utf8').replace(/na: \{en: no A2[^}]*\}/, 'na: 3'));
    const { rubric, findings } = await loadRubric(join(dir, 'rubric.yaml'));
    expect(rubric).toBeUndefined();
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((finding) => [finding.code, finding.line])).toEqual([['wrong-type', 30]]);
  });

  it('rubric show prints the guidance under its own heading and the n/a rule under the indicator', async () => {
    const rubric = await guided();
    const en = renderRubricTree({ rubric }, { language: 'en', requested: 'en', colors: plain });
    expect(en).toContain('How to rate\n  Choose the highest level all of whose conditions are met.\n  Levels are cumulative.\n');
    expect(en).toContain('      Is A2 done?\n      n/a only when: no A2 was ever planned\n');
    const id = renderRubricTree({ rubric }, { language: 'id', requested: 'id', colors: plain });
    expect(id).toContain('Cara menilai\n  Pilih tingkat tertinggi yang semua syaratnya terpenuhi.\n');
    expect(id).toContain('tidak berlaku hanya jika: A2 tidak pernah direncanakan');
    expect(id).toContain('• indicator:a2 ≥ tingkat 2');
    expect(en).toContain('• indicator:a2 ≥ level 2');
  });

  it('template prints the guidance, pillar titles in the chosen language, and the n/a rule as comments', async () => {
    const rubric = await guided();
    const id = renderTemplate({ rubric, modeline: undefined }, { language: 'id', requested: 'id', colors: plain });
    expect(id).toContain('# Cara menilai:\n#   Pilih tingkat tertinggi yang semua syaratnya terpenuhi.\n#   Tingkat bersifat kumulatif.\nrubric: guided@1.0.0\n');
    expect(id).toContain('  #   [pilar: Pilar satu, kind:social]');
    expect(id).not.toContain('pilar: p1');
    expect(id).toContain('  #   tidak berlaku hanya jika: A2 tidak pernah direncanakan\n  a2:');
  });

  it('the interview says the guidance before the first question and offers n/a with its rule', async () => {
    const memory = memoryContext({ cwd: dir, tty: true });
    const header = ['0001', 'Desa Satu', '', '2025', '', ''];
    const prompter = scriptedPrompter([...header, 2, '', 'na', 'never planned', 1, '', 0, '']);
    const code = await assessCommand('a.yaml', { ...settingsFor(memory.ctx, { lang: 'en' }), rubric: GUIDED, review: false }, memory.ctx, prompter);
    expect(code).toBe(0);
    const guidance = prompter.said.indexOf('Choose the highest level all of whose conditions are met.');
    expect(guidance).toBeGreaterThan(-1);
    expect(prompter.said[guidance + 1]).toBe('Levels are cumulative.');
    const levels = prompter.asked.flatMap((prompt, index) => (prompt.kind === 'select' && prompt.message === 'Level' ? [index] : []));
    const selects = prompter.asked.filter((prompt) => prompt.kind === 'select');
    const names = levels.map((index) => prompter.choiceNames[selects.indexOf(prompter.asked[index]!)]!);
    expect(names[1]).toContain('Not applicable — n/a only when: no A2 was ever planned');
    expect(names[0]?.some((name) => name.startsWith('Not applicable'))).toBe(false);
  });
});
