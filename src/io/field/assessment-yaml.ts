import type { Answer } from '../../core/model.js';
import type { AssessmentSource, ImportedAssessment } from './submission.js';

/**
 * The text of an imported assessment file, in the layout of README "Formats" (block maps, one
 * answer a line, flow maps for answers with a note), headed by the schema modeline unless an editor
 * mapping covers the directory (`swadaya init`). Written directly rather than through the
 * yaml library's document model: an 84,000-row export writes 84,000 files. Every string that is
 * not plainly safe is double-quoted, JSON style, which YAML reads the same way.
 */
export function renderImportedAssessment(assessment: ImportedAssessment, modeline: string | undefined): string {
  const out: string[] = [];
  if (modeline !== undefined) out.push(`# ${modeline}`);
  out.push(`rubric: ${scalar(assessment.rubric)}`, 'community:');
  const { id, name, region, ...rest } = assessment.community;
  out.push(`  id: ${quoted(id)}`, `  name: ${scalar(name)}`);
  if (region !== undefined) out.push(`  region: ${scalar(region)}`);
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) out.push(`  ${key}: ${scalar(value)}`);
  out.push(`period: ${quoted(assessment.period)}`);
  if (assessment.assessed !== undefined) out.push(`assessed: ${quoted(assessment.assessed)}`);
  if (assessment.assessors.length > 0) out.push(`assessors: [${assessment.assessors.map(flowScalar).join(', ')}]`);
  if (assessment.rater !== undefined) out.push(`rater: ${scalar(assessment.rater)}`);
  if (assessment.phase !== undefined) out.push(`phase: ${scalar(assessment.phase)}`);
  const source = sourceText(assessment.source);
  if (source !== undefined) out.push(`source: ${source}`);
  if (assessment.answers.size === 0) out.push('answers: {}');
  else {
    out.push('answers:');
    for (const [indicator, answer] of assessment.answers) out.push(`  ${key(indicator)}: ${answerText(answer)}`);
  }
  return `${out.join('\n')}\n`;
}

function answerText(answer: Answer): string {
  const parts: string[] = [];
  if (answer.kind === 'level') {
    if (answer.note === undefined && answer.evidence === undefined) return String(answer.level);
    parts.push(`level: ${answer.level}`);
  } else parts.push(`na: ${flowScalar(answer.reason)}`);
  if (answer.note !== undefined) parts.push(`note: ${flowScalar(answer.note)}`);
  if (answer.kind === 'level' && answer.evidence !== undefined) parts.push(`evidence: [${answer.evidence.map(flowScalar).join(', ')}]`);
  return `{${parts.join(', ')}}`;
}

function sourceText(source: AssessmentSource | undefined): string | undefined {
  if (!source) return undefined;
  const parts = (['tool', 'instance', 'submitted', 'device', 'location'] as const)
    .filter((field) => source[field] !== undefined && source[field] !== '')
    .map((field) => `${field}: ${flowScalar(source[field]!)}`);
  return parts.length === 0 ? undefined : `{${parts.join(', ')}}`;
}

const SPECIAL = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', '~']);
/** Plain: starts with a letter (YAML's indicator characters only matter first), no `:`, `#`, flow punctuation or line break. */
const PLAIN_BLOCK = /^[A-Za-z\u00C0-\u024F][^:#\n\r\t\\{}[\],\u2028\u2029]*$/;
/** In a flow collection `,` `[` `]` `{` `}` end a plain scalar too. */
const PLAIN_FLOW = PLAIN_BLOCK;

function plain(value: string, pattern: RegExp): boolean {
  return pattern.test(value) && !value.endsWith(' ') && !SPECIAL.has(value.toLowerCase());
}

function scalar(value: string): string {
  return plain(value, PLAIN_BLOCK) ? value : quoted(value);
}

/** A string as it stands inside a flow map of a written file (`source: {instance: …}`). */
export function flowScalar(value: string): string {
  return plain(value, PLAIN_FLOW) ? value : quoted(value);
}

/** JSON's double-quoted string is a YAML double-quoted scalar; YAML also reads U+2028/2029 as line breaks. */
export function quoted(value: string): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (char) => (char === '\u2028' ? '\\u2028' : '\\u2029'));
}

function key(id: string): string {
  return /^[a-z][a-z0-9._-]*$/.test(id) ? id : quoted(id);
}
