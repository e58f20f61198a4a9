import type { ChalkInstance } from 'chalk';
import type { Finding } from '../core/finding.js';
import type { Language } from '../i18n/language.js';
import { formatFinding, messageOf } from '../i18n/messages.js';
import { VERSION } from '../version.js';

/** The formats rendered here; the CI formats (github, sarif, junit, gitlab) are in format/ci/. */
export type ValidationFormat = 'text' | 'json';

export interface ValidationReport {
  /** Assessment files read. */
  readonly files: number;
  readonly rubrics: number;
  /** Valid assessments. */
  readonly assessments: number;
  readonly findings: readonly Finding[];
}

export interface RenderOptions {
  readonly lang: Language;
  readonly colors: ChalkInstance;
}

export function renderValidation(report: ValidationReport, format: ValidationFormat, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(validationJson(report, options.lang), null, 2)}\n`;
    default:
      return validationText(report, options);
  }
}

/** Findings as JSON, the same `errors` shape as `score --format json`. */
export function findingJson(finding: Finding, lang: Language): Record<string, unknown> {
  return {
    file: finding.file,
    line: finding.line ?? null,
    column: finding.column ?? null,
    code: finding.code,
    message: messageOf(finding, lang),
  };
}

function validationJson(report: ValidationReport, lang: Language): Record<string, unknown> {
  const errors = report.findings.filter((finding) => finding.severity === 'error');
  const warnings = report.findings.filter((finding) => finding.severity === 'warning');
  return {
    schema: 'swadaya/validate@1',
    tool: { name: 'swadaya', version: VERSION },
    valid: errors.length === 0,
    checked: { files: report.files, rubrics: report.rubrics, assessments: report.assessments },
    errors: errors.map((finding) => findingJson(finding, lang)),
    warnings: warnings.map((finding) => findingJson(finding, lang)),
  };
}

/** Findings for a terminal, one `file:line:column: …` line each: errors in red, warnings in yellow. */
export function findingLines(findings: readonly Finding[], { lang, colors }: RenderOptions): string {
  return findings
    .map((finding) => {
      const text = formatFinding(finding, lang);
      return `${finding.severity === 'error' ? colors.red(text) : colors.yellow(text)}\n`;
    })
    .join('');
}

function validationText(report: ValidationReport, { lang, colors }: RenderOptions): string {
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = report.findings.length - errors;
  const summary =
    lang === 'id'
      ? `Diperiksa: ${report.rubrics} rubrik, ${report.files} berkas penilaian (${report.assessments} penilaian sah). ${errors} kesalahan, ${warnings} peringatan.`
      : `Checked ${report.rubrics} rubric(s) and ${report.files} assessment file(s) (${report.assessments} valid assessment(s)): ${errors} error(s), ${warnings} warning(s).`;
  return `${findingLines(report.findings, { lang, colors })}${errors === 0 ? colors.green(summary) : colors.red(summary)}\n`;
}
