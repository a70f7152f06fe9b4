import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS } from './notification-settings.js';
import { reminderTimes } from './reminder-times.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const times = (start: string, zone: string, now = '2027-01-01T00:00:00Z') =>
  reminderTimes(at(start), at(now), zone, DEFAULT_NOTIFICATION_SETTINGS).map((r) => [r.offsetMin, iso(r.at)]);

describe('reminder times', () => {
  it('are 24 h and 2 h before by default', () => {
    expect(times('2027-03-02T13:00:00Z', 'Europe/Berlin')).toEqual([
      [1440, '2027-03-01T13:00:00.000Z'],
      [120, '2027-03-02T11:00:00.000Z'],
    ]);
  });

  it('move out of quiet hours to their end when that is still before the appointment', () => {
    // 09:00 in Berlin: the 2 h reminder would come at 07:00, inside 21:00-08:00.
    expect(times('2027-03-02T08:00:00Z', 'Europe/Berlin')).toEqual([
      [1440, '2027-03-01T08:00:00.000Z'],
      [120, '2027-03-02T07:00:00.000Z'],
    ]);
  });

  it('move to just before quiet hours began when their end is too late', () => {
    // 08:00 in Berlin: 06:00 is quiet and 08:00 is the start itself, so 20:45 the evening before.
    expect(times('2027-03-02T07:00:00Z', 'Europe/Berlin')).toEqual([
      [1440, '2027-03-01T07:00:00.000Z'],
      [120, '2027-03-01T19:45:00.000Z'],
    ]);
  });

  it('judge quiet hours in the customer zone, across the spring DST change', () => {
    // Monday 29 March 2027, 09:00 CEST; clocks went forward on Sunday at 02:00.
    expect(times('2027-03-29T07:00:00Z', 'Europe/Berlin')).toEqual([
      [1440, '2027-03-28T07:00:00.000Z'],
      [120, '2027-03-29T06:00:00.000Z'],
    ]);
    // The same instant for a customer in Shanghai is 15:00: nothing moves.
    expect(times('2027-03-29T07:00:00Z', 'Asia/Shanghai')).toEqual([
      [1440, '2027-03-28T07:00:00.000Z'],
      [120, '2027-03-29T05:00:00.000Z'],
    ]);
  });

  it('end quiet hours at 08:00 local on the autumn DST night', () => {
    // Sunday 31 October 2027 at 08:30 CET (clocks went back at 03:00 CEST): the 2 h reminder at 06:30 moves to 08:00 CET.
    expect(times('2027-10-31T07:30:00Z', 'Europe/Berlin')).toEqual([
      [1440, '2027-10-30T07:30:00.000Z'],
      [120, '2027-10-31T07:00:00.000Z'],
    ]);
  });

  it('drop reminders already due when the booking is made', () => {
    expect(times('2027-03-02T13:00:00Z', 'Europe/Berlin', '2027-03-02T09:00:00Z')).toEqual([[120, '2027-03-02T11:00:00.000Z']]);
    expect(times('2027-03-02T13:00:00Z', 'Europe/Berlin', '2027-03-02T12:00:00Z')).toEqual([]);
  });
});
