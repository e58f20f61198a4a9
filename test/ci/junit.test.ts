import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit, xmlEscape } from '../../src/format/ci/junit.js';
import { SET, swadaya } from './helpers.js';

interface Case {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_type': string; '@_message': string; '#text': string }[];
}

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testcase', 'failure', 'testsuite'].includes(name) });
  const document = parser.parse(xml);
  const suites = document.testsuites.testsuite;
  expect(suites).toHaveLength(1);
  return { root: document.testsuites, suite: suites[0], cases: suites[0].testcase as Case[] };
}

describe('--format junit', () => {
  it('score: one testcase per assessment (classname region or rubric), a failure per gate criterion, counts that add up', async () => {
    const { code, stdout } = await swadaya(['score', SET, '--format', 'junit', '--require', 'ready', '--fail-under', '60']);
    expect(code).toBe(2);
    const { root, suite, cases } = parse(stdout);
    expect(cases.map((testCase) => [testCase['@_classname'], testCase['@_name'], testCase.failure?.length ?? 0])).toEqual([
      ['North', '0001 Desa Satu', 2],
      ['North', '0002 Desa Dua', 0],
      ['South', '0003 Desa Tiga', 4],
      ['tiny@1.0.0', '0004 Desa Empat', 0],
      ['swadaya.files', 'test/fixtures/ci/set/broken.yaml', 2],
    ]);
    expect(suite['@_tests']).toBe('5');
    expect(suite['@_failures']).toBe('3');
    expect(root['@_tests']).toBe('5');
    expect(root['@_failures']).toBe('3');
    const satu = cases[0]!.failure!;
    expect(satu.map((failure) => [failure['@_type'], failure['@_message']])).toEqual([
      ['gate-fail-under', 'overall 54.17 < 60'],
      ['gate-not-ready', 'indicator:a2 level 1, needs level 2'],
    ]);
    expect(satu[0]!['#text']).toBe('test/fixtures/ci/set/not-ready.yaml:2:17: 0001 Desa Satu (test/fixtures/ci/set/not-ready.yaml): overall 54.17 < 60');
  });

  it('validate: valid assessments pass, a file with errors fails with one failure per finding', async () => {
    const { code, stdout } = await swadaya(['validate', SET, '--format', 'junit', '--lang', 'id']);
    expect(code).toBe(1);
    const { suite, cases } = parse(stdout);
    expect(suite['@_tests']).toBe('5');
    expect(suite['@_failures']).toBe('1');
    const broken = cases.find((testCase) => testCase['@_name'] === 'test/fixtures/ci/set/broken.yaml')!;
    expect(broken.failure!.map((failure) => failure['@_type'])).toEqual(['level-out-of-range', 'unknown-indicator']);
    expect(broken.failure![0]!['@_message']).toContain('galat [level-out-of-range] tingkat 9 untuk a1 di luar skala');
  });

  it('escapes what XML cannot hold as is', () => {
    expect(xmlEscape('a<b & "c" \'d\' >\u0001')).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos; &gt;');
    const xml = renderJunit(
      {
        command: 'validate',
        findings: [],
        failures: [],
        assessments: [{ file: 'x.yaml', document: 0, community: { id: '<1>', name: 'A & B' }, group: 'R"1' }],
        checked: 1,
        gates: { names: [] },
      },
      { lang: 'en', findingsDocUri: 'file:///docs/findings.md' },
    );
    const { cases } = parse(xml);
    expect(cases[0]!['@_name']).toBe('<1> A & B');
    expect(cases[0]!['@_classname']).toBe('R"1');
  });
});
