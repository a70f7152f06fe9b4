import { describe, expect, it } from 'vitest';
import { findTeamSlots, unionOfSorted } from './team-slots.js';
import type { SlotRules, StaffAvailability } from './types.js';

const utc = (iso: string) => Date.parse(iso);
const hourly: SlotRules = {
  durationMin: 60,
  intervalMin: 60,
  bufferBeforeMin: 0,
  bufferAfterMin: 0,
  minimumNoticeMin: 0,
  maxAdvanceDays: null,
};
const monday = { from: utc('2027-03-01T00:00:00Z'), to: utc('2027-03-02T00:00:00Z'), now: utc('2027-01-01T00:00:00Z') };

describe('any available staff', () => {
  // Ana works 09:00-12:00 in Berlin and is booked 10:00-11:00; Ben works 10:00-13:00 in London.
  const ana: StaffAvailability = {
    staffId: 'ana',
    timeZone: 'Europe/Berlin',
    weekly: [{ weekday: 1, start: 9 * 60, end: 12 * 60 }],
    overrides: [],
    busy: [{ start: utc('2027-03-01T09:00:00Z'), end: utc('2027-03-01T10:00:00Z') }],
  };
  const ben: StaffAvailability = {
    staffId: 'ben',
    timeZone: 'Europe/London',
    weekly: [{ weekday: 1, start: 10 * 60, end: 13 * 60 }],
    overrides: [],
    busy: [],
  };

  it('offers every start someone can take, with who is free, in the given staff order', () => {
    const slots = findTeamSlots([ben, ana], hourly, monday);
    const hour = 3_600_000;
    expect(slots).toEqual([
      { start: utc('2027-03-01T08:00:00Z'), end: utc('2027-03-01T08:00:00Z') + hour, staffIds: ['ana'] },
      { start: utc('2027-03-01T10:00:00Z'), end: utc('2027-03-01T10:00:00Z') + hour, staffIds: ['ben', 'ana'] },
      { start: utc('2027-03-01T11:00:00Z'), end: utc('2027-03-01T11:00:00Z') + hour, staffIds: ['ben'] },
      { start: utc('2027-03-01T12:00:00Z'), end: utc('2027-03-01T12:00:00Z') + hour, staffIds: ['ben'] },
    ]);
  });

  it('offers nothing when nobody works', () => {
    expect(findTeamSlots([], hourly, monday)).toEqual([]);
  });

  it('merges sorted lists without repeats', () => {
    expect(unionOfSorted([[1, 3, 5], [2, 3], [], [5, 6], [0]])).toEqual([0, 1, 2, 3, 5, 6]);
    expect(unionOfSorted([[4, 4, 7]])).toEqual([4, 7]);
    expect(unionOfSorted([])).toEqual([]);
  });
});
