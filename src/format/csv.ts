/** The one line ending of every CSV swadaya writes: RFC 4180's CRLF (docs/json-output.md#csv). */
export const CSV_LINE_END = '\r\n';

export type CsvValue = string | number | boolean | null | undefined;

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break; empty for null. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly CsvValue[]): string {
  return `${fields.map(csvField).join(',')}${CSV_LINE_END}`;
}
