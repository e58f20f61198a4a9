/** The one line ending of every CSV swadaya writes: RFC 4180's CRLF (docs/json-output.md#csv). */
export const CSV_LINE_END = '\r\n';

/**
 * How a CSV is laid out for the spreadsheet that opens it (README, "CSV for spreadsheets"):
 * the field separator, the decimal separator of numbers, and a UTF-8 byte order mark. Excel in
 * an Indonesian (or most European) locale reads `;` and `,` decimals, and UTF-8 only with a BOM:
 * `--excel` sets all three.
 */
export interface CsvStyle {
  readonly delimiter: string;
  readonly decimal: '.' | ',';
  readonly bom: boolean;
}

export const DEFAULT_CSV_STYLE: CsvStyle = { delimiter: ',', decimal: '.', bom: false };
export const EXCEL_CSV_STYLE: CsvStyle = { delimiter: ';', decimal: ',', bom: true };

/** An id (community id, period, indicator id): always quoted, so a spreadsheet keeps `0101` as text. */
export class CsvId {
  constructor(readonly text: string) {}
}

export const csvId = (text: string | null | undefined): CsvId | null => (text === null || text === undefined ? null : new CsvId(text));

export type CsvValue = string | number | boolean | null | undefined | CsvId;

/**
 * A text cell starting with = + - @ (or a tab or a carriage return) would run as a formula when
 * the file is opened in Excel, LibreOffice or Google Sheets (README, "CSV and spreadsheets").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** What a CSV starts with: the byte order mark when asked for. */
export function csvStart(style: CsvStyle = DEFAULT_CSV_STYLE): string {
  return style.bom ? '\uFEFF' : '';
}

/**
 * RFC 4180 field: quoted when it holds the delimiter, a quote or a line break, and ids always;
 * empty for null. Numbers take the style's decimal separator and are never otherwise changed. A
 * text a spreadsheet would run as a formula gets a leading apostrophe, unless `raw` (--csv-raw)
 * keeps every cell exactly as the data, for files read back by programs.
 */
export function csvField(value: CsvValue, raw = false, style: CsvStyle = DEFAULT_CSV_STYLE): string {
  if (value === null || value === undefined) return '';
  if (value instanceof CsvId) {
    const id = !raw && FORMULA_START.test(value.text) ? `'${value.text}` : value.text;
    return `"${id.replace(/"/g, '""')}"`;
  }
  let text = typeof value === 'number' && style.decimal !== '.' ? String(value).replace('.', style.decimal) : String(value);
  if (!raw && typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return text.includes(style.delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly CsvValue[], raw = false, style: CsvStyle = DEFAULT_CSV_STYLE): string {
  return `${fields.map((field) => csvField(field, raw, style)).join(style.delimiter)}${CSV_LINE_END}`;
}

/**
 * What every command with a csv format passes its csv renderer besides the data: the layout
 * (--excel, --csv-delimiter, --csv-decimal, --bom) and --csv-raw. One set of flags for score,
 * diff, trend and agree (README, "CSV for spreadsheets").
 */
export interface CsvOptions {
  /** The layout; DEFAULT_CSV_STYLE when absent. */
  readonly csv?: CsvStyle | undefined;
  /** --csv-raw: cells exactly as the data, formula prefixes not neutralised. */
  readonly csvRaw?: boolean | undefined;
}

/** The writer of one CSV: what it starts with (the BOM when asked for) and its lines, in the options' layout. */
export interface CsvWriter {
  readonly start: string;
  line(fields: readonly CsvValue[]): string;
}

export function csvWriter({ csv, csvRaw }: CsvOptions): CsvWriter {
  const style = csv ?? DEFAULT_CSV_STYLE;
  const raw = csvRaw === true;
  return { start: csvStart(style), line: (fields) => csvLine(fields, raw, style) };
}
