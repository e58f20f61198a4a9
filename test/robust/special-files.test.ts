import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild } from '../helpers/build.js';
import { runCli } from '../../src/cli.js';
import { assessCommand } from '../../src/commands/assess.js';
import { readRegularFileSync } from '../../src/io/safe-read.js';
import { memoryContext, settingsFor } from '../helpers/memory-context.js';
import { scriptedPrompter } from '../assess/scripted-prompter.js';
import { bin, canRunUnprivileged, runUnprivileged, unprivilegedReason } from './unprivileged.js';

// These tests run the built code: fail loudly if it is older than the sources.
beforeAll(assertFreshBuild);

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const valid = readFileSync(join(fixtures, 'bad', 'valid.yaml'), 'utf8');
const tinyRubric = readFileSync(join(fixtures, 'rubrics', 'tiny', 'rubric.yaml'), 'utf8');
let dir: string;

async function run(argv: string[], env: Record<string, string> = {}) {
  const memory = memoryContext({ cwd: dir, env });
  const code = await runCli(argv, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'swadaya-special-'));
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'scanned'));
  writeFileSync(join(dir, 'scanned', 'sukaluyu.yaml'), valid);
  symlinkSync('/dev/zero', join(dir, 'scanned', 'zero.yaml'));
  execFileSync('mkfifo', [join(dir, 'scanned', 'pipe.yaml')]);
  writeFileSync(join(dir, 'names-dev-zero.yaml'), valid.replace('rubric: p2kp@1.0.0', 'rubric: /dev/zero'));
  // SWADAYA_RUBRIC_PATH with a FIFO in place of a rubric.yaml.
  mkdirSync(join(dir, 'search', 'piped'), { recursive: true });
  execFileSync('mkfifo', [join(dir, 'search', 'piped', 'rubric.yaml')]);
  writeFileSync(join(dir, 'not-a-dir'), 'x');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DEVICE = 'error [not-a-regular-file] is a character device, not a regular file, so it was not read (it could block or never end). Point at a YAML file.';

