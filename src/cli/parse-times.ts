import type { LocalInterval, WeeklyHours } from '../domain/slots/types.js';
import { UsageError } from './usage-error.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const FULL_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const CLOCK = /^(\d{1,2}):(\d{2})$/;

/** `09:00` -> 540 minutes after midnight; `24:00` is the end of the day. */
export function parseClock(text: string): number {
  const m = CLOCK.exec(text.trim());
  const hours = Number(m?.[1]);
  const minutes = Number(m?.[2]);
  if (!m || minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) {
    throw new UsageError(`"${text}" is not a time of day; use HH:MM, e.g. 09:00 or 17:30`);
  }
  return hours * 60 + minutes;
}

/** `mon`, `monday` or `0`-`6` (0 = Sunday) -> 0..6. */
export function parseWeekday(text: string): number {
  const t = text.trim().toLowerCase();
  if (/^[0-6]$/.test(t)) return Number(t);
  const short = WEEKDAYS.indexOf(t as (typeof WEEKDAYS)[number]);
  if (short >= 0) return short;
  const full = FULL_NAMES.indexOf(t as (typeof FULL_NAMES)[number]);
  if (full >= 0) return full;
  throw new UsageError(`"${text}" is not a weekday; use mon, tue, wed, thu, fri, sat, sun or 0-6 (0 = Sunday)`);
}

/** `mon`, `mon-fri`, `sat-sun`, `fri-mon` (wrapping) or lists such as `mon,wed,fri`, in week order. */
export function parseWeekdays(text: string): number[] {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to, extra] = part.split('-');
    if (from === undefined || extra !== undefined || from.trim() === '') throw new UsageError(`"${text}" is not a weekday or range such as mon-fri`);
    const first = parseWeekday(from);
    const last = to === undefined ? first : parseWeekday(to);
    for (let d = first; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === last) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** `09:00-12:00` -> { start: 540, end: 720 }. */
export function parseInterval(text: string): LocalInterval {
  const [from, to, extra] = text.split('-');
  if (from === undefined || to === undefined || extra !== undefined) {
    throw new UsageError(`"${text}" is not a time range; use HH:MM-HH:MM, e.g. 09:00-12:00`);
  }
  return { start: parseClock(from), end: parseClock(to) };
}

/** `09:00-12:00,13:00-17:00` -> two intervals. */
export function parseIntervals(text: string): LocalInterval[] {
  return text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(parseInterval);
}

/**
 * A compact week: day groups separated by `;`, each days then ranges,
 * e.g. `mon-fri 09:00-12:00,13:00-17:00; sat 10:00-14:00`.
 */
export function parseWeek(text: string): WeeklyHours[] {
  const hours: WeeklyHours[] = [];
  for (const group of text.split(';')) {
    if (group.trim() === '') continue;
    const [days, ranges, extra] = group.trim().split(/\s+/);
    if (days === undefined || ranges === undefined || extra !== undefined) {
      throw new UsageError(`"${group.trim()}" is not "DAYS RANGES", e.g. "mon-fri 09:00-12:00,13:00-17:00"`);
    }
    const intervals = parseIntervals(ranges);
    for (const weekday of parseWeekdays(days)) for (const iv of intervals) hours.push({ weekday, ...iv });
  }
  return hours;
}
