import type { Section } from './wording.js';
import { FIELD } from './field.js';
import { FIELD_FINDINGS } from './field-findings.js';
import { FINDINGS } from './findings.js';
import { GATES } from './gates.js';
import { LABELS } from './labels.js';
import { RATINGS } from './ratings.js';
import { REPORT } from './report.js';
import { RULES } from './rules.js';
import { SCHEMA } from './schema.js';

/** The sections a command's output and findings use, loaded when a command runs (../catalogue.ts, loadCatalogue). */
export const COMMAND_SECTIONS = [LABELS, REPORT, RATINGS, FIELD, FINDINGS, FIELD_FINDINGS, GATES, RULES, SCHEMA] as const satisfies readonly Section[];
