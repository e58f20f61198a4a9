import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { diffSubjects } from '../../src/core/diff.js';
import { type DiffResult } from '../../src/core/diff-types.js';
import { type DiffSubject } from '../../src/core/diff-subjects.js';
import { renderDiffCsv } from '../../src/format/diff/csv.js';
import { renderDiffMarkdown } from '../../src/format/diff/markdown.js';
import { namesFromRubrics, type DiffReport } from '../../src/format/diff/report.js';
import { renderDiffTable } from '../../src/format/diff/table.js';
import { deltaText } from '../../src/format/diff/view.js';
import type { RenderContext } from '../../src/format/renderer.js';

const subject = (id: string, overall: number | null, phase: string, period: string, name = `Kelurahan ${id}`): DiffSubject => ({
  file: `${period}/${id}.yaml`,
  document: 0,
  id,
  name,
  period,
  layout: { rubric: { id: 'test', version: '1.0.0' }, principles: ['p'], pillars: [{ id: 'q', phase: 'one' }], phases: ['one', 'two'] },
  overall,
  scores: [overall, overall],
  phase,
  verdict: 'not-ready',
});

const context: RenderContext = { language: 'en', requested: undefined, colors: new Chalk({ level: 0 }) };
const report = (diff: DiffResult): DiffReport => ({ diff, names: namesFromRubrics([], undefined, 'en'), sides: { before: 'a', after: 'b' }, inputErrors: [] });

describe('diff renderers', () => {
  it('shows deltas with ▲ and ▼, 0.00 within float noise, — for null', () => {
    expect(deltaText(8.2, 'en')).toBe('▲ 8.20');
    expect(deltaText(-6.25, 'en')).toBe('▼ 6.25');
    expect(deltaText(1e-12, 'en')).toBe('0.00');
    expect(deltaText(null, 'en')).toBe('—');
    expect(deltaText(-6.25, 'id')).toBe('▼ 6,25');
    expect(deltaText(1e-12, 'id')).toBe('0,00');
  });

  it('cuts long Markdown lists to fit a pull-request comment, regressions first', () => {
    const ids = Array.from({ length: 150 }, (_, i) => String(i).padStart(3, '0'));
    const before = ids.map((id) => subject(id, 50, 'one', '2024'));
    // Every community advances; the last one also falls 10 points.
    const after = ids.map((id, i) => subject(id, i === 149 ? 40 : 60, 'two', '2025'));
    const markdown = renderDiffMarkdown(report(diffSubjects(before, after)), context);
    expect(markdown).toContain('#### Communities that changed phase or regressed (150)');
    expect(markdown).toContain('… +50 more; --format csv lists every community.');
    expect(markdown.indexOf('⚠️ 149')).toBeLessThan(markdown.indexOf('| 000 '));
    expect(markdown).not.toContain('<details>');
    expect(markdown.length).toBeLessThan(65_536);
  });

  it('keeps Markdown tables intact when a name holds a pipe', () => {
    const markdown = renderDiffMarkdown(report(diffSubjects([subject('1', 50, 'one', '2024')], [subject('1', 40, 'one', '2025', 'RW 1 | RW 2')])), context);
    expect(markdown).toContain('RW 1 \\| RW 2');
  });

  it('says so when no community is on both sides', () => {
    const result = diffSubjects([subject('1', 50, 'one', '2024')], [subject('2', 50, 'one', '2025')]);
    expect([...renderDiffTable(report(result), context)].join('')).toContain('No community appears on both sides');
    expect(renderDiffMarkdown(report(result), context)).toContain('No community appears on both sides');
    const [header, ...rows] = [...renderDiffCsv(report(result))].join('').trimEnd().split('\r\n');
    const columns = header!.split(',');
    expect(rows).toEqual([
      '"1",Kelurahan 1,removed,2024/1.yaml,,"2024",,one,,not-ready,,,,50,,,,,',
      '"2",Kelurahan 2,added,,2025/2.yaml,,"2025",,one,,not-ready,,,,50,,,,',
    ]);
    expect(rows.every((row) => row.split(',').length === columns.length)).toBe(true);
  });

  it('quotes csv fields that hold commas or quotes', () => {
    const result = diffSubjects([subject('1', 50, 'one', '2024', 'Kel. "A", Kota B')], [subject('1', 50, 'one', '2025', 'Kel. "A", Kota B')]);
    expect([...renderDiffCsv(report(result))].join('').split('\r\n')[1]).toMatch(/^"1","Kel\. ""A"", Kota B",matched,/);
  });

  it('lists csv rows by id, merging added and removed communities in among the matched ones', () => {
    const result = diffSubjects(
      [subject('b', 50, 'one', '2024'), subject('d', 50, 'one', '2024'), subject('a', 50, 'one', '2024')],
      [subject('d', 60, 'two', '2025'), subject('c', 50, 'one', '2025'), subject('a', 40, 'one', '2025'), subject('e', 50, 'one', '2025')],
    );
    const rows = [...renderDiffCsv(report(result))].slice(1).map((line) => line.split(',').slice(0, 3).join(','));
    expect(rows).toEqual(['"a",Kelurahan a,matched', '"b",Kelurahan b,removed', '"c",Kelurahan c,added', '"d",Kelurahan d,matched', '"e",Kelurahan e,added']);
  });

  it('builds the same comparisons each time the matched communities are read', () => {
    const result = diffSubjects([subject('1', 50, 'one', '2024'), subject('2', 70, 'two', '2024')], [subject('2', 60, 'one', '2025'), subject('1', 55, 'two', '2025')]);
    const first = [...result.communities];
    expect(result.communities.length).toBe(2);
    expect([...result.communities]).toEqual(first);
    expect(first.map((entry) => [entry.id, entry.delta.overall, entry.transition, entry.regression])).toEqual([
      ['1', 5, 'advanced', false],
      ['2', -10, 'regressed', true],
    ]);
  });
});
