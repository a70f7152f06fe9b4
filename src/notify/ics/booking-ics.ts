import { icsDocument, icsEscape, icsUtc } from './ics-text.js';

export interface BookingEventInput {
  /** Stable across every update of one booking, so calendars update the same event. */
  uid: string;
  /** Grows with every change (the booking's version). */
  sequence: number;
  start: number;
  end: number;
  stamp: number;
  summary: string;
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string } | null;
  url: string | null;
  cancelled: boolean;
}

/** One booking as an iTIP message: METHOD:REQUEST adds or updates it, METHOD:CANCEL removes it. */
export function bookingIcs(e: BookingEventInput): string {
  const method = e.cancelled ? 'CANCEL' : 'REQUEST';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Slotguard//Appointments//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsUtc(e.stamp)}`,
    `DTSTART:${icsUtc(e.start)}`,
    `DTEND:${icsUtc(e.end)}`,
    `SUMMARY:${icsEscape(e.summary)}`,
    `DESCRIPTION:${icsEscape(e.description)}`,
    `ORGANIZER;CN=${quoteParam(e.organizer.name)}:mailto:${e.organizer.email}`,
    ...(e.attendee
      ? [`ATTENDEE;CN=${quoteParam(e.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:${e.attendee.email}`]
      : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return icsDocument(lines);
}

/** A parameter value in double quotes; quotes and control characters cannot appear in one. */
export function quoteParam(value: string): string {
  return `"${value.replace(/["\p{Cc}]/gu, '')}"`;
}
