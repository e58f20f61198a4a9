import { agreeJson } from '../../contract/agree-json.js';
import type { AgreementReport } from '../../core/agree.js';

/** `swadaya/agree@1` (schemas/agree.schema.json). */
export function renderAgreeJson(report: AgreementReport): string {
  return `${JSON.stringify(agreeJson(report), null, 2)}\n`;
}
