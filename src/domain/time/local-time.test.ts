import { describe, expect, it } from 'vitest';
import { instantToLocal, localTimeToInstant, resolveLocalTime } from './local-time.js';

const utc = (iso: string) => Date.parse(iso);
const at = (hh: number, mm = 0) => hh * 60 + mm;

describe('local wall-clock time to instants', () => {
  it('converts ordinary local times in several zones', () => {
    expect(localTimeToInstant('Europe/Berlin', '2027-03-01', at(9))).toBe(utc('2027-03-01T08:00:00Z'));
    expect(localTimeToInstant('Europe/Berlin', '2027-03-29', at(9))).toBe(utc('2027-03-29T07:00:00Z'));
    expect(localTimeToInstant('America/New_York', '2027-03-01', at(9))).toBe(utc('2027-03-01T14:00:00Z'));
    expect(localTimeToInstant('Asia/Shanghai', '2027-03-01', at(9))).toBe(utc('2027-03-01T01:00:00Z'));
    expect(localTimeToInstant('Asia/Kolkata', '2027-03-01', at(9))).toBe(utc('2027-03-01T03:30:00Z'));
    expect(localTimeToInstant('Europe/Berlin', '2027-03-01', 1440)).toBe(utc('2027-03-01T23:00:00Z'));
  });

  it('reports a time skipped by spring forward as nonexistent, with the instant of the jump', () => {
    expect(localTimeToInstant('Europe/Berlin', '2027-03-28', at(2, 30))).toBeNull();
    expect(resolveLocalTime('Europe/Berlin', '2027-03-28', at(2, 30))).toEqual({
      kind: 'nonexistent',
      gapEnd: utc('2027-03-28T01:00:00Z'),
    });
    expect(resolveLocalTime('America/New_York', '2027-03-14', at(2, 30))).toEqual({
      kind: 'nonexistent',
      gapEnd: utc('2027-03-14T07:00:00Z'),
    });
    // Lord Howe skips only half an hour: 02:00-02:30.
    expect(localTimeToInstant('Australia/Lord_Howe', '2027-10-03', at(2, 15))).toBeNull();
    expect(localTimeToInstant('Australia/Lord_Howe', '2027-10-03', at(2, 30))).toBe(utc('2027-10-02T15:30:00Z'));
    expect(localTimeToInstant('Europe/Berlin', '2027-03-28', at(3))).toBe(utc('2027-03-28T01:00:00Z'));
  });

  it('takes the earlier instant of a time repeated by fall back', () => {
    expect(resolveLocalTime('Europe/Berlin', '2027-10-31', at(2, 30))).toEqual({
      kind: 'ambiguous',
      earlier: utc('2027-10-31T00:30:00Z'),
      later: utc('2027-10-31T01:30:00Z'),
    });
    expect(localTimeToInstant('Europe/Berlin', '2027-10-31', at(2, 30))).toBe(utc('2027-10-31T00:30:00Z'));
    expect(localTimeToInstant('America/New_York', '2027-11-07', at(1, 30))).toBe(utc('2027-11-07T05:30:00Z'));
    expect(resolveLocalTime('Australia/Lord_Howe', '2027-04-04', at(1, 45))).toEqual({
      kind: 'ambiguous',
      earlier: utc('2027-04-03T14:45:00Z'),
      later: utc('2027-04-03T15:15:00Z'),
    });
  });

  it('refuses malformed dates and minutes instead of guessing', () => {
    expect(() => localTimeToInstant('Europe/Berlin', '2027-02-30', 0)).toThrow(RangeError);
    expect(() => localTimeToInstant('Europe/Berlin', '2027-03-01', 1441)).toThrow(RangeError);
    expect(() => localTimeToInstant('Europe/Berlin', '2027-03-01', 9.5)).toThrow(RangeError);
    expect(() => localTimeToInstant('Nowhere/City', '2027-03-01', 0)).toThrow(RangeError);
  });
});

describe('instants to local wall-clock time', () => {
  it('gives date, weekday and minute of day in the zone', () => {
    expect(instantToLocal('Europe/Berlin', utc('2027-03-28T01:00:00Z'))).toEqual({
      date: '2027-03-28',
      epochDay: 20905,
      weekday: 0,
      minute: at(3),
      msOfMinute: 0,
      offsetMs: 2 * 3_600_000,
    });
    // Late evening in UTC is already the next day in Shanghai.
    expect(instantToLocal('Asia/Shanghai', utc('2027-03-01T17:30:15Z'))).toMatchObject({
      date: '2027-03-02',
      weekday: 2,
      minute: at(1, 30),
      msOfMinute: 15_000,
    });
    expect(instantToLocal('America/New_York', utc('2027-03-01T03:00:00Z'))).toMatchObject({
      date: '2027-02-28',
      minute: at(22),
    });
  });

  it('reads both passes of a repeated hour as the same local time', () => {
    const first = instantToLocal('Europe/Berlin', utc('2027-10-31T00:30:00Z'));
    const second = instantToLocal('Europe/Berlin', utc('2027-10-31T01:30:00Z'));
    expect([first.minute, second.minute]).toEqual([at(2, 30), at(2, 30)]);
    expect([first.offsetMs, second.offsetMs]).toEqual([7_200_000, 3_600_000]);
  });
});
