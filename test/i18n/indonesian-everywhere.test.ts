import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { catalogueEntries, type Entry } from '../../src/i18n/catalogue.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');

/**
 * Our English words: every English entry of the catalogue whose Indonesian differs, cut at its
 * {placeholders}, plus commander's words, the yaml parser's and the words that leaked before
 * (issue 15). Pieces shorter than 5 characters are left out: they match inside Indonesian words
 * and ids.
 */
/** Words of the catalogue that are also names: the `rubric` command, the `community:` key. */
const NAMES = new Set(['rubric', 'community']);

function englishPieces(): string[] {
  const pieces = new Set<string>(['Usage:', 'Options:', 'Commands:', 'Arguments:', 'Global Options:', 'display help', 'error:', 'unknown option', 'Examples:', 'Exit codes:', '(top level)', 'graduated', 'below-threshold', 'progress', 'Did you mean', 'Flow map in block collection', 'Nested mappings', 'Implicit keys need', 'Excessive alias count']);
  // A function entry is worded with every parameter standing for itself: {name}.
  const places = new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? `{${name}}` : undefined), has: () => true });
  const wording = (text: Entry['en']): string => (typeof text === 'string' ? text : (text as (params: unknown) => string)(places));
  for (const [, entry] of catalogueEntries()) {
    const en = wording(entry.en);
    if (en === wording(entry.id)) continue;
    for (const piece of en.split(/\{\w+\}/)) {
      const trimmed = piece.trim().replace(/^[,.:;()—-]+|[,.:;()—-]+$/g, '').trim();
      if (trimmed.length >= 5 && /[a-z]{3}/i.test(trimmed) && !NAMES.has(trimmed)) pieces.add(trimmed);
    }
  }
  return [...pieces];
}

