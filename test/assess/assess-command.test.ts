import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { assessCommand } from '../../src/commands/assess.js';
import { SwadayaError } from '../../src/errors.js';
import { loadAssessmentText } from '../../src/io/assessment-loader.js';
import { RubricFinder } from '../../src/io/rubric-finder.js';
import { memoryContext, settingsFor } from '../helpers/memory-context.js';
import { INTERRUPT, scriptedPrompter, type ScriptedAnswer } from './scripted-prompter.js';

const RUBRIC = resolve('test/fixtures/assess/rubric.yaml');
/** Community id, name, region, period, assessors, phase ("" = let the evidence decide). */
const HEADER: ScriptedAnswer[] = ['0032010', 'Kelurahan Sukaluyu', 'Kota Bandung', '2025', 'A. Rahman, B. Sari', ''];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swadaya-assess-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function assess(file: string, script: ScriptedAnswer[], options: { review?: boolean; lang?: string; rubric?: string | null } = {}) {
  const memory = memoryContext({ cwd: dir, tty: true });
  const prompter = scriptedPrompter(script);
  const rubric = options.rubric === null ? undefined : (options.rubric ?? RUBRIC);
  const code = await assessCommand(file, { ...settingsFor(memory.ctx, { lang: options.lang }), rubric, review: options.review }, memory.ctx, prompter);
  return { code, prompter, stdout: memory.stdout(), stderr: memory.stderr() };
}

/** The file as the real loader reads it: it must be a valid assessment. */
async function load(file: string) {
  const text = readFileSync(join(dir, file), 'utf8');
  const result = await loadAssessmentText(file, text, new RubricFinder({ cwd: dir, searchPath: undefined }), { rubricOverride: RUBRIC });
  expect(result.findings).toEqual([]);
  const loaded = result.assessments[0]!;
  return { text, assessment: loaded.assessment, answers: Object.fromEntries(loaded.assessment.answers) };
}

const selects = (asked: { kind: string; message: string; default?: unknown; choices?: readonly unknown[] }[]) => asked.filter((prompt) => prompt.kind === 'select' && prompt.message === 'Level');

