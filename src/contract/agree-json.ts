import type { AgreementReport } from '../core/agree.js';
import { VERSION } from '../version.js';
import { round4 } from './rounding.js';

/** Alpha and kappa in output: 4 decimals, null where undefined (docs/ratings.md). */
export function roundStatistic(value: number | null): number | null {
  return value === null ? null : round4(value);
}

/** The JSON contract `swadaya/agree@1` (schemas/agree.schema.json, docs/ratings.md). */
export function agreeJson(report: AgreementReport): Record<string, unknown> {
  return {
    schema: 'swadaya/agree@1',
    tool: { name: 'swadaya', version: VERSION },
    metric: 'ordinal',
    flag: report.flag,
    alpha: {
      overall: roundStatistic(report.alpha.overall),
      principles: Object.fromEntries(report.alpha.principles.map((entry) => [entry.id, roundStatistic(entry.alpha)])),
      units: report.alpha.units,
      values: report.alpha.values,
    },
    pairs: report.pairs.map((pair) => ({ raters: [...pair.raters], alpha: roundStatistic(pair.alpha), units: pair.units })),
    kappa: roundStatistic(report.kappa),
    groups: report.groups.map((group) => ({
      community: { id: group.community.id, name: group.community.name },
      period: group.period,
      raters: [...group.raters],
      rubric: `${group.rubric.id}@${group.rubric.version}`,
      files: [...group.files],
      alpha: roundStatistic(group.alpha),
      flagged: group.flagged.map((row) => ({ indicator: row.indicator, principle: row.principle, levels: { ...row.levels }, spread: row.spread })),
      indicators: group.indicators.map((row) => ({ ...row, levels: { ...row.levels } })),
    })),
  };
}
