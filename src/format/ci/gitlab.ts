import { createHash } from 'node:crypto';
import type { CiRenderOptions, CiReport } from './ci-report.js';
import { GATE_RULES } from './rules.js';
import { findingFingerprint, gatesOf } from './sarif.js';
import { messageOf } from '../../i18n/messages.js';
import { failureLine } from '../../i18n/gate-messages.js';

/** GitLab's Code Quality severities (docs/ci.md): errors and gate failures are major, warnings minor. */
type Severity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: Severity;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/**
 * The Code Quality report GitLab's merge-request widget reads: a JSON array of issues. The
 * fingerprint hashes what stays the same across runs (code, file, arguments, not the line);
 * the n-th repeat of the same problem in a file gets `#n` so fingerprints stay unique.
 */
export function renderGitlab(report: CiReport, options: CiRenderOptions): string {
  const issues: CodeQualityIssue[] = [];
  const seen = new Map<string, number>();
  const fingerprint = (key: string): string => {
    const repeat = seen.get(key) ?? 0;
    seen.set(key, repeat + 1);
    return createHash('sha256').update(repeat === 0 ? key : `${key}#${repeat}`).digest('hex');
  };
  const path = (file: string): string => file.replace(/\\/g, '/').replace(/^\.\//, '');
  for (const finding of report.findings) {
    issues.push({
      description: messageOf(finding, options.lang),
      check_name: finding.code,
      fingerprint: fingerprint(findingFingerprint(finding)),
      severity: finding.severity === 'error' ? 'major' : 'minor',
      location: { path: path(finding.file), lines: { begin: finding.line ?? 1 } },
    });
  }
  for (const failure of report.failures) {
    for (const gate of gatesOf(failure)) {
      issues.push({
        description: failureLine({ ...failure, reasons: failure.reasons.filter((reason) => reason.gate === gate) }, options.lang),
        check_name: GATE_RULES[gate],
        fingerprint: fingerprint(`${GATE_RULES[gate]}:${failure.community.id}:${failure.period}`),
        severity: 'major',
        location: { path: path(failure.file), lines: { begin: failure.line ?? 1 } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}
