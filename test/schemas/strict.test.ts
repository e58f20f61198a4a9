import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvModule, { type Options } from 'ajv';

// CommonJS: under NodeNext the class is on `default`.
const Ajv = ajvModule.default;
import { describe, expect, it } from 'vitest';
import { root, SET, swadaya } from '../ci/helpers.js';

const schemaDir = join(root, 'schemas');
const shipped = readdirSync(schemaDir).filter((name) => name.endsWith('.schema.json'));
const load = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(schemaDir, name), 'utf8'));

/** Ajv with its default options (strict mode on), every shipped schema added so $refs between them resolve. */
function ajvWith(options: Options) {
  const warnings: string[] = [];
  const ajv = new Ajv({ ...options, logger: { log: () => {}, warn: (...args: unknown[]) => warnings.push(args.join(' ')), error: (...args: unknown[]) => warnings.push(args.join(' ')) } });
  for (const name of shipped) ajv.addSchema(load(name));
  return { ajv, warnings };
}

describe('shipped schemas', () => {
  it('include validate.schema.json for validate --format json', () => {
    expect(shipped).toContain('validate.schema.json');
  });

  it.each(shipped)('%s compiles under Ajv\'s default strict mode', (name) => {
    const { ajv } = ajvWith({});
    expect(() => ajv.getSchema(load(name).$id as string)).not.toThrow();
    expect(ajv.getSchema(load(name).$id as string)).toBeTypeOf('function');
  });

  it.each(shipped)('%s compiles with strict types and tuples as errors, not logs (as scripts/build.mjs compiles them)', (name) => {
    const { ajv, warnings } = ajvWith({ strict: true, strictRequired: false, allowUnionTypes: true });
    expect(ajv.getSchema(load(name).$id as string)).toBeTypeOf('function');
    expect(warnings).toEqual([]);
  });

  it('validate --format json matches schemas/validate.schema.json, with and without errors', async () => {
    const { ajv } = ajvWith({});
    const check = ajv.getSchema('https://swadaya.dev/schemas/validate.schema.json')!;
    const bad = await swadaya(['validate', SET, '--format', 'json']);
    expect(bad.code).toBe(1);
    const output = JSON.parse(bad.stdout);
    expect(check(output)).toBe(true);
    expect(output.valid).toBe(false);
    expect(output.checked).toEqual({ files: 4, rubrics: 0, assessments: 4 });
    expect(output.errors.map((error: { code: string; line: number }) => [error.code, error.line])).toEqual([
      ['level-out-of-range', 5],
      ['unknown-indicator', 6],
    ]);
    const good = await swadaya(['validate', `${SET}/ready.yaml`, '--format', 'json']);
    expect(good.code).toBe(0);
    expect(check(JSON.parse(good.stdout))).toBe(true);
    expect(check({ ...JSON.parse(good.stdout), schema: 'swadaya/validate@2' })).toBe(false);
  });
});
