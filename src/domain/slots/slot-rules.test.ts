import { describe, expect, it } from 'vitest';
import { validateSlotRules, validateStaffAvailability } from './slot-rules.js';
import type { SlotRules, StaffAvailability } from './types.js';

const good: SlotRules = {
  durationMin: 30,
  intervalMin: 15,
  bufferBeforeMin: 0,
  bufferAfterMin: 10,
  minimumNoticeMin: 120,
  maxAdvanceDays: 60,
};

describe('slot rule checks', () => {
  it('accepts sensible rules', () => {
    expect(validateSlotRules(good)).toEqual([]);
    expect(validateSlotRules({ ...good, maxAdvanceDays: null })).toEqual([]);
  });

  it('names every field that is not a usable whole number', () => {
    const problems = validateSlotRules({
      ...good,
      durationMin: 0,
      intervalMin: 7.5,
      bufferBeforeMin: -5,
      minimumNoticeMin: Number.NaN,
      maxAdvanceDays: 0,
    });
    expect(problems.map((p) => p.path)).toEqual([
      'durationMin',
      'intervalMin',
      'bufferBeforeMin',
      'minimumNoticeMin',
      'maxAdvanceDays',
    ]);
  });
});

describe('staff availability checks', () => {
  const staff: StaffAvailability = {
    staffId: 'ana',
    timeZone: 'Europe/Berlin',
    weekly: [{ weekday: 1, start: 540, end: 1020 }],
    overrides: [{ date: '2027-03-02', kind: 'extra', intervals: [{ start: 1080, end: 1140 }] }],
    busy: [{ start: 0, end: 1 }],
  };

  it('accepts a valid schedule', () => {
    expect(validateStaffAvailability(staff)).toEqual([]);
  });

  it('points at an unknown zone, bad weekday, backwards hours, bad dates and busy spans', () => {
    const problems = validateStaffAvailability({
      ...staff,
      timeZone: 'Europe/Atlantis',
      weekly: [{ weekday: 7, start: 600, end: 540 }],
      overrides: [{ date: '2027-02-30', kind: 'off', intervals: [] }],
      busy: [{ start: 10, end: 5 }],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'timeZone',
      'weekly[0].weekday',
      'weekly[0]',
      'overrides[0].date',
      'busy[0]',
    ]);
  });
});
