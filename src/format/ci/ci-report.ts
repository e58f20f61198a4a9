import type { Finding } from '../../core/finding.js';
import type { GateFailure, GateName } from '../../core/gates.js';
import type { Language } from '../../i18n/language.js';

/** A gate failure with the position of its assessment's `community.id`, where CI annotates it. */
export interface LocatedFailure extends GateFailure {
  readonly line?: number | undefined;
  readonly column?: number | undefined;
}

/** One assessment a run checked: a JUnit testcase. */
export interface CheckedAssessment {
  readonly file: string;
  readonly document: number;
  readonly community: { readonly id: string; readonly name: string };
  /** The JUnit classname: the community's region, else the rubric id. */
  readonly group: string;
}

/**
 * Everything the CI formats (SARIF, JUnit, GitLab Code Quality, GitHub annotations) show of
 * one run, whatever the command: the findings, the gate failures, and the assessments checked.
 */
export interface CiReport {
  readonly command: 'validate' | 'score' | 'diff';
  readonly findings: readonly Finding[];
  readonly failures: readonly LocatedFailure[];
  /** Only JUnit lists them; other formats may pass none. */
  readonly assessments: readonly CheckedAssessment[];
  /** How many assessments were checked (for the summaries, even when `assessments` is empty). */
  readonly checked: number;
  /** The gates the command was asked to check, and their thresholds, for the messages. */
  readonly gates: { readonly names: readonly GateName[]; readonly threshold?: number | undefined; readonly tolerance?: number | undefined };
}

export interface CiRenderOptions {
  readonly lang: Language;
  /** The absolute URI of docs/findings.md, each rule's help ends `#code`. */
  readonly findingsDocUri: string;
}

export interface CiTotals {
  readonly errors: number;
  readonly warnings: number;
  readonly failed: number;
  readonly checked: number;
}

export function totalsOf(report: CiReport): CiTotals {
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  return { errors, warnings: report.findings.length - errors, failed: report.failures.length, checked: report.checked };
}

/** `key` of an assessment within a run, to join findings and failures to their testcase. */
export const assessmentKey = (file: string, document: number): string => `${file}\u0000${document}`;
