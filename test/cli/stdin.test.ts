import { spawn as spawnPty } from '@lydell/node-pty';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run-batch.js';
import { assertFreshBuild, root } from '../helpers/build.js';

// `-` for standard input, through the real binary: what a pipe, an editor or a hook sees.
beforeAll(assertFreshBuild);

const bin = join(root, 'bin', 'swadaya.js');
const kemijen = 'examples/2025/kemijen.yaml';
const kemijenText = readFileSync(join(root, kemijen), 'utf8');
const withBadLevels = kemijenText.replace(/level: 3/g, 'level: 9');
let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'swadaya-stdin-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function swadaya(args: string[], input: string | Buffer, options: { env?: Record<string, string>; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: '1', SWADAYA_LANG: '', ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('- reads one assessment from standard input', () => {
  it('score - --stdin-filename F prints exactly what score F prints', () => {
    for (const format of ['json', 'table']) {
      const piped = swadaya(['score', '-', '--stdin-filename', kemijen, '--format', format], kemijenText);
      const named = swadaya(['score', kemijen, '--format', format], '');
      expect(piped.code).toBe(0);
      expect(piped.stderr).toBe('');
      expect(piped.stdout).toBe(named.stdout);
    }
  });

  it('without --stdin-filename its name is <stdin>, in the JSON file and the CSV column', () => {
    const json = swadaya(['score', '-', '--format', 'json'], kemijenText);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).results.map((result: { file: string }) => result.file)).toEqual(['<stdin>']);
    const csv = swadaya(['score', '-', '--format', 'csv'], kemijenText);
    expect(csv.stdout.split('\r\n')[1]!.startsWith('<stdin>,0,"3374021008",Kelurahan Kemijen,')).toBe(true);
  });

  it('validate -: every finding under the name, at its line and column; exit 1', () => {
    const result = swadaya(['validate', '-', '--stdin-filename', 'assessments/kemijen.yaml'], withBadLevels);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'assessments/kemijen.yaml:38:12: error [level-out-of-range] level 9 for sustainability.audited-finances is outside the scale; use a level 0–4.',
        'assessments/kemijen.yaml:43:12: error [level-out-of-range] level 9 for sustainability.infrastructure-maintenance is outside the scale; use a level 0–4.',
        'assessments/kemijen.yaml:53:12: error [level-out-of-range] level 9 for harmony.poor-targeting is outside the scale; use a level 0–4.',
        'Checked 0 rubric(s) and 1 assessment file(s) (0 valid assessment(s)): 3 error(s), 0 warning(s).',
        '',
      ].join('\n'),
    );
    const id = swadaya(['validate', '-', '--stdin-filename', 'x.yaml', '--lang', 'id'], kemijenText);
    expect(id).toEqual({ code: 0, stdout: 'Diperiksa: 0 rubrik, 1 berkas penilaian (1 penilaian sah). 0 kesalahan, 0 peringatan.\n', stderr: '' });
  });

  it('validate - in the machine formats: the JSON file, the SARIF location, the GitHub annotation', () => {
    const json = swadaya(['validate', '-', '--stdin-filename', 'a/x.yaml', '--format', 'json'], withBadLevels);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).errors.map((error: { file: string; line: number }) => `${error.file}:${error.line}`)).toEqual(['a/x.yaml:38', 'a/x.yaml:43', 'a/x.yaml:53']);
    const sarif = JSON.parse(swadaya(['validate', '-', '--stdin-filename', 'a/x.yaml', '--format', 'sarif'], withBadLevels).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'a/x.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 38, startColumn: 12 } });
    const github = swadaya(['score', '-', '--stdin-filename', 'a/x.yaml', '--fail-under', '90', '--format', 'github'], kemijenText);
    expect(github.code).toBe(1);
    expect(github.stdout.split('\n')[0]).toBe('::error file=a/x.yaml,line=4,col=7,title=swadaya gate-fail-under::3374021008 Kelurahan Kemijen (a/x.yaml): overall 84.91 < 90');
  });

  it('a duplicate of a file on disk is found at its line in the text read from standard input', () => {
    const result = swadaya(['score', kemijen, '-', '--format', 'json'], kemijenText);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      '<stdin>:4:7: error [duplicate-assessment] community 3374021008 for period 2025 is already assessed in examples/2025/kemijen.yaml. One assessment per community and period: remove one. If several people rated it independently, give each file its `rater`.\n',
    );
  });

  it('diff - FILE: the earlier side from standard input, named in the header', () => {
    const before = readFileSync(join(root, 'examples/2024/kemijen.yaml'), 'utf8');
    const piped = swadaya(['diff', '-', kemijen, '--stdin-filename', 'examples/2024/kemijen.yaml', '--format', 'json'], before);
    const named = swadaya(['diff', 'examples/2024/kemijen.yaml', kemijen, '--format', 'json'], '');
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(named.stdout);
    const table = swadaya(['diff', '-', kemijen, '--stdin-filename', 'old.yaml'], before);
    expect(table.stdout.split('\n')[0]).toBe('Comparing 2024 (1 assessments, old.yaml) with 2025 (1 assessments, examples/2025/kemijen.yaml)');
  });

  it('empty, binary or past the size limit: the finding under its name, exit 2; an endless pipe stops at the limit', () => {
    expect(swadaya(['score', '-'], '')).toEqual({
      code: 2,
      stdout: 'No valid assessment was scored.\n',
      stderr: '<stdin>: error [empty-file] the file is empty. Fill it in (`swadaya template --rubric p2kp` prints a file to start from).\n',
    });
    const binary = swadaya(['validate', '-', '--stdin-filename', 'x.yaml'], Buffer.from([0x72, 0x00, 0x01]));
    expect(binary.code).toBe(2);
    expect(binary.stdout).toContain('x.yaml: error [binary-file] is not a UTF-8 text file. Save it as YAML text (UTF-8).\n');
    // A working directory without a package.json: the configuration is looked up there too.
    const large = swadaya(['score', '-', '--stdin-filename', 'big.yaml'], kemijenText, { env: { SWADAYA_MAX_FILE_SIZE: '1K' }, cwd: scratch });
    expect(large).toEqual({
      code: 2,
      stdout: 'No valid assessment was scored.\n',
      stderr:
        'big.yaml: error [stdin-too-large] standard input holds more than the 1024-byte limit for a rubric or assessment file; reading stopped there and nothing of it was checked. Pipe a smaller file, or raise the limit with SWADAYA_MAX_FILE_SIZE (e.g. SWADAYA_MAX_FILE_SIZE=64M).\n',
    });
  });

  it('refused before anything is read, exit 2: - twice, --stdin-filename without -, an empty name; in en and id', () => {
    expect(swadaya(['score', '-', '-'], kemijenText)).toEqual({ code: 2, stdout: '', stderr: 'swadaya: - (standard input) is given 2 times; it can be read only once. Give - once.\n' });
    expect(swadaya(['diff', '-', '-'], kemijenText).stderr).toBe('swadaya: - (standard input) is given 2 times; it can be read only once. Give - once.\n');
    expect(swadaya(['score', kemijen, '--stdin-filename', 'x.yaml'], '')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'swadaya: --stdin-filename x.yaml names standard input, but no - is among the paths. Add - to read standard input, or drop --stdin-filename.\n',
    });
    expect(swadaya(['validate', '-', '--stdin-filename', ''], kemijenText).stderr).toBe(
      'swadaya: --stdin-filename needs a file name, shown in messages and outputs (e.g. --stdin-filename assessments/sukaluyu.yaml).\n',
    );
    expect(swadaya(['score', '-', '-', '--lang', 'id'], kemijenText).stderr).toBe(
      'swadaya: - (masukan standar) diberikan 2 kali; masukan standar hanya dapat dibaca sekali. Berikan - sekali saja.\n',
    );
  });

  it('a terminal on standard input: a clear error at once, not a wait for typing', async () => {
    const pty = spawnPty(process.execPath, [bin, 'score', '-'], { name: 'xterm', cols: 400, rows: 20, cwd: root, env: { ...process.env, NO_COLOR: '1', SWADAYA_LANG: '' } });
    let screen = '';
    pty.onData((data) => {
      screen += data;
    });
    const code = await new Promise<number>((done, fail) => {
      const timer = setTimeout(() => {
        pty.kill();
        fail(new Error(`still waiting after 10 s; the screen shows:\n${screen}`));
      }, 10_000);
      pty.onExit(({ exitCode }) => {
        clearTimeout(timer);
        done(exitCode);
      });
    });
    expect(code).toBe(2);
    expect(screen.replace(/\r\n/g, '\n')).toBe(
      'swadaya: - reads an assessment from standard input, but standard input is a terminal. Pipe a file in (cat FILE.yaml | swadaya score - --stdin-filename FILE.yaml), or give the path of the file instead of -.\n',
    );
  });

  it('in a batch on worker threads, standard input is processed there under its name', async () => {
    const outcomes = [];
    const search = { cwd: root, searchPath: undefined };
    for await (const outcome of runBatch(['-', kemijen], { projection: { kind: 'check' }, search, workers: 1, stdin: { name: 'piped.yaml', text: withBadLevels } })) outcomes.push(outcome);
    expect(outcomes.map((outcome) => [outcome.file, outcome.documents.length, outcome.findings.map((finding) => `${finding.line}:${finding.code}`)])).toEqual([
      ['piped.yaml', 0, ['38:level-out-of-range', '43:level-out-of-range', '53:level-out-of-range']],
      [kemijen, 1, []],
    ]);
  });
});
