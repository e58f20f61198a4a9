import type { DiffResult } from '../../core/diff-types.js';
import type { Rubric } from '../../core/model.js';
import type { SetStats } from '../../core/report-set.js';
import type { Language } from '../../i18n/language.js';
import { assessmentSection, type AssessmentView } from './assessment.js';
import { changeReportBody } from './change.js';
import { esc, IdMaker } from './html.js';
import { page } from './page.js';
import { setSummary } from './set.js';
import { t, translator } from '../../i18n/catalogue.js';

/** What every report page needs to know besides its data (docs/report.md). */
export interface ReportPageOptions {
  /** Language of the rubric's texts (the page's `lang`). */
  readonly lang: string;
  /** Language of the tool's labels. */
  readonly tool: Language;
  readonly version: string;
}

/** The report of one assessment: one page, every answer included. */
export function assessmentReport(view: AssessmentView, options: ReportPageOptions): string {
  const labels = translator(options.tool);
  const ids = new IdMaker();
  const generated = `<p class="generated">${esc(labels('report.generated', { version: options.version, files: view.file, rubric: `${view.result.rubric.id}@${view.result.rubric.version}` }))}</p>`;
  const section = assessmentSection(view, { ...options, ids, heading: 1, first: true });
  return page({ lang: options.lang, title: `${labels('report.reportTitle')}: ${view.result.community.name} · ${view.result.period}`, body: `${section}\n${generated}` });
}

export interface SetReportInput {
  readonly stats: SetStats;
  readonly rubric: Rubric;
  readonly groupBy: string | undefined;
  readonly sources: readonly string[];
  /** With `--each`: one compact section per community, in input order, made with `ids`. */
  readonly sections: readonly string[];
  /** The id maker the sections were made with, so the summary's chart ids do not collide with theirs. */
  readonly ids: IdMaker;
}

/** The report of a set: the summary, then (with `--each`) one page per community. */
export function setReportWithSections(input: SetReportInput, options: ReportPageOptions): string {
  const labels = translator(options.tool);
  const summary = setSummary(input.stats, { ...options, ids: input.ids, rubric: input.rubric, groupBy: input.groupBy, sources: input.sources });
  return page({ lang: options.lang, title: labels('report.setTitle', { count: input.stats.count.toLocaleString(t(options.tool, 'locale')) }), body: [summary, ...input.sections].join('\n') });
}

/** The report of a change between two sets, on the diff's core. */
export function changeReport(diff: DiffResult, rubric: Rubric | undefined, sources: { before: string; after: string }, options: ReportPageOptions): string {
  const labels = translator(options.tool);
  const ids = new IdMaker();
  const body = changeReportBody(diff, { ...options, ids, rubric, sources });
  const title = labels('report.changeTitle', { before: diff.periods.before.join(', ') || sources.before, after: diff.periods.after.join(', ') || sources.after });
  return page({ lang: options.lang, title, body });
}
