import type { Booking, Customer, Service, StaffMember } from '../../domain/model.js';
import { formatInstant } from '../../domain/time/format-instant.js';

/** A booking as its customer (or the business) sees it; times in the customer's zone. */
export interface BookingView {
  id: string;
  status: string;
  service: { id: string; name: string; durationMin: number };
  staff: { id: string; name: string };
  start: string;
  end: string;
  timeZone: string;
  customer: { name: string; email: string; phone: string | null } | null;
  notes: string | null;
  assignment: { rule: string; explanation: string } | null;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export function bookingView(
  b: Booking,
  service: Service,
  staff: StaffMember | null,
  customer: Customer | null,
): BookingView {
  const tz = b.customerTimeZone;
  return {
    id: b.id,
    status: b.status,
    service: { id: service.id, name: service.name, durationMin: service.durationMin },
    staff: { id: b.staffId, name: staff?.name ?? '' },
    start: formatInstant(tz, b.start),
    end: formatInstant(tz, b.end),
    timeZone: tz,
    customer: customer && !customer.erased ? { name: customer.name, email: customer.email, phone: customer.phone } : null,
    notes: b.notes,
    assignment: b.assignment ? { rule: b.assignment.rule, explanation: b.assignment.explanation } : null,
    cancelReason: b.cancelReason,
    createdAt: formatInstant(tz, b.createdAt),
    updatedAt: formatInstant(tz, b.updatedAt),
  };
}
