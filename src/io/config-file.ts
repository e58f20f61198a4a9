import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Finding } from '../core/finding.js';
import { currentMaxFileBytes } from './safe-read.js';

/** The defaults a project sets for the command line (schemas/config.schema.json). */
export interface SwadayaConfig {
  readonly rubric?: string | undefined;
  readonly lang?: 'en' | 'id' | undefined;
  /** One format for every command, or one per command (`score`, `diff`, `validate`, `rubric`). */
  readonly format?: string | Readonly<Record<string, string>> | undefined;
  readonly thresholds?: {
    readonly failUnder?: number | undefined;
    readonly require?: 'ready' | undefined;
    readonly tolerance?: number | undefined;
    readonly failOnRegression?: boolean | undefined;
  } | undefined;
  readonly csv?: {
    readonly delimiter?: string | undefined;
    readonly decimal?: string | undefined;
    readonly bom?: boolean | undefined;
    readonly excel?: boolean | undefined;
  } | undefined;
}

export interface LoadedConfig {
  /** The file the configuration came from; undefined when there is none. */
  readonly file: string | undefined;
  readonly config: SwadayaConfig;
  /** Errors with file, line and column; the configuration is empty when there are any. */
  readonly findings: readonly Finding[];
}

export const CONFIG_FILES: readonly string[] = ['swadaya.config.yaml', 'swadaya.config.yml'];

/** The least a configuration file may hold, whatever SWADAYA_MAX_FILE_SIZE says. */
const CONFIG_MAX_BYTES = 1024 * 1024;

/**
 * The configuration that applies in `cwd`: the nearest directory (cwd, then each parent) holding
 * swadaya.config.yaml (or .yml) or a package.json with a "swadaya" key. A rubric path in it is
 * made absolute from the file's directory, so it holds wherever the command runs.
 */
export async function loadConfig(cwd: string): Promise<LoadedConfig> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const file = join(dir, name);
      if (existsSync(file)) return readConfig(file, undefined);
    }
    const packageFile = join(dir, 'package.json');
    if (existsSync(packageFile) && hasSwadayaKey(readFileSync(packageFile, 'utf8'))) {
      const loaded = await readConfig(packageFile, 'swadaya');
      if (loaded.file !== undefined) return loaded;
    }
    if (dirname(dir) === dir) return { file: undefined, config: {}, findings: [] };
  }
}

/**
 * Whether a package.json may hold a configuration. Most have no top-level "swadaya" key (a
 * project that depends on swadaya names it only among its dependencies): those are passed over
 * with JSON.parse, without loading the YAML parser and the validators every run would pay for.
 * One that is not valid JSON but names swadaya is read, so its error is reported at its line.
 */
function hasSwadayaKey(text: string): boolean {
  if (!text.includes('"swadaya"')) return false;
  try {
    const root: unknown = JSON.parse(text);
    return typeof root === 'object' && root !== null && Object.hasOwn(root, 'swadaya');
  } catch {
    return true;
  }
}

/** Reads one configuration file; `key` is the key of package.json that holds it. */
export async function readConfig(file: string, key: string | undefined): Promise<LoadedConfig> {
  // Loaded only when there is a configuration: `swadaya --version` needs no YAML parser.
  const [{ validateConfig }, { schemaFindings }, { isPlainObject }, { parseYamlText, readTextFile }] = await Promise.all([
    import('../schema/generated/validators.js'),
    import('./schema-findings.js'),
    import('./rubric-loader.js'),
    import('./yaml-source.js'),
  ]);
  const failed = (findings: readonly Finding[]): LoadedConfig => ({ file, config: {}, findings });
  // SWADAYA_MAX_FILE_SIZE is for rubrics and assessments: set small, it must not make a
  // project's package.json (which names swadaya) unreadable, and with it every command.
  const text = await readTextFile(file, file, Math.max(currentMaxFileBytes(), CONFIG_MAX_BYTES));
  if (typeof text !== 'string') return failed([text]);
  // YAML reads JSON too, with the same line and column positions for package.json.
  const parsed = parseYamlText(file, text);
  const [document] = parsed.documents;
  if (parsed.findings.length > 0 || !document || document.findings.length > 0) return failed([...parsed.findings, ...(document?.findings ?? [])]);
  const root = document.data;
  if (key !== undefined && (!isPlainObject(root) || !(key in root))) return { file: undefined, config: {}, findings: [] };
  const data = key === undefined ? root : (root as Record<string, unknown>)[key];
  if (data === null || data === undefined) return { file, config: {}, findings: [] };
  const basePath = key === undefined ? [] : [key];
  if (!isPlainObject(data)) return failed([document.source.finding('not-a-map', basePath, { what: 'configuration' })]);
  const findings = schemaFindings(validateConfig, data, document.source, { basePath });
  if (findings.length > 0) return failed(findings);
  const config = data as SwadayaConfig;
  const rubric = config.rubric;
  const looksLikePath = rubric !== undefined && (rubric.includes('/') || rubric.includes('\\') || /\.ya?ml$/.test(rubric));
  return {
    file,
    config: looksLikePath && !isAbsolute(rubric) ? { ...config, rubric: resolve(dirname(file), rubric) } : config,
    findings: [],
  };
}
