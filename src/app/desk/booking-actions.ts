import { assertTransition } from '../../domain/booking/booking-status.js';
import { DomainError, notFound } from '../../domain/errors.js';
import type { Booking, Locale } from '../../domain/model.js';
import { newId } from '../../security/ids.js';
import { audited } from '../audited.js';
import type { AuthContext } from '../auth/session-model.js';
import { bookAppointment } from '../booking/book-appointment.js';
import { cancelBooking, moveBooking } from '../booking/change-booking.js';
import type { CustomerInput } from '../booking/customer-input.js';
import { decideBooking } from '../booking/decide-booking.js';
import { InputCheck } from '../input-rules.js';
import type { AppContext, Repositories } from '../ports.js';
import { parseInstant, requireTimeZone } from '../time-window.js';
import { type BookingDetail, bookingDetail } from './booking-item.js';
import { type DeskAccess, onlyStaffId, requireDeskAccess, requireInScope, requireOwnStaff } from './desk-access.js';

export interface DeskBookRequest {
  serviceId: string;
  start: string;
  staffId?: string | null;
  timeZone: string;
  customer: CustomerInput;
  notes?: string | null;
  locale?: Locale | null;
  smsReminders?: boolean | null;
}

/**
 * The business books on a customer's behalf (a phone call): the public path's slot rules and
 * double-booking guard, confirmed at once, and the customer gets the usual confirmation.
 */
export async function bookForCustomer(
  ctx: AppContext,
  auth: AuthContext | null,
  request: DeskBookRequest,
  idempotencyKey: string | null,
): Promise<{ booking: BookingDetail; replayed: boolean }> {
  const access = await requireDeskAccess(ctx, auth, 'bookings:write');
  const audit = { orgId: access.orgId, actor: access.actor, action: 'booking.create', objectType: 'booking', objectIds: [] };
  const staffId = await audited(ctx.uow, audit, async () => requireOwnStaff(access, request.staffId));
  const org = await ctx.uow.read((repos) => repos.orgs.findById(access.orgId));
  if (!org) throw notFound('Organization');
  const result = await bookAppointment(ctx, org.slug, { ...request, staffId }, idempotencyKey, access.actor, { byBusiness: true });
  const booking = await detailOf(ctx, access, result.booking.id, request.timeZone);
  return { booking, replayed: result.replayed };
}

async function detailOf(ctx: AppContext, access: DeskAccess, bookingId: string, timeZone: string | null): Promise<BookingDetail> {
  return ctx.uow.read(async (repos) => {
    const booking = await repos.bookings.findById(access.orgId, bookingId);
    if (!booking) throw notFound('Booking');
    return bookingDetail(repos, booking, timeZone ?? (await orgZone(repos, access.orgId)), access.readsHealthNotes);
  });
}

async function orgZone(repos: Repositories, orgId: string): Promise<string> {
  return (await repos.orgs.findById(orgId))?.timeZone ?? 'UTC';
}

function cleanReason(reason: string | null | undefined): string | null {
  const check = new InputCheck();
  const clean = reason ? check.text('reason', reason, 500) : '';
  check.done();
  return clean || null;
}

/** Accepts or declines a booking that waits for the business's approval; the customer is told. */
export async function decideDeskBooking(
  ctx: AppContext,
  auth: AuthContext | null,
  bookingId: string,
  decision: 'approve' | 'decline',
  reason: string | null = null,
): Promise<BookingDetail> {
  const access = await requireDeskAccess(ctx, auth, 'bookings:write', [{ type: 'booking', id: bookingId }]);
  const orgSlug = (await ctx.uow.read((repos) => repos.orgs.findById(access.orgId)))?.slug ?? '';
  const only = onlyStaffId(access);
  await decideBooking(ctx, { orgSlug, bookingId, decision, reason, onlyStaffId: only, userId: access.userId }, access.actor);
  return detailOf(ctx, access, bookingId, null);
}

