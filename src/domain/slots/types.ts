/** Inputs and outputs of the slot engine. All instants are epoch milliseconds (UTC). */

/** Minutes after local midnight, 0..1440. */
export type LocalMinute = number;

/** A span of local wall-clock time on one day, [start, end). */
export interface LocalInterval {
  start: LocalMinute;
  end: LocalMinute;
}

/** Recurring weekly hours: weekday 0 = Sunday .. 6 = Saturday, in the staff member's zone. */
export interface WeeklyHours {
  weekday: number;
  start: LocalMinute;
  end: LocalMinute;
}

/**
 * A date override replaces the weekly hours of one local date.
 * `intervals: []` is a day off; otherwise the given intervals are the hours that day.
 * `extra` intervals are added to the weekly hours instead of replacing them.
 */
export interface DateOverride {
  date: string; // YYYY-MM-DD, local to the staff member
  kind: 'off' | 'hours' | 'extra';
  intervals: LocalInterval[];
}

/** A date override as stored, with an id to name it by (e.g. to remove it). */
export interface StoredDateOverride extends DateOverride {
  id: string;
}

/** A busy span, epoch ms [start, end); buffers already applied by the caller. */
export interface BusyInterval {
  start: number;
  end: number;
}

export interface StaffAvailability {
  staffId: string;
  timeZone: string;
  weekly: WeeklyHours[];
  overrides: DateOverride[];
  busy: BusyInterval[];
}

export interface SlotRules {
  /** Length of the appointment in minutes. */
  durationMin: number;
  /** Distance between slot starts, on the grid of each working interval's local start. */
  intervalMin: number;
  /** Buffers around the appointment: they must be free (not busy) but may lie outside working hours. */
  bufferBeforeMin: number;
  bufferAfterMin: number;
  /** Earliest start is now + minimumNoticeMin. */
  minimumNoticeMin: number;
  /** Latest start is now + maxAdvanceDays (null: unlimited). */
  maxAdvanceDays: number | null;
}

export interface SlotQuery {
  /** Query window, epoch ms: slots whose start lies in [from, to). */
  from: number;
  to: number;
  /** The clock's now, epoch ms. */
  now: number;
}

/** A slot offered for a team: the start and the staff free at it. */
export interface TeamSlot {
  start: number;
  end: number;
  staffIds: string[];
}