describe('assess: a new file', () => {
  it('asks the header, then every indicator principle by principle, and saves a valid file', async () => {
    const { code, prompter, stdout, stderr } = await assess('a.yaml', [...HEADER, 2, 'RW 01 and 03 only', 1, '', 'na', 'No house of worship here', 0, '']);
    expect(code).toBe(0);
    expect(prompter.remaining()).toBe(0);
    expect(prompter.asked.filter((prompt) => prompt.kind === 'input').map((prompt) => prompt.message).slice(0, 5)).toEqual([
      'Community id (e.g. the village code)',
      'Community name',
      'Region (optional)',
      'Period (YYYY, YYYY-MM or YYYY-MM-DD)',
      'Assessors (comma-separated, optional)',
    ]);
    expect(prompter.said).toContain('Integration 1/2 · 1/4 · integration.joint-planning');
    expect(prompter.said).toContain('Harmony 2/2 · 4/4 · harmony.balance');
    expect(prompter.said).toContain('Evidence: Minutes of planning meetings.');
    const { text, assessment, answers } = await load('a.yaml');
    expect(text).toContain('id: "0032010"');
    expect(text).toContain('assessors: [A. Rahman, B. Sari]');
    expect(text).not.toContain('phase:');
    expect(assessment.community).toEqual({ id: '0032010', name: 'Kelurahan Sukaluyu', region: 'Kota Bandung' });
    expect(assessment.period).toBe('2025');
    expect(answers).toEqual({
      'integration.joint-planning': { kind: 'level', level: 2, note: 'RW 01 and 03 only', evidence: undefined },
      'integration.resources': { kind: 'level', level: 1 },
      'harmony.religious-forum': { kind: 'na', reason: 'No house of worship here', note: undefined },
      'harmony.balance': { kind: 'level', level: 0 },
    });
    expect(text).toMatch(/integration\.joint-planning: \{level: 2, note: RW 01 and 03 only\}/);
    expect(text).toMatch(/harmony\.religious-forum: \{na: No house of worship here\}/);
    expect(stdout).toContain('Kelurahan Sukaluyu');
    expect(stdout).toMatch(/Path to .*: \d+ step\(s\)/);
    expect(stderr).toContain('Saved to a.yaml');
  });

  it('re-asks a period that is not YYYY, YYYY-MM or YYYY-MM-DD, and a required field left blank', async () => {
    const { code, prompter } = await assess('a.yaml', ['', '0032010', 'Sukaluyu', '', '2025-13', '25', '2025-08', '', 'berdaya', 'skip', 'skip', 'skip', 'skip']);
    expect(code).toBe(0);
    expect(prompter.asked.filter((prompt) => prompt.kind === 'rejected').map((prompt) => prompt.message)).toEqual([
      'Required.',
      'Write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025.',
      'Write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025.',
    ]);
    const { assessment, text } = await load('a.yaml');
    expect(assessment.period).toBe('2025-08');
    expect(assessment.phase).toBe('berdaya');
    expect(text).not.toContain('region');
    expect(text).not.toContain('assessors');
  });

  it('offers "not applicable" only where the indicator allows it, and wants a reason', async () => {
    const { prompter } = await assess('a.yaml', [...HEADER, 'skip', 'skip', 'na', '', '  ', 'closed in 2023', 'skip']);
    const [first, , forum] = selects(prompter.asked);
    expect(first?.choices).toEqual([0, 1, 2, 'skip']);
    expect(forum?.choices).toEqual([0, 1, 2, 'na', 'skip']);
    expect(prompter.asked.filter((prompt) => prompt.kind === 'rejected')).toHaveLength(2);
    const { answers } = await load('a.yaml');
    expect(answers).toEqual({ 'harmony.religious-forum': { kind: 'na', reason: 'closed in 2023', note: undefined } });
  });

  it('leaves a skipped indicator missing and says how to come back to it', async () => {
    const { code, stderr } = await assess('a.yaml', [...HEADER, 1, '', 'skip', 'skip', 2, '']);
    expect(code).toBe(0);
    const { answers } = await load('a.yaml');
    expect(Object.keys(answers)).toEqual(['integration.joint-planning', 'harmony.balance']);
    expect(stderr).toContain('2 indicator(s) still unanswered');
    expect(stderr).toContain(`swadaya assess a.yaml --rubric ${RUBRIC}`);
  });

  it('shows every prompt and rubric text in Indonesian with --lang id', async () => {
    const { prompter, stderr } = await assess('a.yaml', [...HEADER, 'skip', 'skip', 'skip', 'skip'], { lang: 'id' });
    expect(prompter.asked[0]?.message).toBe('Id komunitas (mis. kode desa/kelurahan)');
    expect(prompter.asked.find((prompt) => prompt.kind === 'select')?.message).toBe('Fase komunitas menurut program');
    expect(selects(prompter.asked)).toHaveLength(0);
    expect(prompter.asked.filter((prompt) => prompt.message === 'Tingkat')).toHaveLength(4);
    expect(prompter.said).toContain('Apakah warga merencanakan bersama?');
    expect(prompter.said).toContain('Bukti: Notulen rembug perencanaan.');
    expect(prompter.said).toContain('Keterpaduan 1/2 · 1/4 · integration.joint-planning');
    expect(stderr).toContain('4 indikator belum dijawab');
  });
});

