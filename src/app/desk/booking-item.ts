import type { Booking, BookingEvent, Customer, Service, StaffMember } from '../../domain/model.js';
import { formatInstant } from '../../domain/time/format-instant.js';
import type { Repositories } from '../ports.js';

/** A customer as the desk sees them; an erased customer keeps only the id. */
export interface CustomerSummary {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  erased: boolean;
}

/** One booking on the staff calendar; times in the zone the caller asked for. */
export interface BookingItem {
  id: string;
  status: string;
  serviceId: string;
  serviceName: string;
  staffId: string;
  staffName: string;
  start: string;
  end: string;
  /** Seats this booking takes (always 1; a class has one booking per participant). */
  seats: number;
  /** Seats the service offers at one start (1 for appointments). */
  capacity: number;
  createdAt: string;
  customer: CustomerSummary;
  /** Booking notes and intake answers: present only for callers who may read health notes. */
  notes?: string | null;
}

export interface HistoryEntry {
  at: string;
  type: string;
  actor: string;
  note: string | null;
}

export interface BookingDetail extends BookingItem {
  timeZone: string;
  history: HistoryEntry[];
}

export function customerSummary(id: string, c: Customer | null | undefined): CustomerSummary {
  if (!c || c.erased) return { id, name: '', email: '', phone: null, erased: true };
  return { id: c.id, name: c.name, email: c.email, phone: c.phone, erased: false };
}

/** What rendering a set of bookings needs, loaded once for the whole set. */
export interface BookingLookups {
  services: Map<string, Service>;
  staff: Map<string, StaffMember>;
  customers: Map<string, Customer>;
}

export async function loadLookups(repos: Repositories, orgId: string, bookings: readonly Booking[]): Promise<BookingLookups> {
  const unique = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))];
  const serviceIds = unique(bookings.map((b) => b.serviceId));
  const [services, staff, customers] = await Promise.all([
    Promise.all(serviceIds.map((id) => repos.services.findById(orgId, id))),
    repos.staff.listByIds(orgId, unique(bookings.map((b) => b.staffId))),
    repos.customers.listByIds(orgId, unique(bookings.map((b) => b.customerId))),
  ]);
  return {
    services: new Map(services.filter((s): s is Service => s !== null).map((s) => [s.id, s])),
    staff: new Map(staff.map((s) => [s.id, s])),
    customers: new Map(customers.map((c) => [c.id, c])),
  };
}

export function bookingItem(b: Booking, l: BookingLookups, timeZone: string, withNotes: boolean): BookingItem {
  const service = l.services.get(b.serviceId);
  const item: BookingItem = {
    id: b.id,
    status: b.status,
    serviceId: b.serviceId,
    serviceName: service?.name ?? '',
    staffId: b.staffId,
    staffName: l.staff.get(b.staffId)?.name ?? '',
    start: formatInstant(timeZone, b.start),
    end: formatInstant(timeZone, b.end),
    seats: 1,
    capacity: service?.capacity ?? 1,
    createdAt: formatInstant(timeZone, b.createdAt),
    customer: customerSummary(b.customerId ?? '', b.customerId ? l.customers.get(b.customerId) : null),
  };
  if (withNotes) item.notes = b.notes;
  return item;
}

/**
 * The booking's history. A cancellation or decline carries its reason; a reason the customer
 * wrote is their own words and is shown only to callers who may read health notes.
 */
export function historyOf(b: Booking, events: readonly BookingEvent[], timeZone: string, withNotes: boolean): HistoryEntry[] {
  const lastEnding = [...events].reverse().find((e) => e.type === 'cancelled' || e.type === 'declined');
  return events.map((e) => {
    const carriesReason = e === lastEnding && b.cancelReason !== null && (withNotes || e.actor !== 'customer');
    return { at: formatInstant(timeZone, e.at), type: e.type, actor: e.actor, note: carriesReason ? b.cancelReason : null };
  });
}

export async function bookingDetail(repos: Repositories, b: Booking, timeZone: string, withNotes: boolean): Promise<BookingDetail> {
  const [lookups, events] = await Promise.all([loadLookups(repos, b.orgId, [b]), repos.bookings.events(b.orgId, b.id)]);
  return { ...bookingItem(b, lookups, timeZone, withNotes), timeZone, history: historyOf(b, events, timeZone, withNotes) };
}
