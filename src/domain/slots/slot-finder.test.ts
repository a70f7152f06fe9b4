import { describe, expect, it } from 'vitest';
import { findStaffSlots, isSlotAvailable } from './slot-finder.js';
import type { SlotRules, StaffAvailability, WeeklyHours } from './types.js';

const h = (hh: number, mm = 0) => hh * 60 + mm;
const utc = (iso: string) => Date.parse(iso);
/** Slots as short UTC strings, e.g. 2027-03-01T08:00Z. */
const asUtc = (slots: number[]) => slots.map((ms) => new Date(ms).toISOString().replace(':00.000Z', 'Z'));
const LONG_AGO = utc('2027-01-01T00:00:00Z');

const weekdays = (start: number, end: number, days = [1, 2, 3, 4, 5]): WeeklyHours[] =>
  days.map((weekday) => ({ weekday, start, end }));

function staff(fields: Partial<StaffAvailability> = {}): StaffAvailability {
  return { staffId: 'ana', timeZone: 'Europe/Berlin', weekly: weekdays(h(9), h(17)), overrides: [], busy: [], ...fields };
}

function rules(fields: Partial<SlotRules> = {}): SlotRules {
  return {
    durationMin: 60,
    intervalMin: 60,
    bufferBeforeMin: 0,
    bufferAfterMin: 0,
    minimumNoticeMin: 0,
    maxAdvanceDays: null,
    ...fields,
  };
}

/** Monday 2027-03-01 in Berlin (CET, UTC+1), midnight to midnight. */
const MONDAY = { from: utc('2027-02-28T23:00:00Z'), to: utc('2027-03-01T23:00:00Z'), now: LONG_AGO };

