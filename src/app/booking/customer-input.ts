import { InputCheck } from '../input-rules.js';

export interface CustomerInput {
  name: string;
  email: string;
  phone?: string | null;
}

export interface BookingDetailsInput {
  customer: CustomerInput;
  notes?: string | null;
  consent: { privacyNoticeVersion: string };
}

export interface CleanBookingDetails {
  customer: { name: string; email: string; phone: string | null };
  notes: string | null;
  privacyNoticeVersion: string;
}

/** Checks what a customer typed; every problem is reported at once. */
export function cleanBookingDetails(input: BookingDetailsInput): CleanBookingDetails {
  const check = new InputCheck();
  const name = check.line('customer.name', input.customer.name, 200);
  const email = check.email('customer.email', input.customer.email);
  const phone = input.customer.phone ? check.phone('customer.phone', input.customer.phone) : null;
  const notes = input.notes ? check.text('notes', input.notes, 2000) : null;
  const version = check.line('consent.privacyNoticeVersion', input.consent.privacyNoticeVersion, 40);
  check.done();
  return { customer: { name, email, phone }, notes: notes || null, privacyNoticeVersion: version };
}
