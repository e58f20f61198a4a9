import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { csvField, csvLine, csvId, EXCEL_CSV_STYLE } from '../../src/format/csv.js';
import { memoryContext } from '../helpers/memory-context.js';

const root = join(import.meta.dirname, '..', '..');

async function swadaya(args: string[]) {
  const memory = memoryContext({ cwd: root });
  const code = await runCli(args, memory.ctx);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

describe('CSV for spreadsheets', () => {
  it('quotes ids always, and the delimiter, quotes and line breaks where they occur', () => {
    expect(csvLine([csvId('0101'), 'Kel. A; B', 62.5, null, true], false, EXCEL_CSV_STYLE)).toBe('"0101";"Kel. A; B";62,5;;true\r\n');
    expect(csvField(62.5)).toBe('62.5');
    expect(csvField(csvId('a "b"'))).toBe('"a ""b"""');
  });

  it('score --excel opens with the right columns in a parser set to ; (BOM, decimal commas, ids as text)', async () => {
    const { code, stdout } = await swadaya(['score', 'examples/2025', '--format', 'csv', '--excel']);
    expect(code).toBe(0);
    expect(stdout.startsWith('\uFEFF')).toBe(true);
    const rows = parse(stdout, { delimiter: ';', bom: true, columns: true, cast: false }) as Record<string, string>[];
    const json = JSON.parse((await swadaya(['score', 'examples/2025', '--format', 'json'])).stdout) as {
      results: { community: { id: string }; period: string; overall: { score: number; coverage: number }; principles: { id: string; score: number | null }[] }[];
    };
    expect(rows).toHaveLength(json.results.length);
    for (const [index, row] of rows.entries()) {
      const result = json.results[index]!;
      expect(row.community_id).toBe(result.community.id);
      expect(row.period).toBe(result.period);
      expect(Number(row.overall!.replace(',', '.'))).toBe(result.overall.score);
      expect(Number(row.coverage_pct!.replace(',', '.'))).toBeCloseTo(result.overall.coverage * 100, 2);
      for (const principle of result.principles) expect(row[`principle_${principle.id}`]).toBe(principle.score === null ? '' : String(principle.score).replace('.', ','));
    }
  });

  it('diff --csv-delimiter tab --bom: the same columns as score with _before, _after, _delta; a header even when empty', async () => {
    const { stdout } = await swadaya(['diff', 'examples/2024', 'examples/2025', '--format', 'csv', '--csv-delimiter', 'tab', '--bom']);
    const rows = parse(stdout, { delimiter: '\t', bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['community_id', 'overall_before', 'overall_after', 'overall_delta', 'principle_integration_before', 'file_before', 'period_after']));
    expect(rows.every((row) => /^\d+$/.test(row.community_id!))).toBe(true);
    const empty = await swadaya(['score', 'examples/2025/zzz*.yaml', '--format', 'csv']);
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('file,document,community_id,community_name,region,period,rubric,overall,coverage_pct,band,phase_declared,phase_attained,phase_current,phase_next,phase_mismatch,verdict,readiness_index\r\n');
  });
});
