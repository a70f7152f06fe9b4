import { DomainError, notFound, slotUnavailable } from '../../domain/errors.js';
import type { Booking, Customer, Locale, Organization, Service } from '../../domain/model.js';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../domain/time/units.js';
import { newId } from '../../security/ids.js';
import { fingerprint, hashToken, newSecretToken, openWithSecret, sealWithSecret } from '../../security/tokens.js';
import { audited } from '../audited.js';
import { recordBookingNotices } from '../notifications/booking-notices.js';
import type { Actor, AppContext, IdempotencyRecord, Repositories } from '../ports.js';
import { candidateStaff, requireOrg, requireService } from '../public/load-public.js';
import { parseInstant, requireTimeZone } from '../time-window.js';
import { assignStaff } from './assign-staff.js';
import { type BookingView, bookingView } from './booking-view.js';
import { type BookingDetailsInput, type CleanBookingDetails, cleanBookingDetails } from './customer-input.js';
import { offeredSlots } from './offered-slots.js';

export interface BookRequest extends BookingDetailsInput {
  serviceId: string;
  start: string;
  staffId?: string | null;
  timeZone: string;
  holdToken?: string | null;
  /** Language of the customer's messages; the business's when absent. */
  locale?: Locale | null;
  /** The customer agreed to SMS reminders (needs a phone number). */
  smsReminders?: boolean | null;
}

