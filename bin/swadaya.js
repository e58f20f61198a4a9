#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later keep the code they compiled between runs, which shortens every start;
// Node 20 has no such cache, and this does nothing there.
module.enableCompileCache?.();

// dist/ is built by `npm run build` (also run by `npm ci` through `prepare`). An install that
// skipped scripts has no dist/: say how to fix that instead of printing a module-loader stack trace.
const main = new URL('../dist/main.js', import.meta.url);
// Required, not imported, as in the bundle (scripts/build.mjs): an imported node:fs costs a facade.
const { existsSync } = module.createRequire(import.meta.url)('node:fs');
if (existsSync(main)) {
  await import(main.href);
} else {
  const language = process.env.SWADAYA_LANG || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  process.stderr.write(
    /^id\b|^id_/i.test(language)
      ? 'swadaya: dist/main.js tidak ada: swadaya belum dibangun (mungkin dipasang dengan --ignore-scripts).\nJalankan `npm run build` di direktori swadaya, lalu coba lagi.\n'
      : 'swadaya: dist/main.js is missing: swadaya has not been built (perhaps installed with --ignore-scripts).\nRun `npm run build` in the swadaya directory, then try again.\n',
  );
  process.exitCode = 2;
}
