import { BOOKING_STATUSES, type BookingStatus } from '../../domain/booking/booking-status.js';
import { invalidRequest } from '../../domain/errors.js';
import { audited } from '../audited.js';
import type { AuthContext } from '../auth/session-model.js';
import type { AppContext } from '../ports.js';
import { localDateRange, requireTimeZone } from '../time-window.js';
import { type BookingDetail, type BookingItem, bookingDetail, bookingItem, loadLookups } from './booking-item.js';
import { type DeskAccess, onlyStaffId, requireDeskAccess, requireInScope } from './desk-access.js';

/** Statuses of bookings the desk runs (holds are a customer's few minutes at checkout, not bookings). */
export const DESK_STATUSES: readonly BookingStatus[] = BOOKING_STATUSES.filter((s) => s !== 'held' && s !== 'expired');

export interface ListBookingsQuery {
  from: string;
  to: string;
  timeZone: string;
  staffId?: string | null;
  serviceId?: string | null;
  /** Comma-separated statuses; every desk status when absent. */
  status?: string | null;
}

function parseStatuses(raw: string | null | undefined): BookingStatus[] {
  if (!raw) return [...DESK_STATUSES];
  const wanted = [...new Set(raw.split(',').map((s) => s.trim()))];
  const unknown = wanted.filter((s) => !(DESK_STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw invalidRequest('Unknown status', [{ path: 'status', message: `statuses are ${DESK_STATUSES.join(', ')}` }]);
  }
  return wanted as BookingStatus[];
}

/** A read of personal data, recorded with the ids it returned (and whether health notes were among it). */
export async function recordRead(ctx: AppContext, access: DeskAccess, action: string, objectType: string, objectIds: string[]): Promise<void> {
  const reason = access.readsHealthNotes ? 'with_health_notes' : null;
  await ctx.uow.write((r) => r.audit.record({ orgId: access.orgId, actor: access.actor, action, objectType, objectIds, outcome: 'success', reason }));
}

/** The staff calendar: bookings starting in [from, to] (local dates in `timeZone`, at most 62 days), by start. */
export async function listBookings(ctx: AppContext, auth: AuthContext | null, q: ListBookingsQuery): Promise<{ timeZone: string; bookings: BookingItem[] }> {
  const access = await requireDeskAccess(ctx, auth, 'bookings:read');
  const audit = { orgId: access.orgId, actor: access.actor, action: 'booking.list', objectType: 'booking', objectIds: [] };
  return audited(ctx.uow, audit, async () => {
    const timeZone = requireTimeZone(q.timeZone);
    const range = localDateRange(timeZone, q.from, q.to);
    const statuses = parseStatuses(q.status);
    const only = onlyStaffId(access);
    const staffId = only ?? q.staffId ?? null;
    const bookings =
      only !== null && q.staffId && q.staffId !== only
        ? []
        : await ctx.uow.read(async (repos) => {
            const found = await repos.bookings.list(access.orgId, { ...range, staffId, serviceId: q.serviceId ?? null, statuses });
            const lookups = await loadLookups(repos, access.orgId, found);
            return found.map((b) => bookingItem(b, lookups, timeZone, access.readsHealthNotes));
          });
    await recordRead(ctx, access, 'booking.list', 'booking', bookings.map((b) => b.id));
    return { timeZone, bookings };
  });
}

/** One booking with its history; times in `timeZone`, else the organization's zone. */
export async function viewBooking(ctx: AppContext, auth: AuthContext | null, bookingId: string, timeZone: string | null): Promise<BookingDetail> {
  const access = await requireDeskAccess(ctx, auth, 'bookings:read', [{ type: 'booking', id: bookingId }]);
  const audit = { orgId: access.orgId, actor: access.actor, action: 'booking.view', objectType: 'booking', objectIds: [bookingId] };
  return audited(ctx.uow, audit, async () => {
    const zone = timeZone ? requireTimeZone(timeZone) : null;
    const detail = await ctx.uow.read(async (repos) => {
      const booking = requireInScope(access, await repos.bookings.findById(access.orgId, bookingId));
      const org = await repos.orgs.findById(access.orgId);
      return bookingDetail(repos, booking, zone ?? org?.timeZone ?? 'UTC', access.readsHealthNotes);
    });
    await recordRead(ctx, access, 'booking.view', 'booking', [detail.id]);
    return detail;
  });
}
