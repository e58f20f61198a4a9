import type { Finding } from '../../core/finding.js';
import type { TrendResult } from '../../core/trend.js';
import type { CsvStyle } from '../csv.js';
import type { DiffNames } from '../diff/report.js';

/** What a trend renderer is given: the trend, the names of its areas, and the errors in its inputs. */
export interface TrendReport {
  readonly trend: TrendResult;
  /** Principle titles and phase names in the chosen languages (the same rules as diff). */
  readonly names: DiffNames;
  /** Errors in the inputs: their assessments are not in the trend, and every format says so. */
  readonly inputErrors: readonly Finding[];
  /** --csv-raw: CSV cells exactly as the data, formula prefixes not neutralised. */
  readonly csvRaw?: boolean | undefined;
  /** The CSV's separators and byte order mark (--excel …). */
  readonly csv?: CsvStyle | undefined;
}