describe('device files and FIFOs are never opened for reading', () => {
  it('score /dev/zero: exit 2, "is a character device"', async () => {
    const result = await run(['score', '/dev/zero']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`/dev/zero: ${DEVICE}`);
  });

  it('--rubric /dev/zero: exit 2, the rubric named with its own error', async () => {
    const result = await run(['score', 'scanned/sukaluyu.yaml', '--rubric', '/dev/zero']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the rubric at /dev/zero has 1 error(s), the first at /dev/zero [not-a-regular-file]. Run: swadaya validate /dev/zero');
    const show = await run(['rubric', 'show', '/dev/zero']);
    expect(show.code).toBe(2);
    expect(show.stderr).toContain(`/dev/zero: ${DEVICE}`);
  });

  it('rubric: /dev/zero inside a committed assessment: exit 2 at the line of rubric:', async () => {
    const result = await run(['validate', 'names-dev-zero.yaml', '--format', 'json']);
    expect(result.code).toBe(1);
    const errors = JSON.parse(result.stdout).errors as { code: string; line: number; message: string }[];
    expect(errors).toContainEqual(expect.objectContaining({ code: 'rubric-invalid', line: 1, message: expect.stringContaining('[not-a-regular-file]') }));
  });

  it('a symlink to /dev/zero and a FIFO in a scanned directory are skipped with a warning; the rest is scored', async () => {
    const result = await run(['score', 'scanned', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('scanned/zero.yaml: warning [special-file-skipped] is a character device, not a regular file; skipped.');
    expect(result.stderr).toContain('scanned/pipe.yaml: warning [special-file-skipped] is a named pipe (FIFO), not a regular file; skipped.');
    expect(JSON.parse(result.stdout).results.map((entry: { file: string }) => entry.file)).toEqual(['scanned/sukaluyu.yaml']);
  });

  it('a glob matching a FIFO and a link to /dev/zero skips them with the same warning as a directory; a link to a file is followed', async () => {
    const result = await run(['score', 'scanned/*.yaml', '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'scanned/pipe.yaml: warning [special-file-skipped] is a named pipe (FIFO), not a regular file; skipped.\n' +
        'scanned/zero.yaml: warning [special-file-skipped] is a character device, not a regular file; skipped.\n',
    );
    expect(result.stdout.split('\r\n').slice(1, -1).map((line) => line.split(',')[0])).toEqual(['scanned/sukaluyu.yaml']);
    const deep = await run(['score', '**/pipe.yaml', '--format', 'json']);
    expect(deep.code).toBe(2);
    expect(deep.stderr).toBe(
      'scanned/pipe.yaml: warning [special-file-skipped] is a named pipe (FIFO), not a regular file; skipped.\n' +
        '**/pipe.yaml: error [glob-no-match] the pattern **/pipe.yaml matches no file.\n',
    );
    const linked = mkdtempSync(join(dir, 'linked-'));
    symlinkSync(join(dir, 'scanned', 'sukaluyu.yaml'), join(linked, 'link.yaml'));
    const link = await run(['score', `${linked}/*.yaml`, '--format', 'json']);
    expect(link.code).toBe(0);
    expect(JSON.parse(link.stdout).results).toHaveLength(1);
  });

  it('named explicitly, the FIFO and the link are refused: exit 2', async () => {
    const result = await run(['validate', 'scanned/pipe.yaml', 'scanned/zero.yaml']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('scanned/pipe.yaml: error [not-a-regular-file] is a named pipe (FIFO)');
    expect(result.stdout).toContain(`scanned/zero.yaml: ${DEVICE}`);
  });

  it('assess /dev/zero is refused before any question', async () => {
    const memory = memoryContext({ cwd: dir, tty: true });
    const prompter = scriptedPrompter([]);
    await expect(assessCommand('/dev/zero', settingsFor(memory.ctx), memory.ctx, prompter)).rejects.toThrow(
      'cannot interview into /dev/zero: it is not a regular file (a FIFO, a device or a socket). Name a YAML file.',
    );
    expect(prompter.asked).toEqual([]);
  });

  it('a FIFO as rubric.yaml on SWADAYA_RUBRIC_PATH: rubric list returns and marks it invalid', async () => {
    const result = await run(['rubric', 'list'], { SWADAYA_RUBRIC_PATH: join(dir, 'search') });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^piped\s+invalid \(1\)/m);
  });

  it('an unreadable SWADAYA_RUBRIC_PATH entry is reported by rubric list and in "no rubric found"', async () => {
    const entry = join(dir, 'not-a-dir');
    const list = await run(['rubric', 'list'], { SWADAYA_RUBRIC_PATH: entry });
    expect(list.stderr).toContain(`${entry}: warning [rubric-path-unreadable] the SWADAYA_RUBRIC_PATH entry ${entry} cannot be read (ENOTDIR); its rubrics are left out.`);
    const score = await run(['score', 'scanned/sukaluyu.yaml', '--rubric', 'nosuch'], { SWADAYA_RUBRIC_PATH: entry });
    expect(score.code).toBe(2);
    expect(score.stderr).toContain(`(could not read ${entry} (ENOTDIR))`);
  });
});

describe('a listed path (found by a scan, a glob or a stat) is opened at once and checked through its handle', () => {
  it('a FIFO or a link to a device swapped in after the listing is refused without blocking; a link to a file is read', () => {
    const listed = (name: string) => readRegularFileSync(join(dir, 'scanned', name), name, undefined, true);
    expect(listed('pipe.yaml')).toMatchObject({ code: 'not-a-regular-file', args: { kind: 'fifo' } });
    expect(listed('zero.yaml')).toMatchObject({ code: 'not-a-regular-file', args: { kind: 'character-device' } });
    symlinkSync(join(dir, 'scanned', 'sukaluyu.yaml'), join(dir, 'linked.yaml'));
    expect(readRegularFileSync(join(dir, 'linked.yaml'), 'linked.yaml', undefined, true)).toEqual(Buffer.from(valid));
    expect(listed('sukaluyu.yaml')).toEqual(Buffer.from(valid));
  });
});

describe('the size limit (SWADAYA_MAX_FILE_SIZE)', () => {
  it('a file past the limit is not read: exit 2 with its size, the limit and how to raise it', async () => {
    const result = await run(['score', 'scanned/sukaluyu.yaml'], { SWADAYA_MAX_FILE_SIZE: '100' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `scanned/sukaluyu.yaml: error [file-too-large] is ${Buffer.byteLength(valid)} bytes, more than the 100-byte limit for a rubric or assessment file; it was not read.`,
    );
    expect(result.stderr).toContain('SWADAYA_MAX_FILE_SIZE=64M');
  });

  it('applies to rubrics too, and K/M suffixes work', async () => {
    mkdirSync(join(dir, 'big-rubric'), { recursive: true });
    writeFileSync(join(dir, 'big-rubric', 'rubric.yaml'), tinyRubric);
    const refused = await run(['rubric', 'show', './big-rubric'], { SWADAYA_MAX_FILE_SIZE: '1K' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('more than the 1024-byte limit');
    expect((await run(['rubric', 'show', './big-rubric'], { SWADAYA_MAX_FILE_SIZE: '1M' })).code).toBe(0);
  });

  it("is for rubrics and assessments: a project's package.json larger than it is still read for its configuration", async () => {
    const project = join(dir, 'project');
    mkdirSync(project, { recursive: true });
    // 2 KB of package.json, swadaya among the dev dependencies and its configuration under "swadaya".
    const scripts = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`task-${index}`, `node scripts/task-${index}.mjs --verbose`]));
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'village-data', scripts, devDependencies: { swadaya: '^0.1.0' }, swadaya: { lang: 'id' } }, null, 2)}\n`);
    writeFileSync(join(project, 'rubric.yaml'), tinyRubric);
    expect(readFileSync(join(project, 'package.json')).length).toBeGreaterThan(2048);
    const memory = memoryContext({ cwd: project, env: { SWADAYA_MAX_FILE_SIZE: '1K' } });
    const code = await runCli(['rubric', 'show', './rubric.yaml'], memory.ctx);
    // The rubric itself is past the limit, and says so in the configuration's language.
    expect(code).toBe(2);
    expect(memory.stderr()).toContain('rubric.yaml: galat [file-too-large] berukuran');
  });

  it('a value that is not a size: exit 2 naming it', async () => {
    const result = await run(['score', 'scanned/sukaluyu.yaml'], { SWADAYA_MAX_FILE_SIZE: 'lots' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SWADAYA_MAX_FILE_SIZE="lots" is not a size.');
  });
});

describe.skipIf(!canRunUnprivileged)(`permissions as an unprivileged user (${unprivilegedReason})`, () => {
  it('a glob over an unreadable directory exits 2 naming it, as score DIR does', () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'open'), { recursive: true });
    mkdirSync(join(tree, 'closed'), { recursive: true });
    writeFileSync(join(tree, 'open', 'a.yaml'), valid);
    writeFileSync(join(tree, 'closed', 'b.yaml'), valid.replace('3273011004', '3273011005'));
    chmodSync(join(tree, 'closed'), 0o000);
    try {
      const glob = runUnprivileged([bin, 'score', 'tree/**/*.yaml', '--format', 'json'], { cwd: dir });
      expect(glob.code).toBe(2);
      expect(glob.stderr).toContain('tree/closed: error [permission-denied]');
      const walked = runUnprivileged([bin, 'score', 'tree', '--format', 'json'], { cwd: dir });
      expect(walked.code).toBe(2);
      expect(walked.stderr).toContain('tree/closed: error [permission-denied]');
    } finally {
      chmodSync(join(tree, 'closed'), 0o755);
    }
  });

  it('an unreadable SWADAYA_RUBRIC_PATH entry (EACCES) is reported by rubric list', () => {
    const closed = join(dir, 'closed-rubrics');
    mkdirSync(join(closed, 'x'), { recursive: true });
    chmodSync(closed, 0o000);
    try {
      const result = runUnprivileged([bin, 'rubric', 'list'], { cwd: dir, env: { SWADAYA_RUBRIC_PATH: closed } });
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`the SWADAYA_RUBRIC_PATH entry ${closed} cannot be read (EACCES)`);
    } finally {
      chmodSync(closed, 0o755);
    }
  });
});
