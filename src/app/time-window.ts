import { invalidRequest } from '../domain/errors.js';
import { resolveLocalTime } from '../domain/time/local-time.js';
import { addDays, parsePlainDate } from '../domain/time/plain-date.js';
import { isValidTimeZone } from '../domain/time/zone-offsets.js';

export const MAX_RANGE_DAYS = 62;

export function requireTimeZone(timeZone: string, path = 'timeZone'): string {
  if (!isValidTimeZone(timeZone)) throw invalidRequest('Unknown time zone', [{ path, message: 'must be an IANA time zone such as Europe/Berlin' }]);
  return timeZone;
}

/** The first instant of a local date (midnight, or the end of a gap where midnight is skipped). */
export function startOfLocalDay(timeZone: string, date: string): number {
  const r = resolveLocalTime(timeZone, date, 0);
  if (r.kind === 'unique') return r.instant;
  if (r.kind === 'ambiguous') return r.earlier;
  return r.gapEnd;
}

/** [from 00:00, to + 1 day 00:00) in the zone, for inclusive local dates; at most 62 days. */
export function localDateRange(timeZone: string, from: string, to: string): { from: number; to: number } {
  const fromDay = parsePlainDate(from);
  const toDay = parsePlainDate(to);
  const details = [];
  if (fromDay === null) details.push({ path: 'from', message: 'must be a date YYYY-MM-DD' });
  if (toDay === null) details.push({ path: 'to', message: 'must be a date YYYY-MM-DD' });
  if (fromDay === null || toDay === null) throw invalidRequest('Invalid date range', details);
  if (toDay < fromDay) throw invalidRequest('Invalid date range', [{ path: 'to', message: 'must not be before from' }]);
  if (toDay - fromDay + 1 > MAX_RANGE_DAYS) {
    throw invalidRequest('Date range too long', [{ path: 'to', message: `at most ${MAX_RANGE_DAYS} days from "from"` }]);
  }
  return { from: startOfLocalDay(timeZone, from), to: startOfLocalDay(timeZone, addDays(to, 1)) };
}

const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with an explicit offset (`2027-03-29T09:00:00+02:00` or `...Z`). */
export function parseInstant(text: string, path = 'start'): number {
  const m = INSTANT_RE.exec(text);
  const ms = m ? Date.parse(text) : Number.NaN;
  if (!m || Number.isNaN(ms) || !sameCalendarDate(text, ms)) {
    throw invalidRequest('Invalid time', [{ path, message: 'must be ISO 8601 with an offset, e.g. 2027-03-29T09:00:00+02:00' }]);
  }
  return ms;
}

/** Date.parse rolls 2027-02-30 over into March; refuse such dates instead. */
function sameCalendarDate(text: string, ms: number): boolean {
  const offset = text.endsWith('Z') ? 0 : (text.at(-6) === '-' ? -1 : 1) * (Number(text.slice(-5, -3)) * 60 + Number(text.slice(-2)));
  const local = new Date(ms + offset * 60_000).toISOString();
  return local.slice(0, 16) === text.slice(0, 16);
}