describe('assess: Ctrl-C', () => {
  it('exits 130 mid-way with a valid file holding every answer given so far', async () => {
    const { code, stderr } = await assess('a.yaml', [...HEADER, 2, 'RW 01', 1, '', INTERRUPT]);
    expect(code).toBe(130);
    const { answers, assessment } = await load('a.yaml');
    expect(assessment.community.id).toBe('0032010');
    expect(answers).toEqual({
      'integration.joint-planning': { kind: 'level', level: 2, note: 'RW 01', evidence: undefined },
      'integration.resources': { kind: 'level', level: 1 },
    });
    expect(stderr).toContain('Interrupted. 2 of 4 answers are saved in a.yaml.');
    expect(stderr).toContain(`Resume with: swadaya assess a.yaml --rubric ${RUBRIC}`);
  });

  it('saves an answer only once complete: Ctrl-C at its note loses only that answer', async () => {
    const { code } = await assess('a.yaml', [...HEADER, 2, INTERRUPT]);
    expect(code).toBe(130);
    const { answers } = await load('a.yaml');
    expect(answers).toEqual({});
  });

  it('saves each header field as it goes, and a resume asks the header again with what was given', async () => {
    const first = await assess('a.yaml', ['0032010', 'Sukaluyu', INTERRUPT]);
    expect(first.code).toBe(130);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toContain('name: Sukaluyu');
    const second = await assess('a.yaml', ['', '', '', '2025', '', '', 'skip', 'skip', 'skip', 'skip']);
    expect(second.code).toBe(0);
    expect(second.prompter.asked.slice(0, 2).map((prompt) => prompt.default)).toEqual(['0032010', 'Sukaluyu']);
    const { assessment } = await load('a.yaml');
    expect(assessment.community).toEqual({ id: '0032010', name: 'Sukaluyu' });
  });

  it('says nothing was saved when interrupted at the first question of a new file', async () => {
    const { code, stderr } = await assess('a.yaml', [INTERRUPT]);
    expect(code).toBe(130);
    expect(stderr).toContain('nothing was saved');
    expect(existsSync(join(dir, 'a.yaml'))).toBe(false);
  });
});

const HAND_EDITED = `# Sukaluyu, visit of 14 August 2025
rubric: mini@1.0.0
period: "2025"   # the programme year
community:
  name: Kelurahan Sukaluyu
  id: "0032010"
  rw-count: 11    # kept for --group-by
answers:
  # the forum was asked about twice
  harmony.religious-forum: {na: no forum, note: ask the lurah}
  integration.joint-planning: 1   # minutes seen
`;

