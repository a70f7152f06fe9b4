/** Wire shapes of the public booking API (see README, "The API in brief"). */

export interface OrgSummary {
  slug: string;
  name: string;
  timeZone: string;
  locale: string;
}

export interface StaffRef {
  id: string;
  name: string;
}

export interface Price {
  amountCents: number;
  currency: string;
}

export interface Service {
  id: string;
  name: string;
  description: string;
  durationMin: number;
  price: Price | null;
  capacity: number;
  requiresApproval: boolean;
  staff: StaffRef[];
}

export interface ServiceList {
  org: OrgSummary;
  services: Service[];
}

export interface Slot {
  /** ISO 8601 with the offset of the zone asked for. */
  start: string;
  end: string;
  staffIds: string[];
}

export interface SlotList {
  timeZone: string;
  slots: Slot[];
}

export interface Hold {
  holdToken: string;
  expiresAt: string;
  start: string;
  end: string;
  staffId: string;
}

export interface Booking {
  id: string;
  status: string;
  service: { id: string; name: string; durationMin: number };
  staff: StaffRef;
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

export interface BookingCreated {
  booking: Booking;
  manageUrl: string;
  manageToken: string;
}

export interface ManagedBooking {
  booking: Booking;
  org: { slug: string; name: string; timeZone: string };
  canCancel: boolean;
  canReschedule: boolean;
  changeDeadline: string;
  history: { at: string; type: string }[];
}

export interface BookingRequest {
  serviceId: string;
  start: string;
  staffId: string | null;
  timeZone: string;
  customer: { name: string; email: string; phone: string | null };
  notes: string | null;
  consent: { privacyNoticeVersion: string };
  holdToken: string | null;
  locale: 'en' | 'zh-CN';
  /** Confirmation and reminders by SMS too (needs a phone number). */
  smsReminders: boolean;
}

export interface ErrorDetail {
  path?: string;
  message: string;
  reason?: string;
}
