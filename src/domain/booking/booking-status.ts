import { DomainError } from '../errors.js';

/**
 * Booking state machine.
 * held -> pending | confirmed | expired; pending -> confirmed | declined | cancelled;
 * confirmed -> cancelled | completed | no_show. Rescheduling keeps the status and the id.
 */
export const BOOKING_STATUSES = [
  'held',
  'pending',
  'confirmed',
  'cancelled',
  'declined',
  'expired',
  'completed',
  'no_show',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

const TRANSITIONS: Record<BookingStatus, readonly BookingStatus[]> = {
  held: ['pending', 'confirmed', 'expired', 'cancelled'],
  pending: ['confirmed', 'declined', 'cancelled'],
  confirmed: ['cancelled', 'completed', 'no_show'],
  cancelled: [],
  declined: [],
  expired: [],
  completed: [],
  no_show: [],
};

/** Statuses whose time is taken on the staff member's calendar. */
export const OCCUPYING_STATUSES: readonly BookingStatus[] = ['held', 'pending', 'confirmed'];

export function occupiesTime(status: BookingStatus): boolean {
  return OCCUPYING_STATUSES.includes(status);
}

export function canTransition(from: BookingStatus, to: BookingStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: BookingStatus, to: BookingStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError('booking_not_modifiable', `A ${from} booking cannot become ${to}`);
  }
}

/** Only live bookings may move to a new time. */
export function canReschedule(status: BookingStatus): boolean {
  return status === 'pending' || status === 'confirmed';
}
