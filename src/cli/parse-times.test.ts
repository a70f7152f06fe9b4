import { describe, expect, it } from 'vitest';
import { parsePrice, parseWhole } from './parse-numbers.js';
import { parseClock, parseInterval, parseIntervals, parseWeek, parseWeekday, parseWeekdays } from './parse-times.js';
import { UsageError } from './usage-error.js';

describe('command-line times', () => {
  it('reads HH:MM as minutes after midnight, 24:00 as the end of the day', () => {
    expect(parseClock('09:00')).toBe(540);
    expect(parseClock('9:30')).toBe(570);
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('24:00')).toBe(1440);
  });

  it.each(['9', '09:60', '25:00', '24:01', '09h00', '', '-1:00'])('refuses "%s" as a time of day', (text) => {
    expect(() => parseClock(text)).toThrow(UsageError);
  });

  it('reads weekdays by short or full name or number, Sunday = 0', () => {
    expect(parseWeekday('sun')).toBe(0);
    expect(parseWeekday('Mon')).toBe(1);
    expect(parseWeekday('saturday')).toBe(6);
    expect(parseWeekday('3')).toBe(3);
    expect(() => parseWeekday('7')).toThrow(/not a weekday/);
    expect(() => parseWeekday('mo')).toThrow(UsageError);
  });

  it('expands ranges (also across the weekend) and lists', () => {
    expect(parseWeekdays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdays('fri-mon')).toEqual([0, 1, 5, 6]);
    expect(parseWeekdays('mon,wed,fri')).toEqual([1, 3, 5]);
    expect(parseWeekdays('sat')).toEqual([6]);
    expect(() => parseWeekdays('mon-tue-wed')).toThrow(UsageError);
    expect(() => parseWeekdays('')).toThrow(UsageError);
  });

  it('reads time ranges', () => {
    expect(parseInterval('09:00-12:00')).toEqual({ start: 540, end: 720 });
    expect(parseIntervals('10:00-14:00,15:00-16:00')).toEqual([
      { start: 600, end: 840 },
      { start: 900, end: 960 },
    ]);
    expect(() => parseInterval('09:00')).toThrow(/HH:MM-HH:MM/);
  });

  it('reads a compact week', () => {
    expect(parseWeek('mon-tue 09:00-12:00,13:00-17:00; sat 10:00-14:00')).toEqual([
      { weekday: 1, start: 540, end: 720 },
      { weekday: 1, start: 780, end: 1020 },
      { weekday: 2, start: 540, end: 720 },
      { weekday: 2, start: 780, end: 1020 },
      { weekday: 6, start: 600, end: 840 },
    ]);
    expect(() => parseWeek('mon-fri')).toThrow(/DAYS RANGES/);
  });
});

describe('command-line numbers', () => {
  it('reads whole numbers and prices in major units', () => {
    expect(parseWhole('30', '--duration')).toBe(30);
    expect(() => parseWhole('3.5', '--duration')).toThrow('--duration must be a whole number (got "3.5")');
    expect(parsePrice('35')).toBe(3500);
    expect(parsePrice('35.5')).toBe(3550);
    expect(parsePrice('0.05')).toBe(5);
    expect(() => parsePrice('35.555')).toThrow(UsageError);
    expect(() => parsePrice('-1')).toThrow(UsageError);
  });
});
