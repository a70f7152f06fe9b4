import { MINUTES_PER_DAY } from '../../domain/time/units.js';
import type { LocalInterval } from '../../domain/slots/types.js';
import type { InputCheck } from '../input-rules.js';

/** A whole number within [min, max]; otherwise reports a problem and returns NaN. */
export function wholeNumber(check: InputCheck, path: string, value: unknown, min: number, max: number): number {
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
  check.require(ok, path, `must be a whole number from ${min} to ${max}`);
  return ok ? value : Number.NaN;
}

/** An interval as given, with where it was given (for error details). */
export interface PathedInterval extends LocalInterval {
  path: string;
}

/**
 * Local intervals of one day: whole minutes 0..1440, start before end, none overlapping
 * (touching is fine: 09:00-12:00 and 12:00-13:00). Returned sorted by start.
 */
export function localIntervals(check: InputCheck, intervals: readonly PathedInterval[]): LocalInterval[] {
  const valid: PathedInterval[] = [];
  for (const iv of intervals) {
    const start = wholeNumber(check, `${iv.path}.start`, iv.start, 0, MINUTES_PER_DAY - 1);
    const end = wholeNumber(check, `${iv.path}.end`, iv.end, 1, MINUTES_PER_DAY);
    if (Number.isNaN(start) || Number.isNaN(end)) continue;
    check.require(start < end, iv.path, 'must start before it ends', 'interval_inverted');
    if (start < end) valid.push({ start, end, path: iv.path });
  }
  valid.sort((a, b) => a.start - b.start);
  for (let i = 1; i < valid.length; i++) {
    const prev = valid[i - 1] as PathedInterval;
    const cur = valid[i] as PathedInterval;
    check.require(cur.start >= prev.end, cur.path, `must not overlap ${clock(prev.start)}-${clock(prev.end)} (${prev.path})`, 'interval_overlap');
  }
  return valid.map(({ start, end }) => ({ start, end }));
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
