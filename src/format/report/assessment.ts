import type { Assessment, Rubric } from '../../core/model.js';
import type { CriterionResult, ScoreResult } from '../../core/result.js';
import { nextPhase } from '../../core/scoring.js';
import { localize, type Language } from '../../i18n/language.js';
import { showPercent, showScore } from '../numbers.js';
import { pathNotes } from '../score/path.js';
import { phaseTitle, targetTitle } from '../titles.js';
import { groupedBarChart, radarChart, type BarGroup, type RadarAxis } from './charts.js';
import { esc, figure, table, type Cell, type IdMaker } from './html.js';
import { t, translator } from '../../i18n/catalogue.js';

/** One scored assessment with what its page shows: the rubric's texts and the answers' notes and evidence. */
export interface AssessmentView {
  readonly file: string;
  readonly rubric: Rubric;
  readonly result: ScoreResult;
  readonly assessment: Assessment;
}

export interface ReportTextOptions {
  /** Language of the rubric's texts. */
  readonly lang: string;
  /** Language of the tool's labels. */
  readonly tool: Language;
  readonly ids: IdMaker;
}

const STATUS_MARK: Record<CriterionResult['status'], string> = { pass: '✔', fail: '✘', unknown: '?', na: '–' };

export function verdictBadge(verdict: ScoreResult['readiness']['verdict'], tool: Language): string {
  return `<span class="verdict verdict-${verdict}">${esc(t(tool, `verdict.${verdict}`))}</span>`;
}

/** The gate's minimum for a target (`principle:ID`, `pillar:ID`) in one phase's gate, if it has one. */
function thresholdOf(result: ScoreResult, phase: string, target: string): number | null {
  const gate = result.gates.find((candidate) => candidate.phase === phase);
  const found = gate?.criteria.filter((criterion) => criterion.kind === 'area' && criterion.target === target) ?? [];
  return found.length === 0 ? null : Math.max(...found.map((criterion) => criterion.threshold));
}

function facts(entries: readonly (readonly [string, string])[]): string {
  return `<dl class="facts">${entries.map(([term, html]) => `<div><dt>${esc(term)}</dt><dd>${html}</dd></div>`).join('')}</dl>`;
}

function header(view: AssessmentView, options: ReportTextOptions, level: 1 | 2, compact = false): string {
  const { result, rubric, assessment } = view;
  const { lang, tool } = options;
  const labels = translator(tool);
  const community = result.community;
  const region = typeof community.region === 'string' && community.region !== '' ? community.region : '—';
  const band = rubric.bands.find((candidate) => candidate.id === result.overall.band);
  // A compact page shows a phase by the short name before its title's dash: "Berdaya".
  const phaseName = (phase: string): string => {
    const title = phaseTitle(rubric, phase, lang, tool);
    return compact ? (title.split(' — ')[0] ?? title) : title;
  };
  const declared = result.phase.declared === null ? labels('report.notDeclared') : phaseName(result.phase.declared);
  const entries: [string, string][] = [
    [labels('report.community'), `${esc(community.name)} <span class="muted">(${esc(community.id)})</span>`],
    [labels('report.region'), esc(region)],
    [labels('report.period'), esc(result.period)],
    [labels('report.assessors'), esc(assessment.assessors.length > 0 ? assessment.assessors.join(', ') : '—')],
    [labels('report.declaredPhase'), esc(declared)],
    [labels('report.attainedPhase'), esc(phaseName(result.phase.attained))],
    [labels('report.verdict'), verdictBadge(result.readiness.verdict, tool)],
    [labels('report.readinessIndex'), esc(showScore(result.readiness.index, tool))],
    [labels('report.overall'), `${esc(showScore(result.overall.score, tool))}${band ? ` · ${esc(localize(band.label, lang, rubric))}` : ''}`],
    [labels('report.coverage'), esc(showPercent(result.overall.coverage))],
  ];
  if (assessment.assessed) entries.splice(4, 0, [labels('report.assessed'), esc(assessment.assessed)]);
  // A compact page names the community in its heading, and keeps the facts to two rows.
  const shown = compact ? entries.slice(1) : entries;
  const id = compact ? ` <span class="muted">(${esc(community.id)})</span>` : '';
  return `<h${level}>${esc(community.name)}${id} · ${esc(result.period)}</h${level}>${facts(shown)}`;
}

