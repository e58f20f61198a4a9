import type { ChalkInstance } from 'chalk';
import { interviewSteps, isPeriod, missingIndicators, sameAnswer, splitAssessors, type InterviewStep } from '../core/interview.js';
import type { Answer, Rubric, Text } from '../core/model.js';
import { localize, type Language } from '../i18n/language.js';
import type { Choice, Prompter } from '../io/prompter.js';
import type { AssessmentDocument } from './assessment-document.js';
import { translator, type Translate } from '../i18n/catalogue.js';

export interface InterviewOptions {
  readonly prompter: Prompter;
  readonly rubric: Rubric;
  readonly document: AssessmentDocument;
  /** The answers the file holds; kept up to date as the interview goes. */
  readonly answers: Map<string, Answer>;
  /** Go through every answer (and the header), not only what is missing. */
  readonly review: boolean;
  /** The language of rubric texts. */
  readonly lang: string;
  readonly tool: Language;
  readonly colors: ChalkInstance;
  /** The period offered to a new assessment, e.g. the current year. */
  readonly defaultPeriod?: string | undefined;
  /** Saves the document to disk. Called after every header field and every answer. */
  readonly save: () => Promise<void>;
}

export interface InterviewOutcome {
  /** Indicators still without an answer (skipped, or never reached). */
  readonly missing: number;
}

const NOT_APPLICABLE = 'na';
const SKIP = 'skip';
type LevelChoice = number | typeof NOT_APPLICABLE | typeof SKIP;
const EVIDENCE_DECIDES = '';

/**
 * Runs the interview: the header when it is incomplete (or under review), then every indicator
 * to ask about, principle by principle. Every answer is saved before the next question.
 */
export async function runInterview(options: InterviewOptions): Promise<InterviewOutcome> {
  const { prompter, rubric, document, answers, tool } = options;
  const labels = translator(tool);
  let review = options.review;
  document.ensureAnswers();
  if (!review && document.headerComplete && missingIndicators(rubric, answers).length === 0) {
    const choices = [
      { value: false, name: labels('assessNo') },
      { value: true, name: labels('assessYes') },
    ];
    review = await prompter.select({ message: labels('assessAllAnswered', { total: rubric.indicators.length }), choices, default: false });
    if (!review) return { missing: 0 };
  }
  sayGuidance(options, labels);
  if (review || !document.headerComplete) await askHeader(options, labels);
  let principle: string | undefined;
  for (const step of interviewSteps(rubric, answers, review)) {
    if (step.principle.id !== principle) {
      principle = step.principle.id;
      sayPrinciple(step, options);
    }
    await askIndicator(step, options, labels);
  }
  return { missing: missingIndicators(rubric, answers).length };
}

async function askHeader(options: InterviewOptions, labels: Translate): Promise<void> {
  const { prompter, document, rubric, colors, save } = options;
  const header = document.header;
  const required = (value: string): true | string => (value.trim() === '' ? labels('assessRequired') : true);
  prompter.say(colors.bold(`── ${labels('assessCommunity')} ──`));

  const id = await prompter.input({ message: labels('assessCommunityId'), default: header.communityId, validate: required });
  document.setCommunityId(id.trim());
  await save();
  const name = await prompter.input({ message: labels('assessCommunityName'), default: header.name, validate: required });
  document.setCommunityName(name.trim());
  await save();
  const region = await prompter.input({ message: labels('assessRegion'), default: header.region });
  document.setRegion(region.trim());
  await save();
  const period = await prompter.input({
    message: labels('assessPeriod'),
    default: header.period ?? options.defaultPeriod,
    validate: (value) => (isPeriod(value.trim()) ? true : labels('assessBadPeriod')),
  });
  document.setPeriod(period.trim());
  await save();
  const assessors = await prompter.input({ message: labels('assessAssessors'), default: header.assessors.join(', ') });
  document.setAssessors(splitAssessors(assessors));
  await save();

  const phases: Choice<string>[] = [
    { value: EVIDENCE_DECIDES, name: labels('assessPhaseEvidence') },
    ...rubric.phases.map((phase) => ({ value: phase.id, name: text(phase.title, options) })),
  ];
  const known = header.phase !== undefined && phases.some((choice) => choice.value === header.phase);
  const phase = await prompter.select({ message: labels('assessPhase'), choices: phases, default: known ? header.phase : EVIDENCE_DECIDES });
  document.setPhase(phase === EVIDENCE_DECIDES ? undefined : phase);
  await save();
}

