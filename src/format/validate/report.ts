import type { Finding } from '../../core/finding.js';

/** What a validate renderer is given. */
export interface ValidationReport {
  /** Assessment files read. */
  readonly files: number;
  readonly rubrics: number;
  /** Valid assessments. */
  readonly assessments: number;
  readonly findings: readonly Finding[];
}
