import { findingLines } from '../findings.js';
import type { RenderContext } from '../renderer.js';
import type { ValidationReport } from './report.js';
import { t } from '../../i18n/catalogue.js';

/** The findings, then one summary line: green when nothing is wrong, red otherwise. */
export function renderValidationText(report: ValidationReport, { language, colors }: RenderContext): string {
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = report.findings.length - errors;
  const summary = t(language, 'validateSummary', { rubrics: report.rubrics, files: report.files, assessments: report.assessments, errors, warnings });
  return `${findingLines(report.findings, language, colors)}${errors === 0 ? colors.green(summary) : colors.red(summary)}\n`;
}
