/**
 * Where bookings sit in a day column: wall-clock minutes in the calendar's zone, clipped to
 * the day, side by side in lanes where they overlap, on a grid of quarter-hour rows.
 * The page positions them with CSS classes only (the CSP forbids inline styles).
 */
import { type WallTime, wallTime } from './zoned-time';

export interface Timed {
  id: string;
  start: string;
  end: string;
}

export interface Placed<T extends Timed> {
  item: T;
  /** Minutes since the day's midnight, clipped to the day. */
  startMin: number;
  endMin: number;
  /** 0-based lane among the bookings it overlaps, and how many lanes that group needs. */
  lane: number;
  lanes: number;
  /** The booking began on an earlier day or ends on a later one. */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

const DAY_MIN = 24 * 60;

function minutesWithin(at: WallTime, date: string, atDayEnd: boolean): number {
  if (at.date < date) return 0;
  if (at.date > date) return DAY_MIN;
  // An end at exactly midnight of the same date cannot happen; a zero-length stays zero.
  return atDayEnd && at.minutes === 0 ? 0 : at.minutes;
}

/** The bookings of one date (in the zone), with their lanes; bookings not touching the date are left out. */
export function placeInDay<T extends Timed>(items: readonly T[], date: string, zone: string): Placed<T>[] {
  const placed: Placed<T>[] = [];
  for (const item of items) {
    const start = wallTime(item.start, zone);
    const end = wallTime(item.end, zone);
    if (start.date > date || end.date < date || (end.date === date && end.minutes === 0 && start.date < date)) continue;
    const startMin = minutesWithin(start, date, false);
    const endMin = Math.max(minutesWithin(end, date, true), startMin);
    placed.push({ item, startMin, endMin, lane: 0, lanes: 1, continuesBefore: start.date < date, continuesAfter: end.date > date });
  }
  return assignLanes(placed);
}

/**
 * Overlapping bookings go side by side: each takes the first lane free at its start, and
 * every booking of a group that overlaps (directly or through others) shares the group's lane count.
 */
export function assignLanes<T extends Timed>(placed: Placed<T>[]): Placed<T>[] {
  const sorted = [...placed].sort((a, b) => a.startMin - b.startMin || b.endMin - a.endMin || a.item.id.localeCompare(b.item.id));
  let group: Placed<T>[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -1;
  const closeGroup = () => {
    for (const p of group) p.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const p of sorted) {
    if (p.startMin >= groupEnd) closeGroup();
    // A zero-length booking still occupies its own moment.
    const end = Math.max(p.endMin, p.startMin + 1);
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= p.startMin);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(end);
    } else laneEnds[lane] = end;
    p.lane = lane;
    group.push(p);
    groupEnd = Math.max(groupEnd, end);
  }
  closeGroup();
  return sorted;
}

export interface HourWindow {
  /** First hour shown (0..23) and the hour the grid ends at (1..24). */
  from: number;
  to: number;
}

/** Working hours most businesses keep; the window grows to show every booking. */
export const DEFAULT_WINDOW: HourWindow = { from: 8, to: 19 };

export function hourWindow(placed: readonly Placed<Timed>[], base: HourWindow = DEFAULT_WINDOW): HourWindow {
  let { from, to } = base;
  for (const p of placed) {
    from = Math.min(from, Math.floor(p.startMin / 60));
    to = Math.max(to, Math.ceil(p.endMin / 60));
  }
  return { from: Math.max(0, from), to: Math.min(24, Math.max(to, from + 1)) };
}

/** Quarter hours per hour: the grid's row size. */
export const ROWS_PER_HOUR = 4;
/** Lanes are cut from twelve columns, which 1, 2, 3, 4 and 6 lanes divide evenly. */
export const TRACKS = 12;
const LANE_SPLITS = [1, 2, 3, 4, 6, 12];

export interface GridPlacement {
  /** 1-based CSS grid lines: rows of quarter hours from the window's start, columns of TRACKS. */
  rowStart: number;
  rowEnd: number;
  colStart: number;
  colSpan: number;
}

/** The grid lines a placed booking covers within a window: at least one row, never outside. */
export function gridPlacement(p: Placed<Timed>, window: HourWindow): GridPlacement {
  const rows = (window.to - window.from) * ROWS_PER_HOUR;
  const quarter = 60 / ROWS_PER_HOUR;
  const first = Math.floor((p.startMin - window.from * 60) / quarter);
  const last = Math.ceil((p.endMin - window.from * 60) / quarter);
  const rowStart = Math.min(Math.max(first, 0), rows - 1) + 1;
  const rowEnd = Math.min(Math.max(last + 1, rowStart + 1), rows + 1);
  const split = LANE_SPLITS.find((s) => s >= p.lanes) ?? TRACKS;
  const colSpan = TRACKS / split;
  const colStart = Math.min(p.lane, split - 1) * colSpan + 1;
  return { rowStart, rowEnd, colStart, colSpan };
}

/** The classes that put a booking on its grid lines (defined in grid-positions.css). */
export function placementClasses(g: GridPlacement): string {
  return `rs-${g.rowStart} re-${g.rowEnd} cs-${g.colStart} span-${g.colSpan}`;
}

/** Classes for an hour line's row in a window. */
export function hourRowClasses(hour: number, window: HourWindow): string {
  const start = (hour - window.from) * ROWS_PER_HOUR + 1;
  return `rs-${start} re-${start + ROWS_PER_HOUR}`;
}

/** Rows a window has, as the class that sizes its grid. */
export function rowsClass(window: HourWindow): string {
  return `rows-${(window.to - window.from) * ROWS_PER_HOUR}`;
}
