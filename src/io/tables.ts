import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { once } from 'node:events';
import type { Cell } from './field/submission.js';

/**
 * Tables in and out: CSV through csv-parse / csv-stringify, XLSX through exceljs, both streamed
 * row by row so an 84,000-row export is never held whole. The libraries are imported when a table
 * is first touched, so commands that never read one (`--help`, `score`) do not load them.
 */

export interface TableRow {
  /** The row number a spreadsheet shows: the header is row 1. */
  readonly row: number;
  readonly cells: readonly Cell[];
}

export interface TableReadOptions {
  /** `--delimiter`: otherwise `,`, `;` or a tab, whichever the header line holds most of. */
  readonly delimiter?: string | undefined;
}

export function isSpreadsheet(path: string): boolean {
  return /\.xlsx$/i.test(path);
}

/** Yields the header row first, then every data row. */
export async function* readTable(path: string, options: TableReadOptions = {}): AsyncGenerator<TableRow> {
  if (isSpreadsheet(path)) yield* readXlsx(path);
  else yield* readCsv(path, options);
}

/** The delimiter of a CSV from its first line: the most frequent of `,` `;` and tab outside quotes. */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [char, count] of counts) if (count > counts.get(best)!) best = char;
  return best;
}

async function firstLineOf(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.search(/\r?\n/);
    return end === -1 ? text : text.slice(0, end);
  } finally {
    await handle.close();
  }
}

async function* readCsv(path: string, options: TableReadOptions): AsyncGenerator<TableRow> {
  const delimiter = options.delimiter ?? detectDelimiter(await firstLineOf(path));
  const { parse } = await import('csv-parse');
  const parser = createReadStream(path).pipe(parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: false }));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    yield { row, cells: record.map((cell) => (cell === '' ? undefined : cell)) };
  }
}

/** A spreadsheet cell's value as text or a number: dates as ISO text, formulas by their result. */
export function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const record = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(record.richText)) return record.richText.map((part) => part.text).join('');
    if ('result' in record) return cellValue(record.result);
    if (typeof record.text === 'string') return record.text;
    if (record.error !== undefined) return String(record.error);
  }
  return String(value);
}

async function* readXlsx(path: string): AsyncGenerator<TableRow> {
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  // The first sheet holds the submissions; Kobo puts repeat groups on further sheets.
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<{ number: number; values: unknown[] }>) {
      const values = row.values; // 1-based and sparse
      const cells: Cell[] = [];
      for (let index = 1; index < values.length; index += 1) cells.push(cellValue(values[index]));
      yield { row: row.number, cells };
    }
    break;
  }
}

export interface SheetData {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: Iterable<readonly (string | number)[]>;
}

/** Writes an XLSX workbook, streamed; the header row is bold and frozen. */
export async function writeXlsx(path: string, sheets: readonly SheetData[]): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = worksheet.addRow([...sheet.header]);
    header.font = { bold: true };
    header.commit();
    for (const row of sheet.rows) worksheet.addRow([...row]).commit();
    worksheet.commit();
  }
  await workbook.commit();
}

/** Writes a CSV file (RFC 4180, `,`), streamed. */
export async function writeCsv(path: string, header: readonly string[], rows: Iterable<readonly (string | number)[]>, delimiter = ','): Promise<void> {
  const { stringify } = await import('csv-stringify/sync');
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(stringify([[...header]], { delimiter }));
  let batch: (string | number)[][] = [];
  for (const row of rows) {
    batch.push([...row]);
    if (batch.length === 500) {
      await write(stringify(batch, { delimiter }));
      batch = [];
    }
  }
  if (batch.length > 0) await write(stringify(batch, { delimiter }));
  out.end();
  await once(out, 'finish');
}
