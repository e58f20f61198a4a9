import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { runCli } from '../../src/cli.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');

async function swadaya(args: string[], env: Record<string, string> = {}) {
  const memory = memoryContext({ cwd: root, env });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

describe('CLI conventions', () => {
  it('-v and --version print the version', async () => {
    for (const flag of ['-v', '--version']) {
      const result = await swadaya([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${packageJson.version}\n`);
    }
  });

  it('the locale picks the language when SWADAYA_LANG is unset: LC_ALL, then LC_MESSAGES, then LANG', async () => {
    const heading = async (env: Record<string, string>) => (await swadaya(['rubric', 'show', 'p2kp'], env)).stdout.split('\n')[1];
    const english = await heading({});
    const indonesian = await heading({ SWADAYA_LANG: 'id' });
    expect(english).not.toBe(indonesian);
    expect(await heading({ LANG: 'id_ID.UTF-8' })).toBe(indonesian);
    expect(await heading({ LANG: 'en_US.UTF-8', LC_ALL: 'id_ID.UTF-8' })).toBe(indonesian);
    expect(await heading({ LANG: 'id_ID.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' })).toBe(english);
    expect(await heading({ LANG: 'id_ID.UTF-8', SWADAYA_LANG: 'en' })).toBe(english);
    expect(await heading({ LANG: 'C.UTF-8' })).toBe(english);
    expect(await heading({ LANG: 'fr_FR.UTF-8' })).toBe(english);
  });
});

describe('help, output, quiet and configuration', () => {
  const scratch = () => mkdtempSync(join(tmpdir(), 'swadaya-conv-'));

  it('every command\'s --help lists the global options, examples and exit codes, in English and Indonesian', async () => {
    const paths = [[], ['score'], ['assess'], ['diff'], ['agree'], ['consensus'], ['trend'], ['validate'], ['rubric'], ['rubric', 'list'], ['rubric', 'show'], ['template'], ['schema'], ['init'], ['completion']];
    for (const path of paths) {
      const en = await swadaya([...path, '--help']);
      expect(en.code).toBe(0);
      if (path.length > 0) expect(en.stdout, path.join(' ')).toContain('Global Options:\n');
      expect(en.stdout, path.join(' ')).toContain('--quiet');
      expect(en.stdout, path.join(' ')).toMatch(/Examples:\n  .*swadaya/);
      expect(en.stdout, path.join(' ')).toContain('Exit codes:\n  0    success\n  1 ');
      const id = await swadaya([...path, '--help', '--lang', 'id']);
      expect(id.stdout).toContain('Penggunaan: swadaya');
      expect(id.stdout).toContain('Contoh:\n');
      expect(id.stdout).toContain('Kode keluar:\n  0    berhasil');
      for (const english of ['Usage:', 'Options:', 'display help', 'Global Options:', 'Examples:', 'Exit codes:', 'default:', 'choices:']) expect(id.stdout, `${path.join(' ')}: ${english}`).not.toContain(english);
    }
  });

  it("translates commander's errors, exit 2", async () => {
    const unknown = await swadaya(['score', 'examples/2025', '--bogus', '--lang', 'id']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("galat: opsi tidak dikenal '--bogus'\n(jalankan dengan --help untuk cara pakai)\n");
    const choice = await swadaya(['diff', 'a', 'b', '--format', 'xml'], { SWADAYA_LANG: 'id' });
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain("galat: nilai 'xml' untuk opsi '--format <format>' tidak sah. Pilihan yang boleh: table");
    const command = await swadaya(['scor'], { LANG: 'id_ID.UTF-8' });
    expect(command.stderr).toBe("galat: perintah tidak dikenal 'scor'\n(Maksud Anda score?)\n(jalankan dengan --help untuk cara pakai)\n");
  });

  it('-o FILE writes the output atomically (kept on exit 1, left alone on exit 2); --quiet keeps only errors on stderr', async () => {
    const dir = scratch();
    const target = join(dir, 'scores.json');
    const ok = await swadaya(['score', 'examples/2025', '--format', 'json', '-o', target]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect((JSON.parse(readFileSync(target, 'utf8')) as { results: unknown[] }).results).toHaveLength(9);
    const failed = await swadaya(['score', 'examples/2025', '--format', 'csv', '--fail-under', '99', '-o', target]);
    expect(failed.code).toBe(1);
    expect(readFileSync(target, 'utf8').split('\r\n')[0]).toMatch(/^"?file"?[,;]/);
    writeFileSync(target, 'before');
    const invalid = await swadaya(['score', 'no-such-dir', '-o', target]);
    expect(invalid.code).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('before');
    expect(readdirSync(dir)).toEqual(['scores.json']);

    const loud = await swadaya(['score', 'examples/2025', 'no-such-dir', '--fail-under', '99', '--format', 'json']);
    const quiet = await swadaya(['score', 'examples/2025', 'no-such-dir', '--fail-under', '99', '--format', 'json', '--quiet']);
    expect(quiet.code).toBe(loud.code);
    expect(quiet.stdout).toBe(loud.stdout);
    expect(quiet.stderr).toContain('no-such-dir: error [path-not-found]');
    expect(quiet.stderr.length).toBeLessThanOrEqual(loud.stderr.length);
  });

  it('rubric list and rubric show take --format json', async () => {
    const list = JSON.parse((await swadaya(['rubric', 'list', '--format', 'json'])).stdout) as { id: string; version: string; valid: boolean }[];
    expect(list.map((row) => `${row.id}@${row.version}`)).toContain('p2kp@2.0.0');
    const show = JSON.parse((await swadaya(['rubric', 'show', 'p2kp', '--format', 'json'])).stdout) as { id: string; indicators: unknown[]; principles: unknown[] };
    expect(show.id).toBe('p2kp');
    expect(show.indicators.length).toBeGreaterThan(30);
  });

  it('a configuration file sets defaults the command line overrides, and its mistakes stop the run with line and column', async () => {
    const dir = scratch();
    cpSync(join(root, 'examples', '2025'), join(dir, 'assessments'), { recursive: true });
    writeFileSync(join(dir, 'swadaya.config.yaml'), 'lang: id\nformat: {score: json, rubric: json}\nthresholds: {failUnder: 99}\nrubric: p2kp\n');
    const run = async (args: string[], env: Record<string, string> = {}) => {
      const memory = memoryContext({ cwd: dir, env });
      return { code: await runCli(args, memory.ctx), stdout: memory.stdout(), stderr: memory.stderr() };
    };
    const score = await run(['score', 'assessments']);
    expect(score.code).toBe(1); // failUnder 99 from the file
    expect(score.stdout.startsWith('{')).toBe(true); // json from the file
    expect(score.stderr).toContain('99'); // the gate speaks Indonesian: lang from the file
    expect((await run(['score', 'assessments', '--fail-under', '0', '--format', 'csv'])).code).toBe(0);
    expect((await run(['template'])).code).toBe(0); // the required --rubric comes from the file
    writeFileSync(join(dir, 'swadaya.config.yaml'), 'lang: fr\n');
    const bad = await run(['score', 'assessments']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${join(dir, 'swadaya.config.yaml')}:1:7: error [not-allowed-value]`);
    expect((await run(['--version'])).code).toBe(0);
  });
});
