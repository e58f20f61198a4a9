import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'jsonc-parser';
import picomatch from 'picomatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild, root } from '../helpers/build.js';
import { YamlLanguageServer, type Diagnostic } from '../helpers/yaml-language-server.js';

/** Every YAML file under `dir`, relative to the repository, with forward slashes. */
function yamlFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

const settings = parse(readFileSync(join(root, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
const mappings = Object.entries(settings['yaml.schemas']);
/** The schemas the mapping gives `file`: a glob matches, and none of its `!` globs does (as the YAML language server reads them). */
const schemasOf = (file: string): string[] =>
  mappings
    .filter(([, globs]) => {
      const positive = globs.filter((glob) => !glob.startsWith('!'));
      const negative = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1));
      return picomatch(positive)(file) && !(negative.length > 0 && picomatch(negative)(file));
    })
    .map(([schema]) => schema);

const bundled = [...yamlFiles('examples'), ...yamlFiles('rubrics')];
const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === 1).map((d) => `${d.range.start.line + 1}: ${d.message}`);

describe("the repository's own editor setup: a mapping, no modelines", () => {
  beforeAll(assertFreshBuild);

  it('no example or shipped rubric names a schema in a modeline', () => {
    expect(bundled.length).toBeGreaterThan(40);
    expect(bundled.filter((file) => readFileSync(join(root, file), 'utf8').includes('yaml-language-server'))).toEqual([]);
  });

  it('.vscode/settings.json gives every one of them exactly one schema: the rubric-specific one for the example assessments', () => {
    expect(bundled.filter((file) => schemasOf(file).length !== 1)).toEqual([]);
    expect(schemasOf('examples/2025/kemijen.yaml')).toEqual(['./.swadaya/p2kp.schema.json']);
    expect(schemasOf('examples/ratings/2025/kemijen.santoso.yaml')).toEqual(['./.swadaya/p2kp.schema.json']);
    expect(schemasOf('examples/custom-rubric/assessment.yaml')).toEqual(['./.swadaya/village-water.schema.json']);
    expect(schemasOf('rubrics/p2kp/rubric.yaml')).toEqual(['./schemas/rubric.schema.json']);
    expect(schemasOf('rubrics/p2kp@1.0.0/harmony.yaml')).toEqual(['./schemas/principle.schema.json']);
  });

  it('is exactly what swadaya init writes (scripts/editor-setup.mjs --check)', () => {
    const check = spawnSync(process.execPath, [join(root, 'scripts', 'editor-setup.mjs'), '--check'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  }, 60_000);

  describe('the YAML language server with that mapping', () => {
    let server: YamlLanguageServer;
    beforeAll(async () => {
      server = await YamlLanguageServer.start(root, { schemas: settings['yaml.schemas'] });
    }, 30_000);
    afterAll(async () => server?.stop());

    it('finds no error in any example or rubric, and flags a misspelt indicator and level 7 in an example', async () => {
      const found: string[] = [];
      for (const file of bundled) {
        for (const error of errors(await server.diagnose(join(root, file), readFileSync(join(root, file), 'utf8')))) found.push(`${file}:${error}`);
      }
      expect(found).toEqual([]);
      const text = readFileSync(join(root, 'examples/2025/kemijen.yaml'), 'utf8')
        .replace('integration.joint-planning:', 'integration.joint-planing:')
        .replace(/(integration\.self-mapping: )\d/, '$17');
      expect(errors(await server.diagnose(join(root, 'examples/2025/kemijen-typo.yaml'), text)).map((error) => error.replace(/^\d+: /, '')).sort()).toEqual([
        'Property integration.joint-planing is not allowed.',
        'Value is above the maximum of 4.',
      ]);
    }, 60_000);
  });
});
