/**
 * A problem found in a rubric or an assessment. Findings are data: the code is stable and
 * tests assert it; the wording belongs to the message catalogue (src/i18n/catalogue/findings.ts).
 */
export interface Finding {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly file: string;
  /** 1-based; absent when the problem has no place in a file (a missing path, say). */
  readonly line?: number;
  readonly column?: number;
  readonly args: Readonly<Record<string, string | number>>;
}

export function isError(finding: Finding): boolean {
  return finding.severity === 'error';
}
