import type { Booking, Customer, Organization, Service, StaffMember } from '../../domain/model.js';
import type { NotificationSettings } from '../../domain/notifications/notification-settings.js';
import { reminderTimes } from '../../domain/notifications/reminder-times.js';
import { MS_PER_MINUTE } from '../../domain/time/units.js';
import type { Repositories } from '../ports.js';
import type { BookingNoticePrefs, WebhookEvent } from './notification-ports.js';
import type { PublicData, TemplateName } from './outbox-port.js';

export type BookingChange = 'created' | 'approved' | 'declined' | 'rescheduled' | 'cancelled';

export interface BookingNoticeInput {
  change: BookingChange;
  /** The booking after the change. */
  booking: Booking;
  /** Before the change (reschedules, cancellations). */
  previous?: Booking | null;
  /** The customer's manage link, when the caller holds its token. */
  manageUrl?: string | null;
  /** Who made the change; a cancellation by the business is worded as such. Customer by default. */
  by?: 'customer' | 'business';
  /** Chosen at booking time; later changes use what was chosen then. */
  prefs?: Partial<BookingNoticePrefs>;
  /** The booking's org, service, staff member and customer, when the caller has just loaded them. */
  known?: KnownParties;
  now: number;
}

type Nullable<T> = { [K in keyof T]: T[K] | null };

export interface KnownParties {
  org: Organization;
  service: Service;
  staff: StaffMember | null;
  customer: Customer | null;
}

interface Loaded {
  org: Organization;
  service: Service;
  staff: StaffMember | null;
  customer: Customer | null;
  prefs: BookingNoticePrefs;
  settings: NotificationSettings;
}

const WEBHOOK_EVENT: Record<BookingChange, WebhookEvent> = {
  created: 'booking.created',
  approved: 'booking.confirmed',
  declined: 'booking.declined',
  rescheduled: 'booking.rescheduled',
  cancelled: 'booking.cancelled',
};

/**
 * Writes every message a booking change causes (customer email with its calendar file, SMS
 * when opted in, reminders, webhooks) into the outbox, in the caller's transaction; reminders
 * written for an earlier time are cancelled.
 */
export async function recordBookingNotices(repos: Repositories, input: BookingNoticeInput): Promise<void> {
  const loaded = await load(repos, input);
  if (!loaded) return;
  const { booking } = input;
  if (input.change !== 'created') await repos.outbox.cancelPending(booking.orgId, booking.id, ['booking.reminder', 'booking.follow_up']);
  if (loaded.customer) await customerMessages(repos, input, loaded, loaded.customer);
  await staffMessages(repos, input, loaded);
  await webhookMessages(repos, input);
}

async function load(repos: Repositories, input: BookingNoticeInput): Promise<Loaded | null> {
  const b = input.booking;
  const [{ org, service, staff, customer }, stored, settings] = await Promise.all([
    input.known ?? loadParties(repos, b),
    input.change === 'created' ? null : repos.notifications.prefs(b.orgId, b.id),
    repos.notifications.settings(b.orgId),
  ]);
  if (!org || !service) return null;
  const prefs: BookingNoticePrefs = {
    locale: input.prefs?.locale ?? stored?.locale ?? org.locale,
    smsOptIn: input.prefs?.smsOptIn ?? stored?.smsOptIn ?? false,
  };
  if (input.change === 'created') await repos.notifications.savePrefs(b.orgId, b.id, prefs);
  return { org, service, staff, customer: customer && !customer.erased ? customer : null, prefs, settings };
}

async function loadParties(repos: Repositories, b: Booking): Promise<Nullable<KnownParties>> {
  const [org, service, staff, customer] = await Promise.all([
    repos.orgs.findById(b.orgId),
    repos.services.findById(b.orgId, b.serviceId),
    repos.staff.findById(b.orgId, b.staffId),
    b.customerId ? repos.customers.findById(b.orgId, b.customerId) : null,
  ]);
  return { org, service, staff, customer };
}

function template(input: BookingNoticeInput): TemplateName {
  const { change, booking: b } = input;
  if (change === 'created') return b.status === 'pending' ? 'booking.request_received' : 'booking.confirmed';
  if (change === 'cancelled' && input.by === 'business') return 'booking.cancelled_by_business';
  return `booking.${change}` as TemplateName;
}

function calendarMethod(input: BookingNoticeInput): 'request' | 'cancel' | null {
  const { change, booking, previous } = input;
  if (change === 'cancelled') return previous?.status === 'confirmed' ? 'cancel' : null;
  return booking.status === 'confirmed' && change !== 'declined' ? 'request' : null;
}

function publicData(input: BookingNoticeInput, l: Loaded): PublicData {
  const b = input.booking;
  const prev = input.previous && input.previous.start !== b.start ? input.previous : null;
  return {
    orgName: l.org.name,
    serviceName: l.service.name,
    staffName: l.staff?.name ?? '',
    bookingId: b.id,
    start: b.start,
    end: b.end,
    timeZone: b.customerTimeZone,
    previousStart: prev?.start ?? null,
    previousEnd: prev?.end ?? null,
    sequence: b.version,
    stamp: input.now,
    ics: calendarMethod(input),
  };
}

