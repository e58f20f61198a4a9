import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild } from '../helpers/build.js';
import packageJson from '../../package.json' with { type: 'json' };

// These tests run the built code: fail loudly if it is older than the sources.
beforeAll(assertFreshBuild);

const root = join(import.meta.dirname, '..', '..');

describe('the package', () => {
  it('says how to build when dist/ is missing, in English and Indonesian, exit 2 and no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swadaya-nodist-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(root, 'bin', 'swadaya.js'), join(dir, 'bin', 'swadaya.js'));
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [join(dir, 'bin', 'swadaya.js'), '--help'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
    const english = run({});
    expect(english.status).toBe(2);
    expect(english.stderr).toContain('dist/main.js is missing');
    expect(english.stderr).toContain('npm run build');
    expect(english.stderr).not.toMatch(/\n\s+at /);
    const indonesian = run({ LANG: 'id_ID.UTF-8' });
    expect(indonesian.status).toBe(2);
    expect(indonesian.stderr).toContain('Jalankan `npm run build`');
  });

  it('ships a LICENSE and no source maps', () => {
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toContain('MIT License');
    expect(packageJson.license).toBe('MIT');
    expect(packageJson.files).toContain('LICENSE');
    expect(packageJson.files).toContain('!dist/**/*.map');
  });

  it('declares as dependencies exactly the packages dist/ imports at run time', () => {
    const files = [...readdirSync(join(root, 'dist')), ...readdirSync(join(root, 'dist', 'chunks')).map((file) => join('chunks', file))].filter((file) => file.endsWith('.js'));
    const imported = new Set<string>();
    for (const file of files) {
      const code = readFileSync(join(root, 'dist', file), 'utf8');
      for (const match of code.matchAll(/(?:from\s*|import\s*\(\s*)["']([^"'./][^"']*)["']/g)) {
        const specifier = match[1]!;
        if (specifier.startsWith('node:') || !/^(@[^/]+\/)?[a-z]/.test(specifier) || isBuiltin(specifier)) continue;
        imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
    expect([...imported].sort()).toEqual(Object.keys(packageJson.dependencies).sort());
  });

  it('the built binary runs init, schema and template -o from another directory (bundled libraries included)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'swadaya-bin-'));
    const run = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'swadaya.js'), ...args], { cwd: dir, encoding: 'utf8' });
    const init = run(['init']);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.vscode', 'settings.json'), 'utf8'))['yaml.schemas']).toEqual({ './.swadaya/p2kp.schema.json': ['assessments/**/*.yaml', 'assessments/**/*.yml'] });
    expect(run(['schema', '--rubric', 'p2kp', '-o', 'p2kp.json']).status).toBe(0);
    expect(readFileSync(join(dir, 'p2kp.json'), 'utf8')).toBe(readFileSync(join(dir, '.swadaya', 'p2kp.schema.json'), 'utf8'));
    mkdirSync(join(dir, 'assessments'));
    expect(run(['template', '--rubric', 'p2kp', '-o', 'assessments/a.yaml']).status).toBe(0);
    expect(readFileSync(join(dir, 'assessments', 'a.yaml'), 'utf8')).toMatch(/^# P2KP/);
  });
});
