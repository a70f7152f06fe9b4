/**
 * Checks on slot-engine input, for the edge of the system (forms, API) to run before the
 * engine: each returns every problem found, empty when the input is usable.
 * The shape `{ path, message }` matches ErrorDetail, so callers can hand it to invalidRequest.
 */
import { parsePlainDate } from '../time/plain-date.js';
import { MINUTES_PER_DAY, MS_PER_MINUTE } from '../time/units.js';
import { isValidTimeZone } from '../time/zone-offsets.js';
import type { LocalInterval, SlotRules, StaffAvailability } from './types.js';

export interface InputProblem {
  path: string;
  message: string;
}

function wholeNumberIn(
  problems: InputProblem[],
  path: string,
  value: number,
  min: number,
  max: number,
): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push({ path, message: `must be a whole number from ${min} to ${max}` });
  }
}

const OVERRIDE_KINDS: ReadonlySet<string> = new Set(['off', 'hours', 'extra']);

/**
 * The longest a service may last, and each of its buffers: a slot must fit in one local
 * day's working interval, so nothing longer than a day fits.
 */
export const MAX_RULE_MINUTES = MINUTES_PER_DAY;
/**
 * The longest time one booking can occupy: its duration and both buffers at their limits.
 * The store relies on it to find the bookings around an instant through an index (and
 * refuses to write a booking that occupies longer).
 */
export const MAX_BUSY_SPAN_MS = 3 * MAX_RULE_MINUTES * MS_PER_MINUTE;
const MAX_NOTICE_MIN = 366 * MINUTES_PER_DAY;
const MAX_ADVANCE_DAYS = 3660;

export function validateSlotRules(rules: SlotRules): InputProblem[] {
  const problems: InputProblem[] = [];
  wholeNumberIn(problems, 'durationMin', rules.durationMin, 1, MAX_RULE_MINUTES);
  wholeNumberIn(problems, 'intervalMin', rules.intervalMin, 1, MAX_RULE_MINUTES);
  wholeNumberIn(problems, 'bufferBeforeMin', rules.bufferBeforeMin, 0, MAX_RULE_MINUTES);
  wholeNumberIn(problems, 'bufferAfterMin', rules.bufferAfterMin, 0, MAX_RULE_MINUTES);
  wholeNumberIn(problems, 'minimumNoticeMin', rules.minimumNoticeMin, 0, MAX_NOTICE_MIN);
  if (rules.maxAdvanceDays !== null) {
    wholeNumberIn(problems, 'maxAdvanceDays', rules.maxAdvanceDays, 1, MAX_ADVANCE_DAYS);
  }
  return problems;
}

/**
 * For the engine itself: bad rules are a programming error there (a zero interval would
 * never finish), so they throw instead of returning problems.
 */
export function assertUsableRules(rules: SlotRules): void {
  const problems = validateSlotRules(rules);
  if (problems.length > 0) {
    const list = problems.map((p) => `${p.path} ${p.message}`).join('; ');
    throw new RangeError(`Unusable slot rules: ${list}`);
  }
}

function checkInterval(problems: InputProblem[], path: string, interval: LocalInterval): void {
  wholeNumberIn(problems, `${path}.start`, interval.start, 0, MINUTES_PER_DAY - 1);
  wholeNumberIn(problems, `${path}.end`, interval.end, 1, MINUTES_PER_DAY);
  if (interval.end <= interval.start) {
    problems.push({ path, message: 'must end after it starts' });
  }
}

export function validateStaffAvailability(staff: StaffAvailability): InputProblem[] {
  const problems: InputProblem[] = [];
  if (staff.staffId.length === 0) problems.push({ path: 'staffId', message: 'must not be empty' });
  if (!isValidTimeZone(staff.timeZone)) {
    problems.push({ path: 'timeZone', message: 'must be an IANA time zone such as Europe/Berlin' });
  }
  staff.weekly.forEach((hours, i) => {
    wholeNumberIn(problems, `weekly[${i}].weekday`, hours.weekday, 0, 6);
    checkInterval(problems, `weekly[${i}]`, hours);
  });
  staff.overrides.forEach((override, i) => {
    if (!OVERRIDE_KINDS.has(override.kind)) {
      problems.push({ path: `overrides[${i}].kind`, message: "must be 'off', 'hours' or 'extra'" });
    }
    if (parsePlainDate(override.date) === null) {
      problems.push({ path: `overrides[${i}].date`, message: 'must be a date YYYY-MM-DD' });
    }
    if (override.kind === 'off' && override.intervals.length > 0) {
      problems.push({ path: `overrides[${i}].intervals`, message: 'a day off has no intervals' });
    }
    if (override.kind === 'extra' && override.intervals.length === 0) {
      problems.push({ path: `overrides[${i}].intervals`, message: 'extra hours need intervals' });
    }
    override.intervals.forEach((interval, j) => {
      checkInterval(problems, `overrides[${i}].intervals[${j}]`, interval);
    });
  });
  staff.busy.forEach((span, i) => {
    if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.end <= span.start) {
      problems.push({ path: `busy[${i}]`, message: 'must be whole epoch ms with end after start' });
    }
  });
  return problems;
}
