/** The one line ending of every CSV swadaya writes: RFC 4180's CRLF (docs/json-output.md#csv). */
export const CSV_LINE_END = '\r\n';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * A text cell starting with = + - @ (or a tab or a carriage return) would run as a formula when
 * the file is opened in Excel, LibreOffice or Google Sheets (README, "CSV and spreadsheets").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 field: quoted when it holds a comma, a quote or a line break; empty for null. A text
 * that a spreadsheet would run as a formula gets a leading apostrophe, which spreadsheets show as
 * text; numbers are never changed (a delta of -5.2 stays a number). `raw` (--csv-raw) keeps every
 * cell exactly as the data, for files read back by programs.
 */
export function csvField(value: CsvValue, raw = false): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (!raw && typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly CsvValue[], raw = false): string {
  return `${fields.map((field) => csvField(field, raw)).join(',')}${CSV_LINE_END}`;
}
