import { describe, expect, it } from 'vitest';
import {
  addDays,
  civilFromEpochDay,
  epochDayFromCivil,
  formatPlainDate,
  parsePlainDate,
  weekdayOf,
} from './plain-date.js';

describe('plain dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(parsePlainDate('1970-01-01')).toBe(0);
    // 1970..1999 = 30 years with 7 leap days; then Jan (31) + Feb 2000 (29).
    expect(parsePlainDate('2000-03-01')).toBe(30 * 365 + 7 + 31 + 29);
    expect(parsePlainDate('2028-02-29')).not.toBeNull();
    for (const bad of ['2027-02-29', '1900-02-29', '2027-13-01', '2027-04-31', '2027-00-10', '2027-3-1', ' 2027-03-01', '2027-03-01T00:00', '20270301', '']) {
      expect(parsePlainDate(bad), bad).toBeNull();
    }
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-01-01', 365)).toBe('2028-01-01');
    expect(() => addDays('2027-02-30', 1)).toThrow(RangeError);
  });

  it('knows the weekday, Sunday = 0', () => {
    expect(weekdayOf(0)).toBe(4); // 1970-01-01, a Thursday
    expect(weekdayOf(epochDayFromCivil(2027, 3, 1))).toBe(1); // Monday
    expect(weekdayOf(epochDayFromCivil(2027, 3, 28))).toBe(0); // Sunday
    expect(weekdayOf(epochDayFromCivil(1969, 12, 31))).toBe(3); // before the epoch
  });

  it('round-trips every day of a 400-year cycle', () => {
    const first = epochDayFromCivil(1800, 1, 1);
    const mismatches: number[] = [];
    for (let day = first; day < first + 146097; day++) {
      const { year, month, day: d } = civilFromEpochDay(day);
      if (epochDayFromCivil(year, month, d) !== day) mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
    expect(formatPlainDate(epochDayFromCivil(2027, 3, 9))).toBe('2027-03-09');
    expect(formatPlainDate(epochDayFromCivil(33, 1, 1))).toBe('0033-01-01');
  });
});
