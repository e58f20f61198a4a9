import { describe, expect, it } from 'vitest';
import { catalogueEntries, fill, lookup, t, translator, type Entry } from '../../src/i18n/catalogue.js';
import { CLI } from '../../src/i18n/catalogue/cli.js';
import { FIELD } from '../../src/i18n/catalogue/field.js';
import { FIELD_FINDINGS } from '../../src/i18n/catalogue/field-findings.js';
import { FINDINGS } from '../../src/i18n/catalogue/findings.js';
import { GATES } from '../../src/i18n/catalogue/gates.js';
import { LABELS } from '../../src/i18n/catalogue/labels.js';
import { MESSAGES } from '../../src/i18n/catalogue/messages.js';
import { RATINGS } from '../../src/i18n/catalogue/ratings.js';
import { REPORT } from '../../src/i18n/catalogue/report.js';
import { RULES } from '../../src/i18n/catalogue/rules.js';
import { SCHEMA } from '../../src/i18n/catalogue/schema.js';
import { WORDS } from '../../src/i18n/catalogue/words.js';

const SECTIONS = { WORDS, LABELS, REPORT, RATINGS, FIELD, FINDINGS, FIELD_FINDINGS, GATES, RULES, SCHEMA, MESSAGES, CLI };

// @ts-expect-error an entry without its Indonesian does not compile
const untranslated: Entry = { en: 'Saved' };
void untranslated;

const places = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();

describe('the message catalogue', () => {
  it('merges sections whose keys are disjoint, so no entry hides another', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, section] of Object.entries(SECTIONS)) {
      for (const key of Object.keys(section)) {
        if (seen.has(key)) clashes.push(`${key}: ${seen.get(key)} and ${name}`);
        seen.set(key, name);
      }
    }
    expect(clashes).toEqual([]);
    expect(catalogueEntries().length).toBe(seen.size);
  });

  it('has the same {places} in the English and the Indonesian of every string entry', () => {
    const differ = catalogueEntries()
      .filter(([, entry]) => typeof entry.en === 'string' && typeof entry.id === 'string' && places(entry.en).join() !== places(entry.id).join())
      .map(([key]) => key);
    expect(differ).toEqual([]);
  });

  it('looks a key up in either language and fills its places', () => {
    expect(t('en', 'assessSaved', { file: 'x.yaml' })).toBe('Saved to x.yaml');
    expect(t('id', 'assessSaved', { file: 'x.yaml' })).toBe('Tersimpan di x.yaml');
    expect(translator('id')('verdict.not-ready')).toBe('belum siap');
    expect(t('en', 'gate.more', { more: 3 })).toBe('… and 3 more (--format sarif, junit or gitlab lists them all).');
    expect(lookup('id', 'unknown-phase', { phase: 'x', allowed: 'a, b' })).toBe('fase "x" tidak dikenal. Fase: a, b; atau hapus phase: agar bukti yang menentukan.');
    expect(lookup('en', 'no-such-key')).toBeUndefined();
    expect(fill('n/a: {na: "why"} in {file}', { file: 'f' })).toBe('n/a: {na: "why"} in f');
  });

  it('types the parameters of a key from its wording', () => {
    // @ts-expect-error assessSaved needs {file}
    expect(t('en', 'assessSaved')).toBe('Saved to {file}');
    // @ts-expect-error a key that is not in the catalogue does not compile
    expect(() => t('en', 'noSuchKey')).toThrow();
  });
});
