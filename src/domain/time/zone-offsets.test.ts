import { describe, expect, it } from 'vitest';
import { epochDayFromCivil } from './plain-date.js';
import { MS_PER_HOUR } from './units.js';
import { ZoneOffsets, isValidTimeZone, zoneOffsets } from './zone-offsets.js';

describe('time zone offsets', () => {
  it('accepts IANA zone names and refuses the rest', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC']) {
      expect(isValidTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ['Mars/Olympus_Mons', '+02:00', '-05:00', '0', '', 'Europe/Berlin\n']) {
      expect(isValidTimeZone(zone), zone).toBe(false);
    }
    expect(() => zoneOffsets('Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('gives the offset on each side of a transition, to the millisecond', () => {
    const berlin = new ZoneOffsets('Europe/Berlin');
    const springForward = Date.parse('2027-03-28T01:00:00Z');
    expect(berlin.offsetAt(springForward - 1)).toBe(1 * MS_PER_HOUR);
    expect(berlin.offsetAt(springForward)).toBe(2 * MS_PER_HOUR);
    const fallBack = Date.parse('2027-10-31T01:00:00Z');
    expect(berlin.offsetAt(fallBack - 1)).toBe(2 * MS_PER_HOUR);
    expect(berlin.offsetAt(fallBack)).toBe(1 * MS_PER_HOUR);
    // Asked out of order, the cache still answers each from the right span.
    expect(berlin.offsetAt(springForward - 1)).toBe(1 * MS_PER_HOUR);
    expect(berlin.spanAt(springForward)).toMatchObject({ start: springForward, end: fallBack });
  });

  it('knows half-hour zones and zones without DST', () => {
    expect(zoneOffsets('Asia/Kolkata').offsetAt(Date.parse('2027-07-01T00:00:00Z'))).toBe(5.5 * MS_PER_HOUR);
    expect(zoneOffsets('Asia/Shanghai').offsetAt(Date.parse('2027-07-01T00:00:00Z'))).toBe(8 * MS_PER_HOUR);
    const lordHowe = zoneOffsets('Australia/Lord_Howe');
    expect(lordHowe.offsetAt(Date.parse('2027-01-15T00:00:00Z'))).toBe(11 * MS_PER_HOUR);
    expect(lordHowe.offsetAt(Date.parse('2027-06-15T00:00:00Z'))).toBe(10.5 * MS_PER_HOUR);
  });

  it('offers one offset for a whole local day only away from transitions', () => {
    const berlin = zoneOffsets('Europe/Berlin');
    expect(berlin.fixedOffsetOnLocalDay(epochDayFromCivil(2027, 3, 1))).toBe(MS_PER_HOUR);
    expect(berlin.fixedOffsetOnLocalDay(epochDayFromCivil(2027, 3, 28))).toBeNaN();
    expect(berlin.fixedOffsetOnLocalDay(epochDayFromCivil(2027, 3, 27))).toBeNaN();
    expect(berlin.fixedOffsetOnLocalDay(epochDayFromCivil(2027, 3, 31))).toBe(2 * MS_PER_HOUR);
  });
});
