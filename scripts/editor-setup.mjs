// The repository's own editor setup: .vscode/settings.json and .swadaya/, written by `swadaya init`
// exactly as a user's project gets them, so that no file in examples/ or rubrics/ names a schema
// in a modeline (such a path breaks once the file is copied elsewhere). To the mappings init
// writes for the example assessments it adds the generic rubric and principle schemas for the
// rubric files, which init does not map (README, "Editors").
//
//   node scripts/editor-setup.mjs          write them (after npm run build; again when a rubric changes)
//   node scripts/editor-setup.mjs --check  exit 1 when the committed files differ from what it would write
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyEdits, modify } from 'jsonc-parser';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'swadaya.js');

/** One `swadaya init` per rubric the examples use, with the globs of their files. */
const INIT_RUNS = [
  ['--rubric', 'p2kp', '--glob', 'examples/20*/*.yaml', '--glob', 'examples/ratings/**/*.yaml'],
  ['--rubric', join(root, 'examples', 'custom-rubric', 'rubric.yaml'), '--glob', 'examples/custom-rubric/assessment.yaml'],
];

/** The rubric files, mapped to the generic schemas shipped in schemas/. */
const RUBRIC_MAPPINGS = {
  './schemas/rubric.schema.json': ['rubrics/*/rubric.yaml', 'examples/custom-rubric/rubric.yaml'],
  './schemas/principle.schema.json': ['rubrics/*/*.yaml', '!rubrics/*/rubric.yaml'],
};

/** The files the setup consists of, relative to the directory it is written in. */
const SETUP_FILES = ['.vscode/settings.json', '.swadaya/p2kp.schema.json', '.swadaya/village-water.schema.json'];

/** Writes the setup into `dir` (the repository, or a scratch directory for --check). */
function writeSetup(dir) {
  for (const args of INIT_RUNS) {
    // --lang en: the schema's descriptions do not depend on the locale of whoever runs it.
    const result = spawnSync(process.execPath, [bin, 'init', '--lang', 'en', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (result.status !== 0) throw new Error(`swadaya init ${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`);
  }
  const file = join(dir, '.vscode', 'settings.json');
  let text = readFileSync(file, 'utf8');
  for (const [schema, globs] of Object.entries(RUBRIC_MAPPINGS)) {
    text = applyEdits(text, modify(text, ['yaml.schemas', schema], globs, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } }));
  }
  return text;
}

if (process.argv.includes('--check')) {
  const scratch = mkdtempSync(join(tmpdir(), 'swadaya-editor-setup-'));
  try {
    const settings = writeSetup(scratch);
    const stale = SETUP_FILES.filter((name) => {
      const fresh = name === '.vscode/settings.json' ? settings : readFileSync(join(scratch, name), 'utf8');
      let committed;
      try {
        committed = readFileSync(join(root, name), 'utf8');
      } catch {
        return true;
      }
      return committed !== fresh;
    });
    if (stale.length > 0) {
      console.error(`Out of date: ${stale.join(', ')}. Run: npm run build && node scripts/editor-setup.mjs`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(join(root, '.vscode', 'settings.json'), { force: true });
  const settings = writeSetup(root);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(root, '.vscode', 'settings.json'), settings);
}
