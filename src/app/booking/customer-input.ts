import { InputCheck } from '../input-rules.js';

export interface CustomerInput {
  name: string;
  email: string;
  phone?: string | null;
}

export interface BookingDetailsInput {
  customer: CustomerInput;
  notes?: string | null;
  /** The privacy notice the customer accepted; absent only when the business books on their behalf. */
  consent?: { privacyNoticeVersion: string } | null;
}

export interface CleanBookingDetails {
  customer: { name: string; email: string; phone: string | null };
  notes: string | null;
  privacyNoticeVersion: string | null;
}

/**
 * Checks what a customer typed; every problem is reported at once. A customer booking
 * themselves must accept the privacy notice; staff booking for them (on the phone) need not.
 */
export function cleanBookingDetails(input: BookingDetailsInput, consentRequired = true): CleanBookingDetails {
  const check = new InputCheck();
  const name = check.line('customer.name', input.customer.name, 200);
  const email = check.email('customer.email', input.customer.email);
  const phone = input.customer.phone ? check.phone('customer.phone', input.customer.phone) : null;
  const notes = input.notes ? check.text('notes', input.notes, 2000) : null;
  const accepted = input.consent?.privacyNoticeVersion;
  const version = accepted === undefined ? null : check.line('consent.privacyNoticeVersion', accepted, 40);
  check.require(version !== null || !consentRequired, 'consent.privacyNoticeVersion', 'the customer must accept the privacy notice');
  check.done();
  return { customer: { name, email, phone }, notes: notes || null, privacyNoticeVersion: version };
}
