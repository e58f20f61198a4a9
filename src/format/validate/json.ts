import { findingJson } from '../../contract/finding-json.js';
import { VERSION } from '../../version.js';
import type { RenderContext } from '../renderer.js';
import type { ValidationReport } from './report.js';

/** docs/json-output.md#validate: the same `errors` shape as `score --format json`. */
export function renderValidationJson(report: ValidationReport, { language }: RenderContext): string {
  const errors = report.findings.filter((finding) => finding.severity === 'error');
  const warnings = report.findings.filter((finding) => finding.severity === 'warning');
  const json = {
    schema: 'swadaya/validate@1',
    tool: { name: 'swadaya', version: VERSION },
    valid: errors.length === 0,
    checked: { files: report.files, rubrics: report.rubrics, assessments: report.assessments },
    errors: errors.map((finding) => findingJson(finding, language)),
    warnings: warnings.map((finding) => findingJson(finding, language)),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
