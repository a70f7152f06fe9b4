import type { Locale } from '../../domain/model.js';

/** How a message travels. Webhooks share the outbox, its retries and its delivery log. */
export type Channel = 'email' | 'sms' | 'webhook';

/** Whose data key seals the message's personal part: erasing them makes it unreadable. */
export interface MessageOwner {
  type: 'customer' | 'user' | 'org';
  id: string;
}

/** Names of the templates in src/notify/templates (and `webhook` for webhook payloads). */
export type TemplateName =
  | 'booking.confirmed'
  | 'booking.request_received'
  | 'booking.approved'
  | 'booking.declined'
  | 'booking.rescheduled'
  | 'booking.cancelled'
  | 'booking.cancelled_by_business'
  | 'staff.booking_created'
  | 'staff.booking_requested'
  | 'staff.booking_rescheduled'
  | 'staff.booking_cancelled'
  | 'booking.reminder'
  | 'booking.follow_up'
  | 'security.code'
  | 'security.notice'
  | 'webhook';

/** Non-personal values a template may show: ids, instants, zone, names of the business and service. */
export type PublicData = Record<string, string | number | boolean | null | string[] | number[]>;

/**
 * One message to deliver, written with `repos.outbox.enqueue` inside the transaction that
 * causes it, so it is sent if and only if that change commits.
 */
export interface MessageToSend {
  orgId: string;
  channel: Channel;
  template: TemplateName;
  locale: Locale;
  /** Unique per message: enqueueing the same key twice keeps the first and returns false. */
  idempotencyKey: string;
  owner: MessageOwner;
  /** Email address, E.164 phone number, or webhook endpoint id. Sealed with the owner's key. */
  to: string;
  data: PublicData;
  /** Personal or secret values (names, manage links, one-time codes): sealed, never logged. */
  secret?: Record<string, string>;
  bookingId?: string | null;
  /** Not before this instant (reminders); now when absent. */
  availableAt?: number;
}

export type MessageStatus = 'pending' | 'sending' | 'sent' | 'dead' | 'cancelled';

/** The write side used by use cases, inside their transaction. */
export interface Outbox {
  /** True when written, false when a message with this idempotency key already exists. */
  enqueue(message: MessageToSend): Promise<boolean>;
  /** Cancels a booking's messages not yet sent (e.g. reminders for a time that changed). */
  cancelPending(orgId: string, bookingId: string, templates: readonly TemplateName[]): Promise<number>;
  /** The organization of a message we wrote; null for an id that is not ours. */
  orgOf(messageId: string): Promise<string | null>;
}