/** The business cancels: the customer's message says so, reminders are dropped, webhooks told. No cutoff applies. */
export async function cancelDeskBooking(ctx: AppContext, auth: AuthContext | null, bookingId: string, reason: string | null): Promise<BookingDetail> {
  const access = await requireDeskAccess(ctx, auth, 'bookings:write', [{ type: 'booking', id: bookingId }]);
  const audit = { orgId: access.orgId, actor: access.actor, action: 'booking.cancel', objectType: 'booking', objectIds: [bookingId] };
  await audited(ctx.uow, audit, async () => {
    const why = cleanReason(reason);
    await ctx.uow.write(async (repos) => {
      const booking = requireInScope(access, await repos.bookings.findById(access.orgId, bookingId));
      await cancelBooking(repos, booking, why, { by: 'business', userId: access.userId, now: ctx.clock.now() });
      await repos.audit.record({ ...audit, outcome: 'success' });
    });
  });
  return detailOf(ctx, access, bookingId, null);
}

export interface DeskRescheduleRequest {
  start: string;
  /** Another staff member who offers the service; the booking's own when absent. */
  staffId?: string | null;
  /** The zone `start` and the answer are read in; the customer's own zone is kept. */
  timeZone: string;
}

/** Moves a booking to another time still offered (the slot rules apply; the customer cutoff does not). */
export async function rescheduleDeskBooking(
  ctx: AppContext,
  auth: AuthContext | null,
  bookingId: string,
  request: DeskRescheduleRequest,
): Promise<BookingDetail> {
  const access = await requireDeskAccess(ctx, auth, 'bookings:write', [{ type: 'booking', id: bookingId }]);
  const audit = { orgId: access.orgId, actor: access.actor, action: 'booking.reschedule', objectType: 'booking', objectIds: [bookingId] };
  const timeZone = await audited(ctx.uow, audit, async () => {
    const timeZone = requireTimeZone(request.timeZone);
    const start = parseInstant(request.start);
    const peek = await ctx.uow.read(async (repos) => {
      const booking = requireInScope(access, await repos.bookings.findById(access.orgId, bookingId));
      const service = await repos.services.findById(access.orgId, booking.serviceId);
      if (!service) throw notFound('Service');
      return { booking, service };
    });
    const target = requireOwnStaff(access, request.staffId) ?? peek.booking.staffId;
    if (!peek.service.staffIds.includes(target)) throw notFound('Staff member');
    await ctx.uow.write(
      async (repos) => {
        const booking = requireInScope(access, await repos.bookings.findById(access.orgId, bookingId));
        if (booking.serviceId !== peek.service.id) throw new DomainError('conflict', 'The booking was changed by someone else; reload it');
        const move = { booking, service: peek.service, start, staffIds: [target], timeZone: null };
        await moveBooking(repos, move, { by: 'business', userId: access.userId, now: ctx.clock.now() });
        await repos.audit.record({ ...audit, outcome: 'success' });
      },
      { lockStaffIds: [target] },
    );
    return timeZone;
  });
  return detailOf(ctx, access, bookingId, timeZone);
}

/**
 * Records how an appointment ended: completed or no-show, once it has started. A no-show
 * gets no "thank you for your visit".
 */
export async function recordOutcome(
  ctx: AppContext,
  auth: AuthContext | null,
  bookingId: string,
  outcome: 'completed' | 'no_show',
): Promise<BookingDetail> {
  const access = await requireDeskAccess(ctx, auth, 'bookings:write', [{ type: 'booking', id: bookingId }]);
  const action = outcome === 'completed' ? 'booking.complete' : 'booking.no_show';
  const audit = { orgId: access.orgId, actor: access.actor, action, objectType: 'booking', objectIds: [bookingId] };
  await audited(ctx.uow, audit, async () => {
    await ctx.uow.write(async (repos) => {
      const booking = requireInScope(access, await repos.bookings.findById(access.orgId, bookingId));
      assertTransition(booking.status, outcome);
      const now = ctx.clock.now();
      if (now < booking.start) {
        throw new DomainError('booking_not_modifiable', `The appointment has not started yet; it cannot be marked ${outcome === 'completed' ? 'completed' : 'no-show'}`);
      }
      const ended: Booking = { ...booking, status: outcome, updatedAt: now, version: booking.version + 1 };
      await repos.bookings.update(ended, booking.version);
      await repos.bookings.addEvent(access.orgId, { id: newId(now), bookingId, at: now, type: outcome, actor: 'business', data: { by: 'business', userId: access.userId } });
      if (outcome === 'no_show') await repos.outbox.cancelPending(access.orgId, bookingId, ['booking.reminder', 'booking.follow_up']);
      await repos.audit.record({ ...audit, outcome: 'success' });
    });
  });
  return detailOf(ctx, access, bookingId, null);
}
