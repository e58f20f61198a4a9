import type { Answer } from '../core/model.js';
import type { AssessmentDocument } from './assessment-document.js';

export type OutsideEditMerge =
  | { readonly kind: 'merged'; readonly document: AssessmentDocument; readonly theirs: readonly string[]; readonly answers: readonly string[] }
  | { readonly kind: 'conflict'; readonly keys: readonly string[] };

const slotName = (slot: string): string => slot.replace('\u0000', '.');

/**
 * Merges an edit made to the file outside the interview (`theirs`, against `base`, the text
 * last saved) with the interview's own change (`ours`), key by key: top-level keys, and each
 * key of community and answers. Keys only one side changed are taken from that side; a key
 * both changed differently is a conflict. Pure: no fs.
 */
export function mergeOutsideEdit(base: AssessmentDocument, theirs: AssessmentDocument, ours: AssessmentDocument): OutsideEditMerge {
  const before = base.slotValues();
  const outside = theirs.slotValues();
  const inside = ours.slotValues();
  const slots = new Set([...before.keys(), ...outside.keys(), ...inside.keys()]);
  const conflicts: string[] = [];
  const ourChanges: string[] = [];
  const theirChanges: string[] = [];
  for (const slot of slots) {
    const was = before.get(slot);
    const their = outside.get(slot);
    const our = inside.get(slot);
    if (their !== was) theirChanges.push(slot);
    if (our === was) continue;
    if (their !== was && their !== our) conflicts.push(slotName(slot));
    else ourChanges.push(slot);
  }
  if (conflicts.length > 0) return { kind: 'conflict', keys: conflicts };
  const merged = theirs.clone();
  // A map (community, answers) before its keys.
  for (const slot of ourChanges.sort((a, b) => a.split('\u0000').length - b.split('\u0000').length)) merged.copySlot(ours, slot);
  const answers = theirChanges.filter((slot) => slot.startsWith('answers\u0000')).map((slot) => slot.slice('answers\u0000'.length));
  return { kind: 'merged', document: merged, theirs: theirChanges.map(slotName), answers };
}

/** An answer as the file holds it, read as the interview keeps it; 'invalid' for anything the loader would reject. */
export function answerFromValue(value: unknown, maxLevel: number, allowsNa: boolean): Answer | undefined | 'invalid' {
  const level = (candidate: unknown): candidate is number => typeof candidate === 'number' && Number.isInteger(candidate) && candidate >= 0 && candidate <= maxLevel;
  if (value === null || value === undefined) return undefined;
  if (level(value)) return { kind: 'level', level: value };
  if (typeof value !== 'object' || Array.isArray(value)) return 'invalid';
  const record = value as Record<string, unknown>;
  const note = typeof record.note === 'string' ? record.note : undefined;
  if ('na' in record) {
    return allowsNa && typeof record.na === 'string' && record.na.trim() !== '' && !('level' in record) ? { kind: 'na', reason: record.na, note } : 'invalid';
  }
  if (!level(record.level)) return 'invalid';
  const evidence = typeof record.evidence === 'string' ? [record.evidence] : Array.isArray(record.evidence) ? record.evidence.filter((item): item is string => typeof item === 'string') : undefined;
  return { kind: 'level', level: record.level, note, evidence };
}
