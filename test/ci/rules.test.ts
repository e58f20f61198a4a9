import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, describedRules } from '../../src/format/ci/rules.js';
import { findingCodes } from '../../src/i18n/messages.js';
import { root } from './helpers.js';

describe('the rules catalogue', () => {
  const docs = readFileSync(join(root, 'docs', 'findings.md'), 'utf8');
  const headings = new Set([...docs.matchAll(/^### (.+)$/gm)].map((match) => match[1]));

  it('has a rule for every finding code and the three gates, titled in both languages', () => {
    const ids = allRules('en').map((rule) => rule.id);
    expect(ids).toEqual([...findingCodes(), 'gate-fail-under', 'gate-not-ready', 'gate-regression']);
    for (const lang of ['en', 'id'] as const) for (const rule of allRules(lang)) expect(rule.title.length, rule.id).toBeGreaterThan(0);
    expect(allRules('en').find((rule) => rule.id === 'unknown-key')).toMatchObject({ title: 'Unknown key', kind: 'input', anchor: 'unknown-key' });
  });

  it('titles and describes every rule in English and Indonesian, from the catalogue', () => {
    expect(allRules('en').find((rule) => rule.id === 'bad-period')).toEqual({ id: 'bad-period', kind: 'assessment', title: 'Bad period', description: 'period must be YYYY, YYYY-MM or YYYY-MM-DD.', anchor: 'bad-period' });
    expect(allRules('id').find((rule) => rule.id === 'bad-period')).toEqual({ id: 'bad-period', kind: 'assessment', title: 'Periode salah', description: 'period harus YYYY, YYYY-MM atau YYYY-MM-DD.', anchor: 'bad-period' });
    expect(allRules('id').find((rule) => rule.id === 'gate-regression')?.description).toBe('diff --fail-on-regression: fase saat ini mundur, atau sebuah skor turun lebih dari --tolerance.');
    const english = allRules('en');
    const untranslated = allRules('id').filter((rule, index) => rule.title === english[index]!.title || rule.description === english[index]!.description).map((rule) => rule.id);
    expect(untranslated).toEqual([]);
  });

  it('documents every described rule under its own heading in docs/findings.md (the helpUri anchor)', () => {
    const missing = describedRules().filter((code) => !headings.has(code));
    expect(missing).toEqual([]);
  });
});
