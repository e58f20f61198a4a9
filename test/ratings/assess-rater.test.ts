import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assessCommand } from '../../src/commands/assess.js';
import { SwadayaError } from '../../src/errors.js';
import { memoryContext, settingsFor } from '../helpers/memory-context.js';
import { scriptedPrompter, type ScriptedAnswer } from '../assess/scripted-prompter.js';

const RUBRIC = resolve('test/fixtures/assess/rubric.yaml');
const HEADER: ScriptedAnswer[] = ['0032010', 'Kelurahan Sukaluyu', 'Kota Bandung', '2025', 'A. Rahman', ''];
/** The four indicators of the fixture rubric, the third n/a with its reason; each level followed by an empty note. */
const ANSWERS: ScriptedAnswer[] = [2, '', 1, '', 'na', 'No house of worship here', 0, ''];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swadaya-rater-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function assess(file: string, script: ScriptedAnswer[], rater: string | undefined) {
  const memory = memoryContext({ cwd: dir, tty: true });
  const prompter = scriptedPrompter(script);
  try {
    const code = await assessCommand(file, { ...settingsFor(memory.ctx), rubric: RUBRIC, rater }, memory.ctx, prompter);
    return { code, prompter, error: undefined };
  } catch (error) {
    return { code: (error as SwadayaError).exitCode, prompter, error: error as SwadayaError };
  }
}

const ratingOf = (rater: string | undefined, answers = 'integration.joint-planning: 2\n') =>
  `rubric: mini@1.0.0\ncommunity: {id: "0032010", name: Kelurahan Sukaluyu}\nperiod: "2025"\n${rater === undefined ? '' : `rater: ${rater}\n`}answers:\n  ${answers}`;

describe('assess --rater: rating blind (docs/ratings.md)', () => {
  it('a new file gets rater: NAME beside the header, and a resume keeps it', async () => {
    const { code } = await assess('sukaluyu.ani.yaml', [...HEADER, ...ANSWERS], 'ani');
    expect(code).toBe(0);
    const text = readFileSync(join(dir, 'sukaluyu.ani.yaml'), 'utf8');
    expect(text).toContain('period: "2025"\nassessors: [A. Rahman]\nrater: ani\nanswers:\n');
    expect(text.indexOf('rater: ani')).toBeLessThan(text.indexOf('answers:'));
    const resumed = await assess('sukaluyu.ani.yaml', [false], 'ani');
    expect(resumed.code).toBe(0);
    expect(readFileSync(join(dir, 'sukaluyu.ani.yaml'), 'utf8')).toContain('rater: ani');
  });

  it("refuses another rater's file before asking or showing anything, and names a file of one's own", async () => {
    writeFileSync(join(dir, 'sukaluyu.yaml'), ratingOf('ani'));
    const { code, error, prompter } = await assess('sukaluyu.yaml', [], 'budi');
    expect(code).toBe(2);
    expect(error?.code).toBe('rater-not-blind');
    expect(error?.message).toBe(
      "sukaluyu.yaml holds the rating of ani. A rater never sees another's answers: start your own file, e.g. `swadaya assess sukaluyu.budi.yaml --rater budi`.",
    );
    expect(prompter.asked).toEqual([]);
    expect(prompter.said).toEqual([]);
    expect(readFileSync(join(dir, 'sukaluyu.yaml'), 'utf8')).toBe(ratingOf('ani'));
  });

  it('refuses a consensus: rater: consensus, or answers without a rater', async () => {
    for (const text of [ratingOf('consensus'), ratingOf(undefined)]) {
      writeFileSync(join(dir, 'sukaluyu.yaml'), text);
      const { code, error, prompter } = await assess('sukaluyu.yaml', [], 'D. Setyawati');
      expect(code).toBe(2);
      expect(error?.message).toBe(
        "sukaluyu.yaml is a consensus (it has answers and no rater of its own). Rate blind: start your own file, e.g. `swadaya assess sukaluyu.d-setyawati.yaml --rater 'D. Setyawati'`.",
      );
      expect(prompter.asked).toEqual([]);
    }
  });

  it('starts from an empty template without a rater, and refuses "consensus" as a rater name', async () => {
    writeFileSync(join(dir, 'blank.yaml'), '# to fill in\nanswers:\n');
    const { code } = await assess('blank.yaml', [...HEADER, ...ANSWERS], 'budi');
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'blank.yaml'), 'utf8')).toContain('rater: budi');
    const named = await assess('other.yaml', [], ' Consensus ');
    expect(named.code).toBe(2);
    expect(named.error?.code).toBe('rater-is-consensus');
  });
});