describe('slots of one staff member', () => {
  it('offers slots through the working day, the last one ending at closing time', () => {
    const slots = findStaffSlots(staff({ weekly: weekdays(h(9), h(12)) }), rules(), MONDAY);
    expect(asUtc(slots)).toEqual(['2027-03-01T08:00Z', '2027-03-01T09:00Z', '2027-03-01T10:00Z']);
  });

  it('keeps slots out of a lunch break and off its edges', () => {
    const weekly = [...weekdays(h(9), h(12)), ...weekdays(h(13), h(15))];
    const slots = findStaffSlots(staff({ weekly }), rules({ intervalMin: 30 }), MONDAY);
    // Local 09:00 09:30 10:00 10:30 11:00 | 13:00 13:30 14:00 (each one hour long).
    expect(asUtc(slots)).toEqual([
      '2027-03-01T08:00Z',
      '2027-03-01T08:30Z',
      '2027-03-01T09:00Z',
      '2027-03-01T09:30Z',
      '2027-03-01T10:00Z',
      '2027-03-01T12:00Z',
      '2027-03-01T12:30Z',
      '2027-03-01T13:00Z',
    ]);
  });

  it('applies a day off, replaced hours and extra hours to their dates only', () => {
    const member = staff({
      weekly: weekdays(h(9), h(11)),
      overrides: [
        { date: '2027-03-02', kind: 'off', intervals: [] },
        { date: '2027-03-03', kind: 'extra', intervals: [{ start: h(17), end: h(18) }] },
        { date: '2027-03-04', kind: 'hours', intervals: [{ start: h(14), end: h(15) }] },
      ],
    });
    const slots = findStaffSlots(member, rules(), { ...MONDAY, to: utc('2027-03-05T23:00:00Z') });
    expect(asUtc(slots)).toEqual([
      '2027-03-01T08:00Z',
      '2027-03-01T09:00Z',
      '2027-03-03T08:00Z',
      '2027-03-03T09:00Z',
      '2027-03-03T16:00Z',
      '2027-03-04T13:00Z',
      '2027-03-05T08:00Z',
      '2027-03-05T09:00Z',
    ]);
  });

  it('removes every slot a booking overlaps, however the bookings arrive', () => {
    const busy = [
      { start: utc('2027-03-01T13:00:00Z'), end: utc('2027-03-01T14:00:00Z') }, // 14:00-15:00 local
      { start: utc('2027-03-01T09:30:00Z'), end: utc('2027-03-01T10:00:00Z') }, // 10:30-11:00
      { start: utc('2027-03-01T09:00:00Z'), end: utc('2027-03-01T09:45:00Z') }, // 10:00-10:45
    ];
    const slots = findStaffSlots(staff({ busy }), rules({ durationMin: 30, intervalMin: 30 }), MONDAY);
    // 16 half-hour slots minus local 10:00, 10:30, 14:00, 14:30; touching a booking is fine.
    expect(asUtc(slots)).toEqual([
      '2027-03-01T08:00Z',
      '2027-03-01T08:30Z',
      '2027-03-01T10:00Z',
      '2027-03-01T10:30Z',
      '2027-03-01T11:00Z',
      '2027-03-01T11:30Z',
      '2027-03-01T12:00Z',
      '2027-03-01T12:30Z',
      '2027-03-01T14:00Z',
      '2027-03-01T14:30Z',
      '2027-03-01T15:00Z',
      '2027-03-01T15:30Z',
    ]);
  });

  it('keeps buffers free of bookings but lets them reach outside working hours', () => {
    const busy = [{ start: utc('2027-03-01T09:00:00Z'), end: utc('2027-03-01T10:00:00Z') }]; // 10:00-11:00 local
    const slots = findStaffSlots(
      staff({ weekly: weekdays(h(9), h(13)), busy }),
      rules({ durationMin: 30, intervalMin: 30, bufferBeforeMin: 15, bufferAfterMin: 15 }),
      MONDAY,
    );
    // 09:00 (buffer from 08:45), then nothing whose buffers touch 10:00-11:00, then 11:30,
    // 12:00 and 12:30 (its buffer runs to 13:15, past closing).
    expect(asUtc(slots)).toEqual(['2027-03-01T08:00Z', '2027-03-01T10:30Z', '2027-03-01T11:00Z', '2027-03-01T11:30Z']);
  });

  it('offers nothing sooner than the minimum notice', () => {
    const now = utc('2027-03-01T08:10:00Z'); // 09:10 local
    const slots = findStaffSlots(staff(), rules({ minimumNoticeMin: 120 }), { ...MONDAY, now });
    expect(asUtc(slots)).toEqual([
      '2027-03-01T11:00Z',
      '2027-03-01T12:00Z',
      '2027-03-01T13:00Z',
      '2027-03-01T14:00Z',
      '2027-03-01T15:00Z',
    ]);
  });

  it('offers nothing further ahead than the advance limit, the limit itself included', () => {
    const now = utc('2027-03-01T08:00:00Z'); // 09:00 local
    const slots = findStaffSlots(
      staff({ weekly: weekdays(h(9), h(12)) }),
      rules({ maxAdvanceDays: 1 }),
      { from: now, to: utc('2027-03-06T00:00:00Z'), now },
    );
    expect(asUtc(slots)).toEqual(['2027-03-01T08:00Z', '2027-03-01T09:00Z', '2027-03-01T10:00Z', '2027-03-02T08:00Z']);
  });

  it('returns starts inside [from, to) only', () => {
    const query = { from: utc('2027-03-01T09:00:00Z'), to: utc('2027-03-01T10:00:00Z'), now: LONG_AGO };
    expect(asUtc(findStaffSlots(staff(), rules(), query))).toEqual(['2027-03-01T09:00Z']);
    expect(findStaffSlots(staff(), rules(), { ...query, to: query.from })).toEqual([]);
  });

  it('lays hours out in each staff member zone, half-hour offsets included', () => {
    const mondayOnly = weekdays(h(9), h(11), [1]);
    const week = { from: utc('2027-02-27T00:00:00Z'), to: utc('2027-03-06T00:00:00Z'), now: LONG_AGO };
    const halfHourly = rules({ durationMin: 30, intervalMin: 30 });
    expect(asUtc(findStaffSlots(staff({ timeZone: 'Asia/Kolkata', weekly: mondayOnly }), halfHourly, week))).toEqual([
      '2027-03-01T03:30Z',
      '2027-03-01T04:00Z',
      '2027-03-01T04:30Z',
      '2027-03-01T05:00Z',
    ]);
    expect(asUtc(findStaffSlots(staff({ timeZone: 'Asia/Shanghai', weekly: mondayOnly }), rules(), week))).toEqual([
      '2027-03-01T01:00Z',
      '2027-03-01T02:00Z',
    ]);
    expect(asUtc(findStaffSlots(staff({ timeZone: 'America/New_York', weekly: mondayOnly }), rules(), week))).toEqual([
      '2027-03-01T14:00Z',
      '2027-03-01T15:00Z',
    ]);
  });

  it('refuses unusable rules instead of looping forever', () => {
    expect(() => findStaffSlots(staff(), rules({ intervalMin: 0 }), MONDAY)).toThrow(/intervalMin/);
  });
});

