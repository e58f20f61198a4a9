import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { memoryContext } from '../helpers/memory-context.js';

const valid = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'bad', 'valid.yaml'), 'utf8');
let dir: string;

async function run(argv: string[]) {
  const memory = memoryContext({ cwd: dir });
  const code = await runCli(argv, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

/** Cases that cannot be committed cleanly (binary, symlinks, empty directories, BOM, CRLF) are made here. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'swadaya-bad-'));
  mkdirSync(join(dir, 'empty-dir'));
  mkdirSync(join(dir, 'looping-dir'));
  symlinkSync('../looping-dir', join(dir, 'looping-dir', 'back'));
  writeFileSync(join(dir, 'looping-dir', 'sukaluyu.yaml'), valid);
  symlinkSync('link-b.yaml', join(dir, 'link-a.yaml'));
  symlinkSync('link-a.yaml', join(dir, 'link-b.yaml'));
  writeFileSync(join(dir, 'photo.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('community:\n  name: Kelurahan Cibeunying \xe9\n', 'latin1'));
  writeFileSync(join(dir, 'bom.yaml'), `\uFEFF${valid}`);
  writeFileSync(join(dir, 'crlf.yaml'), valid.replace(/\n/g, '\r\n'));
  writeFileSync(join(dir, 'bom-crlf-level.yaml'), `\uFEFF${valid.replace('level: 2', 'level: 9').replace(/\n/g, '\r\n')}`);
  writeFileSync(join(dir, 'bom-rubric.yaml'), `\uFEFF${valid.replace('rubric: p2kp@1.0.0', 'rubric: p2kq')}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bad paths and files', () => {
  it('a path that does not exist: score and validate exit 2 and say to check the path', async () => {
    for (const command of ['score', 'validate']) {
      const result = await run([command, 'no-such-file.yaml']);
      expect(result.code).toBe(2);
      expect(result.stderr + result.stdout).toContain('no-such-file.yaml: error [path-not-found] no such file or directory. Check the path');
    }
  });

  it('validate: 2 for a path that does not exist, even beside a file with errors; 1 for validation errors alone', async () => {
    writeFileSync(join(dir, 'invalid.yaml'), valid.replace('level: 2', 'level: 9'));
    expect((await run(['validate', 'invalid.yaml'])).code).toBe(1);
    expect((await run(['validate', 'invalid.yaml', 'missing.yaml'])).code).toBe(2);
    expect((await run(['validate', 'crlf.yaml'])).code).toBe(0);
  });

  it('a glob that matches nothing exits 2 and names the pattern', async () => {
    const result = await run(['score', 'nowhere/*.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nowhere/*.yaml: error [glob-no-match] the pattern nowhere/*.yaml matches no file.');
  });

  it('an empty directory exits 2 and says it holds no YAML files', async () => {
    for (const command of ['score', 'validate']) {
      const result = await run([command, 'empty-dir']);
      expect(result.code).toBe(2);
      expect(result.stderr + result.stdout).toContain('empty-dir: error [no-files] holds no *.yaml or *.yml files.');
    }
  });

  it('a symlink loop inside a directory is skipped with a warning; the files are still scored', async () => {
    const result = await run(['score', 'looping-dir', '--format', 'json']);
    expect(result.stderr).toContain('looping-dir/back: warning [symlink-loop] a symbolic link that leads back to itself; it was skipped.');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).results).toHaveLength(1);
  });

  it('a symlink that loops on itself, given as a path, exits 2 and says to fix the link', async () => {
    const result = await run(['score', 'link-a.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('link-a.yaml: error [symlink-loop] a symbolic link that leads back to itself; it was skipped. Remove the link');
  });

  it('a binary file and a file that is not UTF-8 exit 2 and say to save the file as UTF-8 text', async () => {
    for (const file of ['photo.yaml', 'latin1.yaml']) {
      const result = await run(['score', file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${file}: error [binary-file] is not a UTF-8 text file. Save it as YAML text (UTF-8).`);
    }
  });

  it('files with a byte-order mark or CRLF line endings score (exit 0)', async () => {
    for (const file of ['bom.yaml', 'crlf.yaml']) {
      const result = await run(['score', file, '--format', 'json']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).results[0].community.id).toBe('3273011004');
    }
  });

  it('lines and columns stay right in a file with a BOM and CRLF line endings', async () => {
    const level = await run(['score', 'bom-crlf-level.yaml']);
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('bom-crlf-level.yaml:8:39: error [level-out-of-range] level 9 for self-reliance.bkm-election');
    const rubric = await run(['score', 'bom-rubric.yaml']);
    expect(rubric.code).toBe(2);
    expect(rubric.stderr).toContain('bom-rubric.yaml:1:9: error [unknown-rubric] no rubric "p2kq" found. Did you mean "p2kp"?');
  });

  it('an unknown option, command or format exits 2 with commander\'s message and a pointer to --help', async () => {
    const option = await run(['score', 'bom.yaml', '--formt', 'json']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("error: unknown option '--formt'");
    expect(option.stderr).toContain('(Did you mean --format?)');
    const format = await run(['score', 'bom.yaml', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("argument 'xml' is invalid. Allowed choices are table, json, yaml, markdown, csv, github, sarif, junit, gitlab.");
    const command = await run(['scor', 'bom.yaml']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'scor'");
    for (const result of [option, format, command]) expect(result.stderr).toContain('(run with --help for usage)');
  });
});
