/**
 * The free (staff, start) pairs of the booking benchmark, known up front from the fixture:
 * every staff member works the same hours every day, so slot i is pure arithmetic and the
 * load generator never has to ask the slots API. Consecutive indices go to different staff,
 * so concurrent requests spread over the staff (on PostgreSQL each booking locks its staff row).
 */
export interface SlotGrid {
  staffIds: string[];
  /** Local dates (YYYY-MM-DD) on which all staff work. */
  days: string[];
  /** UTC offset of every day in `days` (the range stays inside one DST period). */
  offset: string;
  /** First start, minutes after local midnight. */
  firstMinute: number;
  slotsPerDay: number;
  stepMin: number;
}

export interface GridSlot {
  staffId: string;
  /** ISO 8601 with offset, as a customer's browser would send it. */
  start: string;
}

export const gridSize = (g: SlotGrid): number => g.staffIds.length * g.days.length * g.slotsPerDay;

const pad = (n: number) => String(n).padStart(2, '0');

export function gridSlot(g: SlotGrid, i: number): GridSlot {
  if (!Number.isInteger(i) || i < 0 || i >= gridSize(g)) throw new RangeError(`slot ${i} is outside the grid`);
  const staffId = g.staffIds[i % g.staffIds.length] as string;
  const j = Math.floor(i / g.staffIds.length);
  const day = g.days[Math.floor(j / g.slotsPerDay)] as string;
  const minute = g.firstMinute + (j % g.slotsPerDay) * g.stepMin;
  return { staffId, start: `${day}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00${g.offset}` };
}

/** `count` consecutive local dates from `first`. */
export function dateRange(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, d) => new Date(start + d * 86_400_000).toISOString().slice(0, 10));
}
