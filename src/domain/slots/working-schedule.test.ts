import { describe, expect, it } from 'vitest';
import { parsePlainDate } from '../time/plain-date.js';
import type { DateOverride, WeeklyHours } from './types.js';
import { WorkingSchedule, mergeLocalIntervals } from './working-schedule.js';

const h = (hh: number, mm = 0) => hh * 60 + mm;
// Mon-Fri 09:00-12:00 and 13:00-17:00 (lunch break).
const weekly: WeeklyHours[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: h(9), end: h(12) },
  { weekday, start: h(13), end: h(17) },
]);
const day = (date: string) => parsePlainDate(date) as number;
const on = (overrides: DateOverride[], date: string) =>
  new WorkingSchedule(weekly, overrides).intervalsOn(day(date));

describe('working hours of a date', () => {
  it('uses the weekly hours of the weekday, breaks included', () => {
    expect(on([], '2027-03-01')).toEqual([{ start: h(9), end: h(12) }, { start: h(13), end: h(17) }]);
    expect(on([], '2027-03-06')).toEqual([]); // Saturday
  });

  it('gives no hours on a day off, other dates unchanged', () => {
    const off: DateOverride[] = [{ date: '2027-03-02', kind: 'off', intervals: [] }];
    expect(on(off, '2027-03-02')).toEqual([]);
    expect(on(off, '2027-03-03')).toHaveLength(2);
  });

  it('replaces the weekly hours with override hours', () => {
    const hours: DateOverride[] = [{ date: '2027-03-02', kind: 'hours', intervals: [{ start: h(14), end: h(16) }] }];
    expect(on(hours, '2027-03-02')).toEqual([{ start: h(14), end: h(16) }]);
    // Override hours can open a weekend day too.
    expect(on([{ date: '2027-03-06', kind: 'hours', intervals: [{ start: h(10), end: h(12) }] }], '2027-03-06')).toEqual([
      { start: h(10), end: h(12) },
    ]);
  });

  it('adds extra hours to the weekly ones, merging what overlaps or touches', () => {
    const extra: DateOverride[] = [
      { date: '2027-03-02', kind: 'extra', intervals: [{ start: h(11, 30), end: h(13) }] },
      { date: '2027-03-02', kind: 'extra', intervals: [{ start: h(18), end: h(19) }] },
    ];
    expect(on(extra, '2027-03-02')).toEqual([{ start: h(9), end: h(17) }, { start: h(18), end: h(19) }]);
  });

  it('combines several rows for one date the same way in any order', () => {
    const offAndExtra: DateOverride[] = [
      { date: '2027-03-02', kind: 'extra', intervals: [{ start: h(18), end: h(19) }] },
      { date: '2027-03-02', kind: 'off', intervals: [] },
    ];
    // 'off' drops the weekly hours; the extra hours are then the only hours.
    expect(on(offAndExtra, '2027-03-02')).toEqual([{ start: h(18), end: h(19) }]);
    expect(on([...offAndExtra].reverse(), '2027-03-02')).toEqual([{ start: h(18), end: h(19) }]);

    const hoursAndExtra: DateOverride[] = [
      { date: '2027-03-02', kind: 'hours', intervals: [{ start: h(8), end: h(10) }] },
      { date: '2027-03-02', kind: 'extra', intervals: [{ start: h(10), end: h(11) }] },
    ];
    expect(on(hoursAndExtra, '2027-03-02')).toEqual([{ start: h(8), end: h(11) }]);
    // 'hours' with no intervals is a day off too.
    expect(on([{ date: '2027-03-02', kind: 'hours', intervals: [] }], '2027-03-02')).toEqual([]);
  });

  it('ignores override rows whose date is not a date', () => {
    expect(on([{ date: '2027-02-30', kind: 'off', intervals: [] }], '2027-03-02')).toHaveLength(2);
  });

  it('merges and clips intervals into sorted disjoint ones', () => {
    expect(
      mergeLocalIntervals([
        { start: h(13), end: h(14) },
        { start: h(9), end: h(10) },
        { start: h(9, 30), end: h(11) },
        { start: h(12), end: h(12) },
        { start: h(23), end: 1500 },
      ]),
    ).toEqual([{ start: h(9), end: h(11) }, { start: h(13), end: h(14) }, { start: h(23), end: 1440 }]);
  });
});