/** What is ours in an output: not ids (principle, indicator, phase and verdict keys), paths, or rubric texts in English-only rubrics. */
const ours = (text: string): string =>
  text
    .replace(/"partialFingerprints": \{\s*"[^"]*": "(?:[^"\\]|\\.)*"\s*\}/g, ' ') // SARIF fingerprints: keys built from a finding's args, for code scanning, never shown
    .replace(/\\"/g, '"') // quotes escaped in JSON strings
    .replace(/^::[a-z]+ /gm, ' ') // GitHub's ::error and ::notice
    .replace(/\b_swadaya_\w+|(?<= -l )[a-z-]+/g, ' ') // a completion script's shell functions and fish's option names (-l before)
    .replace(/\b(principle|pillar|tag|indicator):[a-z0-9.-]+|\boverall(?=\)| ≥| min| \d|\s+[✔✘?])/g, ' ') // gate targets as the rubric names them
    .replace(/\S*\/\S*/g, ' ') // paths and globs
    .replace(/<[^>\s]+>|(\[[a-z.-]+\]|::|"text": ")( ?(answers|period|phase|rater)\b)?|Yang diizinkan: [^\n]*/g, ' ') // the command line's placeholders (<paths...>, [file]) and finding codes ([bad-period]) or SARIF texts with the key a message starts with, lists of allowed keys
    .replace(/`[^`\n]*`|export answers|\b[a-z_]+:(?=[\s"]|$)/gm, ' ') // names in backticks, a subcommand, YAML keys (rater: NAMA)
    .replace(/^ {2}(before|after|paths|file|sets|shell|id\|path) /gm, ' ') // argument names in help
    .replace(/\S+\.ya?ml\b/g, ' ') // file names
    .replace(/^\s*#?\s*[a-z_]+:/gm, ' ') // YAML keys of a template (period:, # phase:)
    .replace(/'[^'\n]*'/g, ' ') // names quoted in command-line errors ('after')
    .replace(/\b[a-z0-9]+(?:[.-][a-z0-9]+)+\b/g, ' ') // ids like integration.joint-planning, self-reliance
    .replace(/"[a-z-]+"|--require ready/g, ' ') // option values: (choices: "ready")
    .replace(/--[a-z-]+/g, ' '); // option names

/** `piece` as whole words: "Period" is not in "Periode". */
const wordIn = (text: string, piece: string): boolean =>
  text.includes(piece) && // a quick look first: most pieces are not there at all
  new RegExp(`(?<![\\p{L}])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text);

/** Text written to files a command was asked to write (HTML without its markup, YAML drafts, CSV), as the reader sees it. */
const fileText = (file: string): string => {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.html') ? text.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ') : text;
};

describe('swadaya --lang id', () => {
  it('prints no English word of ours in any command on the examples, nor in the files it writes', async () => {
    const runs: Run[] = [
      ...[
        ['--help'], ['score', '--help'], ['diff', '--help'], ['rubric', 'show', '--help'], ['agree', '--help'], ['consensus', '--help'],
        ['import', '--help'], ['export', 'answers', '--help'], ['form', '--help'], ['report', '--help'], ['trend', '--help'],
        ['score', 'examples/2025'], ['score', 'examples/2025/kemijen.yaml'], ['score', 'examples/2025/kemijen.yaml', '--explain'],
        ['score', 'examples/2025', '--group-by', 'region'], ['score', 'examples/2025', '--format', 'markdown'],
        ['score', 'examples/2025', '--fail-under', '90', '--require', 'ready'], ['score', 'examples/2025', '--format', 'github', '--require', 'ready'],
        ['score', 'examples/2025', '--group-by', 'regoin'],
        ['diff', 'examples/2024', 'examples/2025'], ['diff', 'examples/2024', 'examples/2025', '--detail', '--format', 'markdown'],
        ['diff', 'examples/2024', 'examples/2025', '--fail-on-regression'],
        ['validate', 'examples'], ['validate', 'bad'], ['score', 'broken.yaml'], ['validate', 'bad', '--format', 'github'],
        ['rubric', 'list'], ['rubric', 'show', 'p2kp'], ['template', '--rubric', 'p2kp'],
        ['trend', 'examples/2024', 'examples/2025', 'examples/2026'], ['trend', 'examples/2024', 'examples/2025', '--format', 'markdown'],
        ['trend', 'examples/2024', '--stall', '1'],
        ['agree', 'examples/ratings'], ['agree', 'examples/ratings', '--format', 'markdown'], ['agree', 'ratings/pair', 'ratings/trio', 'ratings/alone', 'ratings/consensus'],
        ['agree', 'examples/ratings', '--min-alpha', '0.99'], ['agree', 'examples/2025'],
        ['consensus', 'examples/2025', '-o', 'nothing'], ['form', '--rubric', 'p2kp', '-o', 'form.csv'], ['export', 'answers', 'examples/2025', '-o', 'x.txt'],
        ['score', 'no-such-dir'], ['score', 'examples/2025', '--bogus'], ['scor'], ['diff', 'examples/2024'], ['score', 'examples/2025', '--fail-under', '120'],
        ['report'], ['report', 'examples/2025', '--before', 'examples/2024', '-o', 'x.html'],
      ].map((args) => ({ args })),
      { args: ['consensus', 'examples/ratings', '-o', 'drafts'], files: ['drafts'] },
      { args: ['consensus', 'examples/ratings', '-o', 'drafts'] },
      { args: ['form', '--rubric', 'p2kp', '-o', 'form.xlsx'] },
      { args: ['export', 'answers', 'examples/2025', '-o', 'answers.csv'] },
      { args: ['import', 'answers.csv', '--rubric', 'p2kp', '-o', 'imported', '--dry-run'] },
      { args: ['import', 'answers.csv', '--rubric', 'p2kp', '-o', 'imported'] },
      { args: ['import', 'answers.csv', '--rubric', 'p2kp', '-o', 'imported'] },
      { args: ['import', 'bad-answers.csv', '--rubric', 'p2kp', '-o', 'imported-bad'] },
      { args: ['report', 'examples/2025/kemijen.yaml', '-o', 'one.html'], files: ['one.html'] },
      { args: ['report', 'examples/2025', '--group-by', 'region', '-o', 'set.html'], files: ['set.html'] },
      { args: ['report', '--before', 'examples/2024', '--after', 'examples/2025', '-o', 'change.html'], files: ['change.html'] },
      { args: ['report', '--trend', 'examples/2024', 'examples/2025', 'examples/2026', '-o', 'trend.html'], files: ['trend.html'] },
    ];
    expect(await leaksOf(runs)).toEqual([]);
  });

  it('nor in the editor schema (printed, written, set up by init), the completion scripts, the CI formats, or assess without a terminal', async () => {
    const runs: Run[] = [
      ...[
        ['assess', '--help'], ['schema', '--help'], ['init', '--help'], ['completion', '--help'], ['completion', 'bash'], ['completion', 'zsh'], ['completion', 'fish'],
        ['schema', '--rubric', 'p2kp'], ['assess', 'examples/2025/kemijen.yaml'], ['assess', 'new.yaml'],
        ['validate', 'bad', '--format', 'sarif'], ['score', 'examples/2025', '--format', 'sarif', '--require', 'ready'],
        ['score', 'examples/2025', '--format', 'junit', '--require', 'ready'], ['score', 'examples/2025', '--format', 'gitlab', '--require', 'ready'],
      ].map((args) => ({ args })),
      { args: ['schema', '--rubric', 'p2kp', '-o', 'p2kp.schema.json'], files: ['p2kp.schema.json'] },
      { args: ['init'], files: ['.swadaya/p2kp.schema.json', '.vscode/settings.json'] },
    ];
    expect(await leaksOf(runs)).toEqual([]);
  });
});

/** A command line, and the files it writes whose text is checked too (a directory: every file in it). */
interface Run {
  readonly args: string[];
  readonly files?: string[];
}

/** Runs each command with --lang id in a fresh copy of the examples and fixtures; the English pieces each printed or wrote. */
async function leaksOf(runs: readonly Run[]): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), 'swadaya-id-'));
  cpSync(join(root, 'examples'), join(work, 'examples'), { recursive: true });
  cpSync(join(root, 'test', 'fixtures', 'bad'), join(work, 'bad'), { recursive: true });
  cpSync(join(root, 'test', 'fixtures', 'ratings'), join(work, 'ratings'), { recursive: true });
  writeFileSync(join(work, 'broken.yaml'), 'rubric: p2kp\ncommunity: {id: "1", name: x\nperiod: "2025"\n');
  const pieces = englishPieces();
  const leaks: string[] = [];
  for (const { args, files } of runs) {
    if (args[1] === 'bad-answers.csv') {
      const csv = readFileSync(join(work, 'answers.csv'), 'utf8').split('\n');
      writeFileSync(join(work, 'bad-answers.csv'), [csv[0], csv[1]?.replace(/,3,/, ',x,'), csv[1]].join('\n'));
    }
    const memory = memoryContext({ cwd: work });
    await runCli([...args, '--lang', 'id'], memory.ctx);
    const written = (files ?? []).flatMap((file) =>
      file.includes('.') ? [fileText(join(work, file))] : readdirSync(join(work, file)).map((name) => fileText(join(work, file, name))),
    );
    const output = ours([memory.stdout(), memory.stderr(), ...written].join('\n'));
    for (const piece of pieces) if (wordIn(output, piece)) leaks.push(`${args.join(' ')}: "${piece}"`);
  }
  return leaks;
}
