import { totalsOf, type CiRenderOptions, type CiReport } from './ci-report.js';
import { GATE_RULES } from './rules.js';
import { gatesOf } from './sarif.js';
import type { Finding } from '../../core/finding.js';
import type { Language } from '../../i18n/language.js';
import { messageOf } from '../../i18n/messages.js';
import { failureLine } from '../../i18n/gate-messages.js';
import { t } from '../../i18n/catalogue.js';

/** GitHub shows at most this many error (and, separately, warning) annotations of one step. */
export const GITHUB_ANNOTATIONS_PER_STEP = 10;

const escapeProperty = (value: string): string =>
  value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
const escapeData = (value: string): string => value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

function annotation(kind: 'error' | 'warning' | 'notice', place: { file?: string; line?: number | undefined; column?: number | undefined }, title: string, text: string): string {
  const properties: string[] = [];
  if (place.file !== undefined) properties.push(`file=${escapeProperty(place.file)}`);
  if (place.line !== undefined) properties.push(`line=${place.line}`, `col=${place.column ?? 1}`);
  properties.push(`title=${escapeProperty(title)}`);
  return `::${kind} ${properties.join(',')}::${escapeData(text)}\n`;
}

/** One finding as a GitHub Actions workflow command, annotating its file and line. */
export function findingAnnotation(finding: Finding, lang: Language): string {
  return annotation(finding.severity, finding, `swadaya ${finding.code}`, messageOf(finding, lang));
}

/**
 * GitHub Actions workflow commands (docs/ci.md): an annotation per finding and per gate an
 * assessment failed (on its community.id line), then a `::notice` with the totals. GitHub shows
 * only the first ten errors and ten warnings of a step; the notice says how many there are, so
 * the rest are not lost (they are all in the log).
 */
export function renderGithub(report: CiReport, options: CiRenderOptions): string {
  const { lang } = options;
  const out: string[] = report.findings.map((finding) => findingAnnotation(finding, lang));
  let gateAnnotations = 0;
  for (const failure of report.failures) {
    for (const gate of gatesOf(failure)) {
      gateAnnotations += 1;
      const text = failureLine({ ...failure, reasons: failure.reasons.filter((reason) => reason.gate === gate) }, lang);
      out.push(annotation('error', failure, `swadaya ${GATE_RULES[gate]}`, text));
    }
  }
  const totals = totalsOf(report);
  const errorAnnotations = totals.errors + gateAnnotations;
  out.push(annotation('notice', {}, `swadaya ${report.command}`, noticeText(report, totals, errorAnnotations, lang)));
  return out.join('');
}

function noticeText(report: CiReport, totals: ReturnType<typeof totalsOf>, errorAnnotations: number, lang: Language): string {
  const checked = t(lang, report.command === 'diff' ? 'ci.compared' : 'ci.checked', { count: totals.checked });
  const parts = [t(lang, 'ci.totals', { checked, errors: totals.errors, warnings: totals.warnings })];
  if (report.gates.names.length > 0) parts.push(t(lang, 'ci.failedGate', { failed: totals.failed, gates: report.gates.names.join(', ') }));
  let text = `${parts.join(', ')}.`;
  const hidden = Math.max(0, errorAnnotations - GITHUB_ANNOTATIONS_PER_STEP) + Math.max(0, totals.warnings - GITHUB_ANNOTATIONS_PER_STEP);
  if (hidden > 0) {
    text += t(lang, 'ci.hiddenAnnotations', { limit: GITHUB_ANNOTATIONS_PER_STEP, hidden, total: errorAnnotations + totals.warnings });
  }
  return text;
}
