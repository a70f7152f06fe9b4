import { describe, expect, it } from 'vitest';
import { findStaffSlots, isSlotAvailable } from './slot-finder.js';
import type { DateOverride, SlotRules, StaffAvailability } from './types.js';

/**
 * Daylight-saving behaviour. Berlin 2027: clocks jump 02:00 -> 03:00 on Sunday 28 March and
 * go back 03:00 -> 02:00 on Sunday 31 October. New York: 14 March and 7 November.
 * Lord Howe moves by only 30 minutes: back 02:00 -> 01:30 on 4 April, ahead 02:00 -> 02:30
 * on 3 October. Expected instants were worked out by hand from these offsets.
 */
const h = (hh: number, mm = 0) => hh * 60 + mm;
const utc = (iso: string) => Date.parse(iso);
const asUtc = (slots: number[]) => slots.map((ms) => new Date(ms).toISOString().replace(':00.000Z', 'Z'));
const LONG_AGO = utc('2027-01-01T00:00:00Z');

function rules(durationMin: number, intervalMin: number): SlotRules {
  return { durationMin, intervalMin, bufferBeforeMin: 0, bufferAfterMin: 0, minimumNoticeMin: 0, maxAdvanceDays: null };
}

/** Someone who works only the given local hours of one date. */
function nightShift(timeZone: string, date: string, start: number, end: number): StaffAvailability {
  const overrides: DateOverride[] = [{ date, kind: 'hours', intervals: [{ start, end }] }];
  return { staffId: 'nina', timeZone, weekly: [], overrides, busy: [] };
}

/** Wide enough around a date for any zone. */
const around = (date: string) => ({
  from: utc(`${date}T00:00:00Z`) - 2 * 86_400_000,
  to: utc(`${date}T00:00:00Z`) + 2 * 86_400_000,
  now: LONG_AGO,
});

describe('working hours across daylight-saving changes', () => {
  const officeHours: StaffAvailability = {
    staffId: 'ana',
    timeZone: 'Europe/Berlin',
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: h(9), end: h(17) })),
    overrides: [],
    busy: [],
  };

  it('keeps 09:00-17:00 local on both sides of both changes, no slot doubled or lost', () => {
    const query = { from: utc('2027-03-22T00:00:00Z'), to: utc('2027-11-06T00:00:00Z'), now: LONG_AGO };
    const slots = findStaffSlots(officeHours, rules(60, 60), query);
    expect(slots).toHaveLength(165 * 8); // 165 weekdays from Mon 22 March to Fri 5 November
    expect(slots.every((start, i) => i === 0 || start > (slots[i - 1] as number))).toBe(true);
    const on = (date: string) => asUtc(slots).filter((s) => s.startsWith(date));
    expect(on('2027-03-26')[0]).toBe('2027-03-26T08:00Z'); // Fri, 09:00 CET
    expect(on('2027-03-26').at(-1)).toBe('2027-03-26T15:00Z');
    expect(on('2027-03-29')[0]).toBe('2027-03-29T07:00Z'); // Mon, 09:00 CEST
    expect(on('2027-03-29').at(-1)).toBe('2027-03-29T14:00Z');
    expect(on('2027-10-29')[0]).toBe('2027-10-29T07:00Z'); // Fri, 09:00 CEST
    expect(on('2027-11-01')[0]).toBe('2027-11-01T08:00Z'); // Mon, 09:00 CET
    expect(on('2027-11-01')).toHaveLength(8);
  });

  it('does the same in New York, whose clocks change on other dates', () => {
    const member = { ...officeHours, timeZone: 'America/New_York' };
    const query = { from: utc('2027-03-12T00:00:00Z'), to: utc('2027-11-09T00:00:00Z'), now: LONG_AGO };
    const slots = asUtc(findStaffSlots(member, rules(60, 60), query));
    expect(slots.filter((s) => s.startsWith('2027-03-12'))[0]).toBe('2027-03-12T14:00Z'); // 09:00 EST
    expect(slots.filter((s) => s.startsWith('2027-03-15'))[0]).toBe('2027-03-15T13:00Z'); // 09:00 EDT
    expect(slots.filter((s) => s.startsWith('2027-11-05'))[0]).toBe('2027-11-05T13:00Z'); // 09:00 EDT
    expect(slots.filter((s) => s.startsWith('2027-11-08'))[0]).toBe('2027-11-08T14:00Z'); // 09:00 EST
  });
});

