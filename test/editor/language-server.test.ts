import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { memoryContext } from '../helpers/memory-context.js';
import { YamlLanguageServer, type Diagnostic } from '../helpers/yaml-language-server.js';

const project = mkdtempSync(join(tmpdir(), 'swadaya-ls-'));
let server: YamlLanguageServer;

const header = (id: string) => `rubric: p2kp@1.0.0\ncommunity: {id: "${id}", name: Kelurahan ${id}}\nperiod: "2026"\n`;
const errors = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === 1).map((d) => `${d.range.start.line + 1}: ${d.message}`);

/**
 * `swadaya init` in a scratch project, then the YAML language server (yaml-language-server from
 * npm, over stdio) with the settings VS Code would hand it from .vscode/settings.json.
 */
describe('editors running the YAML language server, after swadaya init', () => {
  beforeAll(async () => {
    mkdirSync(join(project, 'assessments', '2026'), { recursive: true });
    const memory = memoryContext({ cwd: project });
    expect(await runCli(['init', '--rubric', 'p2kp'], memory.ctx)).toBe(0);
    const settings = parse(readFileSync(join(project, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
    server = await YamlLanguageServer.start(project, { schemas: settings['yaml.schemas'] });
  }, 30_000);
  afterAll(async () => server?.stop());

  it('flags a misspelt indicator and level 7, not a blank answer, in every document of a file, without a modeline', async () => {
    const text = [
      header('3273011004'),
      'answers:\n',
      '  integration.joint-planing: 2\n', // line 5
      '  integration.joint-planning: 7\n', // line 6
      '  integration.self-mapping:\n', // blank: missing, as the CLI reads it
      '  sustainability.disaster-risk: {na: no hazard mapped}\n',
      '---\n',
      header('3273011005'),
      'answers:\n',
      '  integration.joint-planning: 9\n', // line 14
    ].join('');
    const diagnostics = await server.diagnose(join(project, 'assessments', '2026', 'sukaluyu.yaml'), text);
    expect(errors(diagnostics).sort()).toEqual([
      '14: Value is above the maximum of 4.',
      '5: Property integration.joint-planing is not allowed.',
      '6: Value is above the maximum of 4.',
    ]);
  }, 30_000);

  // A fresh template leaves the community id, name and period blank: the CLI rejects those three
  // too (validate: empty-value ×2, bad-period). Its 34 blank answers are accepted by both.
  const BLANK_HEADER = ['String is shorter than the minimum length of 1.', 'String is shorter than the minimum length of 1.', 'String does not match the pattern of'];
  const messages = (diagnostics: Diagnostic[]) => errors(diagnostics).map((error) => error.replace(/^\d+: /, '').replace(/ "\^.*$/, ''));

  it('flags only the blank header of a fresh template written into the mapped folder, none of its blank answers', async () => {
    const memory = memoryContext({ cwd: project });
    const file = join('assessments', '2026', 'template.yaml');
    expect(await runCli(['template', '--rubric', 'p2kp', '-o', file], memory.ctx)).toBe(0);
    const text = readFileSync(join(project, file), 'utf8');
    expect(text).not.toContain('yaml-language-server');
    expect(messages(await server.diagnose(join(project, file), text))).toEqual(BLANK_HEADER);
  }, 30_000);

  it("follows the modeline template -o writes outside the mapping: the shipped schema, blank answers accepted", async () => {
    const memory = memoryContext({ cwd: project });
    const file = join('drafts', 'kemijen.yaml');
    mkdirSync(join(project, 'drafts'), { recursive: true });
    expect(await runCli(['template', '--rubric', 'p2kp', '-o', file], memory.ctx)).toBe(0);
    const text = readFileSync(join(project, file), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\//);
    expect(messages(await server.diagnose(join(project, file), text))).toEqual(BLANK_HEADER);
    const broken = text.replace('answers:\n', 'answers:\n  integration.joint-planning: {level: 2, na: x}\n');
    expect(errors(await server.diagnose(join(project, 'drafts', 'broken.yaml'), broken)).length).toBeGreaterThan(0);
  }, 30_000);
});
