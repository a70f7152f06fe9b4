import { type AssignmentReason, pickStaff } from '../../domain/booking/staff-picker.js';
import type { Organization } from '../../domain/model.js';
import { instantToLocal } from '../../domain/time/local-time.js';
import { addDays } from '../../domain/time/plain-date.js';
import type { Repositories } from '../ports.js';
import { startOfLocalDay } from '../time-window.js';

/**
 * Who takes a booking: the staff member the customer asked for, or the fairest choice among
 * those free at the slot (least booked that local day, then round robin).
 */
export async function assignStaff(
  repos: Repositories,
  org: Organization,
  free: readonly string[],
  start: number,
  requested: string | null | undefined,
): Promise<AssignmentReason> {
  if (requested) {
    return {
      rule: 'requested',
      candidates: [{ staffId: requested, bookingsThatDay: 0, lastAssignedAt: null }],
      chosen: requested,
      explanation: 'staff member chosen by the customer',
    };
  }
  const day = instantToLocal(org.timeZone, start).date;
  const from = startOfLocalDay(org.timeZone, day);
  const to = startOfLocalDay(org.timeZone, addDays(day, 1));
  const [counts, last] = await Promise.all([
    repos.bookings.countLive(org.id, free, from, to),
    repos.staff.lastAssigned(org.id, free),
  ]);
  return pickStaff(
    free.map((staffId) => ({
      staffId,
      bookingsThatDay: counts.get(staffId) ?? 0,
      lastAssignedAt: last.get(staffId) ?? null,
    })),
  );
}
