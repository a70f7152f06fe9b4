import { findStaffSlots } from './slot-finder.js';
import type { SlotQuery, SlotRules, StaffAvailability, TeamSlot } from './types.js';
import { MS_PER_MINUTE } from '../time/units.js';

/** The distinct values of several ascending lists, ascending; merged pairwise, O(n log k). */
export function unionOfSorted(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return [];
  let round: (readonly number[])[] = [...lists];
  while (round.length > 1) {
    const next: (readonly number[])[] = [];
    for (let i = 0; i < round.length; i += 2) {
      const a = round[i] as readonly number[];
      const b = round[i + 1];
      next.push(b === undefined ? a : mergeTwo(a, b));
    }
    round = next;
  }
  return dedupe(round[0] as readonly number[]);
}

function mergeTwo(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x < y) {
      out.push(x);
      i++;
    } else if (y < x) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  while (i < a.length) out.push(a[i++] as number);
  while (j < b.length) out.push(b[j++] as number);
  return out;
}

/** A single list may still repeat a value; the merged ones never do. */
function dedupe(sorted: readonly number[]): number[] {
  const out: number[] = [];
  for (const value of sorted) {
    if (out.length === 0 || value !== out[out.length - 1]) out.push(value);
  }
  return out;
}

/**
 * "Any available staff": every start at least one member can offer (each by their own
 * hours, zone and bookings), with the members free then in input order. Sorted by start.
 */
export function findTeamSlots(
  staff: readonly StaffAvailability[],
  rules: SlotRules,
  query: SlotQuery,
): TeamSlot[] {
  const perStaff = staff.map((member) => findStaffSlots(member, rules, query));
  const starts = unionOfSorted(perStaff);
  const staffIds: string[][] = starts.map(() => []);
  // Each member's list is a sorted subset of `starts`: one forward walk places its id.
  perStaff.forEach((slots, index) => {
    const staffId = (staff[index] as StaffAvailability).staffId;
    let at = 0;
    for (const start of slots) {
      while ((starts[at] as number) < start) at++;
      (staffIds[at] as string[]).push(staffId);
    }
  });
  const durationMs = rules.durationMin * MS_PER_MINUTE;
  return starts.map((start, i) => ({ start, end: start + durationMs, staffIds: staffIds[i] as string[] }));
}
