/**
 * Conversions between an IANA zone's wall-clock time and instants (epoch ms).
 *
 * Local times are handled as "local ms": the wall-clock reading written as if it were UTC,
 * `epochDay * MS_PER_DAY + minute * MS_PER_MINUTE`. Around a transition one local time can
 * be missing (clocks spring forward) or occur twice (clocks fall back).
 */
import {
  type EpochDay,
  type Weekday,
  formatPlainDate,
  requirePlainDate,
  weekdayOf,
} from './plain-date.js';
import { MINUTES_PER_DAY, MS_PER_DAY, MS_PER_MINUTE } from './units.js';
import { type ZoneOffsets, zoneOffsets } from './zone-offsets.js';

export type LocalTimeResolution =
  /** The local time occurs exactly once. */
  | { kind: 'unique'; instant: number }
  /** Clocks went back: the local time occurs twice; `earlier` < `later`. */
  | { kind: 'ambiguous'; earlier: number; later: number }
  /** Clocks jumped over the local time; `gapEnd` is the instant of the jump. */
  | { kind: 'nonexistent'; gapEnd: number };

/** Every way a local ms reading maps onto instants in a zone. */
export function resolveLocalMs(offsets: ZoneOffsets, localMs: number): LocalTimeResolution {
  // The offsets a day before and after bracket any single transition near this time; each
  // candidate is real only if the zone has that offset at the candidate instant.
  const offsetBefore = offsets.offsetAt(localMs - MS_PER_DAY);
  const offsetAfter = offsets.offsetAt(localMs + MS_PER_DAY);
  const byBefore = localMs - offsetBefore;
  const byAfter = localMs - offsetAfter;
  const beforeFits = offsets.offsetAt(byBefore) === offsetBefore;
  const afterFits = offsetAfter === offsetBefore ? beforeFits : offsets.offsetAt(byAfter) === offsetAfter;
  if (beforeFits && afterFits && byBefore !== byAfter) {
    return {
      kind: 'ambiguous',
      earlier: Math.min(byBefore, byAfter),
      later: Math.max(byBefore, byAfter),
    };
  }
  if (beforeFits) return { kind: 'unique', instant: byBefore };
  if (afterFits) return { kind: 'unique', instant: byAfter };
  // In a gap the old offset puts the reading past the jump; the span there starts at the jump.
  return { kind: 'nonexistent', gapEnd: offsets.spanAt(byBefore).start };
}

/**
 * The instant a local time starts something (a slot): the earlier one when clocks fall back,
 * NaN when the local time does not exist. Allocation-free: this is the slot engine's hot path.
 */
export function localMsToInstant(offsets: ZoneOffsets, localMs: number): number {
  const offsetBefore = offsets.offsetAt(localMs - MS_PER_DAY);
  const offsetAfter = offsets.offsetAt(localMs + MS_PER_DAY);
  const byBefore = localMs - offsetBefore;
  const beforeFits = offsets.offsetAt(byBefore) === offsetBefore;
  if (offsetAfter === offsetBefore) return beforeFits ? byBefore : Number.NaN;
  const byAfter = localMs - offsetAfter;
  const afterFits = offsets.offsetAt(byAfter) === offsetAfter;
  if (beforeFits && afterFits) return Math.min(byBefore, byAfter);
  if (beforeFits) return byBefore;
  return afterFits ? byAfter : Number.NaN;
}

/**
 * The instant a local time bounds an interval (working hours that start or end then): the
 * first moment the wall clock shows it. When the time falls in a gap that is the jump itself,
 * so hours "until 02:30" on a night that skips 02:00-03:00 end at 02:00 = 03:00.
 */
export function localMsToBoundary(offsets: ZoneOffsets, localMs: number): number {
  const resolution = resolveLocalMs(offsets, localMs);
  switch (resolution.kind) {
    case 'unique':
      return resolution.instant;
    case 'ambiguous':
      return resolution.earlier;
    case 'nonexistent':
      return resolution.gapEnd;
  }
}

function checkMinute(minute: number): void {
  if (!Number.isInteger(minute) || minute < 0 || minute > MINUTES_PER_DAY) {
    throw new RangeError(`Minute of day must be an integer in 0..1440, got ${minute}`);
  }
}

/** All readings of a local date (`YYYY-MM-DD`) and minute of day (1440 = next midnight). */
export function resolveLocalTime(
  timeZone: string,
  date: string,
  minute: number,
): LocalTimeResolution {
  checkMinute(minute);
  const localMs = requirePlainDate(date) * MS_PER_DAY + minute * MS_PER_MINUTE;
  return resolveLocalMs(zoneOffsets(timeZone), localMs);
}

/**
 * The instant of a local date and minute of day: the earlier one when clocks fall back,
 * null when clocks skip that time (nothing can start then).
 */
export function localTimeToInstant(timeZone: string, date: string, minute: number): number | null {
  checkMinute(minute);
  const localMs = requirePlainDate(date) * MS_PER_DAY + minute * MS_PER_MINUTE;
  const instant = localMsToInstant(zoneOffsets(timeZone), localMs);
  return Number.isNaN(instant) ? null : instant;
}

export interface LocalDateTime {
  /** `YYYY-MM-DD` */
  date: string;
  epochDay: EpochDay;
  weekday: Weekday;
  /** Whole minutes since local midnight, 0..1439. */
  minute: number;
  /** Milliseconds into that minute. */
  msOfMinute: number;
  /** UTC offset in ms at the instant. */
  offsetMs: number;
}

/** What a wall clock in the zone shows at an instant. */
export function instantToLocal(timeZone: string, epochMs: number): LocalDateTime {
  const offsetMs = zoneOffsets(timeZone).offsetAt(epochMs);
  const localMs = epochMs + offsetMs;
  const epochDay = Math.floor(localMs / MS_PER_DAY);
  const msOfDay = localMs - epochDay * MS_PER_DAY;
  const minute = Math.floor(msOfDay / MS_PER_MINUTE);
  return {
    date: formatPlainDate(epochDay),
    epochDay,
    weekday: weekdayOf(epochDay),
    minute,
    msOfMinute: msOfDay - minute * MS_PER_MINUTE,
    offsetMs,
  };
}

/** The local day (EpochDay) of an instant in a zone, without building strings. */
export function localEpochDayOf(offsets: ZoneOffsets, epochMs: number): EpochDay {
  return Math.floor((epochMs + offsets.offsetAt(epochMs)) / MS_PER_DAY);
}
