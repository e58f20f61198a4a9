import type { Finding } from '../../core/finding.js';
import type { TrendResult } from '../../core/trend.js';
import type { CsvOptions } from '../csv.js';
import type { DiffNames } from '../diff/report.js';

/** What a trend renderer is given: the trend, the names of its areas, and the errors in its inputs. */
export interface TrendReport extends CsvOptions {
  readonly trend: TrendResult;
  /** Principle titles and phase names in the chosen languages (the same rules as diff). */
  readonly names: DiffNames;
  /** Errors in the inputs: their assessments are not in the trend, and every format says so. */
  readonly inputErrors: readonly Finding[];
}
