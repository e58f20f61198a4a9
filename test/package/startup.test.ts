import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild, root } from '../helpers/build.js';

// These tests run the built code: fail loudly if it is older than the sources.
beforeAll(assertFreshBuild);

/**
 * The files of ours a run loads, sorted: ES modules through a loader hook, CommonJS files (the
 * bundled yaml library) from require's cache. What start-up costs is what it loads
 * (docs/architecture.md#the-build); timings are the bench's (`npm run bench`), not a test's.
 */
function loadedFiles(args: readonly string[], status = 0): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'swadaya-startup-'));
  const hooks = join(dir, 'hooks.mjs');
  // The hooks run on a thread of their own: a synchronous write to stderr is not lost when the run exits.
  writeFileSync(hooks, `import { writeSync } from 'node:fs';\nexport async function load(url, context, next) { if (url.startsWith('file:')) writeSync(2, 'LOADED ' + url + '\\n'); return next(url, context); }\n`);
  const register = join(dir, 'register.mjs');
  writeFileSync(
    register,
    [
      "import { createRequire, register } from 'node:module';",
      `register(${JSON.stringify(pathToFileURL(hooks).href)});`,
      'const require = createRequire(import.meta.url);',
      "process.on('exit', () => { for (const file of Object.keys(require.cache)) process.stderr.write('LOADED ' + file + '\\n'); });",
    ].join('\n'),
  );
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, join(root, 'bin', 'swadaya.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(run.status, run.stderr).toBe(status);
  return run.stderr
    .split('\n')
    .filter((line) => line.startsWith('LOADED '))
    .map((line) => line.slice('LOADED '.length))
    .map((file) => relative(root, file.startsWith('file:') ? new URL(file).pathname : file))
    .map((file) => file.replace(/-[\w-]{8}\.js$/, '.js'))
    .sort();
}

describe('start-up', () => {
  it('--version loads the entry and the start-up chunk only: no command, no catalogue of findings, no YAML parser', () => {
    expect(loadedFiles(['--version'])).toEqual(['bin/swadaya.js', 'dist/chunks/startup.js', 'dist/main.js']);
  });

  it('--help in Indonesian needs nothing more than --version', () => {
    expect(loadedFiles(['--help', '--lang', 'id'])).toEqual(['bin/swadaya.js', 'dist/chunks/startup.js', 'dist/main.js']);
  });

  it('score of one valid file loads six modules and never the yaml library (its fast parser and the rubric cache serve it)', () => {
    const files = loadedFiles(['score', 'examples/2024/kemijen.yaml']);
    expect(files).toEqual(['bin/swadaya.js', 'dist/chunks/run.js', 'dist/chunks/scoring.js', 'dist/chunks/startup.js', 'dist/chunks/worker.js', 'dist/main.js']);
  });

  it('loads the yaml library once a finding needs a line and column, and places the finding with it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swadaya-startup-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, 'rubric: p2kp\ncommunity: {id: "1", name: X}\nperiod: "2024"\nanswers:\n  nosuch.indicator: 1\n');
    expect(loadedFiles(['validate', file], 1)).toContain('dist/yaml.cjs');
    const run = spawnSync(process.execPath, [join(root, 'bin', 'swadaya.js'), 'validate', file], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${file}:5:3: error [unknown-indicator] unknown indicator "nosuch.indicator".`);
  });
});
