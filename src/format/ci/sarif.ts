import { GATE_RULES, allRules } from './rules.js';
import type { CiRenderOptions, CiReport, LocatedFailure } from './ci-report.js';
import type { Finding } from '../../core/finding.js';
import type { GateName } from '../../core/gates.js';
import { translator } from '../../i18n/catalogue.js';
import { messageOf } from '../../i18n/messages.js';
import { failureLine } from '../../i18n/gate-messages.js';
import { VERSION } from '../../version.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * A relative path as a SARIF artifact URI (forward slashes, each segment percent-encoded),
 * resolved against %SRCROOT%, the directory swadaya ran in. Absolute paths become file: URIs.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.replace(/\\/g, '/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${encoded.replace('%3A', ':')}` };
  if (slashed.startsWith('/')) return { uri: `file://${encoded}` };
  return { uri: encoded.replace(/^\.\//, ''), uriBaseId: '%SRCROOT%' };
}

function location(file: string, line: number | undefined, column: number | undefined): Record<string, unknown> {
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(file),
      // A place in the file when there is one; a file-level result otherwise (code scanning shows it at line 1).
      region: { startLine: line ?? 1, startColumn: column ?? 1 },
    },
  };
}

/** SARIF 2.1.0 (docs/ci.md): one result per finding and per gate an assessment failed. */
export function renderSarif(report: CiReport, options: CiRenderOptions): string {
  const say = translator(options.lang);
  const rules = allRules(options.lang);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: Record<string, unknown>[] = [];
  const resultOf = (ruleId: string, level: 'error' | 'warning', text: string, where: Record<string, unknown>, fingerprint: string): Record<string, unknown> => ({
    ruleId,
    ...(ruleIndex.has(ruleId) ? { ruleIndex: ruleIndex.get(ruleId) } : {}),
    level,
    message: { text },
    locations: [where],
    partialFingerprints: { 'swadaya/v1': fingerprint },
  });
  for (const finding of report.findings) {
    results.push(resultOf(finding.code, finding.severity, messageOf(finding, options.lang), location(finding.file, finding.line, finding.column), findingFingerprint(finding)));
  }
  for (const failure of report.failures) {
    for (const gate of gatesOf(failure)) {
      const text = failureLine({ ...failure, reasons: failure.reasons.filter((reason) => reason.gate === gate) }, options.lang);
      results.push(resultOf(GATE_RULES[gate], 'error', text, location(failure.file, failure.line, failure.column), `${gate}:${failure.community.id}:${failure.period}`));
    }
  }
  const sarif = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'swadaya',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: options.findingsDocUri.replace(/findings\.md$/, 'ci.md'),
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              helpUri: `${options.findingsDocUri}#${rule.anchor}`,
              help: { text: say('rule.help', { description: rule.description, doc: `docs/findings.md#${rule.anchor}` }) },
              defaultConfiguration: { level: rule.kind === 'gate' || !isWarningCode(rule.id) ? 'error' : 'warning' },
              properties: { tags: ['swadaya', rule.kind] },
            })),
          },
        },
        automationDetails: { id: `swadaya/${report.command}/` },
        columnKind: 'unicodeCodePoints',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: say('rule.srcroot') } } },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** Codes reported as warnings (the rest are errors). */
const WARNING_CODES = new Set(['rubric-id-mismatch', 'rubric-version-mismatch', 'symlink-loop']);
const isWarningCode = (code: string): boolean => WARNING_CODES.has(code);

export function gatesOf(failure: LocatedFailure): GateName[] {
  return [...new Set(failure.reasons.map((reason) => reason.gate))];
}

/**
 * A fingerprint that stays the same across runs while the problem does: the code, the file and
 * the message's arguments, not the line (an edit above it moves the line, not the problem).
 */
export function findingFingerprint(finding: Finding): string {
  const args = Object.keys(finding.args)
    .sort()
    .map((key) => `${key}=${finding.args[key]}`)
    .join('&');
  return `${finding.code}:${finding.file}:${args}`;
}
