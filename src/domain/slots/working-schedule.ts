/**
 * Which local wall-clock intervals a staff member works on a given local date.
 *
 * Rule for date overrides (several may exist for one date; their order does not matter):
 * - no override: the weekly hours of that weekday;
 * - any 'off' or 'hours' row: the weekly hours are dropped for that date;
 * - every 'hours' and 'extra' row adds its intervals.
 * So 'off' alone is a day off; 'off' together with 'hours' or 'extra' rows means "only those
 * hours"; 'extra' alone adds to the weekly hours; 'hours' with no intervals is a day off.
 * Overlapping or touching intervals are merged, so an appointment may run across the seam
 * of two adjacent intervals; a merged interval's grid starts at its (earliest) start.
 */
import { type EpochDay, parsePlainDate, weekdayOf } from '../time/plain-date.js';
import { MINUTES_PER_DAY } from '../time/units.js';
import type { DateOverride, LocalInterval, WeeklyHours } from './types.js';

const NO_INTERVALS: readonly LocalInterval[] = Object.freeze([]);

/** Sorted, disjoint, non-touching intervals; empty or out-of-day parts are clipped away. */
export function mergeLocalIntervals(intervals: readonly LocalInterval[]): LocalInterval[] {
  const clipped: LocalInterval[] = [];
  for (const { start, end } of intervals) {
    const s = Math.max(0, start);
    const e = Math.min(MINUTES_PER_DAY, end);
    if (e > s) clipped.push({ start: s, end: e });
  }
  clipped.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: LocalInterval[] = [];
  for (const interval of clipped) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.start <= last.end) {
      if (interval.end > last.end) last.end = interval.end;
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }
  return merged;
}

export class WorkingSchedule {
  private readonly byWeekday: readonly (readonly LocalInterval[])[];
  private readonly byDate: ReadonlyMap<EpochDay, readonly LocalInterval[]>;

  /** Override rows with a malformed date are ignored here (validateStaffAvailability reports them). */
  constructor(weekly: readonly WeeklyHours[], overrides: readonly DateOverride[]) {
    const weekdays: LocalInterval[][] = [[], [], [], [], [], [], []];
    for (const hours of weekly) {
      weekdays[hours.weekday]?.push({ start: hours.start, end: hours.end });
    }
    this.byWeekday = weekdays.map(mergeLocalIntervals);

    const rowsByDate = new Map<EpochDay, DateOverride[]>();
    for (const override of overrides) {
      const day = parsePlainDate(override.date);
      if (day === null) continue;
      const rows = rowsByDate.get(day);
      if (rows === undefined) rowsByDate.set(day, [override]);
      else rows.push(override);
    }
    const byDate = new Map<EpochDay, readonly LocalInterval[]>();
    for (const [day, rows] of rowsByDate) {
      const replacesWeekly = rows.some((row) => row.kind === 'off' || row.kind === 'hours');
      const intervals: LocalInterval[] = replacesWeekly
        ? []
        : [...(this.byWeekday[weekdayOf(day)] ?? NO_INTERVALS)];
      for (const row of rows) {
        if (row.kind !== 'off') intervals.push(...row.intervals);
      }
      byDate.set(day, mergeLocalIntervals(intervals));
    }
    this.byDate = byDate;
  }

  /** Working intervals of one local date, sorted and disjoint. */
  intervalsOn(epochDay: EpochDay): readonly LocalInterval[] {
    return this.byDate.get(epochDay) ?? this.byWeekday[weekdayOf(epochDay)] ?? NO_INTERVALS;
  }
}
