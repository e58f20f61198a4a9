import { fillLabel } from '../../i18n/fill-label.js';
import { labelsFor } from '../../i18n/labels.js';
import { findingLines } from '../findings.js';
import type { RenderContext } from '../renderer.js';
import type { ValidationReport } from './report.js';

/** The findings, then one summary line: green when nothing is wrong, red otherwise. */
export function renderValidationText(report: ValidationReport, { language, colors }: RenderContext): string {
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = report.findings.length - errors;
  const summary = fillLabel(labelsFor(language).validateSummary, { rubrics: report.rubrics, files: report.files, assessments: report.assessments, errors, warnings });
  return `${findingLines(report.findings, language, colors)}${errors === 0 ? colors.green(summary) : colors.red(summary)}\n`;
}
