import { assertTransition, canReschedule } from '../../domain/booking/booking-status.js';
import { DomainError, notFound } from '../../domain/errors.js';
import type { Booking, Service } from '../../domain/model.js';
import { formatInstant } from '../../domain/time/format-instant.js';
import { MS_PER_MINUTE } from '../../domain/time/units.js';
import { hashToken } from '../../security/tokens.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import type { Actor, AppContext, Repositories } from '../ports.js';
import { parseInstant, requireTimeZone } from '../time-window.js';
import { manageUrl } from './book-appointment.js';
import { type BookingView, bookingView } from './booking-view.js';
import { cancelBooking, moveBooking } from './change-booking.js';

export interface ManagedBooking {
  booking: BookingView;
  org: { slug: string; name: string; timeZone: string };
  /** What the customer may still do, and until when. */
  canCancel: boolean;
  canReschedule: boolean;
  changeDeadline: string;
  history: { at: string; type: string }[];
}

interface Located {
  booking: Booking;
  service: Service;
  orgSlug: string;
  orgName: string;
  orgTimeZone: string;
}

/** A manage token opens exactly one booking, until shortly after the appointment. */
async function locate(repos: Repositories, token: string, now: number): Promise<Located> {
  const found = await repos.manageTokens.find(hashToken(token));
  if (!found || found.expiresAt <= now) throw notFound('Booking');
  const [booking, org] = await Promise.all([
    repos.bookings.findById(found.orgId, found.bookingId),
    repos.orgs.findById(found.orgId),
  ]);
  const service = booking ? await repos.services.findById(found.orgId, booking.serviceId) : null;
  if (!booking || !service || !org) throw notFound('Booking');
  return { booking, service, orgSlug: org.slug, orgName: org.name, orgTimeZone: org.timeZone };
}

function deadline(l: Located): number {
  return l.booking.start - l.service.cutoffMin * MS_PER_MINUTE;
}

async function present(repos: Repositories, l: Located, now: number): Promise<ManagedBooking> {
  const { booking, service } = l;
  const [staff, customer, events] = await Promise.all([
    repos.staff.findById(booking.orgId, booking.staffId),
    booking.customerId ? repos.customers.findById(booking.orgId, booking.customerId) : null,
    repos.bookings.events(booking.orgId, booking.id),
  ]);
  const beforeDeadline = now < deadline(l);
  return {
    booking: bookingView(booking, service, staff, customer),
    org: { slug: l.orgSlug, name: l.orgName, timeZone: l.orgTimeZone },
    canCancel: beforeDeadline && (booking.status === 'pending' || booking.status === 'confirmed'),
    canReschedule: beforeDeadline && canReschedule(booking.status),
    changeDeadline: formatInstant(booking.customerTimeZone, deadline(l)),
    history: events.map((e) => ({ at: formatInstant(booking.customerTimeZone, e.at), type: e.type })),
  };
}

export async function viewManagedBooking(ctx: AppContext, token: string, actor: Actor): Promise<ManagedBooking> {
  const audit = { orgId: null, actor, action: 'booking.view', objectType: 'booking', objectIds: [] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const now = ctx.clock.now();
      const l = await locate(repos, token, now);
      const view = await present(repos, l, now);
      await repos.audit.record({ ...audit, orgId: l.booking.orgId, objectIds: [l.booking.id], outcome: 'success' });
      return view;
    }),
  );
}

function assertBeforeDeadline(l: Located, now: number): void {
  if (now >= deadline(l)) {
    throw new DomainError('cutoff_passed', 'This booking can no longer be changed online; please contact the business');
  }
}

export async function cancelManagedBooking(
  ctx: AppContext,
  token: string,
  reason: string | null,
  actor: Actor,
): Promise<ManagedBooking> {
  const check = new InputCheck();
  const cleanReason = reason ? check.text('reason', reason, 500) : null;
  check.done();
  const audit = { orgId: null, actor, action: 'booking.cancel', objectType: 'booking', objectIds: [] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const now = ctx.clock.now();
      const l = await locate(repos, token, now);
      assertTransition(l.booking.status, 'cancelled');
      assertBeforeDeadline(l, now);
      const manageLink = manageUrl(ctx.publicUrl, token);
      const cancelled = await cancelBooking(repos, l.booking, cleanReason, { by: 'customer', manageUrl: manageLink, now });
      await repos.audit.record({ ...audit, orgId: cancelled.orgId, objectIds: [cancelled.id], outcome: 'success' });
      return present(repos, { ...l, booking: cancelled }, now);
    }),
  );
}

/** Moves a booking to another offered slot; the id, the customer and the history stay. */
export async function rescheduleManagedBooking(
  ctx: AppContext,
  token: string,
  newStart: string,
  timeZone: string | null,
  actor: Actor,
): Promise<ManagedBooking> {
  const start = parseInstant(newStart);
  const zone = timeZone ? requireTimeZone(timeZone) : null;
  const audit = { orgId: null, actor, action: 'booking.reschedule', objectType: 'booking', objectIds: [] };
  return audited(ctx.uow, audit, async () => {
    const peek = await ctx.uow.read((repos) => locate(repos, token, ctx.clock.now()));
    const staffIds = peek.booking.assignment?.rule === 'requested' ? [peek.booking.staffId] : peek.service.staffIds;
    return ctx.uow.write(
      async (repos) => {
        const now = ctx.clock.now();
        const l = await locate(repos, token, now);
        if (!canReschedule(l.booking.status)) {
          throw new DomainError('booking_not_modifiable', `A ${l.booking.status} booking cannot be rescheduled`);
        }
        assertBeforeDeadline(l, now);
        const { service, booking } = l;
        const link = manageUrl(ctx.publicUrl, token);
        const moved = await moveBooking(repos, { booking, service, start, staffIds, timeZone: zone }, { by: 'customer', manageUrl: link, now });
        await repos.audit.record({ ...audit, orgId: booking.orgId, objectIds: [booking.id], outcome: 'success' });
        return present(repos, { ...l, booking: moved }, now);
      },
      { lockStaffIds: staffIds },
    );
  });
}