function radar(view: AssessmentView, options: ReportTextOptions): string {
  const { result, rubric } = view;
  const { lang, tool } = options;
  const labels = translator(tool);
  const gatePhase = result.readiness.path?.phase ?? result.phase.current;
  const axes: RadarAxis[] = result.principles.map((area) => ({
    label: targetTitle(rubric, `principle:${area.id}`, lang, tool),
    value: area.score,
    threshold: result.readiness.verdict === 'graduated' ? null : thresholdOf(result, gatePhase, `principle:${area.id}`),
  }));
  const phase = phaseTitle(rubric, gatePhase, lang, tool);
  const svg = radarChart({ lang: tool, id: options.ids.next('radar'), title: labels('report.radarTitle'), desc: labels('report.radarDesc', { count: axes.length, phase }) }, axes);
  const data = table({
    caption: labels('report.tableOf'),
    head: [labels('report.principle'), labels('report.score'), labels('report.threshold')],
    rows: axes.map((axis) => [axis.label, showScore(axis.value, tool), axis.threshold === null ? labels('report.noThreshold') : `≥ ${axis.threshold}`]),
    numeric: [1, 2],
    rowHeads: true,
  });
  return figure(labels('report.radarTitle'), svg, data, 'radar');
}

function pillars(view: AssessmentView, options: ReportTextOptions): string {
  const { result, rubric } = view;
  const { lang, tool } = options;
  const labels = translator(tool);
  const groups: BarGroup[] = rubric.phases.map((phase) => ({
    label: localize(phase.title, lang, rubric),
    bars: result.pillars
      .filter((pillar) => pillar.phase === phase.id)
      .map((pillar) => ({
        label: targetTitle(rubric, `pillar:${pillar.id}`, lang, tool),
        value: pillar.score,
        threshold: thresholdOf(result, phase.id, `pillar:${pillar.id}`),
      })),
  }));
  const svg = groupedBarChart({ lang: tool, id: options.ids.next('pillars'), title: labels('report.pillarTitle'), desc: labels('report.pillarDesc') }, groups);
  // The table groups the pillars by phase as the chart does: a heading row per phase.
  const phaseName = (group: BarGroup): string => group.label.split(' — ')[0] ?? group.label;
  const body = groups
    .map(
      (group) =>
        `<tr><th scope="colgroup" colspan="3" class="group">${esc(phaseName(group))}</th></tr>` +
        group.bars
          .map((bar) => `<tr><th scope="row">${esc(bar.label)}</th><td class="num">${esc(showScore(bar.value, tool))}</td><td class="num">${esc(bar.threshold === null ? labels('report.noThreshold') : `≥ ${bar.threshold}`)}</td></tr>`)
          .join(''),
    )
    .join('');
  const data = `<table><caption>${esc(labels('report.tableOf'))}</caption><thead><tr><th scope="col">${esc(labels('report.pillar'))}</th><th scope="col" class="num">${esc(labels('report.score'))}</th><th scope="col" class="num">${esc(labels('report.threshold'))}</th></tr></thead><tbody>${body}</tbody></table>`;
  return figure(labels('report.pillarTitle'), svg, data, 'pillars');
}

function checklist(view: AssessmentView, options: ReportTextOptions, openOnly = false): string {
  const { result, rubric } = view;
  const { lang, tool } = options;
  const labels = translator(tool);
  const phase = phaseTitle(rubric, result.phase.current, lang, tool);
  const shown = openOnly ? result.readiness.criteria.filter((criterion) => criterion.status === 'fail' || criterion.status === 'unknown') : result.readiness.criteria;
  const rows = shown.map((criterion): Cell[] => {
    const value =
      criterion.kind === 'level'
        ? criterion.value === null
          ? '—'
          : String(criterion.value)
        : `${showScore(criterion.value, tool)}${criterion.status === 'unknown' ? ` (${labels('report.coverage').toLowerCase()} ${showPercent(criterion.coverage)})` : ''}`;
    return [
      criterion.kind === 'level'
        ? { html: `${esc(targetTitle(rubric, criterion.target, lang, tool))} <span class="muted">(${esc(t(tool, 'report.indicatorLevel'))})</span>` }
        : { html: `${esc(targetTitle(rubric, criterion.target, lang, tool))}${openOnly ? '' : ` <span class="muted">${esc(criterion.target)}</span>`}` },
      { html: `${STATUS_MARK[criterion.status]} ${esc(t(tool, `status.${criterion.status}`))}`, className: `status status-${criterion.status}` },
      value,
      `≥ ${criterion.threshold}`,
      criterion.status === 'fail' ? showScore(criterion.gap, tool) : '',
    ];
  });
  const passing = result.readiness.criteria.length - shown.length;
  const rest = passing > 0 ? `<p class="muted">${esc(labels('report.otherCriteriaPass', { count: passing }))}</p>` : '';
  const list = rows.length > 0 ? table({ head: [labels('report.criterion'), labels('report.status'), labels('report.value'), labels('report.required'), labels('report.gap')], rows, numeric: [2, 3, 4], className: 'checklist' }) : '';
  return `<h3>${esc(labels('report.gateChecklist', { phase }))}</h3>${list}${rest}`;
}

