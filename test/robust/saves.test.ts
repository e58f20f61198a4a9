import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assessCommand } from '../../src/commands/assess.js';
import { SaveError, writeFileAtomically } from '../../src/io/atomic-write.js';
import { lockFileOf } from '../../src/io/interview-lock.js';
import { memoryContext, settingsFor } from '../helpers/memory-context.js';
import { INTERRUPT, scriptedPrompter, type ScriptedAnswer } from '../assess/scripted-prompter.js';
import { canRunUnprivileged, isRoot, runUnprivileged, unprivilegedReason } from './unprivileged.js';

const root = join(import.meta.dirname, '..', '..');
const RUBRIC = resolve(root, 'test/fixtures/assess/rubric.yaml');
const HEADER: ScriptedAnswer[] = ['0032010', 'Kelurahan Sukaluyu', 'Kota Bandung', '2025', 'A. Rahman', ''];
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'swadaya-saves-'));
});

async function assess(file: string, script: ScriptedAnswer[] | ReturnType<typeof scriptedPrompter>, cwd = dir) {
  const memory = memoryContext({ cwd, tty: true });
  const prompter = Array.isArray(script) ? scriptedPrompter(script) : script;
  const code = await assessCommand(file, { ...settingsFor(memory.ctx), rubric: RUBRIC }, memory.ctx, prompter);
  return { code, prompter, stderr: memory.stderr() };
}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as Error);

describe('one interview per file (a lock)', () => {
  it('a second interview on the same file is refused, naming the first one\'s pid; the lock goes with the first', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const first = scriptedPrompter([...HEADER, INTERRUPT]);
    const waiting = { ...first, input: async (question: Parameters<typeof first.input>[0]) => (await gate, first.input(question)) };
    const running = assess('a.yaml', waiting);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(lockFileOf(join(dir, 'a.yaml')))).toBe(true);
    const second = await failure(assess('a.yaml', []));
    expect(second?.message).toMatch(new RegExp(`^a\\.yaml is already being interviewed by another swadaya \\(pid ${process.pid}, since \\d{4}-`));
    expect(second?.message).toContain('.a.yaml.swadaya-lock');
    open();
    expect((await running).code).toBe(130);
    expect(existsSync(lockFileOf(join(dir, 'a.yaml')))).toBe(false);
  });

  it('a lock held by a live process is respected; once that process is gone, the lock is taken over', async () => {
    const holder = spawn('sleep', ['30']);
    writeFileSync(lockFileOf(join(dir, 'a.yaml')), JSON.stringify({ pid: holder.pid, host: (await import('node:os')).hostname(), since: '2026-12-02T05:00:00.000Z' }));
    const refused = await failure(assess('a.yaml', []));
    expect(refused?.message).toContain(`(pid ${holder.pid}, since 2026-12-02T05:00:00.000Z)`);
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const { code } = await assess('a.yaml', [...HEADER, 1, '', INTERRUPT]);
    expect(code).toBe(130);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toContain('integration.joint-planning: 1');
  });
});

