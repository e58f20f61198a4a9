import { parseAllDocuments } from '../yaml-lib.js';
import { isError, type Finding } from '../core/finding.js';
import type { Answer, Rubric } from '../core/model.js';
import { SwadayaError } from '../errors.js';
import type { Language } from '../i18n/language.js';
import { formatFinding } from '../i18n/messages.js';
import { loadAssessmentText } from '../io/assessment-loader.js';
import { modelineForNewFile } from '../io/editor-settings.js';
import { RubricFinder, type RubricSearch } from '../io/rubric-finder.js';
import { requireRubric } from '../io/require-rubric.js';
import { readRegularFile } from '../io/safe-read.js';
import { decodeText } from '../io/yaml-source.js';
import { AssessmentDocument } from './assessment-document.js';
import { t } from '../i18n/catalogue.js';

/** The rubric `assess` uses when neither --rubric nor the file names one. */
export const DEFAULT_RUBRIC = 'p2kp';

export interface OpenedAssessment {
  /** True when the file already held an assessment (complete or not); false for a new, empty or comments-only file. */
  readonly resumed: boolean;
  readonly document: AssessmentDocument;
  readonly rubric: Rubric;
  readonly answers: Map<string, Answer>;
  /** Warnings to show before the interview, e.g. a rubric version that differs. */
  readonly warnings: readonly Finding[];
  /** The file's text as read ('' for a new file): what the first save checks for outside edits against. */
  readonly text: string;
}

export interface OpenOptions {
  /** The path as the user wrote it, used in messages and findings. */
  readonly shown: string;
  readonly rubricOverride: string | undefined;
  readonly tool: Language;
}

/**
 * Opens the file to interview into. A missing, empty or comments-only file starts a new
 * assessment. An existing one must be valid, except that fields an interrupted interview had
 * not filled in yet (community, period) may be blank: those are asked again. Any other error
 * is thrown with every finding, and the file is left untouched.
 */
export async function openAssessment(file: string, search: RubricSearch, options: OpenOptions): Promise<OpenedAssessment> {
  const { shown, rubricOverride, tool } = options;
  const finder = new RubricFinder(search);
  const reference = rubricOverride ?? DEFAULT_RUBRIC;
  // A regular file within the size limit, never a FIFO or a device (`assess /dev/zero` is refused).
  const read = await readRegularFile(file, shown);
  if (!(read instanceof Uint8Array) && read.code !== 'path-not-found') throw invalid([read], shown, tool);
  const text = read instanceof Uint8Array ? decodeText(shown, read) : '';
  if (typeof text !== 'string') throw invalid([text], shown, tool);

  const documents = parseAllDocuments(text);
  const count = Array.isArray(documents) ? documents.filter((doc) => doc.contents !== null || doc.errors.length > 0).length : 0;
  if (count > 1) throw new SwadayaError('multiple-assessments', t(tool, 'assessMultipleDocuments', { file: shown, count }));

  if (count === 0) {
    const { rubric } = await requireRubric(reference, search, tool);
    const name = `${rubric.id}@${rubric.version}`;
    const document = AssessmentDocument.parse(text) ?? AssessmentDocument.create(name);
    document.setRubric(name);
    const modeline = await modelineForNewFile(file);
    if (modeline !== undefined) document.setLeadingComment(modeline);
    return { resumed: false, document, rubric, answers: new Map(), warnings: [], text };
  }

  const result = await loadAssessmentText(shown, text, finder, { rubricOverride });
  const errors = result.findings.filter(isError);
  const warnings = result.findings.filter((finding) => !isError(finding));
  const document = AssessmentDocument.parse(text);
  const valid = result.assessments[0];
  if (valid && errors.length === 0 && document) {
    return { resumed: true, document, rubric: valid.rubric, answers: new Map(valid.assessment.answers), warnings, text };
  }
  // An interview interrupted before the header was complete leaves blank fields: resumable.
  if (document) {
    const standIn = rubricOverride === undefined ? DEFAULT_RUBRIC : 'stand-in';
    const probe = await loadAssessmentText(shown, document.withStandIns(standIn).toString(), finder, { rubricOverride });
    const loaded = probe.assessments[0];
    if (loaded && !probe.findings.some(isError)) {
      document.setRubric(`${loaded.rubric.id}@${loaded.rubric.version}`);
      return { resumed: true, document, rubric: loaded.rubric, answers: new Map(loaded.assessment.answers), warnings, text };
    }
  }
  throw invalid(errors, shown, tool);
}

function invalid(findings: readonly Finding[], shown: string, tool: Language): SwadayaError {
  const lines = findings.map((finding) => formatFinding(finding, tool));
  return new SwadayaError('invalid-assessment', lines.join('\n'), 2, t(tool, 'assessInvalidFile', { file: shown }));
}
