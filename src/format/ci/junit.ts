import { assessmentKey, totalsOf, type CiRenderOptions, type CiReport, type CheckedAssessment, type LocatedFailure } from './ci-report.js';
import { GATE_RULES } from './rules.js';
import type { Finding } from '../../core/finding.js';
import { formatFinding } from '../../i18n/messages.js';
import { failureLine, gateReasonText } from '../../i18n/gate-messages.js';

/** XML 1.0 text: the five entities escaped, characters XML cannot carry dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface TestCase {
  readonly classname: string;
  readonly name: string;
  readonly file: string;
  readonly failures: { readonly type: string; readonly message: string; readonly body: string }[];
  readonly notes: string[];
}

/**
 * JUnit XML (docs/ci.md), as GitLab and Jenkins read it: one testsuite for the run, one
 * testcase per assessment (classname: region or rubric; name: community id and name), a
 * `failure` per failing gate criterion or error finding. Files that yield no assessment get
 * a testcase of their own, named by the file, so their errors are counted too.
 */
export function renderJunit(report: CiReport, options: CiRenderOptions): string {
  const { lang } = options;
  const cases: TestCase[] = [];
  const byAssessment = new Map<string, TestCase>();
  const firstOfFile = new Map<string, TestCase>();
  const add = (assessment: CheckedAssessment): TestCase => {
    const testCase: TestCase = { classname: assessment.group, name: `${assessment.community.id} ${assessment.community.name}`, file: assessment.file, failures: [], notes: [] };
    cases.push(testCase);
    byAssessment.set(assessmentKey(assessment.file, assessment.document), testCase);
    if (!firstOfFile.has(assessment.file)) firstOfFile.set(assessment.file, testCase);
    return testCase;
  };
  for (const assessment of report.assessments) add(assessment);

  const fileCases = new Map<string, TestCase>();
  const caseForFinding = (finding: Finding): TestCase => {
    // A warning belongs with the file's assessment; an error kept the assessment out, so the file gets its own case.
    const owner = finding.severity === 'warning' ? firstOfFile.get(finding.file) : undefined;
    if (owner) return owner;
    let testCase = fileCases.get(finding.file);
    if (!testCase) {
      testCase = { classname: 'swadaya.files', name: finding.file, file: finding.file, failures: [], notes: [] };
      fileCases.set(finding.file, testCase);
      cases.push(testCase);
    }
    return testCase;
  };
  for (const finding of report.findings) {
    const testCase = caseForFinding(finding);
    const text = formatFinding(finding, lang);
    if (finding.severity === 'error') testCase.failures.push({ type: finding.code, message: text, body: text });
    else testCase.notes.push(text);
  }
  for (const failure of report.failures) {
    const testCase = byAssessment.get(assessmentKey(failure.file, failure.document)) ?? add(assessmentOf(failure));
    for (const reason of failure.reasons) {
      const message = gateReasonText(reason, lang);
      testCase.failures.push({ type: GATE_RULES[reason.gate], message, body: `${placeOf(failure)}: ${failureLine({ ...failure, reasons: [reason] }, lang)}` });
    }
  }

  const failed = cases.filter((testCase) => testCase.failures.length > 0).length;
  const totals = totalsOf(report);
  const suiteName = `swadaya ${report.command}`;
  const counts = `tests="${cases.length}" failures="${failed}" errors="0" skipped="0"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(suiteName)}" ${counts}>`,
    `  <testsuite name="${xmlEscape(suiteName)}" ${counts}>`,
    `    <properties><property name="errors" value="${totals.errors}"/><property name="warnings" value="${totals.warnings}"/><property name="gate-failures" value="${totals.failed}"/></properties>`,
  ];
  for (const testCase of cases) {
    const head = `    <testcase classname="${xmlEscape(testCase.classname)}" name="${xmlEscape(testCase.name)}" file="${xmlEscape(testCase.file)}"`;
    if (testCase.failures.length === 0 && testCase.notes.length === 0) {
      lines.push(`${head}/>`);
      continue;
    }
    lines.push(`${head}>`);
    for (const failure of testCase.failures) {
      lines.push(`      <failure type="${xmlEscape(failure.type)}" message="${xmlEscape(failure.message)}">${xmlEscape(failure.body)}</failure>`);
    }
    if (testCase.notes.length > 0) lines.push(`      <system-out>${xmlEscape(testCase.notes.join('\n'))}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}

function assessmentOf(failure: LocatedFailure): CheckedAssessment {
  return { file: failure.file, document: failure.document, community: failure.community, group: 'swadaya' };
}

function placeOf(failure: LocatedFailure): string {
  return failure.line === undefined ? failure.file : `${failure.file}:${failure.line}:${failure.column ?? 1}`;
}
