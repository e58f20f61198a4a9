import { closestMatch } from '../core/suggest.js';
import { fillLabel } from '../i18n/fill-label.js';
import { labelsFor } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';

/**
 * The error of `--group-by FIELD` when no assessment has the field (score and report): the fields
 * they have, and the closest of them when FIELD looks like a typo of it. Community fields are open
 * (docs/assessment-format.md), so only the data can tell which exist.
 */
export function unknownGroupField(field: string, fieldsSeen: Iterable<string>, language: Language): string {
  const labels = labelsFor(language);
  const fields = [...fieldsSeen];
  const message = fillLabel(labels.groupByUnknown, { field, fields: fields.join(', ') });
  const suggestion = closestMatch(field, fields);
  return suggestion === undefined ? message : `${message} ${fillLabel(labels.groupByDidYouMean, { suggestion })}`;
}