describe('outside changes during an interview', () => {
  const file = () => join(dir, 'a.yaml');

  it('a hand edit of other keys is merged: both the edit and the answer are saved', async () => {
    const edit = () => {
      writeFileSync(file(), readFileSync(file(), 'utf8').replace('Kota Bandung', 'Kota Cimahi').replace('integration.joint-planning: 1', 'integration.joint-planning: 0'));
      return 2;
    };
    const { code, prompter } = await assess('a.yaml', [...HEADER, 1, '', edit, '', INTERRUPT]);
    expect(code).toBe(130);
    const text = readFileSync(file(), 'utf8');
    expect(text).toContain('region: Kota Cimahi');
    expect(text).toContain('integration.joint-planning: 0');
    expect(text).toContain('integration.resources: 2');
    expect(prompter.said).toContain('a.yaml was edited outside the interview (community.region, answers.integration.joint-planning); those edits are kept.');
  });

  it('an edit of the key the interview changes stops it with a message; the file keeps the outside edit', async () => {
    let edited = '';
    const edit = () => {
      edited = readFileSync(file(), 'utf8').replace('integration.joint-planning: 1', 'integration.joint-planning: 1\n  integration.resources: 1');
      writeFileSync(file(), edited);
      return 2;
    };
    const error = await failure(assess('a.yaml', [...HEADER, 1, '', edit, '']));
    expect(error?.message).toBe(
      `a.yaml was edited outside the interview, and answers.integration.resources changed both there and here. Nothing more was saved; the file keeps the outside edit. Resume with: swadaya assess a.yaml --rubric ${RUBRIC}`,
    );
    expect(readFileSync(file(), 'utf8')).toBe(edited);
  });

  it('a file made read-only during the interview is left alone (mode 444 kept), with a message saying how to resume', async () => {
    let before = '';
    const lock = () => {
      before = readFileSync(file(), 'utf8');
      chmodSync(file(), 0o444);
      return 2;
    };
    const error = await failure(assess('a.yaml', [...HEADER, 1, '', lock, '']));
    expect(error?.message).toMatch(/^could not save a\.yaml: it was made read-only during the interview\. The last answer is not saved and the file is unchanged\. Make it writable \(chmod u\+w a\.yaml\)/);
    expect(readFileSync(file(), 'utf8')).toBe(before);
    expect(statSync(file()).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('temporary files of a killed save are removed on the next run; a live one\'s are kept', async () => {
    await assess('a.yaml', [...HEADER, INTERRUPT]);
    const dead = '.a.yaml.swadaya-999999999-0badf00d.tmp';
    const live = `.a.yaml.swadaya-${process.pid}-0badf00d.tmp`;
    writeFileSync(join(dir, dead), '');
    writeFileSync(join(dir, live), '');
    const { stderr } = await assess('a.yaml', [INTERRUPT]);
    expect(stderr).toContain('Removed 1 temporary file(s) left beside a.yaml by an interrupted save.');
    expect(existsSync(join(dir, dead))).toBe(false);
    expect(existsSync(join(dir, live))).toBe(true);
  });
});

describe('verified atomic saves', () => {
  it('a text that does not read back as it should never replaces the file', async () => {
    const target = join(dir, 'x.yaml');
    writeFileSync(target, 'old: 1\n');
    const error = await failure(writeFileAtomically(target, 'new: 2\n', { verify: () => false }));
    expect(error).toBeInstanceOf(SaveError);
    expect((error as SaveError).code).toBe('EVERIFY');
    expect(readFileSync(target, 'utf8')).toBe('old: 1\n');
    expect(readdirSync(dir)).toEqual(['x.yaml']);
  });

  it('keeps the mode of the file it replaces', async () => {
    const target = join(dir, 'x.yaml');
    writeFileSync(target, 'old: 1\n');
    chmodSync(target, 0o640);
    await writeFileAtomically(target, 'new: 2\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });
});

describe.skipIf(!canRunUnprivileged)(`a read-only file as an unprivileged user (${unprivilegedReason})`, () => {
  const bundle = join(root, 'node_modules', '.cache', 'swadaya-test', 'atomic-write-robust.mjs');
  beforeAll(async () => {
    mkdirSync(join(root, 'node_modules', '.cache', 'swadaya-test'), { recursive: true });
    await build({ entryPoints: [join(root, 'src/io/atomic-write.ts')], bundle: true, format: 'esm', platform: 'node', packages: 'external', outfile: bundle, logLevel: 'silent' });
  });

  it('a file the user may not write is not replaced by rename, though its directory is writable', () => {
    chmodSync(dir, 0o777);
    const target = join(dir, 'theirs.yaml');
    writeFileSync(target, 'old: 1\n');
    chmodSync(target, isRoot ? 0o644 : 0o444); // root's file: nobody may read it but not write it
    const script = join(dir, 'save.mjs');
    writeFileSync(script, `import { writeFileAtomically } from ${JSON.stringify(bundle)};\ntry { await writeFileAtomically(${JSON.stringify(target)}, 'new: 2\\n'); console.log('saved'); } catch (error) { console.log(error.code); }\n`);
    const result = runUnprivileged([script], { cwd: dir });
    expect(result.stdout.trim()).toBe('EREADONLY');
    expect(readFileSync(target, 'utf8')).toBe('old: 1\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

/** A 64 KiB tmpfs, where mounting is permitted (root; CI runs as root). */
let tiny: string | undefined;
let mountProblem = '';
beforeAll(() => {
  const point = mkdtempSync(join(tmpdir(), 'swadaya-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', point], { stdio: 'pipe' });
    tiny = point;
  } catch (error) {
    mountProblem = String((error as { stderr?: Buffer }).stderr ?? error).trim();
    rmSync(point, { recursive: true, force: true });
  }
});
afterAll(() => {
  if (!tiny) return;
  execFileSync('umount', [tiny]);
  rmSync(tiny, { recursive: true, force: true });
});

describe('a nearly full disk (a 64 KiB tmpfs; skipped where mount is not permitted)', () => {
  it('a save that does not fit fails cleanly: the file stays whole and valid, no temporary file is left', async (context) => {
    if (!tiny) context.skip(`mount -t tmpfs is not permitted here: ${mountProblem}`);
    const place = tiny!;
    const note = 'x'.repeat(10_000);
    expect((await assess('a.yaml', [...HEADER, 1, note, INTERRUPT], place)).code).toBe(130);
    const saved = readFileSync(join(place, 'a.yaml'), 'utf8');
    expect(saved.length).toBeGreaterThan(10_000);
    // Leave 8 KiB free: less than the file needs.
    const { bavail, bsize } = statfsSync(place);
    writeFileSync(join(place, 'filler'), Buffer.alloc(bavail * bsize - 8192));
    const error = await failure(assess('a.yaml', [2, ''], place));
    expect(error?.message).toBe('could not save a.yaml (ENOSPC). The last saved version is unchanged.');
    expect(readFileSync(join(place, 'a.yaml'), 'utf8')).toBe(saved);
    expect(readdirSync(place).sort()).toEqual(['a.yaml', 'filler']);
  });
});
