import type { AgreementReport } from '../../core/agree.js';
import type { CsvOptions } from '../csv.js';

/** What an agree renderer is given: the agreement, and the CSV layout (--excel …) that only the csv renderer reads. */
export type AgreeReport = AgreementReport & CsvOptions;
