import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, foldLine } from './ics';

describe('ICS file', () => {
  const entry = {
    uid: 'b-1@slotguard',
    start: '2027-03-02T04:00:00-05:00',
    end: '2027-03-02T04:30:00-05:00',
    summary: 'Haircut, wash; dry \\ style',
    description: `With Ana\nChange or cancel: https://book.example/manage#${'x'.repeat(60)}`,
    url: 'https://book.example/manage#abc',
  };

  it('is read back by a real calendar parser with the same instants and text', () => {
    const text = buildIcs(entry, Date.parse('2027-03-01T00:00:00Z'));
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') ?? undefined);
    expect(event.uid).toBe('b-1@slotguard');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-02T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-03-02T09:30:00.000Z');
    expect(event.summary).toBe(entry.summary);
    expect(event.description).toBe(entry.description);
  });

  it('folds long lines without splitting a character', () => {
    const line = `SUMMARY:${'预约'.repeat(40)}`;
    const folded = foldLine(line);
    expect(folded.split('\r\n ').join('')).toBe(line);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
  });
});
