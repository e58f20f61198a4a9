import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import tableUtils from 'cli-table3/src/utils.js';

/** Rows laid out at once: small enough for cli-table3's layout to stay quick. */
const SLICE_ROWS = 100;

type Row = readonly string[];

/**
 * A cli-table3 table without rules between rows, of any length. cli-table3 lays a table out in
 * time quadratic in its rows (cli-table/cli-table3#68: 11,000 rows took a minute here), so a
 * long one is laid out in slices that share the whole table's column widths, then joined.
 */
export function renderTable(options: Table.TableConstructorOptions, rows: readonly Row[]): string {
  if (rows.length <= SLICE_ROWS) return layOut(options, rows);
  const colWidths = columnWidths(options, rows);
  const slices: string[] = [];
  for (let start = 0; start < rows.length; start += SLICE_ROWS) {
    const first = start === 0;
    const last = start + SLICE_ROWS >= rows.length;
    const lines = layOut({ ...options, colWidths, ...(first ? {} : { head: [] }) }, rows.slice(start, start + SLICE_ROWS)).split('\n');
    // Each slice is a whole table: keep the top border of the first and the bottom border of the last.
    slices.push(lines.slice(first ? 0 : 1, last ? lines.length : -1).join('\n'));
  }
  return slices.join('\n');
}

function layOut(options: Table.TableConstructorOptions, rows: readonly Row[]): string {
  const table = new Table(options);
  for (const row of rows) table.push([...row]);
  return table.toString();
}

/** cli-table3's own rule: the widest cell of each column plus its padding, unless the column's width is set. */
function columnWidths(options: Table.TableConstructorOptions, rows: readonly Row[]): number[] {
  const padding = (options.style?.['padding-left'] ?? 1) + (options.style?.['padding-right'] ?? 1);
  const widths: number[] = [];
  for (const row of [options.head ?? [], ...rows]) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 1, tableUtils.strlen(cell) + padding);
    });
  }
  return widths.map((width, column) => options.colWidths?.[column] ?? width);
}

/**
 * A boxed table whose colour comes only from `colors` (cli-table3's own head and border colours
 * are off), its head in bold. `alignRight`: columns from this index on are right-aligned.
 */
export function boxTable(
  head: readonly string[],
  rows: readonly Row[],
  colors: ChalkInstance,
  extra: { readonly colWidths?: (number | null)[]; readonly alignRight?: number } = {},
): string {
  return renderTable(
    {
      head: head.map((text) => colors.bold(text)),
      style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
      wordWrap: true,
      wrapOnWordBoundary: true,
      ...(extra.colWidths ? { colWidths: extra.colWidths } : {}),
      ...(extra.alignRight !== undefined ? { colAligns: head.map((_, index) => (index >= (extra.alignRight ?? 0) ? 'right' : 'left')) } : {}),
    },
    rows,
  );
}