/** The rubric's guidance (how to choose a level), once, before the first question. */
function sayGuidance(options: InterviewOptions, labels: Translate): void {
  const { prompter, rubric, colors } = options;
  if (rubric.guidance === undefined) return;
  prompter.say(colors.bold(`── ${labels('guidance')} ──`));
  for (const line of localize(rubric.guidance, options.lang, rubric).trimEnd().split('\n')) prompter.say(line);
}

function sayPrinciple(step: InterviewStep, options: InterviewOptions): void {
  const { prompter, colors } = options;
  prompter.say('');
  prompter.say(colors.bold(`── ${text(step.principle.title, options)} ──`));
  if (step.principle.summary !== undefined) prompter.say(colors.dim(text(step.principle.summary, options)));
}

/** "Keterpaduan 3/6 · 14/30": the place in the principle, then in the whole rubric. */
export function progressText(step: InterviewStep, title: string): string {
  return `${title} ${step.indexInPrinciple}/${step.principleSize} · ${step.position}/${step.total}`;
}

async function askIndicator(step: InterviewStep, options: InterviewOptions, labels: Translate): Promise<void> {
  const { prompter, rubric, document, answers, colors } = options;
  const { indicator } = step;
  const current = answers.get(indicator.id);
  prompter.say('');
  prompter.say(colors.dim(`${progressText(step, text(step.principle.title, options))} · ${indicator.id}`));
  prompter.say(colors.bold(text(indicator.question, options)));
  if (indicator.evidence !== undefined) prompter.say(colors.dim(`${labels('evidence')}: ${text(indicator.evidence, options)}`));

  const choices: Choice<LevelChoice>[] = indicator.levels.map((descriptor, level) => {
    const label = `${level} ${text(rubric.scale[level]?.label, options)}`;
    // Typing a level's number chooses that level (not the choice at that position).
    return { value: level, name: `${label} — ${text(descriptor, options)}`, short: label, key: String(level) };
  });
  if (indicator.na) {
    const when = indicator.naWhen !== undefined ? ` — ${labels('naWhen')}: ${text(indicator.naWhen, options)}` : '';
    choices.push({ value: NOT_APPLICABLE, name: `${labels('assessNotApplicable')}${when}`, short: labels('assessNotApplicable') });
  }
  choices.push({ value: SKIP, name: labels('assessSkip') });
  const preselected: LevelChoice | undefined =
    current?.kind === 'level' ? current.level : current?.kind === 'na' ? NOT_APPLICABLE : options.review ? SKIP : undefined;
  const choice = await prompter.select({ message: labels('assessLevel'), choices, default: preselected });
  if (choice === SKIP) return;

  let answer: Answer;
  if (choice === NOT_APPLICABLE) {
    const reason = await prompter.input({
      message: labels('assessNaReason'),
      default: current?.kind === 'na' ? current.reason : undefined,
      validate: (value) => (value.trim() === '' ? labels('assessRequired') : true),
    });
    answer = { kind: 'na', reason: reason.trim(), note: current?.note };
  } else {
    const note = (await prompter.input({ message: labels('assessNote'), default: current?.note })).trim();
    answer = { kind: 'level', level: choice, note: note === '' ? undefined : note, evidence: current?.kind === 'level' ? current.evidence : undefined };
  }
  if (sameAnswer(current, answer)) return;
  document.setAnswer(indicator.id, answer, rubric.indicators.map((candidate) => candidate.id));
  answers.set(indicator.id, answer);
  await options.save();
}

/** A rubric text in the interview's language, on one line. */
function text(value: Text | undefined, options: Pick<InterviewOptions, 'lang' | 'rubric'>): string {
  return localize(value, options.lang, options.rubric).replace(/\s+/g, ' ').trim();
}
