import type { Finding } from '../core/finding.js';
import type { Language } from '../i18n/language.js';
import { formatFinding } from '../i18n/messages.js';
import { NAMED_FAILURES } from '../i18n/gate-messages.js';

/**
 * What a diff says when some of its inputs had errors (docs/ci.md): their assessments were left
 * out, so a community may show as added or removed only because its file could not be read.
 */
export function inputErrorsHeadline(errors: number, lang: Language): string {
  return lang === 'id'
    ? `${errors} kesalahan pada masukan: penilaian dalam berkas tersebut tidak dibandingkan, jadi komunitasnya bisa tampak baru atau hilang. Perbaiki lalu jalankan lagi.`
    : `${errors} input error(s): the assessments in those files were left out, so their communities may show as added or removed. Fix them and run again.`;
}

/** The error lines themselves, the first NAMED_FAILURES of them and a count of the rest. */
export function inputErrorLines(errors: readonly Finding[], lang: Language): string[] {
  const lines = errors.slice(0, NAMED_FAILURES).map((finding) => formatFinding(finding, lang));
  if (errors.length > NAMED_FAILURES) lines.push(lang === 'id' ? `… dan ${errors.length - NAMED_FAILURES} lainnya.` : `… and ${errors.length - NAMED_FAILURES} more.`);
  return lines;
}
