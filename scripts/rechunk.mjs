// Regroups esbuild's split output into a few chunks (docs/architecture.md#the-build).
//
// esbuild gives every set of lazy imports that share code a chunk of its own: with a lazy module
// per command and per output format, one `score` of one file loaded 69 modules. On Node 20, which
// keeps no compile cache, each module costs its resolution, its read and its link at every start.
// Rollup reads esbuild's modules as they are (no second transform) and writes them into chunks
// grouped by who loads them:
//
// - startup: everything the CLI's entry imports statically (every command loads it);
// - run: what every command loads once it runs: its settings (chalk) and the rest of the catalogue;
// - worker: what the batch worker loads, beyond both (each worker thread loads it);
// - scoring: what `score` loads beyond both, its output formats included: the command run most;
// - shared: what two or more other commands load, beyond the above;
// - command-<name>: what only that command loads, its output formats included;
// - a lazily loaded library (exceljs, csv-parse, cli-progress …) keeps its own chunk, so only the
//   commands that read spreadsheets or draw a progress bar load it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rollup } from 'rollup';

/** The command run most, by hand and in CI: what it loads is one chunk. */
const HOT_COMMAND = 'score';
/** What the CLI loads once the command line is parsed, whichever command runs (src/cli.ts). */
const RUN_SOURCES = ['src/commands/settings.ts', 'src/i18n/catalogue/command-sections.ts'];

/**
 * @param {string} stageDir esbuild's output (main.js, worker.js, api.js, chunks/)
 * @param {string} outDir where the regrouped modules go
 * @param {Record<string, { entryPoint?: string }>} outputs esbuild's metafile outputs, keyed by path relative to cwd
 * @param {string} cwd the directory esbuild's metafile paths are relative to
 */
export async function rechunk(stageDir, outDir, outputs, cwd) {
  const entries = { main: resolve(stageDir, 'main.js'), worker: resolve(stageDir, 'worker.js'), api: resolve(stageDir, 'api.js') };
  /** The source entry each lazily imported chunk was made for (src/commands/score.ts, node_modules/exceljs/…). */
  const sourceOf = new Map(Object.entries(outputs).map(([file, output]) => [resolve(cwd, file), output.entryPoint ?? '']));
  const isRun = (id) => RUN_SOURCES.includes(sourceOf.get(id) ?? '');
  const isCommand = (id) => /^src\/commands\/[^/]+\.ts$/.test(sourceOf.get(id) ?? '') && !isRun(id);
  const isLibrary = (id) => (sourceOf.get(id) ?? '').includes('node_modules/');
  // esbuild has bundled all but Node's modules and the packages it leaves external: any bare name is one of those.
  const isExternal = (id) => !id.startsWith('.') && !id.startsWith('/');

  /** @type {Map<string, string> | undefined} */
  let groups;
  const groupsOf = (getModuleInfo) => {
    const imports = (id, lazy) => {
      const info = getModuleInfo(id);
      if (!info || info.isExternal) return [];
      return lazy ? [...info.importedIds, ...info.dynamicallyImportedIds.filter((target) => !isLibrary(target))] : info.importedIds;
    };
    const closure = (roots, lazy) => {
      const seen = new Set();
      const stack = [...roots];
      while (stack.length > 0) {
        const id = stack.pop();
        if (seen.has(id) || isExternal(id)) continue;
        seen.add(id);
        stack.push(...imports(id, lazy));
      }
      return seen;
    };
    const found = new Map();
    const claim = (ids, group) => ids.forEach((id) => found.has(id) || Object.values(entries).includes(id) || found.set(id, group));
    claim(closure([entries.main], false), 'startup');
    claim(closure([...sourceOf.keys()].filter(isRun), true), 'run');
    claim(closure([entries.worker], true), 'worker');
    const commands = new Map();
    for (const id of closure([entries.main], true)) if (isCommand(id)) commands.set(sourceOf.get(id).replace(/^src\/commands\/|\.ts$/g, ''), id);
    claim(closure([commands.get(HOT_COMMAND)], true), 'scoring');
    const loadedBy = new Map();
    for (const [name, command] of commands) {
      for (const id of closure([command], true)) loadedBy.set(id, [...(loadedBy.get(id) ?? []), name]);
    }
    for (const [id, names] of loadedBy) claim([id], names.length > 1 ? 'shared' : `command-${names[0]}`);
    return found;
  };

  const bundle = await rollup({
    input: entries,
    external: isExternal,
    // esbuild has already removed what is unused; every module's top level runs as esbuild wrote it.
    treeshake: false,
    plugins: [
      {
        name: 'esbuild-output',
        // Each module with its esbuild source map, so the final maps point at src/ through both steps.
        load(id) {
          if (!id.startsWith(stageDir)) return null;
          const code = readFileSync(id, 'utf8');
          let map = null;
          try {
            map = JSON.parse(readFileSync(`${id}.map`, 'utf8'));
          } catch {
            // a module without a map (none today): rollup maps it to itself
          }
          return { code: code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'), map };
        },
      },
    ],
    onwarn(warning, warn) {
      // esbuild's output has import cycles between its chunks, unused imports of Node's modules and an eval in exceljs.
      if (['CIRCULAR_DEPENDENCY', 'UNUSED_EXTERNAL_IMPORT', 'EVAL'].includes(warning.code ?? '')) return;
      warn(warning);
    },
  });
  try {
    await bundle.write({
      dir: outDir,
      format: 'es',
      sourcemap: true,
      sourcemapExcludeSources: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks(id, { getModuleInfo }) {
        groups ??= groupsOf(getModuleInfo);
        return groups.get(id);
      },
    });
  } finally {
    await bundle.close();
  }
}
