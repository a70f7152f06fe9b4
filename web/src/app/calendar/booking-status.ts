import { ApiError } from '../api';
import { errorKey } from '../errors';
import type { BookingStatus, DeskBooking } from './bookings-api';

/** The statuses the calendar shows by default, and the ones a checkbox adds. */
export const ACTIVE_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed', 'completed', 'no_show'];
export const ENDED_STATUSES: readonly BookingStatus[] = ['cancelled', 'declined'];

/** Each status has its own look (colour plus border or marker) and always its name in text. */
export const statusClass = (status: BookingStatus) => `booking-status-${status.replace('_', '-')}`;

/** What staff may do with a booking in its status (the server checks again). */
export function availableActions(b: Pick<DeskBooking, 'status'>): ('approve' | 'decline' | 'reschedule' | 'cancel' | 'complete' | 'no-show')[] {
  switch (b.status) {
    case 'pending':
      return ['approve', 'decline', 'reschedule', 'cancel'];
    case 'confirmed':
      return ['reschedule', 'cancel', 'complete', 'no-show'];
    default:
      return [];
  }
}

/** Refusals the calendar explains itself (desk.json `errors.<code>`); others get the app's message. */
const DESK_ERRORS = new Set(['slot_unavailable', 'invalid_transition', 'cutoff_passed', 'booking_not_active', 'outside_hours', 'not_found']);

export function deskErrorKey(error: unknown): string {
  if (error instanceof ApiError) {
    if (DESK_ERRORS.has(error.code)) return `desk:errors.${error.code}`;
    if (error.status === 409) return 'desk:errors.conflict';
  }
  return errorKey(error);
}