describe('checking one start before booking it', () => {
  const busy = [{ start: utc('2027-03-01T09:00:00Z'), end: utc('2027-03-01T09:30:00Z') }];
  const member = staff({ busy });
  const halfHourly = rules({ durationMin: 30, intervalMin: 30 });

  it('accepts an offered start and refuses busy, off-grid or after-hours ones', () => {
    expect(isSlotAvailable(member, halfHourly, utc('2027-03-01T08:00:00Z'), LONG_AGO)).toBe(true);
    expect(isSlotAvailable(member, halfHourly, utc('2027-03-01T15:30:00Z'), LONG_AGO)).toBe(true); // 16:30-17:00
    expect(isSlotAvailable(member, halfHourly, utc('2027-03-01T09:00:00Z'), LONG_AGO)).toBe(false); // booked
    expect(isSlotAvailable(member, halfHourly, utc('2027-03-01T08:15:00Z'), LONG_AGO)).toBe(false); // off the grid
    expect(isSlotAvailable(member, halfHourly, utc('2027-03-01T16:00:00Z'), LONG_AGO)).toBe(false); // 17:00, closed
    expect(isSlotAvailable(member, halfHourly, utc('2027-03-06T08:00:00Z'), LONG_AGO)).toBe(false); // Saturday
  });

  it('refuses a start that the notice period has passed', () => {
    const now = utc('2027-03-01T07:45:00Z');
    expect(isSlotAvailable(member, rules({ minimumNoticeMin: 15 }), utc('2027-03-01T08:00:00Z'), now)).toBe(true);
    expect(isSlotAvailable(member, rules({ minimumNoticeMin: 30 }), utc('2027-03-01T08:00:00Z'), now)).toBe(false);
  });

  it('agrees with the slot list at every quarter hour of a week', () => {
    const query = { from: utc('2027-03-01T00:00:00Z'), to: utc('2027-03-08T00:00:00Z'), now: LONG_AGO };
    const bufferedRules = rules({ durationMin: 45, intervalMin: 30, bufferAfterMin: 15 });
    const offered = new Set(findStaffSlots(member, bufferedRules, query));
    const disagreements: string[] = [];
    for (let start = query.from; start < query.to; start += 15 * 60_000) {
      if (isSlotAvailable(member, bufferedRules, start, LONG_AGO) !== offered.has(start)) {
        disagreements.push(new Date(start).toISOString());
      }
    }
    // 15 a day (09:00..16:00 local); Monday's 10:00-10:30 booking blocks 09:30 and 10:00,
    // while 09:00 (with its buffer, until 10:00) only touches it.
    expect(offered.size).toBe(5 * 15 - 2);
    expect(disagreements).toEqual([]);
  });
});
