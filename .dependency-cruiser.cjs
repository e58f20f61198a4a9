// The layers of docs/architecture.md#layers: each folder of src/ imports only the folders below it.
// Run by `npm run typecheck` (and so by CI); a violation names the rule and the import.
const layer = (name, mayImport) => ({
  name: `${name}-imports-only-below`,
  comment: `src/${name} may import only ${mayImport.join(', ') || 'nothing of ours outside itself'} (docs/architecture.md#layers)`,
  severity: 'error',
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...mayImport.map((folder) => `^src/${folder}(/|\\.ts$)`)] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Two modules that import each other (directly or through others) are one tangled module.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      comment: 'src/core takes parsed data and returns typed data: no Node built-ins (fs, process, …) (docs/architecture.md#layers).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'nothing-imports-cli',
      comment: 'cli.ts and main.ts are the top: nothing imports them.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^src/(cli|main)\\.ts$' },
    },
    layer('core', []),
    layer('i18n', ['core']),
    layer('schema', ['core', 'i18n']),
    layer('io', ['core', 'i18n', 'schema', 'errors', 'version', 'yaml-lib']),
    layer('contract', ['core', 'i18n', 'version']),
    layer('format', ['core', 'i18n', 'contract', 'version', 'yaml-lib']),
    layer('batch', ['core', 'i18n', 'contract', 'io']),
    layer('assess', ['core', 'i18n', 'io', 'errors', 'yaml-lib']),
    layer('commands', ['core', 'i18n', 'io', 'schema', 'contract', 'format', 'batch', 'assess', 'errors', 'version']),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/schema/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
