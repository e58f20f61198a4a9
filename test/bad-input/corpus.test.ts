import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');
const bad = 'test/fixtures/bad';
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

async function run(argv: string[]) {
  const memory = memoryContext({ cwd: root });
  const code = await runCli(argv, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

interface Case {
  readonly file: string;
  readonly code: string;
  /** Absent for problems with the file as a whole. */
  readonly at?: readonly [line: number, column: number];
  /** Words of the message that say what to do about it. */
  readonly fix: readonly string[];
}

/** One file per case: what is wrong, where, and what the message tells the user to do. */
const cases: readonly Case[] = [
  { file: 'empty.yaml', code: 'empty-file', fix: ['the file is empty', 'swadaya template --rubric p2kp'] },
  { file: 'comments-only.yaml', code: 'no-content', fix: ['only comments', 'swadaya template'] },
  { file: 'syntax-unclosed-flow.yaml', code: 'yaml-syntax', at: [3, 1], fix: ['end with a }', 'Check indentation, quotes and brackets'] },
  { file: 'syntax-bad-indent.yaml', code: 'yaml-syntax', at: [7, 31], fix: ['Check indentation'] },
  { file: 'duplicate-key.yaml', code: 'duplicate-key', at: [9, 3], fix: ['"integration.joint-planning" appears twice', 'Keep one of them'] },
  { file: 'unknown-top-level-key.yaml', code: 'unknown-key', at: [6, 1], fix: ['"assesors"', 'Did you mean "assessors"?', 'Allowed: rubric, community'] },
  { file: 'unknown-indicator.yaml', code: 'unknown-indicator', at: [7, 3], fix: ['Did you mean "integration.joint-planning"?', 'swadaya rubric show'] },
  { file: 'level-out-of-range.yaml', code: 'level-out-of-range', at: [8, 31], fix: ['level 5 for self-reliance.bkm-election', 'use a level 0–4'] },
  { file: 'level-in-map-out-of-range.yaml', code: 'level-out-of-range', at: [8, 12], fix: ['level 7', 'use a level 0–4'] },
  { file: 'level-negative.yaml', code: 'level-out-of-range', at: [8, 31], fix: ['level -1', 'use a level 0–4'] },
  { file: 'level-fractional.yaml', code: 'level-not-whole', at: [8, 31], fix: ['2.5', 'not a whole number', 'use a level 0–4'] },
  { file: 'level-string.yaml', code: 'level-not-a-number', at: [8, 31], fix: ['must be a level 0–4, {level: N}, or {na: "reason"}', 'found "three"'] },
  { file: 'na-not-allowed.yaml', code: 'na-not-allowed', at: [7, 36], fix: ['cannot be answered "not applicable"', 'give a level'] },
  { file: 'na-without-reason.yaml', code: 'na-needs-reason', at: [8, 9], fix: ['needs a reason', '{na: "why it does not apply"}'] },
  { file: 'community-id-missing.yaml', code: 'missing-key', at: [3, 3], fix: ['community needs the key "id"', 'Add it'] },
  { file: 'community-id-number.yaml', code: 'community-id-not-string', at: [3, 7], fix: ['write id: "0173011004" in quotes', 'leading zeros'] },
  { file: 'bad-period.yaml', code: 'bad-period', at: [5, 9], fix: ['"14/08/2025" is not YYYY, YYYY-MM or YYYY-MM-DD', 'period: "2025"'] },
  { file: 'unknown-phase.yaml', code: 'unknown-phase', at: [6, 8], fix: ['Did you mean "mandiri"?', 'Phases: berdaya, mandiri, madani', 'omit phase:'] },
  { file: 'unknown-rubric.yaml', code: 'unknown-rubric', at: [1, 9], fix: ['no rubric "p2kq"', 'Did you mean "p2kp"?', '--rubric PATH', 'SWADAYA_RUBRIC_PATH'] },
  { file: 'answers-not-a-map.yaml', code: 'answers-not-a-map', at: [7, 3], fix: ['answers must be a map', 'not a list', 'Remove the "- "'] },
  { file: 'top-level-list.yaml', code: 'not-a-map', at: [1, 1], fix: ['top level of an assessment must be a map', 'not a list'] },
  { file: 'alias-bomb.yaml', code: 'yaml-alias', at: [2, 1], fix: ['Write the values out instead of using anchors and aliases'] },
  { file: 'js-function-tag.yaml', code: 'yaml-tag', at: [4, 9], fix: ['!!js/function is not allowed', 'Remove the tag'] },
  { file: 'custom-tag.yaml', code: 'yaml-tag', at: [5, 9], fix: ['!swadaya/now is not allowed', 'Remove the tag'] },
];

describe('the bad-input corpus (test/fixtures/bad)', () => {
  it.each(cases)('$file: score exits 2 with [$code] at the place, and says how to fix it', async ({ file, code, at, fix }) => {
    const path = `${bad}/${file}`;
    const result = await run(['score', path]);
    expect(result.code).toBe(2);
    const place = at ? `${path}:${at[0]}:${at[1]}` : path;
    const line = result.stderr.split('\n').find((text) => text.startsWith(`${place}: error [${code}] `));
    expect(line, result.stderr).toBeDefined();
    for (const words of fix) expect(line).toContain(words);
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it.each(cases)('$file: validate exits 1 and lists the same finding in JSON', async ({ file, code, at }) => {
    const path = `${bad}/${file}`;
    const result = await run(['validate', path, '--format', 'json']);
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout) as { valid: boolean; errors: { file: string; line: number | null; column: number | null; code: string }[] };
    expect(output.valid).toBe(false);
    expect(output.errors).toContainEqual(expect.objectContaining({ file: path, code, line: at?.[0] ?? null, column: at?.[1] ?? null }));
  });

  it('gives one finding per place, not one per level of a deep nesting or per yaml error on the same slip', async () => {
    const result = await run(['validate', `${bad}/syntax-bad-indent.yaml`, '--format', 'json']);
    expect(JSON.parse(result.stdout).errors).toHaveLength(1);
  });

  it('words the findings in Indonesian with --lang id', async () => {
    const result = await run(['score', `${bad}/community-id-number.yaml`, '--lang', 'id']);
    expect(result.stderr).toContain(`${bad}/community-id-number.yaml:3:7: galat [community-id-not-string] community.id harus berupa string: tulis id: "0173011004"`);
  });

  it('a multi-document file with one bad document: the good ones are still scored, and the exit code is 2', async () => {
    const path = `${bad}/multi-document.yaml`;
    const result = await run(['score', path, '--format', 'json']);
    expect(result.code).toBe(2);
    const output = JSON.parse(result.stdout);
    expect(output.results.map((entry: { document: number; community: { id: string } }) => [entry.document, entry.community.id])).toEqual([
      [0, '3273011001'],
      [2, '3273011003'],
    ]);
    expect(output.errors).toEqual([
      expect.objectContaining({ file: path, line: 15, column: 31, code: 'level-out-of-range', message: expect.stringContaining('use a level 0–4') }),
    ]);
  });

  it('the same community and period twice in one run: the first is scored, the second is pointed at by its community id', async () => {
    const dir = `${bad}/duplicate-assessment`;
    const result = await run(['score', dir, '--format', 'json']);
    expect(result.code).toBe(2);
    const output = JSON.parse(result.stdout);
    expect(output.results).toHaveLength(1);
    expect(output.results[0].file).toBe(`${dir}/sukaluyu-copy.yaml`);
    expect(output.errors).toEqual([
      expect.objectContaining({
        file: `${dir}/sukaluyu.yaml`,
        line: 3,
        column: 7,
        code: 'duplicate-assessment',
        message: expect.stringContaining(`already assessed in ${dir}/sukaluyu-copy.yaml. One assessment per community and period: remove one.`),
      }),
    ]);
    expect((await run(['validate', dir])).code).toBe(1);
  });

  it('a batch with invalid files prints the valid results and exits 2', async () => {
    const result = await run(['score', `${bad}/valid.yaml`, `${bad}/level-string.yaml`, `${bad}/empty.yaml`, '--format', 'json']);
    expect(result.code).toBe(2);
    const output = JSON.parse(result.stdout);
    expect(output.results.map((entry: { file: string }) => entry.file)).toEqual([`${bad}/valid.yaml`]);
    expect(output.errors.map((error: { code: string }) => error.code)).toEqual(['level-not-a-number', 'empty-file']);
    const table = await run(['score', `${bad}/valid.yaml`, `${bad}/level-string.yaml`]);
    expect(table.code).toBe(2);
    expect(table.stdout).toContain('Kelurahan Sukaluyu');
  });

  it('the valid file of the corpus scores with exit 0', async () => {
    const result = await run(['score', `${bad}/valid.yaml`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
