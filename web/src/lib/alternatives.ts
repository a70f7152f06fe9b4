import type { Slot } from '../api/types';

/** The free times closest to the one the customer wanted, in time order. */
export function nearestAlternatives(slots: readonly Slot[], wanted: string, count = 3): Slot[] {
  const target = Date.parse(wanted);
  return [...slots]
    .sort((a, b) => Math.abs(Date.parse(a.start) - target) - Math.abs(Date.parse(b.start) - target) || Date.parse(a.start) - Date.parse(b.start))
    .slice(0, count)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
