import type { Rubric } from '../../core/model.js';

/** One row of `rubric list --format json`. */
export interface RubricListJsonRow {
  readonly id: string;
  readonly location: string;
  readonly rubric: Rubric | undefined;
  readonly errors: number;
}

/** `rubric list --format json`: every rubric found, with where it is and whether it loads. */
export function renderRubricListJson(rows: readonly RubricListJsonRow[]): string {
  const list = rows.map((row) => ({
    id: row.id,
    version: row.rubric?.version ?? null,
    title: row.rubric?.title ?? null,
    languages: row.rubric?.languages ?? [],
    location: row.location,
    valid: row.rubric !== undefined,
    errors: row.errors,
  }));
  return `${JSON.stringify(list, null, 2)}\n`;
}

/** `rubric show --format json`: the rubric as swadaya reads it (defaults filled in, `each` expanded), texts in every language. */
export function renderRubricJson(rubric: Rubric, location: string): string {
  return `${JSON.stringify({ location, ...rubric }, null, 2)}\n`;
}
