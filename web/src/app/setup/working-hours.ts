/** The weekly working-hours grid and date overrides as the setup pages edit them. */
import { parseClock } from '../calendar/zoned-time';

export interface Interval {
  start: string;
  end: string;
}

export interface WeeklyHoursEntry extends Interval {
  /** 1 = Monday .. 7 = Sunday. */
  weekday: number;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Seven days, Monday first, each with its intervals in time order. */
export type WeekGrid = Interval[][];

export function toWeekGrid(hours: readonly WeeklyHoursEntry[]): WeekGrid {
  const grid: WeekGrid = WEEKDAYS.map(() => []);
  for (const h of hours) grid[h.weekday - 1]?.push({ start: h.start, end: h.end });
  for (const day of grid) day.sort((a, b) => a.start.localeCompare(b.start));
  return grid;
}

export function fromWeekGrid(grid: WeekGrid): WeeklyHoursEntry[] {
  return grid.flatMap((day, i) => [...day].sort((a, b) => a.start.localeCompare(b.start)).map((iv) => ({ weekday: i + 1, start: iv.start, end: iv.end })));
}

/** What is wrong with one interval of a day: a key of `hours.problems` in the desk translations. */
export type IntervalProblem = 'invalidTime' | 'endBeforeStart' | 'overlaps';

/** Problems per interval of one day (null where it is fine): bad times, ends before starts, overlaps. */
export function intervalProblems(day: readonly Interval[]): (IntervalProblem | null)[] {
  const parsed = day.map((iv) => ({ start: parseClock(iv.start), end: parseClock(iv.end) }));
  return parsed.map((iv, i) => {
    if (iv.start === null || iv.end === null || iv.start >= 1440) return 'invalidTime';
    if (iv.end <= iv.start) return 'endBeforeStart';
    const { start, end } = iv;
    const clash = parsed.some((o, j) => j !== i && o.start !== null && o.end !== null && o.start < end && start < o.end);
    return clash ? 'overlaps' : null;
  });
}

export function gridIsValid(grid: WeekGrid): boolean {
  return grid.every((day) => intervalProblems(day).every((p) => p === null));
}

/** A new interval after a day's last one (for a break: work resumes an hour after the last end). */
export function nextInterval(day: readonly Interval[]): Interval {
  const last = day.at(-1);
  const lastEnd = last ? parseClock(last.end) : null;
  if (lastEnd === null) return { start: '09:00', end: '17:00' };
  const start = Math.min(lastEnd + 60, 23 * 60);
  const end = Math.min(start + 4 * 60, 1440);
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { start: clock(start), end: clock(end) };
}

export type OverrideKind = 'day_off' | 'hours' | 'extra';
export const OVERRIDE_KINDS: readonly OverrideKind[] = ['day_off', 'hours', 'extra'];
