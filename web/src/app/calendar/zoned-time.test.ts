import { describe, expect, it } from 'vitest';
import { addDays, formatDayHeading, formatHour, formatPeriod, formatTimeRange, isoWeekday, parseClock, stepDate, viewDates, wallTime, weekOf } from './zoned-time';

describe('wall-clock time in a zone', () => {
  it('reads the date and minutes of an instant on another zone’s clock', () => {
    expect(wallTime('2027-03-01T08:30:00Z', 'Europe/Berlin')).toEqual({ date: '2027-03-01', minutes: 9 * 60 + 30 });
    expect(wallTime('2027-03-01T08:30:00Z', 'Asia/Shanghai')).toEqual({ date: '2027-03-01', minutes: 16 * 60 + 30 });
    expect(wallTime('2027-03-01T03:00:00Z', 'America/New_York')).toEqual({ date: '2027-02-28', minutes: 22 * 60 });
    expect(wallTime('2027-03-01T00:00:00+01:00', 'Europe/Berlin')).toEqual({ date: '2027-03-01', minutes: 0 });
  });

  it('follows summer time: the same UTC hour is an hour later on the wall after the change', () => {
    expect(wallTime('2027-03-27T08:00:00Z', 'Europe/Berlin').minutes).toBe(9 * 60);
    expect(wallTime('2027-03-29T08:00:00Z', 'Europe/Berlin').minutes).toBe(10 * 60);
  });

  it('walks weeks Monday first, across months and years', () => {
    expect(weekOf('2027-03-04')).toEqual(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05', '2027-03-06', '2027-03-07']);
    expect(weekOf('2027-01-03')[0]).toBe('2026-12-28');
    expect(isoWeekday('2027-03-07')).toBe(7);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(stepDate('week', '2027-03-04', 1)).toBe('2027-03-11');
    expect(stepDate('day', '2027-03-01', -1)).toBe('2027-02-28');
    expect(viewDates('day', '2027-03-04')).toEqual(['2027-03-04']);
  });

  it('reads clock times, 24:00 as an end of day, and refuses others', () => {
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:30')).toBeNull();
    expect(parseClock('9:30')).toBeNull();
    expect(parseClock('09:75')).toBeNull();
  });

  it('formats hours, ranges and periods for each language', () => {
    expect(formatHour(9, 'en-GB')).toMatch(/^0?9:00$/);
    expect(formatHour(14, 'en-US')).toMatch(/^2:00\sPM$/);
    expect(formatTimeRange('2027-03-01T09:00:00+01:00', '2027-03-01T09:30:00+01:00', 'Europe/Berlin', 'en-GB')).toMatch(/^0?9:00\s*–\s*0?9:30$/);
    expect(formatTimeRange('2027-03-01T09:00:00+01:00', '2027-03-01T09:30:00+01:00', 'Asia/Shanghai', 'en-GB')).toMatch(/^16:00\s*–\s*16:30$/);
    expect(formatDayHeading('2027-03-01', 'en-GB')).toBe('Mon 1');
    expect(formatPeriod(weekOf('2027-03-01'), 'en-GB')).toMatch(/^1\s*–\s*7 March 2027$/);
    expect(formatPeriod(['2027-03-01'], 'zh-CN')).toBe('2027年3月1日星期一');
  });
});