async function customerMessages(repos: Repositories, input: BookingNoticeInput, l: Loaded, customer: Customer): Promise<void> {
  const b = input.booking;
  const owner = { type: 'customer' as const, id: customer.id };
  const secret: Record<string, string> = { name: customer.name };
  if (input.manageUrl) secret.manageUrl = input.manageUrl;
  if (l.settings.includeNotesInMessages && b.notes) secret.notes = b.notes;
  const data = publicData(input, l);
  const name = template(input);
  const base = { orgId: b.orgId, template: name, locale: l.prefs.locale, owner, secret, bookingId: b.id };
  await repos.outbox.enqueue({ ...base, channel: 'email', to: customer.email, data, idempotencyKey: `booking:${b.id}:v${b.version}:${name}:email` });
  const sms = l.prefs.smsOptIn && customer.phone ? customer.phone : null;
  // Every change reaches an opted-in phone too: confirmation, request, decision, move, cancellation.
  if (sms) {
    await repos.outbox.enqueue({ ...base, channel: 'sms', to: sms, data, idempotencyKey: `booking:${b.id}:v${b.version}:${name}:sms` });
  }
  if (b.status !== 'confirmed' || input.change === 'declined' || input.change === 'cancelled') return;
  const reminderData: PublicData = { ...data, ics: null, previousStart: null, previousEnd: null };
  for (const r of reminderTimes(b.start, input.now, b.customerTimeZone, l.settings)) {
    const reminder = { ...base, template: 'booking.reminder' as const, data: reminderData, availableAt: r.at };
    const key = `booking:${b.id}:reminder:${b.start}:${r.offsetMin}`;
    await repos.outbox.enqueue({ ...reminder, channel: 'email', to: customer.email, idempotencyKey: `${key}:email` });
    if (sms) await repos.outbox.enqueue({ ...reminder, channel: 'sms', to: sms, idempotencyKey: `${key}:sms` });
  }
  if (l.settings.followUpAfterMin !== null) {
    const at = b.end + l.settings.followUpAfterMin * MS_PER_MINUTE;
    const followUp = { ...base, template: 'booking.follow_up' as const, data: reminderData, availableAt: at };
    await repos.outbox.enqueue({ ...followUp, channel: 'email', to: customer.email, idempotencyKey: `booking:${b.id}:follow_up:${b.start}:email` });
  }
}

async function webhookMessages(repos: Repositories, input: BookingNoticeInput): Promise<void> {
  const b = input.booking;
  const event = WEBHOOK_EVENT[input.change];
  const endpoints = (await repos.webhooks.list(b.orgId)).filter((e) => e.active && e.events.includes(event));
  for (const endpoint of endpoints) {
    await repos.outbox.enqueue({
      orgId: b.orgId,
      channel: 'webhook',
      template: 'webhook',
      locale: 'en',
      owner: { type: 'org', id: b.orgId },
      to: endpoint.id,
      bookingId: b.id,
      // No personal data in webhook payloads: ids, status and times only.
      data: {
        event,
        bookingId: b.id,
        status: b.status,
        serviceId: b.serviceId,
        staffId: b.staffId,
        start: new Date(b.start).toISOString(),
        end: new Date(b.end).toISOString(),
        timeZone: b.customerTimeZone,
      },
      idempotencyKey: `booking:${b.id}:v${b.version}:${event}:webhook:${endpoint.id}`,
    });
  }
}

interface StaffNotice {
  template: TemplateName;
  booking: Booking;
  previous: Booking | null;
}

/** Which staff members hear of a change: a move to someone else is a cancellation for one, a new booking for the other. */
function staffNotices(input: BookingNoticeInput): StaffNotice[] {
  const { change, booking: b } = input;
  const prev = input.previous ?? null;
  if (change === 'created') return [{ template: b.status === 'pending' ? 'staff.booking_requested' : 'staff.booking_created', booking: b, previous: null }];
  if (change === 'cancelled') return [{ template: 'staff.booking_cancelled', booking: b, previous: null }];
  if (change !== 'rescheduled') return [];
  if (prev && prev.staffId !== b.staffId) {
    return [
      { template: 'staff.booking_cancelled', booking: prev, previous: null },
      { template: 'staff.booking_created', booking: b, previous: null },
    ];
  }
  return [{ template: 'staff.booking_rescheduled', booking: b, previous: prev }];
}

/**
 * Tells the staff member, in the organization's language and their own zone, when a booking
 * with them is made, moved or cancelled: service, time and the customer's first name only
 * (never notes or contact details). Sealed with the customer's key, so erasing the customer
 * also erases what still waited.
 */
async function staffMessages(repos: Repositories, input: BookingNoticeInput, l: Loaded): Promise<void> {
  const firstName = l.customer?.name.trim().split(/\s+/)[0] ?? '';
  for (const notice of staffNotices(input)) {
    const b = notice.booking;
    const to = await repos.notifications.staffNoticeAddress(b.orgId, b.staffId);
    if (!to) continue;
    const staff = l.staff?.id === b.staffId ? l.staff : await repos.staff.findById(b.orgId, b.staffId);
    if (!staff) continue;
    const moved = notice.previous && notice.previous.start !== b.start ? notice.previous : null;
    await repos.outbox.enqueue({
      orgId: b.orgId,
      channel: 'email',
      template: notice.template,
      locale: l.org.locale,
      owner: l.customer ? { type: 'customer', id: l.customer.id } : { type: 'org', id: b.orgId },
      to,
      bookingId: b.id,
      data: {
        orgName: l.org.name,
        serviceName: l.service.name,
        staffName: staff.name,
        bookingId: b.id,
        start: b.start,
        end: b.end,
        timeZone: staff.timeZone,
        previousStart: moved?.start ?? null,
        previousEnd: moved?.end ?? null,
      },
      secret: { name: firstName },
      idempotencyKey: `booking:${input.booking.id}:v${input.booking.version}:${notice.template}:staff:${b.staffId}`,
    });
  }
}
