/**
 * XLSForm field names for indicator ids (docs/field-data.md, "Field names").
 *
 * Indicator ids may hold `.`, `-` and `_` and may start with a digit; XLSForm names must be XML
 * names, and ODK Central joins group and field names with `-`, so a `-` in a name would make an
 * export's headers ambiguous. The mapping is deterministic and reversible:
 * - a plain id (lowercase letter first, then letters and digits in runs joined by single `.` or `-`)
 *   becomes lowercase: `.` → `__`, `-` → `_`: `integration.joint-planning` → `integration__joint_planning`;
 * - any other id, or one whose plain name is reserved, becomes `X` + the id with `_D` for `.`,
 *   `_H` for `-`, `_U` for `_` (ids are lowercase, so an upper-case letter only ever comes from here).
 * The n/a reason and note fields append `___na` and `___note`: no indicator name holds `___`.
 */

const PLAIN_ID = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;
const PLAIN_NAME = /^[a-z][a-z0-9]*(_{1,2}[a-z0-9]+)*$/;
const ESCAPED_NAME = /^X([a-z0-9]|_[DHU])+$/;

/** Names of the form's own questions: no indicator is ever given one of them. */
export const METADATA_FIELDS = {
  communityId: 'community_id',
  communityName: 'community_name',
  region: 'community_region',
  period: 'period',
  assessors: 'assessors',
  phase: 'phase',
  location: 'location',
  start: 'start',
  end: 'end',
  deviceId: 'deviceid',
} as const;

const RESERVED = new Set<string>([...Object.values(METADATA_FIELDS), 'rubric', 'guidance', 'community', 'meta', 'instanceID', 'today', 'username']);

export const NA_REASON_SUFFIX = '___na';
export const NOTE_SUFFIX = '___note';

export function fieldNameOf(indicatorId: string): string {
  if (PLAIN_ID.test(indicatorId)) {
    const name = indicatorId.replaceAll('.', '__').replaceAll('-', '_');
    if (!RESERVED.has(name)) return name;
  }
  return `X${indicatorId.replace(/[._-]/g, (char) => (char === '.' ? '_D' : char === '-' ? '_H' : '_U'))}`;
}

/** The indicator id a field name stands for, or undefined when it is no indicator's name. */
export function indicatorIdOf(fieldName: string): string | undefined {
  if (PLAIN_NAME.test(fieldName) && !RESERVED.has(fieldName)) return fieldName.replaceAll('__', '.').replaceAll('_', '-');
  if (ESCAPED_NAME.test(fieldName)) {
    const id = fieldName.slice(1).replace(/_([DHU])/g, (_whole, code: string) => (code === 'D' ? '.' : code === 'H' ? '-' : '_'));
    // Only the name fieldNameOf gives: a plain id written escaped (and not reserved) is not a name of ours.
    return fieldNameOf(id) === fieldName ? id : undefined;
  }
  return undefined;
}

/** Group names of principles: principle ids are plain (`[a-z0-9][a-z0-9-]*`), so the same mapping serves. */
export function groupNameOf(principleId: string): string {
  return fieldNameOf(principleId);
}
