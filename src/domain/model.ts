import type { BookingStatus } from './booking/booking-status.js';
import type { AssignmentReason } from './booking/staff-picker.js';
import type { DateOverride, WeeklyHours } from './slots/types.js';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export interface BookingPolicies {
  /** How long a hold keeps a slot, in minutes. */
  holdMinutes: number;
  /** Hours before the appointment after which customers can no longer cancel or reschedule online. */
  defaultCutoffMinutes: number;
}

export const DEFAULT_POLICIES: BookingPolicies = { holdMinutes: 10, defaultCutoffMinutes: 24 * 60 };

export interface Organization {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  locale: Locale;
  policies: BookingPolicies;
  createdAt: number;
}

export interface Location {
  id: string;
  orgId: string;
  name: string;
  address: string | null;
}

export interface Service {
  id: string;
  orgId: string;
  locationId: string | null;
  name: string;
  description: string;
  durationMin: number;
  priceCents: number | null;
  currency: string | null;
  bufferBeforeMin: number;
  bufferAfterMin: number;
  slotIntervalMin: number;
  minNoticeMin: number;
  maxAdvanceDays: number | null;
  /** 1 for appointments, N for group sessions and classes. */
  capacity: number;
  requiresApproval: boolean;
  /** Minutes before the start after which the customer can no longer cancel or reschedule. */
  cutoffMin: number;
  active: boolean;
  staffIds: string[];
}

export interface StaffMember {
  id: string;
  orgId: string;
  name: string;
  timeZone: string;
  active: boolean;
}

/** A staff member as the business's admins see them: the account and work contact behind them too. */
export interface StaffProfile extends StaffMember {
  /** The user account this staff member signs in with, if any. */
  userId: string | null;
  email: string | null;
  /** E.164. */
  phone: string | null;
  /** The services they offer. */
  serviceIds: string[];
}

export interface StaffSchedule {
  staffId: string;
  timeZone: string;
  weekly: WeeklyHours[];
  overrides: DateOverride[];
}

export interface Customer {
  id: string;
  orgId: string;
  name: string;
  email: string;
  phone: string | null;
  /** Erased customers keep their id (bookings refer to it) and nothing else. */
  erased: boolean;
}

export interface Booking {
  id: string;
  orgId: string;
  serviceId: string;
  staffId: string;
  customerId: string | null;
  status: BookingStatus;
  start: number;
  end: number;
  /** The time the booking keeps from others: start - buffer before, end + buffer after. */
  busyStart: number;
  busyEnd: number;
  /** Capacity-1 bookings may never overlap on one staff member's calendar. */
  capacityOne: boolean;
  customerTimeZone: string;
  notes: string | null;
  assignment: AssignmentReason | null;
  holdExpiresAt: number | null;
  privacyNoticeVersion: string | null;
  cancelReason: string | null;
  createdAt: number;
  updatedAt: number;
  version: number;
}

export interface BookingEvent {
  id: string;
  bookingId: string;
  at: number;
  type: string;
  actor: string;
  data: Record<string, unknown>;
}
