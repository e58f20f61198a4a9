import type { Pair, YAMLMap } from 'yaml';
import { isScalar, isSeq, yaml } from '../../yaml-lib.js';
import type { ConsensusDraft } from '../../core/consensus.js';
import type { Language } from '../../i18n/language.js';
import { translator } from '../../i18n/catalogue.js';

export interface ConsensusYamlOptions {
  readonly tool: Language;
  /** How the file names its schema, relative to where it is written. */
  readonly schemaPath: string;
}

/**
 * A draft consensus as an assessment file (docs/ratings.md): the header, the merged answers in
 * rubric order, `# discuss: spread N` above every flagged answer and `# discuss: n/a against a
 * level` above one some raters called not applicable. The marker `discuss:` is the same in
 * every language, so it can be searched for; the words after it are in the reader's language.
 */
export function renderConsensusYaml(draft: ConsensusDraft, options: ConsensusYamlOptions): string {
  const labels = translator(options.tool);
  const answers: Record<string, Record<string, unknown>> = {};
  for (const { indicator, answer } of draft.answers) {
    answers[indicator] =
      answer.kind === 'na'
        ? { na: answer.reason, ...(answer.note ? { note: answer.note } : {}) }
        : { level: answer.level, ...(answer.note ? { note: answer.note } : {}), ...(answer.evidence?.length ? { evidence: [...answer.evidence] } : {}) };
  }
  const { Document, Scalar } = yaml();
  const doc = new Document({
    rubric: draft.rubric,
    community: { ...draft.community },
    period: draft.period,
    ...(draft.assessed !== undefined ? { assessed: draft.assessed } : {}),
    assessors: [...draft.assessors],
    rater: draft.rater,
    ...(draft.phase !== undefined ? { phase: draft.phase } : {}),
    answers,
  });
  const header = labels('ratings.draftHeader', { raters: draft.assessors.join(', '), community: `${draft.community.name} (${draft.community.id})`, period: draft.period });
  doc.commentBefore = ` yaml-language-server: $schema=${options.schemaPath}\n ${header}`;
  const root = doc.contents as YAMLMap;
  // Dates and periods quoted, as in the examples: a YAML 1.1 reader would take 2025-03-04 for a timestamp.
  for (const key of ['period', 'assessed']) {
    const value = root.get(key, true);
    if (isScalar(value)) value.type = Scalar.QUOTE_DOUBLE;
  }
  const assessors = root.get('assessors', true);
  if (isSeq(assessors)) assessors.flow = true;
  const keyed = (map: YAMLMap, key: string): Pair | undefined => map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair | undefined;
  if (draft.phaseDisagreement) {
    const phases = Object.entries(draft.phaseDisagreement).map(([rater, phase]) => `${rater} ${phase}`).join(', ');
    const answersKey = keyed(root, 'answers')?.key;
    if (isScalar(answersKey)) answersKey.commentBefore = ` ${labels('ratings.phaseDiffers', { phases })}`;
  }
  const answerMap = root.get('answers', true) as unknown as YAMLMap;
  for (const { indicator, spread, flagged, naDisputed } of draft.answers) {
    const notes = [...(flagged ? [labels('ratings.discussSpread', { spread: String(spread) })] : []), ...(naDisputed ? [labels('ratings.discussNa')] : [])];
    if (notes.length === 0) continue;
    const key = keyed(answerMap, indicator)?.key;
    if (isScalar(key)) key.commentBefore = notes.map((note) => ` ${note}`).join('\n');
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** `kelurahan-kemijen-2025.consensus.yaml`: the community name and period, plain ASCII. */
export function consensusFileName(draft: Pick<ConsensusDraft, 'community' | 'period'>, withId = false): string {
  const slug = (text: string): string =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const name = slug(draft.community.name) || slug(draft.community.id) || 'community';
  return `${[name, ...(withId ? [slug(draft.community.id)] : []), slug(draft.period)].filter((part) => part !== '').join('-')}.consensus.yaml`;
}
