import { describe, expect, it } from 'vitest';
import { formatInstant, formatOffset } from './format-instant.js';

describe('ISO 8601 with offset', () => {
  it('writes the local time and the offset in force at that instant', () => {
    const instant = Date.parse('2027-03-29T07:00:00Z');
    expect(formatInstant('Europe/Berlin', instant)).toBe('2027-03-29T09:00:00+02:00');
    expect(formatInstant('Europe/Berlin', Date.parse('2027-03-26T08:00:00Z'))).toBe('2027-03-26T09:00:00+01:00');
    expect(formatInstant('Asia/Kolkata', instant)).toBe('2027-03-29T12:30:00+05:30');
    expect(formatInstant('America/New_York', instant)).toBe('2027-03-29T03:00:00-04:00');
    expect(formatInstant('UTC', instant)).toBe('2027-03-29T07:00:00+00:00');
    expect(formatInstant('Australia/Lord_Howe', instant)).toBe('2027-03-29T18:00:00+11:00');
  });

  it('tells the two passes of a repeated hour apart by their offset', () => {
    expect(formatInstant('Europe/Berlin', Date.parse('2027-10-31T00:30:00Z'))).toBe('2027-10-31T02:30:00+02:00');
    expect(formatInstant('Europe/Berlin', Date.parse('2027-10-31T01:30:00Z'))).toBe('2027-10-31T02:30:00+01:00');
  });

  it('shows milliseconds only when there are some', () => {
    expect(formatInstant('Asia/Shanghai', Date.parse('2027-03-01T16:00:00.250Z'))).toBe('2027-03-02T00:00:00.250+08:00');
  });

  it('formats offsets, with seconds for historical ones', () => {
    expect(formatOffset(-(3 * 3600 + 30 * 60) * 1000)).toBe('-03:30');
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset((53 * 60 + 28) * 1000)).toBe('+00:53:28');
  });
});
