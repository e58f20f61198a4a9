import { describe, expect, it } from 'vitest';
import { AssessmentDocument } from '../../src/assess/assessment-document.js';

const ORDER = ['i.one', 'i.two', 'i.three', 'i.four'];

function parse(text: string): AssessmentDocument {
  const document = AssessmentDocument.parse(text);
  if (!document) throw new Error('not parsed');
  return document;
}

describe('AssessmentDocument', () => {
  it('builds a new file in the usual key order, whatever order the fields are set in', () => {
    const document = AssessmentDocument.create('mini@1.0.0');
    document.ensureAnswers();
    document.setCommunityId('0032010');
    document.setPhase('berdaya');
    document.setPeriod('2025');
    document.setAssessors(['A. Rahman']);
    document.setCommunityName('Sukaluyu');
    document.setRegion('Kota Bandung');
    document.setAnswer('i.three', { kind: 'level', level: 1 }, ORDER);
    document.setAnswer('i.one', { kind: 'na', reason: 'none here' }, ORDER);
    expect(document.toString()).toBe(`rubric: mini@1.0.0
community:
  id: "0032010"
  name: Sukaluyu
  region: Kota Bandung
period: "2025"
assessors: [A. Rahman]
phase: berdaya
answers:
  i.one: {na: none here}
  i.three: 1
`);
    expect(document.headerComplete).toBe(true);
  });

  it('changes a level in place, keeping its comment', () => {
    const document = parse('answers:\n  i.one: 1   # seen the minutes\n');
    document.setAnswer('i.one', { kind: 'level', level: 3 }, ORDER);
    expect(document.toString()).toBe('answers:\n  i.one: 3 # seen the minutes\n');
  });

  it('turns a level into {level, note} and back, and into {na}', () => {
    const document = parse('answers:\n  i.one: 1\n');
    document.setAnswer('i.one', { kind: 'level', level: 2, note: 'RW 01 only' }, ORDER);
    expect(document.toString()).toBe('answers:\n  i.one: {level: 2, note: RW 01 only}\n');
    document.setAnswer('i.one', { kind: 'na', reason: 'no RW' }, ORDER);
    expect(document.toString()).toBe('answers:\n  i.one: {na: no RW}\n');
    document.setAnswer('i.one', { kind: 'level', level: 0 }, ORDER);
    expect(document.toString()).toBe('answers:\n  i.one: {level: 0}\n');
  });

  it('keeps the further keys and comments of an answer written as a map', () => {
    const document = parse('answers:\n  i.one:\n    # from the visit\n    level: 1\n    evidence: [minutes]\n');
    document.setAnswer('i.one', { kind: 'level', level: 2, note: 'better' }, ORDER);
    expect(document.toString()).toBe('answers:\n  i.one:\n    # from the visit\n    level: 2\n    note: better\n    evidence: [minutes]\n');
  });

  it('writes a long note as a block map', () => {
    const document = parse('answers: {}\n');
    const note = 'Minutes of 2 March 2025 list 41 residents, 17 of them women; the lurah opened the meeting.';
    document.setAnswer('i.two', { kind: 'level', level: 2, note }, ORDER);
    expect(document.toString()).toBe(`answers:\n  i.two:\n    level: 2\n    note: ${note}\n`);
  });

  it('inserts a new answer after the last answer that the rubric puts before it', () => {
    const document = parse('answers:\n  i.four: 1\n  i.one: 1\n  custom: 3\n');
    document.setAnswer('i.two', { kind: 'level', level: 2 }, ORDER);
    expect(document.toString()).toBe('answers:\n  i.four: 1\n  i.one: 1\n  i.two: 2\n  custom: 3\n');
  });

  it('fills in a blank template field where it stands, keeping the comment after it', () => {
    const document = parse('community:\n  id: ""        # the village code\n  name: ""\nperiod: ""   # YYYY\nassessors: []\nanswers:\n  i.one:    # a level 0–4\n');
    expect(document.headerComplete).toBe(false);
    document.setCommunityId('3273011004');
    document.setCommunityName('Sukaluyu');
    document.setPeriod('2025');
    document.setAssessors([]);
    document.setAnswer('i.one', { kind: 'level', level: 2 }, ORDER);
    expect(document.toString()).toBe(
      'community:\n  id: "3273011004" # the village code\n  name: "Sukaluyu"\nperiod: "2025" # YYYY\nanswers:\n  i.one: 2 # a level 0–4\n',
    );
  });

  it('lets the evidence decide by removing the phase', () => {
    const document = parse('phase: mandiri # said the facilitator\nanswers: {}\n');
    document.setPhase(undefined);
    expect(document.toString()).toBe('answers: {}\n');
  });

  it('keeps the comments of a file that holds only comments', () => {
    const document = parse('# Sukaluyu 2025\n');
    document.setRubric('mini@1.0.0');
    expect(document.toString()).toBe('# Sukaluyu 2025\n\nrubric: mini@1.0.0\n');
  });

  it('fills stand-ins only into blank fields, never over a wrong value', () => {
    const blank = parse('community:\n  id: ""\nanswers:\n');
    expect(blank.withStandIns('p2kp').header).toMatchObject({ rubric: 'p2kp', communityId: 'stand-in', name: 'stand-in', period: '2000' });
    const wrong = parse('community: Sukaluyu\nperiod: 2025-13\n');
    expect(wrong.withStandIns('p2kp').toString()).toBe('rubric: p2kp\ncommunity: Sukaluyu\nperiod: 2025-13\nanswers: {}\n');
  });

  it('does not read a broken YAML text', () => {
    expect(AssessmentDocument.parse('a: [1,\n')).toBeUndefined();
    expect(AssessmentDocument.parse('- a list\n')).toBeUndefined();
  });
});
