import { assertTransition, canReschedule } from '../../domain/booking/booking-status.js';
import { DomainError, slotUnavailable } from '../../domain/errors.js';
import type { Booking, Service } from '../../domain/model.js';
import { MS_PER_MINUTE } from '../../domain/time/units.js';
import { newId } from '../../security/ids.js';
import { recordBookingNotices } from '../notifications/booking-notices.js';
import type { Repositories } from '../ports.js';
import { MANAGE_LINK_GRACE_MS } from './book-appointment.js';
import { offeredSlots } from './offered-slots.js';

/** Who changes a booking: its customer (manage link) or the business (a signed-in user). */
export interface ChangedBy {
  by: 'customer' | 'business';
  /** The signed-in user, for the booking's history; null for the customer. */
  userId?: string | null;
  /** The customer's manage link, when the caller holds its token (messages then carry it). */
  manageUrl?: string | null;
  now: number;
}

function eventData(who: ChangedBy): Record<string, unknown> {
  return who.userId ? { by: who.by, userId: who.userId } : { by: who.by };
}

/**
 * Cancels a booking inside the caller's transaction: status and reason (sealed), history,
 * and the messages (the customer's notice, reminders dropped, webhook booking.cancelled).
 */
export async function cancelBooking(repos: Repositories, booking: Booking, reason: string | null, who: ChangedBy): Promise<Booking> {
  assertTransition(booking.status, 'cancelled');
  const { now } = who;
  const cancelled: Booking = { ...booking, status: 'cancelled', cancelReason: reason || null, updatedAt: now, version: booking.version + 1 };
  await repos.bookings.update(cancelled, booking.version);
  await repos.bookings.addEvent(cancelled.orgId, { id: newId(now), bookingId: cancelled.id, at: now, type: 'cancelled', actor: who.by, data: eventData(who) });
  await recordBookingNotices(repos, { change: 'cancelled', booking: cancelled, previous: booking, manageUrl: who.manageUrl ?? null, by: who.by, now });
  return cancelled;
}

export interface MoveRequest {
  booking: Booking;
  service: Service;
  start: number;
  /** Who may take the new time; the booking's own staff member is kept when free. */
  staffIds: readonly string[];
  /** The customer's zone from now on; unchanged when null. */
  timeZone: string | null;
}

/**
 * Moves a booking to a start still offered (the same slot rules as a new booking), inside a
 * transaction that holds the staff locks: the id, customer and history stay; reminders
 * follow the new time and the manage link lives until after it.
 */
export async function moveBooking(repos: Repositories, move: MoveRequest, who: ChangedBy): Promise<Booking> {
  const { booking, service, start } = move;
  const { now } = who;
  if (!canReschedule(booking.status)) {
    throw new DomainError('booking_not_modifiable', `A ${booking.status} booking cannot be rescheduled`);
  }
  const slots = await offeredSlots(repos, {
    orgId: booking.orgId,
    service,
    staffIds: [...move.staffIds],
    from: start,
    to: start + 1,
    now,
    ignoreBookingId: booking.id,
  });
  const free = slots.find((s) => s.start === start)?.staffIds ?? [];
  if (free.length === 0) throw slotUnavailable();
  const staffId = free.includes(booking.staffId) ? booking.staffId : (free[0] as string);
  const moved: Booking = {
    ...booking,
    staffId,
    start,
    end: start + service.durationMin * MS_PER_MINUTE,
    busyStart: start - service.bufferBeforeMin * MS_PER_MINUTE,
    busyEnd: start + (service.durationMin + service.bufferAfterMin) * MS_PER_MINUTE,
    customerTimeZone: move.timeZone ?? booking.customerTimeZone,
    updatedAt: now,
    version: booking.version + 1,
  };
  await repos.bookings.update(moved, booking.version);
  await repos.manageTokens.extend(booking.id, moved.end + MANAGE_LINK_GRACE_MS);
  await repos.bookings.addEvent(booking.orgId, {
    id: newId(now),
    bookingId: booking.id,
    at: now,
    type: 'rescheduled',
    actor: who.by,
    data: { ...eventData(who), from: { start: booking.start, staffId: booking.staffId }, to: { start: moved.start, staffId } },
  });
  await recordBookingNotices(repos, { change: 'rescheduled', booking: moved, previous: booking, manageUrl: who.manageUrl ?? null, by: who.by, now });
  return moved;
}
