import { translator } from '../../i18n/catalogue.js';
import { findingCodes, type FindingCode } from '../../i18n/messages.js';
import type { Language } from '../../i18n/language.js';

/** The rule ids of gate failures; finding codes are the other rule ids (docs/findings.md). */
export const GATE_RULES = {
  'fail-under': 'gate-fail-under',
  'not-ready': 'gate-not-ready',
  regression: 'gate-regression',
} as const;

export type RuleKind = 'input' | 'rubric' | 'assessment' | 'gate';

/** A rule id: a finding code or a gate's rule. */
export type RuleId = FindingCode | (typeof GATE_RULES)[keyof typeof GATE_RULES];

/**
 * What each rule is about (its SARIF tag). Every finding code needs one, so a code the catalogue
 * gains without a kind here, or without its `rule.CODE.title` and `.description` there
 * (src/i18n/catalogue/rules.ts), does not compile.
 */
const KINDS = {
  'path-not-found': 'input',
  'is-a-directory': 'input',
  'permission-denied': 'input',
  'unreadable-file': 'input',
  'binary-file': 'input',
  'empty-file': 'input',
  'no-content': 'input',
  'no-files': 'input',
  'glob-no-match': 'input',
  'duplicate-key': 'input',
  'yaml-syntax': 'input',
  'yaml-tag': 'input',
  'yaml-alias': 'input',
  'not-a-map': 'input',
  'unknown-key': 'input',
  'missing-key': 'input',
  'wrong-type': 'input',
  'answers-not-a-map': 'assessment',
  'not-allowed-value': 'input',
  'bad-format': 'input',
  'out-of-range': 'input',
  'empty-value': 'input',
  'duplicate-item': 'input',
  'wrong-shape': 'input',
  schema: 'input',
  'rubric-multiple-documents': 'rubric',
  'principle-file-not-found': 'rubric',
  'missing-language': 'rubric',
  'scale-not-contiguous': 'rubric',
  'duplicate-id': 'rubric',
  'unknown-pillar': 'rubric',
  'unknown-tag': 'rubric',
  'wrong-descriptor-count': 'rubric',
  'empty-pillar': 'rubric',
  'unknown-target': 'rubric',
  'level-needs-indicator': 'rubric',
  'indicator-needs-level': 'rubric',
  'criterion-level-out-of-range': 'rubric',
  'community-id-not-string': 'assessment',
  'bad-period': 'assessment',
  'unknown-rubric': 'assessment',
  'rubric-invalid': 'assessment',
  'rubric-id-mismatch': 'assessment',
  'rubric-version-mismatch': 'assessment',
  'unknown-phase': 'assessment',
  'unknown-indicator': 'assessment',
  'level-not-a-number': 'assessment',
  'level-not-whole': 'assessment',
  'level-out-of-range': 'assessment',
  'na-not-allowed': 'assessment',
  'na-needs-reason': 'assessment',
  'level-and-na': 'assessment',
  'answer-needs-level': 'assessment',
  'duplicate-assessment': 'assessment',
  'ratings-not-scored': 'assessment',
  'duplicate-community': 'assessment',
  'not-a-regular-file': 'input',
  'special-file-skipped': 'input',
  'file-too-large': 'input',
  'stdin-too-large': 'input',
  'yaml-too-deep': 'input',
  'yaml-collection-key': 'input',
  'too-many-documents': 'input',
  'more-findings': 'input',
  'rubric-path-unreadable': 'input',
  'not-finite': 'rubric',
  'too-few-items': 'rubric',
  'symlink-loop': 'input',
  [GATE_RULES['fail-under']]: 'gate',
  [GATE_RULES['not-ready']]: 'gate',
  [GATE_RULES.regression]: 'gate',
} as const satisfies Record<RuleId, RuleKind>;

export interface Rule {
  readonly id: string;
  readonly kind: RuleKind;
  readonly title: string;
  readonly description: string;
  /** The heading of this code in docs/findings.md (GitHub's anchor for `### code`). */
  readonly anchor: string;
}

/** Every rule: each finding code in catalogue order, then the three gates; titled and described in `lang`. */
export function allRules(lang: Language): readonly Rule[] {
  const say = translator(lang);
  const codes: readonly RuleId[] = [...findingCodes(), ...Object.values(GATE_RULES)];
  return codes.map((code) => ({ id: code, kind: KINDS[code], title: say(`rule.${code}.title`), description: say(`rule.${code}.description`), anchor: code }));
}

/** The rule ids, each with a title and description (docs/findings.md has a heading for each). */
export function describedRules(): readonly string[] {
  return Object.keys(KINDS);
}
