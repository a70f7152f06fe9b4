import { formatPlainDate } from './plain-date.js';
import { MS_PER_DAY } from './units.js';
import { zoneOffsets } from './zone-offsets.js';

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `+02:00`, `-03:30`, `+00:00`; seconds only for historical offsets that have them. */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const totalSeconds = Math.round(Math.abs(offsetMs) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return `${sign}${pad2(hours)}:${pad2(minutes)}${seconds === 0 ? '' : `:${pad2(seconds)}`}`;
}

/**
 * ISO 8601 with the zone's offset at that instant, as sent on the wire:
 * `2027-03-29T09:00:00+02:00` (milliseconds appear only when not zero).
 */
export function formatInstant(timeZone: string, epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`Not an instant: ${epochMs}`);
  const offsetMs = zoneOffsets(timeZone).offsetAt(epochMs);
  const localMs = epochMs + offsetMs;
  const epochDay = Math.floor(localMs / MS_PER_DAY);
  const msOfDay = localMs - epochDay * MS_PER_DAY;
  const hours = Math.floor(msOfDay / 3_600_000);
  const minutes = Math.floor((msOfDay % 3_600_000) / 60_000);
  const seconds = Math.floor((msOfDay % 60_000) / 1000);
  const millis = msOfDay % 1000;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  return `${formatPlainDate(epochDay)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}${fraction}${formatOffset(offsetMs)}`;
}