describe('night shifts on the night clocks spring forward (Berlin, 28 March)', () => {
  const night = (start: number, end: number) => nightShift('Europe/Berlin', '2027-03-28', start, end);

  it('skips starts at local times that do not exist, 00:00-04:00 being three real hours', () => {
    const slots = findStaffSlots(night(h(0), h(4)), rules(30, 30), around('2027-03-28'));
    // 00:00 00:30 01:00 01:30 CET, (02:00 and 02:30 do not exist), 03:00 03:30 CEST.
    expect(asUtc(slots)).toEqual([
      '2027-03-27T23:00Z',
      '2027-03-27T23:30Z',
      '2027-03-28T00:00Z',
      '2027-03-28T00:30Z',
      '2027-03-28T01:00Z',
      '2027-03-28T01:30Z',
    ]);
  });

  it('ends hours that stop inside the gap at the jump', () => {
    const slots = findStaffSlots(night(h(0), h(2, 30)), rules(30, 30), around('2027-03-28'));
    expect(asUtc(slots)).toEqual(['2027-03-27T23:00Z', '2027-03-27T23:30Z', '2027-03-28T00:00Z', '2027-03-28T00:30Z']);
  });

  it('starts hours that begin inside the gap at the first real time, keeping their grid', () => {
    expect(asUtc(findStaffSlots(night(h(2, 30), h(5)), rules(30, 30), around('2027-03-28')))).toEqual([
      '2027-03-28T01:00Z', // 03:00 CEST
      '2027-03-28T01:30Z',
      '2027-03-28T02:00Z',
      '2027-03-28T02:30Z', // 04:30-05:00
    ]);
    // On a one-hour grid from 02:30 the first real start is 03:30.
    expect(asUtc(findStaffSlots(night(h(2, 30), h(5)), rules(60, 60), around('2027-03-28')))).toEqual([
      '2027-03-28T01:30Z',
    ]);
  });

  it('offers 23 hourly slots over the whole 23-hour day', () => {
    expect(findStaffSlots(night(h(0), h(24)), rules(60, 60), around('2027-03-28'))).toHaveLength(23);
  });
});

describe('night shifts on the night clocks fall back (Berlin, 31 October)', () => {
  const night = (start: number, end: number) => nightShift('Europe/Berlin', '2027-10-31', start, end);

  it('offers each local start once, 00:00-03:00 being four real hours', () => {
    const halfHourly = findStaffSlots(night(h(0), h(3)), rules(30, 30), around('2027-10-31'));
    // 00:00 .. 02:30 CEST; the repeated 02:00-03:00 CET is not offered a second time.
    expect(asUtc(halfHourly)).toEqual([
      '2027-10-30T22:00Z',
      '2027-10-30T22:30Z',
      '2027-10-30T23:00Z',
      '2027-10-30T23:30Z',
      '2027-10-31T00:00Z',
      '2027-10-31T00:30Z',
    ]);
    const hourly = findStaffSlots(night(h(0), h(3)), rules(60, 60), around('2027-10-31'));
    expect(asUtc(hourly)).toEqual(['2027-10-30T22:00Z', '2027-10-30T23:00Z', '2027-10-31T00:00Z']);
  });

  it('ends hours that stop at a repeated time the first time the clock shows it', () => {
    const slots = findStaffSlots(night(h(0), h(2, 30)), rules(60, 30), around('2027-10-31'));
    // Ends at 02:30 CEST: the 02:00 CEST start would run to 03:00 CEST.
    expect(asUtc(slots)).toEqual(['2027-10-30T22:00Z', '2027-10-30T22:30Z', '2027-10-30T23:00Z', '2027-10-30T23:30Z']);
  });

  it('books the first pass of a repeated hour, not the second', () => {
    const member = night(h(0), h(3));
    expect(isSlotAvailable(member, rules(60, 60), utc('2027-10-31T00:00:00Z'), LONG_AGO)).toBe(true); // 02:00 CEST
    expect(isSlotAvailable(member, rules(60, 60), utc('2027-10-31T01:00:00Z'), LONG_AGO)).toBe(false); // 02:00 CET
  });
});

describe('Lord Howe Island, whose clocks move by 30 minutes', () => {
  it('offers each local start once when 01:30-02:00 repeats (4 April)', () => {
    const member = nightShift('Australia/Lord_Howe', '2027-04-04', h(0), h(3));
    expect(asUtc(findStaffSlots(member, rules(30, 30), around('2027-04-04')))).toEqual([
      '2027-04-03T13:00Z', // 00:00 +11:00
      '2027-04-03T13:30Z',
      '2027-04-03T14:00Z',
      '2027-04-03T14:30Z', // 01:30 +11:00, first pass
      '2027-04-03T15:30Z', // 02:00 +10:30
      '2027-04-03T16:00Z', // 02:30 +10:30, until 03:00
    ]);
  });

  it('skips the missing 02:00 when clocks jump to 02:30 (3 October)', () => {
    const member = nightShift('Australia/Lord_Howe', '2027-10-03', h(1), h(4));
    expect(asUtc(findStaffSlots(member, rules(30, 30), around('2027-10-03')))).toEqual([
      '2027-10-02T14:30Z', // 01:00 +10:30
      '2027-10-02T15:00Z', // 01:30 +10:30
      '2027-10-02T15:30Z', // 02:30 +11:00
      '2027-10-02T16:00Z',
      '2027-10-02T16:30Z', // 03:30, until 04:00
    ]);
  });
});
