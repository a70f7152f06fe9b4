import { Temporal } from 'temporal-polyfill';
import { MS_PER_DAY } from './units.js';

/** A span of instants [start, end) over which a zone keeps one UTC offset. */
export interface OffsetSpan {
  readonly start: number;
  readonly end: number;
  readonly offsetMs: number;
}

// A span-cache per zone is a few hundred bytes per year of dates asked about; past this many
// spans (centuries of random dates) the cache starts over rather than grow without bound.
const MAX_SPANS_PER_ZONE = 4096;

/**
 * UTC offsets of one IANA zone, looked up through Temporal once per span between two
 * transitions and then answered from memory. Asking Temporal for every conversion is what
 * makes slot computation slow; zones change offset only about twice a year.
 */
export class ZoneOffsets {
  readonly timeZone: string;
  private spans: OffsetSpan[] = [];
  private last: OffsetSpan | undefined;

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  /** The zone's offset from UTC in ms at an instant (local = instant + offset). */
  offsetAt(epochMs: number): number {
    const last = this.last;
    if (last !== undefined && epochMs >= last.start && epochMs < last.end) return last.offsetMs;
    return this.spanAt(epochMs).offsetMs;
  }

  /** The span of constant offset that contains an instant. */
  spanAt(epochMs: number): OffsetSpan {
    const last = this.last;
    if (last !== undefined && epochMs >= last.start && epochMs < last.end) return last;
    const spans = this.spans;
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const span = spans[mid] as OffsetSpan;
      if (epochMs < span.start) hi = mid;
      else if (epochMs >= span.end) lo = mid + 1;
      else {
        this.last = span;
        return span;
      }
    }
    const span = this.loadSpan(epochMs);
    if (spans.length >= MAX_SPANS_PER_ZONE) {
      this.spans = [span];
    } else {
      spans.splice(lo, 0, span);
    }
    this.last = span;
    return span;
  }

  /**
   * The offset that holds for every wall-clock time of a whole local day (its midnight to the
   * next midnight, both included) when no transition is within a day of it; NaN otherwise.
   * With it, local -> instant is one subtraction.
   */
  fixedOffsetOnLocalDay(epochDay: number): number {
    const span = this.spanAt(epochDay * MS_PER_DAY);
    // Any offset lies within +-1 day, so every candidate instant for this day's local times
    // lies in [day - 1, day + 2); if that is one span, the day has a single offset.
    return span.start <= (epochDay - 1) * MS_PER_DAY && span.end > (epochDay + 2) * MS_PER_DAY
      ? span.offsetMs
      : Number.NaN;
  }

  private loadSpan(epochMs: number): OffsetSpan {
    const at = Math.floor(epochMs);
    const here = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(this.timeZone);
    const next = here.getTimeZoneTransition('next');
    // 'previous' looks strictly before its instant; from at + 1 it also finds a transition at `at`.
    const previous = Temporal.Instant.fromEpochMilliseconds(at + 1)
      .toZonedDateTimeISO(this.timeZone)
      .getTimeZoneTransition('previous');
    return {
      start: previous === null ? Number.NEGATIVE_INFINITY : previous.epochMilliseconds,
      end: next === null ? Number.POSITIVE_INFINITY : next.epochMilliseconds,
      offsetMs: here.offsetNanoseconds / 1e6,
    };
  }
}

const zones = new Map<string, ZoneOffsets>();

/** The shared offset cache of a zone. Throws RangeError when the zone is not valid. */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  let offsets = zones.get(timeZone);
  if (offsets === undefined) {
    if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
    offsets = new ZoneOffsets(timeZone);
    zones.set(timeZone, offsets);
  }
  return offsets;
}

/**
 * True for a time zone name Temporal knows (IANA names such as `Europe/Berlin`, `UTC`).
 * Fixed offsets such as `+02:00` are refused: they have no DST rules, so staff hours in one
 * would silently drift by an hour twice a year.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64 || /^[-+0-9]/.test(timeZone)) return false;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}
