/** Text safe inside a Markdown table cell: no pipes or line breaks, no accidental markup. */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*_`<>[\]])/g, '\\$1').replace(/\r?\n/g, ' ');
}

/** A table row of cells that are already safe (escaped with `markdownCell`, markup added after). */
export function markdownRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
