import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild } from '../helpers/build.js';
import { diffSets, loadAssessments, loadRubric, scoreAssessment } from '../../src/api.js';

const root = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** What the scratch project prints, computed here from the sources: the same numbers must come out of the tarball. */
async function expected() {
  const rubric = await loadRubric('p2kp', { cwd: root });
  const score = async (dir: string) => (await loadAssessments([dir], { cwd: root })).assessments.map((loaded) => scoreAssessment(loaded.rubric, loaded.assessment));
  const before = await score('examples/2024');
  const after = await score('examples/2025');
  const diff = diffSets(before, after);
  return {
    rubric: `${rubric.id}@${rubric.version}`,
    indicators: rubric.indicators.length,
    scored: [before.length, after.length],
    firstOverall: after[0]?.overall.score,
    matched: diff.communities.length,
    added: diff.added.length,
    removed: diff.removed.length,
  };
}

const consumer = `
import { diffSets, loadAssessments, loadRubric, scoreAssessment } from 'swadaya';
const examples = new URL('./node_modules/swadaya/examples/', import.meta.url).pathname;
const rubric = await loadRubric('p2kp');
const score = async (dir) => (await loadAssessments([dir], { cwd: examples })).assessments.map((loaded) => scoreAssessment(loaded.rubric, loaded.assessment));
const before = await score('2024');
const after = await score('2025');
const diff = diffSets(before, after);
console.log(JSON.stringify({
  rubric: rubric.id + '@' + rubric.version, indicators: rubric.indicators.length, scored: [before.length, after.length],
  firstOverall: after[0]?.overall.score, matched: diff.communities.length, added: diff.added.length, removed: diff.removed.length,
}));
`;

const typed = `
import { loadRubric, scoreAssessment, diffSets, type Rubric, type ScoreResult, type DiffResult, type LoadedAssessments } from 'swadaya';
import { loadAssessments } from 'swadaya';
const rubric: Rubric = await loadRubric('p2kp', { lang: 'id' });
const loaded: LoadedAssessments = await loadAssessments(['a.yaml'], { rubric: 'p2kp' });
const results: ScoreResult[] = loaded.assessments.map((entry) => scoreAssessment(entry.rubric, entry.assessment));
const diff: DiffResult = diffSets(results, results, { tolerance: 2 });
const overall: number | null = results[0]?.overall.score ?? null;
// @ts-expect-error a score may be null: the declarations say so
const wrong: number = results[0]!.overall.score;
// @ts-expect-error only en and id
await loadRubric('p2kp', { lang: 'fr' });
export { rubric, diff, overall, wrong };
`;

/**
 * One test, because it is slow (npm pack and npm install): the tarball a release would upload,
 * installed as a dev dependency of a fresh project, used through its API (JavaScript and
 * TypeScript) and its binary from outside this repository.
 */
describe('the packed tarball (built by test/global-setup.ts)', () => {
  beforeAll(assertFreshBuild);
  it('installs into a fresh project: the API gives the same numbers as the sources, its types check, and the binary works', { timeout: 90_000 }, async () => {
    const packDir = mkdtempSync(join(tmpdir(), 'swadaya-pack-'));
    // --ignore-scripts: pack the dist/ already built instead of building again.
    execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', packDir], { cwd: root, stdio: 'pipe' });
    const tarball = join(packDir, readdirSync(packDir).find((file) => file.endsWith('.tgz'))!);
    const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listing.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(listing).toContain('package/LICENSE');
    expect(listing).toContain('package/dist/types/api.d.ts');
    expect(listing.filter((file) => file.startsWith('package/src/') || file.startsWith('package/test/'))).toEqual([]);

    const project = mkdtempSync(join(tmpdir(), 'swadaya-consumer-'));
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    execFileSync(npm, ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: project, stdio: 'pipe' });
    const installed = readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(installed.sort()).toContain('swadaya');
    expect(installed).not.toContain('yaml');
    expect(installed).not.toContain('commander');

    writeFileSync(join(project, 'consumer.mjs'), consumer);
    const run = spawnSync(process.execPath, ['consumer.mjs'], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const got = JSON.parse(run.stdout) as unknown;
    expect(got).toEqual(await expected());

    writeFileSync(join(project, 'typed.ts'), typed);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: [], skipLibCheck: false }, files: ['typed.ts'] }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const check = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);

    const bin = join(project, 'node_modules', '.bin', 'swadaya');
    const cli = (args: string[]) => spawnSync(bin, args, { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(cli(['--help']).status).toBe(0);
    const list = cli(['rubric', 'list']);
    expect(list.stdout).toContain(' node_modules/swadaya/rubrics/p2kp'); // inside the working directory: relative
    expect(list.stdout).not.toContain('../');
    const score = cli(['score', 'node_modules/swadaya/examples/2025', '--format', 'json']);
    expect(score.status).toBe(0);
    expect((JSON.parse(score.stdout) as { results: unknown[] }).results.length).toBe(9);
    expect(cli(['template', '--rubric', 'p2kp', '-o', 'a.yaml']).status).toBe(0);
    expect(readFileSync(join(project, 'a.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/swadaya/schemas/assessment.schema.json');
    expect(cli(['schema', '--rubric', 'p2kp']).status).toBe(0);
    // A finding's line and column come from the yaml library, which the package carries as one file required on first use.
    expect(listing).toContain('package/dist/yaml.cjs');
    writeFileSync(join(project, 'broken.yaml'), 'rubric: p2kp\ncommunity: {id: "1", name: X}\nperiod: "2024"\nanswers:\n  nosuch.indicator: 1\n');
    const validate = cli(['validate', 'broken.yaml']);
    expect(validate.status).toBe(1);
    expect(validate.stdout).toContain('broken.yaml:5:3: error [unknown-indicator]');
  });
});
