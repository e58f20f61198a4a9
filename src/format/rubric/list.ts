import type { Rubric } from '../../core/model.js';
import { localize, textLanguage } from '../../i18n/language.js';
import type { RenderContext } from '../renderer.js';
import { translator } from '../../i18n/catalogue.js';

export interface RubricListRow {
  readonly id: string;
  readonly location: string;
  readonly rubric: Rubric | undefined;
  readonly errors: number;
}

export function renderRubricList(rows: readonly RubricListRow[], context: RenderContext): string {
  const label = translator(context.language);
  if (rows.length === 0) return `${label('noRubrics')}\n`;
  const lines = rows.map((row) => {
    if (!row.rubric) return `${row.id.padEnd(16)} ${context.colors.red(`${label('invalidRubric')} (${row.errors})`)}  ${context.colors.dim(row.location)}`;
    const title = localize(row.rubric.title, textLanguage(context.requested, row.rubric), row.rubric);
    return `${row.id.padEnd(16)} ${row.rubric.version.padEnd(8)} ${title}  ${context.colors.dim(row.location)}`;
  });
  return `${lines.join('\n')}\n`;
}
