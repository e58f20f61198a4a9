/** A period is YYYY, YYYY-MM or YYYY-MM-DD (README, "Formats"); a day must exist in its month. */
const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True for 2025, 2025-02 and 2024-02-29; false for 2025-02-30, 2025-13 or 14/08/2025. */
export function isPeriodText(value: string): boolean {
  const match = PERIOD.exec(value);
  if (!match) return false;
  if (match[3] === undefined) return true;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  return Number(match[3]) <= days;
}