export interface BookResult {
  booking: BookingView;
  manageToken: string;
  manageUrl: string;
  /** True when this answers a retry of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/** Who books: the customer on the public page, or the business on their behalf (a phone call). */
export interface BookOptions {
  /**
   * The business books: the booking is confirmed at once (the business approves its own
   * booking) and no privacy-notice consent is asked of the caller.
   */
  byBusiness?: boolean;
}

/** How long after the appointment its manage link keeps working. */
export const MANAGE_LINK_GRACE_MS = 24 * MS_PER_HOUR;

export function manageUrl(publicUrl: string, token: string): string {
  // The token travels in the fragment: browsers never send it to a server or in a Referer.
  return `${publicUrl}/manage#${token}`;
}

/**
 * Books a slot for a customer: one transaction that locks the staff members' time, re-checks
 * that the start is still offered, assigns staff, and writes the booking, its history, its
 * manage token and the audit entry together.
 */
export async function bookAppointment(
  ctx: AppContext,
  orgSlug: string,
  request: BookRequest,
  idempotencyKey: string | null,
  actor: Actor,
  options: BookOptions = {},
): Promise<BookResult> {
  const byBusiness = options.byBusiness === true;
  const timeZone = requireTimeZone(request.timeZone);
  const start = parseInstant(request.start);
  const details = cleanBookingDetails(request, !byBusiness);
  const { org, service } = await ctx.uow.read(async (repos) => {
    const org = await requireOrg(repos, orgSlug);
    return { org, service: await requireBookableService(repos, org, request.serviceId, request.staffId) };
  });
  const staffIds = candidateStaff(service, request.staffId);
  const keyHash = idempotencyKey ? hashToken(`${org.id}:${idempotencyKey}`) : null;
  const requestHash = fingerprint(byBusiness ? { ...request, byBusiness } : request);
  const audit = { orgId: org.id, actor, action: 'booking.create', objectType: 'booking', objectIds: [] };

  return audited(ctx.uow, audit, () =>
    ctx.uow.write(
      async (repos) => {
        if (keyHash && idempotencyKey) {
          const prior = await repos.idempotency.find(org.id, keyHash);
          if (prior) return replay(repos, prior, requestHash, idempotencyKey, { ...audit, orgId: org.id });
        }
        const now = ctx.clock.now();
        const result = await createBooking(repos, ctx, { org, service, staffIds, start, timeZone, details, request, now, byBusiness });
        await repos.audit.record({ ...audit, objectIds: [result.booking.id], outcome: 'success' });
        if (keyHash && idempotencyKey) {
          const record: IdempotencyRecord = {
            requestHash,
            statusCode: 201,
            response: sealWithSecret(idempotencyKey, JSON.stringify(result)),
          };
          await repos.idempotency.insert(org.id, keyHash, record, now);
        }
        return result;
      },
      { lockStaffIds: staffIds },
    ),
  );
}

/** With a named staff member, only that member's link is checked (not the whole staff list). */
async function requireBookableService(
  repos: Repositories,
  org: Organization,
  serviceId: string,
  staffId: string | null | undefined,
): Promise<Service> {
  if (!staffId) return requireService(repos, org, serviceId);
  const service = await repos.services.findOffering(org.id, serviceId, staffId);
  if (!service || !service.active) throw notFound('Service');
  return service;
}

interface NewBooking {
  org: Organization;
  service: Service;
  staffIds: string[];
  start: number;
  timeZone: string;
  details: CleanBookingDetails;
  request: BookRequest;
  now: number;
  byBusiness: boolean;
}

async function createBooking(repos: Repositories, ctx: AppContext, n: NewBooking): Promise<BookResult> {
  const { org, service, start, now } = n;
  await repos.bookings.expireHolds(n.staffIds, now);
  const hold = n.request.holdToken ? await repos.bookings.findHold(org.id, hashToken(n.request.holdToken), now) : null;
  if (n.request.holdToken && (!hold || hold.serviceId !== service.id || hold.start !== start || !n.staffIds.includes(hold.staffId))) {
    throw slotUnavailable('The hold has expired or is for another time');
  }
  const candidates = hold ? [hold.staffId] : n.staffIds;
  const slots = await offeredSlots(repos, {
    orgId: org.id,
    service,
    staffIds: candidates,
    from: start,
    to: start + 1,
    now,
    ignoreBookingId: hold?.id ?? null,
  });
  const free = slots.find((s) => s.start === start)?.staffIds ?? [];
  if (free.length === 0) throw slotUnavailable();

  const assignment = await assignStaff(repos, org, free, start, n.request.staffId ?? (hold ? hold.staffId : null));
  const customer = await saveCustomer(repos, org.id, n.details.customer);
  const status = service.requiresApproval && !n.byBusiness ? 'pending' : 'confirmed';
  const booking: Booking = {
    id: hold?.id ?? newId(now),
    orgId: org.id,
    serviceId: service.id,
    staffId: assignment.chosen,
    customerId: customer.id,
    status,
    start,
    end: start + service.durationMin * MS_PER_MINUTE,
    busyStart: start - service.bufferBeforeMin * MS_PER_MINUTE,
    busyEnd: start + (service.durationMin + service.bufferAfterMin) * MS_PER_MINUTE,
    capacityOne: service.capacity === 1,
    customerTimeZone: n.timeZone,
    notes: n.details.notes,
    assignment,
    holdExpiresAt: null,
    privacyNoticeVersion: n.details.privacyNoticeVersion,
    cancelReason: null,
    createdAt: hold?.createdAt ?? now,
    updatedAt: now,
    version: hold ? hold.version + 1 : 1,
  };
  if (hold) await repos.bookings.update(booking, hold.version);
  else await repos.bookings.insert(booking);
  if (!n.request.staffId) await repos.staff.markAssigned(org.id, booking.staffId, now);
  await repos.bookings.addEvent(org.id, {
    id: newId(now),
    bookingId: booking.id,
    at: now,
    type: hold ? 'hold_converted' : 'created',
    actor: n.byBusiness ? 'business' : 'customer',
    data: { status, start: booking.start, end: booking.end, staffId: booking.staffId },
  });
  const token = newSecretToken();
  await repos.manageTokens.insert(hashToken(token), org.id, booking.id, booking.end + MANAGE_LINK_GRACE_MS, now);
  const prefs = { locale: n.request.locale ?? undefined, smsOptIn: n.request.smsReminders === true };
  const staff = await repos.staff.findById(org.id, booking.staffId);
  const known = { org, service, staff, customer };
  await recordBookingNotices(repos, { change: 'created', booking, manageUrl: manageUrl(ctx.publicUrl, token), prefs, known, now });
  return {
    booking: bookingView(booking, service, staff, customer),
    manageToken: token,
    manageUrl: manageUrl(ctx.publicUrl, token),
    replayed: false,
  };
}

/** A returning customer is recognized by email; what they typed last is kept. */
async function saveCustomer(repos: Repositories, orgId: string, input: CleanBookingDetails['customer']): Promise<Customer> {
  const existing = await repos.customers.findByEmail(orgId, input.email);
  if (!existing || existing.erased) {
    const customer: Customer = { id: newId(), orgId, ...input, erased: false };
    await repos.customers.insert(customer);
    return customer;
  }
  const updated: Customer = { ...existing, name: input.name, phone: input.phone ?? existing.phone };
  if (updated.name !== existing.name || updated.phone !== existing.phone) await repos.customers.update(updated);
  return updated;
}

async function replay(
  repos: Repositories,
  prior: IdempotencyRecord,
  requestHash: string,
  idempotencyKey: string,
  audit: { orgId: string; actor: Actor; action: string; objectType: string },
): Promise<BookResult> {
  if (prior.requestHash !== requestHash) {
    throw new DomainError('idempotency_conflict', 'This Idempotency-Key was already used for a different request');
  }
  const first = JSON.parse(openWithSecret(idempotencyKey, prior.response)) as BookResult;
  await repos.audit.record({ ...audit, objectIds: [first.booking.id], outcome: 'success', reason: 'idempotent_replay' });
  return { ...first, replayed: true };
}
