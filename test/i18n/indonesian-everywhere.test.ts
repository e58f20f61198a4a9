import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { catalogueEntries } from '../../src/i18n/catalogue.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');

/**
 * Our English words: every English label whose Indonesian differs, cut at its {placeholders},
 * plus commander's words and the words that leaked before (issue 15). Pieces shorter than 5
 * characters are left out: they match inside Indonesian words and ids.
 */
function englishPieces(): string[] {
  const pieces = new Set<string>(['Usage:', 'Options:', 'Commands:', 'Arguments:', 'Global Options:', 'display help', 'error:', 'unknown option', 'Examples:', 'Exit codes:', '(top level)', 'graduated', 'below-threshold', 'progress', 'Did you mean']);
  for (const [, entry] of catalogueEntries()) {
    if (typeof entry.en !== 'string' || entry.en === entry.id) continue;
    for (const piece of entry.en.split(/\{\w+\}/)) {
      const trimmed = piece.trim().replace(/^[,.:;()—-]+|[,.:;()—-]+$/g, '').trim();
      if (trimmed.length >= 5 && /[a-z]{3}/i.test(trimmed)) pieces.add(trimmed);
    }
  }
  return [...pieces];
}

/** What is ours in an output: not ids (principle, indicator, phase and verdict keys), paths, or rubric texts in English-only rubrics. */
const ours = (text: string): string =>
  text
    .replace(/\b(principle|pillar|tag|indicator):[a-z0-9.-]+|\boverall(?=\)| ≥| min| \d)/g, ' ') // gate targets as the rubric names them
    .replace(/\S*\/\S*/g, ' ') // paths and globs
    .replace(/<[^>\s]+>|\[[a-z.]+\]/g, ' ') // the command line's placeholders: <paths...>, [file]
    .replace(/^ {2}(before|after|paths|file|sets|shell|id\|path) /gm, ' ') // argument names in help
    .replace(/\S+\.ya?ml\b/g, ' ') // file names
    .replace(/^\s*#?\s*[a-z_]+:/gm, ' ') // YAML keys of a template (period:, # phase:)
    .replace(/'[^'\n]*'/g, ' ') // names quoted in command-line errors ('after')
    .replace(/\b[a-z0-9]+(?:[.-][a-z0-9]+)+\b/g, ' ') // ids like integration.joint-planning, self-reliance
    .replace(/"[a-z-]+"|--require ready/g, ' ') // option values: (choices: "ready")
    .replace(/--[a-z-]+/g, ' '); // option names

/** `piece` as whole words: "Period" is not in "Periode". */
const wordIn = (text: string, piece: string): boolean =>
  new RegExp(`(?<![\\p{L}])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text);

describe('swadaya --lang id', () => {
  it('prints no English word of ours in any command on the examples', async () => {
    const work = mkdtempSync(join(tmpdir(), 'swadaya-id-'));
    cpSync(join(root, 'examples'), join(work, 'examples'), { recursive: true });
    const runs = [
      ['--help'], ['score', '--help'], ['diff', '--help'], ['rubric', 'show', '--help'],
      ['score', 'examples/2025'], ['score', 'examples/2025/kemijen.yaml'], ['score', 'examples/2025/kemijen.yaml', '--explain'],
      ['score', 'examples/2025', '--group-by', 'region'], ['score', 'examples/2025', '--format', 'markdown'],
      ['score', 'examples/2025', '--fail-under', '90', '--require', 'ready'],
      ['diff', 'examples/2024', 'examples/2025'], ['diff', 'examples/2024', 'examples/2025', '--detail', '--format', 'markdown'],
      ['diff', 'examples/2024', 'examples/2025', '--fail-on-regression'],
      ['validate', 'examples'], ['rubric', 'list'], ['rubric', 'show', 'p2kp'], ['template', '--rubric', 'p2kp'],
      ['trend', 'examples/2024', 'examples/2025'],
      ['score', 'no-such-dir'], ['score', 'examples/2025', '--bogus'], ['scor'], ['diff', 'examples/2024'],
    ];
    const pieces = englishPieces();
    const leaks: string[] = [];
    for (const args of runs) {
      const memory = memoryContext({ cwd: work });
      await runCli([...args, '--lang', 'id'], memory.ctx);
      const output = ours(`${memory.stdout()}\n${memory.stderr()}`);
      for (const piece of pieces) if (wordIn(output, piece)) leaks.push(`${args.join(' ')}: "${piece}"`);
    }
    expect(leaks).toEqual([]);
  });
});
