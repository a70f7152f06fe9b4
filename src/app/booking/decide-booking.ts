import { assertTransition } from '../../domain/booking/booking-status.js';
import { notFound } from '../../domain/errors.js';
import type { Booking } from '../../domain/model.js';
import { newId } from '../../security/ids.js';
import { orgIdForAudit } from '../admin/admin-org.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import { recordBookingNotices } from '../notifications/booking-notices.js';
import type { Actor, AppContext } from '../ports.js';
import { requireOrg } from '../public/load-public.js';

export interface DecideBookingInput {
  orgSlug: string;
  bookingId: string;
  decision: 'approve' | 'decline';
  /** Why a request was declined (sealed, shown to the business only). */
  reason?: string | null;
  /** Acting for one staff member only: another's booking is not found. */
  onlyStaffId?: string | null;
  /** The signed-in user deciding, for the booking's history. */
  userId?: string | null;
}

/** The business accepts or declines a booking that waited for approval; the customer is told. */
export async function decideBooking(ctx: AppContext, input: DecideBookingInput, actor: Actor): Promise<{ id: string; status: string }> {
  const action = input.decision === 'approve' ? 'booking.approve' : 'booking.decline';
  const check = new InputCheck();
  const reason = input.decision === 'decline' && input.reason ? check.text('reason', input.reason, 500) || null : null;
  check.done();
  const audit = { orgId: await orgIdForAudit(ctx, input.orgSlug), actor, action, objectType: 'booking', objectIds: [input.bookingId] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const org = await requireOrg(repos, input.orgSlug);
      const booking = await repos.bookings.findById(org.id, input.bookingId);
      if (!booking || (input.onlyStaffId && booking.staffId !== input.onlyStaffId)) throw notFound('Booking');
      const status = input.decision === 'approve' ? 'confirmed' : 'declined';
      assertTransition(booking.status, status);
      const now = ctx.clock.now();
      const decided: Booking = { ...booking, status, cancelReason: reason ?? booking.cancelReason, updatedAt: now, version: booking.version + 1 };
      await repos.bookings.update(decided, booking.version);
      await repos.bookings.addEvent(org.id, { id: newId(now), bookingId: booking.id, at: now, type: status, actor: 'business', data: input.userId ? { by: 'business', userId: input.userId } : { by: 'business' } });
      const change = input.decision === 'approve' ? 'approved' : 'declined';
      await recordBookingNotices(repos, { change, booking: decided, previous: booking, now });
      await repos.audit.record({ ...audit, orgId: org.id, outcome: 'success' });
      return { id: decided.id, status: decided.status };
    }),
  );
}
