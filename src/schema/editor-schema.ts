import type { Indicator, Rubric, Text } from '../core/model.js';
import { GRADUATED } from '../core/model.js';
import { translator, type Translate } from '../i18n/catalogue.js';
import { localize, toolLanguage, type Language } from '../i18n/language.js';

/** A JSON Schema (draft-07) as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

const PERIOD = '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$';

/**
 * An assessment schema for one rubric, for editors running the YAML language server: it names
 * the rubric's indicator ids (a misspelt one is flagged), each indicator's levels (0..max), n/a
 * only where the rubric allows it, and the rubric's phases. It accepts what the CLI accepts
 * (README.md, "Formats"): a blank answer (`id:` with no value) is a missing answer,
 * `evidence` may be one string or a list. Only standard draft-07 keywords, so it compiles
 * under Ajv's strict mode with the options scripts/build.mjs uses for the shipped schemas.
 * `lang` is the language of the rubric's texts, `language` that of the schema's own descriptions
 * (the commands pass outputLanguage; by default the tool's language nearest to `lang`).
 */
export function assessmentSchemaFor(rubric: Rubric, lang: string, language: Language = toolLanguage(lang)): JsonSchema {
  const say = translator(language);
  const text = (value: Text | undefined): string => localize(value, lang, rubric).replace(/\s+/g, ' ').trim();
  const levels = rubric.scale.map((step) => `${step.level} ${text(step.label)}`).join(' · ');
  const answers: Record<string, JsonSchema> = {};
  for (const indicator of rubric.indicators) answers[indicator.id] = answerSchema(indicator, rubric.maxLevel, text, say);
  // The rubric's guidance (how to rate, docs/rubric-format.md) is shown with the answers, kept line by line.
  const guidance = rubric.guidance === undefined ? '' : `\n${localize(rubric.guidance, lang, rubric).trim()}`;
  const phases = [...rubric.phases.map((phase) => phase.id), GRADUATED];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: say('schema.title', { rubric: `${rubric.id}@${rubric.version}` }),
    description: say('schema.description', { title: text(rubric.title), id: rubric.id, levels }),
    type: 'object',
    required: ['rubric', 'community', 'period', 'answers'],
    additionalProperties: false,
    properties: {
      rubric: {
        type: 'string',
        pattern: '^[a-z0-9-]+(@[0-9A-Za-z.+-]+)?$',
        description: say('schema.rubric'),
        examples: [`${rubric.id}@${rubric.version}`],
      },
      community: {
        type: 'object',
        required: ['id', 'name'],
        properties: {
          id: { type: 'string', minLength: 1, description: say('schema.communityId') },
          name: { type: 'string', minLength: 1 },
          region: { type: 'string' },
        },
      },
      period: {
        description: say('schema.period'),
        type: ['string', 'integer'],
        pattern: PERIOD,
        minimum: 1000,
        maximum: 9999,
      },
      assessed: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: say('schema.assessed') },
      assessors: { type: 'array', items: { type: 'string', minLength: 1 } },
      rater: {
        type: 'string',
        minLength: 1,
        pattern: '\\S',
        description: say('schema.rater'),
      },
      source: {
        type: 'object',
        description: say('schema.source'),
        additionalProperties: false,
        properties: { tool: { type: 'string' }, instance: { type: 'string' }, submitted: { type: 'string' }, device: { type: 'string' }, location: { type: 'string' } },
      },
      phase: { enum: phases, description: say('schema.phase', { phases: phases.join(', ') }) },
      answers: {
        description: `${say('schema.answers')}${guidance}`,
        type: ['null', 'object'],
        additionalProperties: false,
        properties: answers,
      },
    },
  };
}

function answerSchema(indicator: Indicator, maxLevel: number, text: (value: Text | undefined) => string, say: Translate): JsonSchema {
  const level = { type: 'integer', minimum: 0, maximum: maxLevel };
  const properties: Record<string, JsonSchema> = {
    level,
    note: { type: 'string' },
    evidence: { type: ['string', 'array'], items: { type: 'string' } },
  };
  const naWhen = indicator.naWhen === undefined ? '' : ` ${say('schema.naWhen', { when: text(indicator.naWhen) })}`;
  if (indicator.na) properties.na = { type: 'string', pattern: '\\S', description: `${say('schema.na')}${naWhen}` };
  const descriptors = indicator.levels.map((descriptor, index) => `${index}: ${text(descriptor)}`).join('\n');
  // One schema with a type list rather than anyOf branches: editors then say "above the maximum
  // of 4" for `7`, not "incorrect type".
  return {
    description: `${text(indicator.question)}\n${descriptors}${indicator.na ? `\n${say('schema.naAnswer')}${naWhen}` : ''}`,
    type: ['null', 'integer', 'object'],
    minimum: 0,
    maximum: maxLevel,
    properties,
    additionalProperties: false,
    if: { type: 'object' },
    then: indicator.na ? { oneOf: [{ required: ['level'] }, { required: ['na'] }] } : { required: ['level'] },
  };
}
