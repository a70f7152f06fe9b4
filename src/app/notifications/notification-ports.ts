import type { NotificationSettings } from '../../domain/notifications/notification-settings.js';
import type { Locale } from '../../domain/model.js';

/** What the customer chose for one booking's messages. */
export interface BookingNoticePrefs {
  locale: Locale;
  smsOptIn: boolean;
}

export interface NotificationRepository {
  settings(orgId: string): Promise<NotificationSettings>;
  saveSettings(orgId: string, settings: NotificationSettings, now: number): Promise<void>;
  prefs(orgId: string, bookingId: string): Promise<BookingNoticePrefs | null>;
  savePrefs(orgId: string, bookingId: string, prefs: BookingNoticePrefs): Promise<void>;
  /** Where staff notices go: the staff member's work email, else their user account's; null for neither. */
  staffNoticeAddress(orgId: string, staffId: string): Promise<string | null>;
}

/** Events an endpoint may subscribe to. */
export const WEBHOOK_EVENTS = [
  'booking.created',
  'booking.confirmed',
  'booking.declined',
  'booking.rescheduled',
  'booking.cancelled',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookEndpoint {
  id: string;
  orgId: string;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  createdAt: number;
}

export interface WebhookRepository {
  insert(endpoint: WebhookEndpoint, secret: string): Promise<void>;
  list(orgId: string): Promise<WebhookEndpoint[]>;
  find(orgId: string, id: string): Promise<(WebhookEndpoint & { secret: string }) | null>;
  deactivate(orgId: string, id: string): Promise<boolean>;
}

export interface CalendarFeed {
  id: string;
  orgId: string;
  staffId: string;
  createdAt: number;
  revokedAt: number | null;
}

/** A booking as a staff calendar feed shows it. */
export interface FeedBooking {
  id: string;
  serviceId: string;
  customerId: string | null;
  status: string;
  start: number;
  end: number;
  version: number;
}

export interface CalendarFeedRepository {
  insert(feed: CalendarFeed, tokenHash: string): Promise<void>;
  /** A live (not revoked) feed by its token's hash. */
  findByTokenHash(tokenHash: string): Promise<CalendarFeed | null>;
  revoke(orgId: string, id: string, now: number): Promise<boolean>;
  list(orgId: string, staffId: string): Promise<CalendarFeed[]>;
  /** The staff member's pending and confirmed bookings starting in [from, to). */
  bookings(orgId: string, staffId: string, from: number, to: number): Promise<FeedBooking[]>;
}
