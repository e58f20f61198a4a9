import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFast } from '../../src/io/fast-yaml.js';

/** What the exact parser (yaml, core schema) makes of a text. */
function exact(text: string): unknown[] {
  return parseAllDocuments(text, { uniqueKeys: true, resolveKnownTags: false, merge: false }).map((doc) => doc.toJS());
}

const scalar = fc.oneof(
  fc.constantFrom('3', '0', '4', '-1', '2.5', '1.0', '1e3', '0x1F', '0o17', '0b101', '+5', '+.5', '.inf', '-.Inf', '.NaN', '~', 'null', 'true', 'True', 'yes',
    '2025-08-14', '"3"', "'0012'", '0012', '1_000', '10:30', 'a # comment', '"a: b"', "'it''s'", '>-\n    folded\n    text', '|\n    kept\n    lines', '!!str 3', '&a 3', '*a', '[1, 2]', '{x: 1}'),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,()%-]{0,20}$/),
);
const key = fc.oneof(fc.constantFrom('integration.joint-planning', 'level', 'na', 'note', 'id', '1', 'true', '"quoted key"', '<<', '__proto__'), fc.stringMatching(/^[a-z][a-z0-9.-]{0,12}$/));
const document = fc.array(fc.tuple(key, fc.oneof(scalar, fc.array(fc.tuple(key, scalar), { minLength: 1, maxLength: 3 }))), { minLength: 1, maxLength: 6 }).map((pairs) =>
  pairs
    .map(([name, value]) => (Array.isArray(value) ? `${name}:\n${value.map(([k, v]) => `  ${k}: ${v}`).join('\n')}` : `${name}: ${value}`))
    .join('\n'),
);

describe('parseFast', () => {
  it('reads a plain assessment like the exact parser', () => {
    const text = 'rubric: p2kp@1.0.0\ncommunity: {id: "0012", name: Kel. Satu}\nperiod: 2025\nanswers:\n  a: 3\n  b: {level: 2, note: "x: y"}\n  c: {na: none here}\n';
    expect(parseFast(text)).toEqual(exact(text));
  });

  it('leaves tags, anchors, merge keys and empty documents to the exact parser', () => {
    for (const text of ['a: !!str 3\n', 'a: &x 1\nb: *x\n', '<<: {a: 1}\n', 'a: 1\n---\n', '# only a comment\n', 'a: 0b11\n', 'a: 1\na: 2\n', '%YAML 1.1\n---\na: 1\n']) {
      expect(parseFast(text)).toBeUndefined();
    }
  });

  it('whenever it answers, answers exactly what the exact parser reads', () => {
    fc.assert(
      fc.property(fc.array(document, { minLength: 1, maxLength: 3 }), (documents) => {
        const text = `${documents.join('\n---\n')}\n`;
        const fast = parseFast(text);
        if (fast === undefined) return;
        const reference = parseAllDocuments(text, { uniqueKeys: true, resolveKnownTags: false, merge: false });
        expect(reference.flatMap((doc) => [...doc.errors, ...doc.warnings].map((problem) => problem.code))).toEqual([]);
        expect(fast).toEqual(reference.map((doc) => doc.toJS()));
      }),
      { numRuns: 1000 },
    );
  });
});