/** The path to the next phase as an ordered list (docs/path.md). */
export function pathSection(view: Pick<AssessmentView, 'result' | 'rubric'>, options: Omit<ReportTextOptions, 'ids'>, limit?: number): string {
  const compact = limit !== undefined;
  const { result, rubric } = view;
  const { lang, tool } = options;
  const labels = translator(tool);
  const path = result.readiness.path;
  if (path === null) return `<h3>${esc(t(tool, 'verdict.graduated'))}</h3><p>${esc(labels('report.graduatedNote'))}</p>`;
  const destination = phaseTitle(rubric, nextPhase(rubric, path.phase), lang, tool);
  const count = path.blocked.length === 0 ? labels('report.stepsToReady', { steps: path.steps }) : labels('report.pathSteps', { steps: path.steps });
  const cut = compact && path.items.length > (limit ?? 0) ? ` <span class="muted">(${esc(labels('report.firstShown', { shown: limit ?? 0, count: path.items.length }))})</span>` : '';
  const out = [`<h3>${esc(labels('report.pathTitle', { phase: destination }))}: ${esc(count)}${cut}</h3>`];
  if (path.items.length === 0 && path.blocked.length === 0) out.push(`<p>${esc(labels('report.pathNone'))}</p>`);
  if (path.items.length > 0) {
    const shown = limit === undefined ? path.items : path.items.slice(0, limit);
    const items = shown.map((item) => {
      const indicator = rubric.indicators.find((candidate) => candidate.id === item.indicator);
      const from = item.from === null ? t(tool, 'report.notAnswered') : String(item.from);
      const moves = item.criteria.map((target) => targetTitle(rubric, target, lang, tool)).join(' · ');
      return (
        `<li><strong>${esc(indicator ? localize(indicator.question, lang, rubric) : item.indicator)}</strong> ` +
        `<span class="levels">${esc(item.indicator)} · ${esc(from)} → ${item.to}</span><br>→ ${esc(localize(item.action, lang, rubric))}` +
        (compact ? '' : `<br><span class="moves">${esc(labels('report.pathMoves'))}: ${esc(moves)}</span>`) +
        '</li>'
      );
    });
    out.push(`<ol class="path">${items.join('')}</ol>`);
  }
  for (const note of pathNotes(path, rubric, { lang, tool })) out.push(`<p class="note">${esc(note)}</p>`);
  return out.join('');
}

function answers(view: AssessmentView, options: ReportTextOptions): string {
  const { rubric, assessment } = view;
  const { lang, tool } = options;
  const labels = translator(tool);
  const out = [`<h3>${esc(labels('report.answers'))}</h3>`];
  for (const principle of rubric.principles) {
    const rows = principle.indicators.map((indicator): Cell[] => {
      const answer = assessment.answers.get(indicator.id);
      let given: string;
      let note = '';
      let evidence = '';
      if (answer === undefined) given = `<span class="status-unknown">${esc(labels('report.notAnswered'))}</span>`;
      else if (answer.kind === 'na') {
        given = `<span class="status-na">${esc(labels('report.notApplicable'))}</span>: ${esc(answer.reason)}`;
        note = answer.note ?? '';
      } else {
        const scale = rubric.scale.find((entry) => entry.level === answer.level);
        given = `<strong>${answer.level}</strong>${scale ? ` · ${esc(localize(scale.label, lang, rubric))}` : ''}`;
        note = answer.note ?? '';
        evidence = (answer.evidence ?? []).length > 0 ? `<ul>${(answer.evidence ?? []).map((item) => `<li>${esc(item)}</li>`).join('')}</ul>` : '';
      }
      return [
        { html: `<span class="muted">${esc(indicator.id)}</span><br>${esc(localize(indicator.question, lang, rubric))}` },
        { html: given },
        note,
        { html: evidence },
      ];
    });
    out.push(table({ caption: localize(principle.title, lang, rubric), head: [labels('report.question'), labels('report.answer'), labels('report.note'), labels('report.evidence')], rows, className: 'answers' }));
  }
  return out.join('');
}

/** How many path items a compact (one-page) section lists. */
export const COMPACT_PATH_ITEMS = 2;

/**
 * One community's section: header, radar, pillar bars, gate checklist, path, every answer.
 * `compact`: the one-page version of a set report's `--each` (docs/report.md): the charts side
 * by side, the first steps of the path, no answers; the community's own report has them all.
 */
export function assessmentSection(
  view: AssessmentView,
  options: ReportTextOptions & { readonly heading: 1 | 2; readonly first?: boolean; readonly compact?: boolean },
): string {
  const compact = options.compact === true;
  const charts = `<div class="charts">${radar(view, options)}${pillars(view, options)}</div>`;
  const parts = [header(view, options, options.heading, compact), charts];
  if (view.result.readiness.verdict !== 'graduated') parts.push(checklist(view, options, compact));
  parts.push(pathSection(view, options, compact ? COMPACT_PATH_ITEMS : undefined));
  if (!compact) parts.push(answers(view, options));
  const classes = ['community', options.first ? 'first' : '', compact ? 'compact' : ''].filter(Boolean).join(' ');
  return `<section class="${classes}" id="community-${esc(view.result.community.id)}-${esc(view.result.period)}">${parts.join('\n')}</section>`;
}
