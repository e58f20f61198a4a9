import { closestMatch } from '../core/suggest.js';
import { translator } from '../i18n/catalogue.js';
import type { Language } from '../i18n/language.js';

/**
 * The error of `--group-by FIELD` when no assessment has the field (score and report): the fields
 * they have, and the closest of them when FIELD looks like a typo of it. Community fields are open
 * (docs/assessment-format.md), so only the data can tell which exist.
 */
export function unknownGroupField(field: string, fieldsSeen: Iterable<string>, language: Language): string {
  const labels = translator(language);
  const fields = [...fieldsSeen];
  const message = labels('groupByUnknown', { field, fields: fields.join(', ') });
  const suggestion = closestMatch(field, fields);
  return suggestion === undefined ? message : `${message} ${labels('groupByDidYouMean', { suggestion })}`;
}
