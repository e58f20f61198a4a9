import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');
const tiny = 'test/fixtures/rubrics/tiny';
const ratings = 'test/fixtures/ratings';

async function swadaya(args: string[]) {
  const memory = memoryContext({ cwd: root });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

describe('ratings in score, validate and diff (docs/ratings.md)', () => {
  it('files of distinct raters are valid ratings, not duplicates', async () => {
    const result = await swadaya(['validate', ratings, '--rubric', tiny]);
    expect(result.stdout).toContain('7 valid assessment(s)): 0 error(s)');
    expect(result.code).toBe(0);
  });

  it('the same rater twice for one community and period is a duplicate that names the rater', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'swadaya-ratings-'));
    const copy = join(dir, 'satu.ani-again.yaml');
    await copyFile(join(root, ratings, 'pair/satu.ani.yaml'), copy);
    const result = await swadaya(['validate', `${ratings}/pair`, copy, '--rubric', tiny, '--format', 'json']);
    await rm(dir, { recursive: true });
    expect(result.code).toBe(1);
    const [finding] = JSON.parse(result.stdout).errors;
    expect(finding).toMatchObject({ code: 'duplicate-assessment', file: copy });
    expect(finding.message).toContain('already rated by ani in test/fixtures/ratings/pair/satu.ani.yaml');
  });

  it('score refuses a group of ratings without a consensus, pointing to agree and consensus, and exits 2', async () => {
    const result = await swadaya(['score', `${ratings}/pair`, '--rubric', tiny, '--format', 'json']);
    expect(result.code).toBe(2);
    const output = JSON.parse(result.stdout);
    expect(output.results).toEqual([]);
    expect(output.errors.map((error: { code: string; file: string }) => [error.code, error.file])).toEqual([
      ['ratings-not-scored', `${ratings}/pair/dua.ani.yaml`],
      ['ratings-not-scored', `${ratings}/pair/satu.ani.yaml`],
    ]);
    expect(output.errors[1].message).toBe(
      'community 0001 (Desa Satu), period 2025, has ratings by ani, budi and no consensus file: ratings are not scored. ' +
        `Compare them with \`swadaya agree ${ratings}/pair/satu.ani.yaml ${ratings}/pair/satu.budi.yaml\`, ` +
        `draft a consensus with \`swadaya consensus ${ratings}/pair/satu.ani.yaml ${ratings}/pair/satu.budi.yaml -o DIR\`, agree it, and score that file.`,
    );
  });

  it('score takes the consensus of a rated community and leaves its ratings out, whatever the input order', async () => {
    for (const order of [[`${ratings}/pair/satu.ani.yaml`, `${ratings}/consensus`, `${ratings}/pair/satu.budi.yaml`], [`${ratings}/consensus`, `${ratings}/pair/satu.ani.yaml`]]) {
      const result = await swadaya(['score', ...order, '--rubric', tiny, '--format', 'json']);
      const output = JSON.parse(result.stdout);
      expect(output.results.map((entry: { file: string }) => entry.file)).toEqual([`${ratings}/consensus/satu.consensus.yaml`]);
      expect(output.errors).toEqual([]);
      expect(result.code).toBe(0);
    }
  });

  it('a rating with nobody else rating its community is scored as it is', async () => {
    const result = await swadaya(['score', `${ratings}/alone`, '--rubric', tiny, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).results[0].overall.score).toBe(100);
  });

  it('diff refuses a side whose community has only ratings, and compares its consensus when there is one', async () => {
    const refused = await swadaya(['diff', `${ratings}/consensus`, `${ratings}/pair`, '--rubric', tiny, '--format', 'json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.match(/\[ratings-not-scored\]/g)).toHaveLength(2);
    const compared = await swadaya(['diff', `${ratings}/alone`, `${ratings}/consensus`, '--rubric', tiny, '--format', 'json']);
    expect(compared.stderr).toBe('');
    const diff = JSON.parse(compared.stdout);
    expect(diff.added.map((entry: { id: string }) => entry.id)).toEqual(['0001']);
    expect(diff.removed.map((entry: { id: string }) => entry.id)).toEqual(['0003']);
  });
});

describe('template --rater', () => {
  it('fills in the rater, and without it leaves a commented line', async () => {
    const named = await swadaya(['template', '--rubric', tiny, '--rater', 'D. Setyawati']);
    expect(named.code).toBe(0);
    expect(named.stdout.split('\n')).toContain('rater: "D. Setyawati"');
    const plain = await swadaya(['template', '--rubric', tiny]);
    expect(plain.stdout.split('\n').filter((line) => line.includes('rater:'))).toEqual([
      '# rater: ""    # your name when several people rate this community independently (swadaya agree)',
    ]);
  });
});

describe('trend with ratings', () => {
  it('follows a consensus, and refuses ratings without one like score does', async () => {
    const refused = await swadaya(['trend', `${ratings}/pair`, '--rubric', tiny, '--format', 'json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.match(/\[ratings-not-scored\]/g)).toHaveLength(2);
    const followed = await swadaya(['trend', `${ratings}/pair/satu.ani.yaml`, `${ratings}/pair/satu.budi.yaml`, `${ratings}/consensus`, '--rubric', tiny, '--format', 'json']);
    expect(followed.stderr).toBe('');
    const [community] = JSON.parse(followed.stdout).communities;
    expect(community.series.map((entry: { file: string }) => entry.file)).toEqual([`${ratings}/consensus/satu.consensus.yaml`]);
  });
});
