import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild } from '../helpers/build.js';
import { guardOutputStreams, outputFailureLine, type GuardedProcess } from '../../src/io/output-errors.js';

// These tests run the built code: fail loudly if it is older than the sources.
beforeAll(assertFreshBuild);

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'swadaya.js');
const valid = 'test/fixtures/bad/valid.yaml';
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

/** Runs the binary with stdout or stderr (or both) on /dev/full. */
function runTo(args: string[], full: { stdout?: boolean; stderr?: boolean }) {
  const device = openSync('/dev/full', 'w');
  try {
    const result = spawnSync(process.execPath, [bin, ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 15_000,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', full.stdout ? device : 'pipe', full.stderr ? device : 'pipe'],
    });
    return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  } finally {
    closeSync(device);
  }
}

const everyCommand: readonly string[][] = [
  ['--help'],
  ['--version'],
  ['score', valid],
  ['validate', valid],
  ['diff', 'examples/2024', 'examples/2025'],
  ['rubric', 'list'],
  ['rubric', 'show', 'p2kp'],
  ['template', '--rubric', 'p2kp'],
];

describe.skipIf(!existsSync('/dev/full'))('a full output device (stdout > /dev/full)', () => {
  it.each(everyCommand)('swadaya %s: one line naming ENOSPC on stderr, exit 2, no stack trace', (...args) => {
    const result = runTo(args, { stdout: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(outputFailureLine('ENOSPC', 'en'));
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it('says it in Indonesian with --lang id', () => {
    const result = runTo(['score', valid, '--lang', 'id'], { stdout: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('swadaya: keluaran tidak dapat ditulis (ruang perangkat penuh, ENOSPC). Tulis ke tempat lain atau kosongkan ruang, lalu jalankan lagi.\n');
  });

  it('stderr on /dev/full keeps the exit status of the command: 0, 1 and 2', () => {
    expect(runTo(['score', valid], { stderr: true }).code).toBe(0);
    expect(runTo(['score', valid, '--fail-under', '99'], { stderr: true }).code).toBe(1);
    expect(runTo(['score', 'test/fixtures/bad/empty.yaml'], { stderr: true }).code).toBe(2);
  });

  it('both on /dev/full: still exit 2', () => {
    expect(runTo(['score', valid], { stdout: true, stderr: true }).code).toBe(2);
  });

  it('a reader that closes the pipe early (| head -c 1): silent, exit 0', () => {
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" diff examples/2024 examples/2025 --detail --format csv | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.stdout.trim()).toBe('0');
    expect(result.stderr).toBe('');
  });
});

function fakeProcess() {
  const written: string[] = [];
  const exits: number[] = [];
  const stderr = Object.assign(new EventEmitter(), { write: (chunk: string) => written.push(chunk) });
  const proc: GuardedProcess = {
    stdout: new EventEmitter(),
    stderr,
    exitCode: undefined,
    exit: ((code?: number) => {
      exits.push(code ?? 0);
    }) as GuardedProcess['exit'],
  };
  return { proc, written, exits };
}

const failure = (code: string) => Object.assign(new Error(`${code}: write`), { code });

describe('the output guard', () => {
  it('EIO on stdout: one line, exit 2, and only one line however many writes fail', () => {
    const { proc, written, exits } = fakeProcess();
    guardOutputStreams(proc, 'en');
    proc.stdout.emit('error', failure('EIO'));
    proc.stdout.emit('error', failure('EIO'));
    expect(written).toEqual(['swadaya: cannot write the output (input/output error, EIO). Write it elsewhere or free some space, then run again.\n']);
    expect(exits).toEqual([2, 2]);
  });

  it('EPIPE on stdout: nothing written, the exit status so far', () => {
    const { proc, written, exits } = fakeProcess();
    guardOutputStreams(proc, 'en');
    proc.exitCode = 1;
    proc.stdout.emit('error', failure('EPIPE'));
    expect(written).toEqual([]);
    expect(exits).toEqual([1]);
  });

  it('an error on stderr changes nothing', () => {
    const { proc, written, exits } = fakeProcess();
    guardOutputStreams(proc, 'en');
    proc.stderr.emit('error', failure('ENOSPC'));
    expect(written).toEqual([]);
    expect(exits).toEqual([]);
  });
});