describe('assess: resuming', () => {
  it('asks only the missing indicators, keeps comments and key order, and places new answers in rubric order', async () => {
    writeFileSync(join(dir, 'a.yaml'), HAND_EDITED);
    const { code, prompter, stderr } = await assess('a.yaml', [2, 'most of it', 0, '']);
    expect(code).toBe(0);
    expect(prompter.asked.map((prompt) => prompt.message)).toEqual(['Level', 'Note (optional)', 'Level', 'Note (optional)']);
    expect(prompter.said).toContain('Integration 2/2 · 2/4 · integration.resources');
    expect(prompter.said[0]).toContain('Resuming a.yaml (mini@1.0.0): 2 of 4 indicators answered.');
    expect(stderr).toBe('✔ Saved to a.yaml\n');
    const { text } = await load('a.yaml');
    expect(text).toBe(`# Sukaluyu, visit of 14 August 2025
rubric: mini@1.0.0
period: "2025" # the programme year
community:
  name: Kelurahan Sukaluyu
  id: "0032010"
  rw-count: 11 # kept for --group-by
answers:
  # the forum was asked about twice
  harmony.religious-forum: {na: no forum, note: ask the lurah}
  integration.joint-planning: 1 # minutes seen
  integration.resources: {level: 2, note: most of it}
  harmony.balance: 0
`);
  });

  it('with nothing missing, offers a review and otherwise changes nothing', async () => {
    writeFileSync(join(dir, 'a.yaml'), HAND_EDITED.replace('answers:\n', 'answers:\n  integration.resources: 2\n  harmony.balance: 1\n'));
    const before = readFileSync(join(dir, 'a.yaml'), 'utf8');
    const { code, prompter, stdout } = await assess('a.yaml', [false]);
    expect(code).toBe(0);
    expect(prompter.asked).toEqual([{ kind: 'select', message: 'All 4 indicators are answered. Go through them again?', default: false, choices: [false, true] }]);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(before);
    expect(stdout).toContain('Kelurahan Sukaluyu');
  });

  it('goes through everything again when the user says yes to a review', async () => {
    writeFileSync(join(dir, 'a.yaml'), HAND_EDITED.replace('answers:\n', 'answers:\n  integration.resources: 2\n  harmony.balance: 1\n'));
    const { code, prompter } = await assess('a.yaml', [true, '', '', '', '', '', '', 1, '', 2, '', 'na', '', 0, 'fell apart']);
    expect(code).toBe(0);
    expect(selects(prompter.asked).map((prompt) => prompt.default)).toEqual([1, 2, 'na', 1]);
    const { answers } = await load('a.yaml');
    expect(answers['harmony.balance']).toEqual({ kind: 'level', level: 0, note: 'fell apart', evidence: undefined });
  });

  it('resumes a file started from `swadaya template`, filling in its blanks where they stand', async () => {
    const template = memoryContext({ cwd: dir });
    expect(await runCli(['template', '--rubric', RUBRIC], template.ctx)).toBe(0);
    writeFileSync(join(dir, 'a.yaml'), template.stdout());
    const { code, prompter } = await assess('a.yaml', ['3273011004', 'Sukaluyu', '', '2025', '', 'mandiri', 1, '', 'skip', 'skip', 2, '']);
    expect(code).toBe(0);
    expect(prompter.asked[0]?.default).toBeUndefined();
    const { text, answers } = await load('a.yaml');
    expect(Object.keys(answers)).toEqual(['integration.joint-planning', 'harmony.balance']);
    expect(text).toContain('id: "3273011004" # the stable id');
    expect(text).toContain('integration.joint-planning: 1 # a level 0–2');
    expect(text).toContain('integration.resources: # a level 0–2');
    expect(text).toContain('# ── Harmony (harmony) ──');
    expect(text.indexOf('phase: mandiri')).toBeLessThan(text.indexOf('answers:'));
  });
});

describe('assess --review', () => {
  it('walks every answer and the header with the current ones preselected, saving only what changed', async () => {
    writeFileSync(join(dir, 'a.yaml'), HAND_EDITED.replace('answers:\n', 'answers:\n  harmony.balance: {level: 1, evidence: [photo]}\n'));
    const { code, prompter } = await assess('a.yaml', ['', '', '', '', '', '', 1, '', 'skip', 'na', '', 2, 'new minutes'], { review: true });
    expect(code).toBe(0);
    expect(prompter.asked.slice(0, 4).map((prompt) => prompt.default)).toEqual(['0032010', 'Kelurahan Sukaluyu', undefined, '2025']);
    expect(selects(prompter.asked).map((prompt) => prompt.default)).toEqual([1, 'skip', 'na', 1]);
    const { text, answers } = await load('a.yaml');
    expect(prompter.asked.find((prompt) => prompt.message === 'Why does it not apply?')?.default).toBe('no forum');
    expect(answers['harmony.religious-forum']).toEqual({ kind: 'na', reason: 'no forum', note: 'ask the lurah' });
    expect(answers['integration.resources']).toBeUndefined();
    expect(text).toContain('integration.joint-planning: 1 # minutes seen');
    expect(text).toContain('harmony.balance: {level: 2, note: new minutes, evidence: [photo]}');
  });
});

