import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { csvField as csvCell } from '../../src/format/csv.js';
import { terminalSafe } from '../../src/core/terminal-text.js';
import { memoryContext } from '../helpers/memory-context.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const tiny = readFileSync(join(fixtures, 'rubrics', 'tiny', 'rubric.yaml'), 'utf8');
const tinyAssessment = readFileSync(join(fixtures, 'assessments', 'tiny.yaml'), 'utf8');
const valid = readFileSync(join(fixtures, 'bad', 'valid.yaml'), 'utf8');
let dir: string;

async function run(argv: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const memory = memoryContext({ cwd: dir, tty: options.tty, env: options.env ?? {} });
  const code = await runCli(argv, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

/** A copy of the tiny rubric in DIR, changed by `edit`. */
function rubric(name: string, edit: (text: string) => string): string {
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, 'rubric.yaml'), edit(tiny));
  return `./${name}`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'swadaya-messages-'));
  rubric('rubrics/tiny', (text) => text); // found by id from ./rubrics
  writeFileSync(join(dir, 'tiny-a.yaml'), tinyAssessment);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rubric numbers are finite and sane', () => {
  it('coverage: .nan names the value', async () => {
    const result = await run(['rubric', 'show', rubric('nan', (text) => text.replace('languages: [en, id]', 'languages: [en, id]\ncoverage: .nan'))]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error [not-finite] coverage is .nan; it must be a finite number.');
  });

  it('a gate threshold of .inf names the value', async () => {
    const result = await run(['rubric', 'show', rubric('inf-gate', (text) => text.replace(/min: 50/, 'min: .inf'))]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error \[not-finite\] phases\[0\]\.exit\[\d\]\.min is \.inf; it must be a finite number\./);
  });

  it('huge and subnormal weights are out of the documented range 0.001–1000, naming the value', async () => {
    const huge = await run(['validate', rubric('huge', (text) => text.replace('    weight: 1\n', '    weight: 1e308\n'))]);
    expect(huge.stdout).toContain('huge/rubric.yaml:13:13: error [out-of-range] weight must be <= 1000, not 1e+308.');
    const tinyWeight = await run(['validate', rubric('subnormal', (text) => text.replace('    weight: 1\n', '    weight: 5e-324\n'))]);
    expect(tinyWeight.stdout).toContain('subnormal/rubric.yaml:13:13: error [out-of-range] weight must be >= 0.001, not 5e-324.');
  });

  it('all-equal weights give identical scores whatever their magnitude', async () => {
    const overall = async (weight: string) => {
      // Every principle and every indicator weighs `weight` (a1, b1 and b2 have no weight: line of their own).
      const path = rubric(`equal-${weight}`, (text) =>
        text.replace(/weight: \d+/g, `weight: ${weight}`).replace(/(\n {6}- id: (?:a1|b1|b2)\n)/g, `$1        weight: ${weight}\n`),
      );
      const result = await run(['score', 'tiny-a.yaml', '--rubric', path, '--format', 'json']);
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout).results[0].overall.score as number;
    };
    const reference = await overall('1');
    for (const weight of ['0.001', '0.003', '7', '1000']) expect(await overall(weight)).toBe(reference);
  });

  it('a one-level scale says it needs two levels, not that it is empty', async () => {
    const result = await run(['rubric', 'show', rubric('one-level', (text) => text.replace(/\n  - \{level: 1,[^\n]*\n  - \{level: 2,[^\n]*/, ''))]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error [too-few-items] scale needs at least 2 items; it has 1.');
  });
});

describe('assessment values are named as written', () => {
  it('a level of .inf is ".inf", not "null"', async () => {
    writeFileSync(join(dir, 'inf.yaml'), valid.replace('integration.joint-planning: 3', 'integration.joint-planning: .inf'));
    const result = await run(['score', 'inf.yaml']);
    expect(result.stderr).toContain('error [level-out-of-range] level .inf for integration.joint-planning is outside the scale');
  });

  it('id: !!int "12" hints id: "12", not id: ""12""', async () => {
    writeFileSync(join(dir, 'tagged-id.yaml'), valid.replace('id: "3273011004"', 'id: !!int "12"'));
    const result = await run(['score', 'tagged-id.yaml']);
    expect(result.stderr).toContain('write id: "12" in quotes');
  });

  it('impossible dates are refused; 29 February of a leap year is not', async () => {
    writeFileSync(join(dir, 'feb30.yaml'), valid.replace('period: "2025"', 'period: "2025-02-30"'));
    expect((await run(['score', 'feb30.yaml'])).stderr).toContain('error [bad-period] period "2025-02-30" is not YYYY, YYYY-MM or YYYY-MM-DD');
    writeFileSync(join(dir, 'feb29.yaml'), valid.replace('period: "2025"', 'period: "2024-02-29"'));
    expect((await run(['score', 'feb29.yaml'])).code).toBe(0);
  });
});

describe('options checked, never silently ignored', () => {
  it('--fail-under must be 0–100, like --tolerance is checked', async () => {
    for (const value of ['-5', '1e9']) {
      const result = await run(['score', 'tiny-a.yaml', '--fail-under', value]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`swadaya: --fail-under must be a score from 0 to 100 (got ${Number(value)}).\n`);
    }
  });

  it('--group-by a field no assessment has: exit 2 naming the fields there are, nothing on stdout; constructor is no field', async () => {
    for (const field of ['nosuchfield', 'constructor', '__proto__', 'toString']) {
      for (const format of ['json', 'csv', 'table', 'yaml', 'sarif']) {
        const result = await run(['score', 'tiny-a.yaml', '--group-by', field, '--format', format]);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(`swadaya: --group-by ${field}: no assessment has community.${field}. The fields they have: id, name, region.\n`);
        expect(result.stdout).toBe('');
      }
    }
  });

  it('--group-by a typo of a field there is: did you mean, in en and id; nothing on stdout, exit 2', async () => {
    const en = await run(['score', 'tiny-a.yaml', '--group-by', 'regoin', '--format', 'csv']);
    expect(en).toEqual({
      code: 2,
      stdout: '',
      stderr: 'swadaya: --group-by regoin: no assessment has community.regoin. The fields they have: id, name, region. Did you mean --group-by region?\n',
    });
    const id = await run(['score', 'tiny-a.yaml', '--group-by', 'regoin', '--lang', 'id']);
    expect(id).toEqual({
      code: 2,
      stdout: '',
      stderr: 'swadaya: --group-by regoin: tidak ada penilaian dengan community.regoin. Bidang yang ada: id, name, region. Maksud Anda --group-by region?\n',
    });
    const right = await run(['score', 'tiny-a.yaml', '--group-by', 'region', '--format', 'json']);
    expect(right.code).toBe(0);
    expect(JSON.parse(right.stdout).groups).toHaveLength(1);
  });

  it('report --group-by a field no assessment has: exit 2, no file written', async () => {
    const file = join(dir, 'grouped.html');
    const result = await run(['report', 'tiny-a.yaml', '--group-by', 'constructor', '-o', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('swadaya: --group-by constructor: no assessment has community.constructor. The fields they have: id, name, region.\n');
    expect(existsSync(file)).toBe(false);
  });

  it('--explain with a machine format is refused', async () => {
    const result = await run(['score', 'tiny-a.yaml', '--explain', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--explain is shown by --format table only; --format json does not carry it.');
  });

  it('--rubric /etc/passwd hints to validate /etc/passwd, not /etc', async () => {
    const result = await run(['rubric', 'show', '/etc/passwd']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Fix the rubric, then check it with: swadaya validate /etc/passwd\n');
  });
});

describe('names are data, not code', () => {
  it('an indicator named constructor: diff shows its real before answer, not Object\'s constructor', async () => {
    const path = rubric('ctor', (text) => text.replace(/\ba1\b/g, 'constructor'));
    const answers = tinyAssessment;
    mkdirSync(join(dir, 'before'));
    mkdirSync(join(dir, 'after'));
    writeFileSync(join(dir, 'before', 'a.yaml'), answers.replace('  a1: 2\n', ''));
    writeFileSync(join(dir, 'after', 'a.yaml'), answers.replace('a1: 2', 'constructor: 2'));
    const result = await run(['diff', 'before', 'after', '--rubric', path, '--detail', '--format', 'json']);
    expect(result.stdout).not.toContain('native code');
    const changes = JSON.parse(result.stdout).communities[0].indicators as { id: string; before: unknown; after: unknown }[];
    expect(changes.find((change) => change.id === 'constructor')).toMatchObject({ before: null, after: 2 });
  });

  it('control and bidi characters in names reach a terminal escaped; the JSON keeps them', async () => {
    const name = 'Desa\u001b]0;pwned\u0007 Satu\r\u202eevil';
    writeFileSync(join(dir, 'hostile.yaml'), tinyAssessment.replace('name: Desa Satu', `name: "${name.replace(/\u001b/g, '\\e').replace(/\u0007/g, '\\a').replace(/\r/g, '\\r')}"`));
    const table = await run(['score', 'hostile.yaml', '--no-color'], { tty: true });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Desa\\x1b]0;pwned\\x07 Satu\\x0d\\u202eevil');
    expect(table.stdout).not.toMatch(/[\u0007\r\u202e]|\u001b\]/);
    const json = await run(['score', 'hostile.yaml', '--format', 'json']);
    expect(JSON.parse(json.stdout).results[0].community.name).toBe(name);
    writeFileSync(join(dir, 'hostile-key.yaml'), `${tinyAssessment}  "x\u202e\u001b[2J": 1\n`);
    const finding = await run(['score', 'hostile-key.yaml']);
    expect(finding.stderr).toContain('unknown indicator "x\\u202e\\x1b[2J"');
    expect(terminalSafe('\u001b[31mred\u001b[0m')).toBe('\u001b[31mred\u001b[0m');
    expect(terminalSafe('\u001b[31mred', false)).toBe('\\x1b[31mred');
  });

  it('a colour sequence in a name is escaped where swadaya writes no colour (--no-color, NO_COLOR), kept where it does', async () => {
    writeFileSync(join(dir, 'coloured.yaml'), tinyAssessment.replace('name: Desa Satu', 'name: "\\e[41mDesa Merah\\e[0m"'));
    const plain = await run(['score', 'coloured.yaml', '--no-color'], { tty: true });
    expect(plain.stdout).toContain('\\x1b[41mDesa Merah\\x1b[0m');
    expect(plain.stdout).not.toContain('\u001b');
    const noColorEnv = await run(['score', 'coloured.yaml'], { tty: true, env: { NO_COLOR: '1' } });
    expect(noColorEnv.stdout).toContain('\\x1b[41mDesa Merah');
    const coloured = await run(['score', 'coloured.yaml'], { tty: true, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[41mDesa Merah\u001b[0m');
    // An error message has no colour of ours: a colour in it came from data, and is escaped even where swadaya colours.
    const refused = await run(['report', 'coloured.yaml', '-o', 'coloured.html', '--group-by', '\u001b[31mzone'], { tty: true, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--group-by \\x1b[31mzone');
    expect(refused.stderr).not.toContain('\u001b[31mzone');
  });

  it('CSV cells that a spreadsheet would run as a formula start with an apostrophe, unless --csv-raw', async () => {
    writeFileSync(join(dir, 'formula.yaml'), tinyAssessment.replace('name: Desa Satu', 'name: "=HYPERLINK(\\"http://x\\")"').replace('region: North', 'region: "@SUM(1)"'));
    const safe = await run(['score', 'formula.yaml', '--format', 'csv']);
    expect(safe.stdout).toContain(`"'=HYPERLINK(""http://x"")",'@SUM(1)`);
    const raw = await run(['score', 'formula.yaml', '--format', 'csv', '--csv-raw']);
    expect(raw.stdout).toContain('"=HYPERLINK(""http://x"")",@SUM(1)');
    expect([csvCell('-1'), csvCell(-1.5), csvCell('+62 812'), csvCell('\tx'), csvCell('a=b')]).toEqual(["'-1", '-1.5', "'+62 812", "'\tx", 'a=b']);
  });
});
