import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/format/long-table.js';

const colors = new Chalk({ level: 1 });

/** Rows of uneven widths, colour codes, wide and symbol characters, and a late row wider than the rest. */
function rowsOf(count: number): string[][] {
  return Array.from({ length: count }, (_, index) => [
    index === count - 7 ? 'Kelurahan Sidomulyo Timur Kecamatan Panjang' : `Kelurahan ${index}`,
    colors.dim(String(3_273_011_000 + index)),
    index % 5 === 0 ? `mandiri${colors.yellow(' ⚠')}` : 'berdaya',
    colors.green(`▲ ${(index % 97) / 4}`),
    index % 11 === 0 ? '漢字' : 'siap',
  ]);
}

function whole(options: Table.TableConstructorOptions, rows: string[][]): string {
  const table = new Table(options);
  table.push(...rows);
  return table.toString();
}

describe('renderTable', () => {
  it('lays out a long table in slices exactly as cli-table3 lays it out whole', () => {
    const rows = rowsOf(1_000);
    const options: Table.TableConstructorOptions = {
      head: ['Community', 'id', 'Phase', 'Δ', 'Verdict'].map((cell) => colors.bold(cell)),
      style: { head: [], border: ['grey'], compact: true },
    };
    const sliced = renderTable(options, rows);
    expect(sliced).toBe(whole(options, rows));
    expect(sliced.split('\n')).toHaveLength(1_000 + 4);
  });

  it('keeps set column widths and wraps within them as the whole table does', () => {
    const rows = rowsOf(900);
    const options: Table.TableConstructorOptions = {
      head: ['Community', 'id', 'Phase of development', 'Δ', 'Verdict'],
      style: { head: [], border: [], compact: true },
      colWidths: [null, null, 12, null, 8],
      wordWrap: true,
      wrapOnWordBoundary: true,
    };
    expect(renderTable(options, rows)).toBe(whole(options, rows));
  });

  it('draws the same borders with rules between rows turned off by their characters', () => {
    const rows = rowsOf(850);
    const options: Table.TableConstructorOptions = {
      head: ['a', 'b', 'c', 'd', 'e'],
      style: { head: [], border: [] },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    };
    expect(renderTable(options, rows)).toBe(whole(options, rows));
  });
});
