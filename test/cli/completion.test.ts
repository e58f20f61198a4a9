import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { memoryContext } from '../helpers/memory-context.js';

const has = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const scripts: Record<string, string> = {};
const dir = mkdtempSync(join(tmpdir(), 'swadaya-completion-'));

beforeAll(async () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    const memory = memoryContext();
    expect(await runCli(['completion', shell], memory.ctx)).toBe(0);
    scripts[shell] = memory.stdout();
    writeFileSync(join(dir, `swadaya.${shell}`), memory.stdout());
  }
  mkdirSync(join(dir, 'work', 'assessments'), { recursive: true });
  writeFileSync(join(dir, 'work', 'assessments', 'a.yaml'), '');
});

/** What bash completes for the words typed so far (the last one being completed). */
function bashComplete(...words: string[]): string[] {
  const script = `source ${JSON.stringify(join(dir, 'swadaya.bash'))}
COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_swadaya; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '-c', script], { cwd: join(dir, 'work'), encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter((line) => line !== '').sort();
}

describe('swadaya completion', () => {
  it('bash completes commands, subcommands, options, their values per command, and paths', () => {
    expect(bashComplete('swadaya', 'sc')).toEqual(['schema', 'score']);
    expect(bashComplete('swadaya', 'rubric', '')).toEqual(expect.arrayContaining(['list', 'show']));
    expect(bashComplete('swadaya', 'score', '--fa')).toEqual(['--fail-under']);
    expect(bashComplete('swadaya', 'score', '--format', 'c')).toEqual(['csv']);
    expect(bashComplete('swadaya', 'validate', '--format', 't')).toEqual(['text']);
    expect(bashComplete('swadaya', '--lang', 'id', 'diff', '--lang', '')).toEqual(['en', 'id']);
    expect(bashComplete('swadaya', 'completion', '')).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish']));
    expect(bashComplete('swadaya', 'score', 'assess')).toEqual(['assessments']);
    // A value of an option is not taken for a command: `--rubric score` leaves the path at template.
    expect(bashComplete('swadaya', 'template', '--rubric', 'score', '--ou')).toEqual(['--output']);
  });

  it.skipIf(!has('zsh'))('zsh loads the script without errors', () => {
    const result = spawnSync('zsh', ['-f', '-c', `autoload -U compinit && compinit -u -D; source ${JSON.stringify(join(dir, 'swadaya.zsh'))}; _swadaya_path score --format json x; _swadaya_words_for rubric`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toBe('score');
    expect(result.stdout).toContain('list show');
  });

  it.skipIf(!has('fish'))('fish completes commands and per-command option values', () => {
    const complete = (line: string): string[] => {
      const result = spawnSync('fish', ['--no-config', '-c', `source ${JSON.stringify(join(dir, 'swadaya.fish'))}; complete -C ${JSON.stringify(line)}`], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      return result.stdout.split('\n').filter((entry) => entry !== '').map((entry) => entry.split('\t')[0]!);
    };
    expect(complete('swadaya sc')).toEqual(['schema', 'score']);
    expect(complete('swadaya score --format c')).toEqual(['csv']);
    expect(complete('swadaya rubric ')).toEqual(expect.arrayContaining(['list', 'show']));
  });

  it("writes its comments and the help option's description in the tool's language", async () => {
    expect(scripts.bash!.split('\n').slice(0, 2)).toEqual([
      '# swadaya completion for bash. Install: swadaya completion bash > ~/.local/share/bash-completion/completions/swadaya',
      '# or add to ~/.bashrc: source <(swadaya completion bash)',
    ]);
    expect(scripts.fish).toContain("complete -c swadaya -l help -s h -d 'display help for command'\n");
    const zsh = memoryContext();
    expect(await runCli(['completion', 'zsh', '--lang', 'id'], zsh.ctx)).toBe(0);
    expect(zsh.stdout().split('\n').slice(0, 3)).toEqual([
      '#compdef swadaya',
      '# Pelengkapan swadaya untuk zsh. Pasang: swadaya completion zsh > "${fpath[1]}/_swadaya"',
      '# atau tambahkan ke ~/.zshrc (setelah compinit): source <(swadaya completion zsh)',
    ]);
    const fish = memoryContext();
    expect(await runCli(['completion', 'fish', '--lang', 'id'], fish.ctx)).toBe(0);
    expect(fish.stdout()).toContain("complete -c swadaya -l help -s h -d 'tampilkan bantuan perintah ini'\n");
  });

  it('exits 2 for a shell it does not know', async () => {
    const memory = memoryContext();
    expect(await runCli(['completion', 'powershell'], memory.ctx)).toBe(2);
    expect(memory.stderr()).toContain('powershell');
  });
});
