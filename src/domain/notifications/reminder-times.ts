import { addDays } from '../time/plain-date.js';
import { instantToLocal, resolveLocalTime } from '../time/local-time.js';
import { MS_PER_MINUTE } from '../time/units.js';
import type { NotificationSettings } from './notification-settings.js';

/** A reminder moved out of quiet hours to the evening before goes this long before they begin. */
const BEFORE_QUIET_MIN = 15;

export interface ReminderTime {
  offsetMin: number;
  /** When it is due. */
  at: number;
}

/**
 * When the reminders of an appointment are due: `offset` minutes (real time) before the start,
 * moved out of quiet hours in the customer's zone (to their end when that is still before the
 * start, else to just before they begin). Reminders already due at `now` are dropped.
 */
export function reminderTimes(
  start: number,
  now: number,
  customerZone: string,
  settings: Pick<NotificationSettings, 'reminderOffsetsMin' | 'quietHours'>,
): ReminderTime[] {
  const out: ReminderTime[] = [];
  const offsets = [...new Set(settings.reminderOffsetsMin)].sort((a, b) => b - a);
  for (const offsetMin of offsets) {
    const due = start - offsetMin * MS_PER_MINUTE;
    const at = settings.quietHours ? outOfQuietHours(due, start, customerZone, settings.quietHours) : due;
    if (at > now && at < start && !out.some((r) => r.at === at)) out.push({ offsetMin, at });
  }
  return out;
}

function outOfQuietHours(due: number, start: number, zone: string, quiet: { startMin: number; endMin: number }): number {
  const local = instantToLocal(zone, due);
  const m = local.minute;
  const wraps = quiet.startMin > quiet.endMin;
  const inQuiet = wraps ? m >= quiet.startMin || m < quiet.endMin : m >= quiet.startMin && m < quiet.endMin;
  if (!inQuiet) return due;
  // Quiet hours that wrap midnight began yesterday when it is early morning now, and end
  // tomorrow when it is late evening now.
  const startDate = wraps && m < quiet.endMin ? addDays(local.date, -1) : local.date;
  const endDate = wraps && m >= quiet.startMin ? addDays(local.date, 1) : local.date;
  const quietEnd = instantAt(zone, endDate, quiet.endMin);
  if (quietEnd < start) return quietEnd;
  return instantAt(zone, startDate, quiet.startMin) - BEFORE_QUIET_MIN * MS_PER_MINUTE;
}

/** The first instant the wall clock shows this time (the jump itself when clocks skip it). */
function instantAt(zone: string, date: string, minute: number): number {
  const r = resolveLocalTime(zone, date, minute);
  if (r.kind === 'unique') return r.instant;
  return r.kind === 'ambiguous' ? r.earlier : r.gapEnd;
}