describe('assess: refusing to start', () => {
  it('leaves an invalid file untouched and exits 2 with every finding', async () => {
    const broken = HAND_EDITED.replace('integration.joint-planning: 1', 'integration.joint-plan: 7');
    writeFileSync(join(dir, 'a.yaml'), broken);
    const error = await assess('a.yaml', []).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SwadayaError);
    expect((error as SwadayaError).exitCode).toBe(2);
    expect((error as SwadayaError).message).toContain('a.yaml:11:3: error [unknown-indicator]');
    expect((error as SwadayaError).hint).toContain('left it untouched');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(broken);
  });

  it('refuses a file holding several assessments', async () => {
    writeFileSync(join(dir, 'a.yaml'), `${HAND_EDITED}---\n${HAND_EDITED}`);
    await expect(assess('a.yaml', [])).rejects.toThrow(/holds 2 assessments/);
  });

  it('checks the target before the first question: a missing directory', async () => {
    const prompter = scriptedPrompter([]);
    const memory = memoryContext({ cwd: dir, tty: true });
    await expect(assessCommand('nowhere/a.yaml', { ...settingsFor(memory.ctx), rubric: RUBRIC }, memory.ctx, prompter)).rejects.toThrow(
      'cannot save to nowhere/a.yaml: the directory nowhere does not exist. Create it first (mkdir -p nowhere).',
    );
    expect(prompter.asked).toEqual([]);
    expect(prompter.said).toEqual([]);
  });

  it('checks the target before the first question: a directory', async () => {
    mkdirSync(join(dir, 'visits'));
    const prompter = scriptedPrompter([]);
    const memory = memoryContext({ cwd: dir, tty: true });
    await expect(assessCommand('visits', { ...settingsFor(memory.ctx, { lang: 'id' }), rubric: RUBRIC }, memory.ctx, prompter)).rejects.toThrow(/tidak dapat menyimpan ke visits: itu direktori/);
    expect(prompter.asked).toEqual([]);
  });

  it('checks the target before the first question: a parent that is a file', async () => {
    writeFileSync(join(dir, 'notes'), 'x');
    await expect(assess('notes/a.yaml', [])).rejects.toThrow(/is not a directory/);
  });

  it('stops with exit 2 when a save fails, keeping the last saved version', async () => {
    const sub = join(dir, 'visits');
    mkdirSync(sub);
    const { code } = await assess('visits/a.yaml', [...HEADER, 1, '', INTERRUPT]);
    expect(code).toBe(130);
    const saved = readFileSync(join(sub, 'a.yaml'), 'utf8');
    const vanish = () => {
      rmSync(sub, { recursive: true });
      return 2;
    };
    const error = await assess('visits/a.yaml', [vanish, '']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SwadayaError);
    expect((error as SwadayaError).exitCode).toBe(2);
    // The file went with its directory: an outside change the interview stops at (it never writes a new file in its place).
    expect((error as SwadayaError).message).toMatch(/^visits\/a.yaml was changed outside the interview and is no longer a readable assessment \(or was removed\)\. Nothing more was saved\./);
    expect(saved).toContain('integration.joint-planning: 1');
  });

  it('names an unknown rubric before asking anything', async () => {
    await expect(assess('a.yaml', [], { rubric: 'no-such-rubric' })).rejects.toThrow(/no rubric "no-such-rubric" found/);
  });

  it('exits 2 without a terminal and points to template and score', async () => {
    const memory = memoryContext({ cwd: dir, tty: false });
    const code = await runCli(['assess', 'a.yaml', '--rubric', 'p2kp'], memory.ctx);
    expect(code).toBe(2);
    expect(memory.stderr()).toContain('needs a terminal');
    expect(memory.stderr()).toContain('swadaya template --rubric p2kp > a.yaml');
    expect(memory.stderr()).toContain('swadaya score a.yaml');
    expect(existsSync(join(dir, 'a.yaml'))).toBe(false);
  });

  it('without a terminal, never suggests writing a template over a file that exists', async () => {
    writeFileSync(join(dir, 'a.yaml'), HAND_EDITED);
    const memory = memoryContext({ cwd: dir, tty: false });
    expect(await runCli(['assess', 'a.yaml', '--lang', 'id'], memory.ctx)).toBe(2);
    expect(memory.stderr()).toContain('memerlukan terminal');
    expect(memory.stderr()).toContain('sunting a.yaml secara manual');
    expect(memory.stderr()).not.toContain('> a.yaml');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(HAND_EDITED);
  });
});
