/** Small pieces of HTML shared by the report's pages: escaping, tables, figures. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** A cell: plain text (escaped), or `{ html }` already built, optionally with a class. */
export type Cell = string | number | { readonly html: string; readonly className?: string; readonly numeric?: boolean };

function cellHtml(tag: 'td' | 'th', cell: Cell, numeric: boolean, scope?: string): string {
  const scopeAttr = scope ? ` scope="${scope}"` : '';
  if (typeof cell === 'object') {
    const classes = [cell.className, cell.numeric ? 'num' : undefined].filter(Boolean).join(' ');
    return `<${tag}${scopeAttr}${classes ? ` class="${classes}"` : ''}>${cell.html}</${tag}>`;
  }
  return `<${tag}${scopeAttr}${numeric || typeof cell === 'number' ? ' class="num"' : ''}>${esc(cell)}</${tag}>`;
}

export interface TableSpec {
  readonly caption?: string | undefined;
  readonly head: readonly Cell[];
  readonly rows: readonly (readonly Cell[])[];
  /** Columns (by index) holding numbers: right-aligned. */
  readonly numeric?: readonly number[];
  readonly className?: string;
  /** The first cell of each row heads that row. */
  readonly rowHeads?: boolean;
}

export function table(spec: TableSpec): string {
  const numeric = new Set(spec.numeric ?? []);
  const caption = spec.caption ? `<caption>${esc(spec.caption)}</caption>` : '';
  const head = `<thead><tr>${spec.head.map((cell, i) => cellHtml('th', cell, numeric.has(i), 'col')).join('')}</tr></thead>`;
  const rows = spec.rows
    .map((row) => `<tr>${row.map((cell, i) => (i === 0 && spec.rowHeads ? cellHtml('th', cell, numeric.has(i), 'row') : cellHtml('td', cell, numeric.has(i)))).join('')}</tr>`)
    .join('');
  return `<table${spec.className ? ` class="${spec.className}"` : ''}>${caption}${head}<tbody>${rows}</tbody></table>`;
}

/** A chart with its data table beside it (docs/report.md: every chart has one). */
export function figure(title: string, svg: string, data: string, className = ''): string {
  return `<figure class="chart${className ? ` ${className}` : ''}"><figcaption>${esc(title)}</figcaption><div class="chart-body">${svg}<div class="chart-data">${data}</div></div></figure>`;
}

/** Produces ids unique within one HTML document, so several communities' charts can share it. */
export class IdMaker {
  private count = 0;
  constructor(private readonly prefix = 'c') {}
  next(name: string): string {
    this.count += 1;
    return `${this.prefix}${this.count}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  }
}
