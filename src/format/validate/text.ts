import { findingLines } from '../findings.js';
import type { RenderContext } from '../renderer.js';
import type { ValidationReport } from './report.js';

/** The findings, then one summary line: green when nothing is wrong, red otherwise. */
export function renderValidationText(report: ValidationReport, { language, colors }: RenderContext): string {
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = report.findings.length - errors;
  const summary =
    language === 'id'
      ? `Diperiksa: ${report.rubrics} rubrik, ${report.files} berkas penilaian (${report.assessments} penilaian sah). ${errors} kesalahan, ${warnings} peringatan.`
      : `Checked ${report.rubrics} rubric(s) and ${report.files} assessment file(s) (${report.assessments} valid assessment(s)): ${errors} error(s), ${warnings} warning(s).`;
  return `${findingLines(report.findings, language, colors)}${errors === 0 ? colors.green(summary) : colors.red(summary)}\n`;
}
