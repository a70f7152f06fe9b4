/**
 * Calendar dates without a time or zone (`YYYY-MM-DD`), proleptic Gregorian.
 * Internally a date is an EpochDay: whole days since 1970-01-01, so "next day" is `+ 1`
 * and a local date's midnight, read as if it were UTC, is `epochDay * MS_PER_DAY`.
 */

/** Days since 1970-01-01 (may be negative). */
export type EpochDay = number;

/** Weekday of a date: 0 = Sunday .. 6 = Saturday. */
export type Weekday = number;

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Epoch day of a civil date. Years are counted from March so that the leap day is the last
 * day of the counting year; 400-year eras repeat exactly (146097 days).
 */
export function epochDayFromCivil(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  // 719468 = days from 0000-03-01 to 1970-01-01.
  return era * 146097 + dayOfEra - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The inverse of epochDayFromCivil. */
export function civilFromEpochDay(epochDay: EpochDay): CivilDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Strictly parses `YYYY-MM-DD` (a real calendar date, nothing before or after); null if not. */
export function parsePlainDate(text: string): EpochDay | null {
  const match = PLAIN_DATE.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return epochDayFromCivil(year, month, day);
}

/** Like parsePlainDate, for input that must already be valid. */
export function requirePlainDate(text: string): EpochDay {
  const day = parsePlainDate(text);
  if (day === null) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  return day;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function formatPlainDate(epochDay: EpochDay): string {
  const { year, month, day } = civilFromEpochDay(epochDay);
  if (year < 0 || year > 9999) throw new RangeError(`Year ${year} is outside 0000-9999`);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The date `days` calendar days after `date` (negative goes back), as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return formatPlainDate(requirePlainDate(date) + days);
}

/** 1970-01-01 was a Thursday (4). */
export function weekdayOf(epochDay: EpochDay): Weekday {
  return (((epochDay + 4) % 7) + 7) % 7;
}
