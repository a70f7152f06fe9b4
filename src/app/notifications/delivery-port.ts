import type { Locale } from '../../domain/model.js';
import type { Channel, MessageOwner, MessageStatus, PublicData, TemplateName } from './outbox-port.js';

/** A message a worker has claimed: its lease keeps other workers away until it expires. */
export interface ClaimedMessage {
  id: string;
  orgId: string;
  idempotencyKey: string;
  channel: Channel;
  template: TemplateName;
  locale: Locale;
  bookingId: string | null;
  owner: MessageOwner;
  data: PublicData;
  status: MessageStatus;
  /** Attempts including this one. */
  attempts: number;
  createdAt: number;
  /** Opened personal part; null when its owner was erased (the key is gone). */
  personal: { to: string; secret: Record<string, string> } | null;
}

/** What became of one delivery attempt. `code` is a machine reason, never personal data. */
export type DeliveryOutcome =
  | { kind: 'sent'; providerRef: string | null }
  | { kind: 'retry'; code: string; at: number }
  | { kind: 'dead'; code: string }
  | { kind: 'skipped'; code: string };

export interface OutboxEntry {
  id: string;
  orgId: string;
  channel: Channel;
  template: TemplateName;
  locale: Locale;
  bookingId: string | null;
  status: MessageStatus;
  attempts: number;
  availableAt: number;
  lastError: string | null;
  createdAt: number;
  finishedAt: number | null;
}

export interface DeliveryAttempt {
  at: number;
  outcome: DeliveryOutcome['kind'];
  code: string | null;
  durationMs: number;
}

export interface OutboxFilter {
  orgId?: string;
  status?: MessageStatus;
  channel?: Channel;
  bookingId?: string;
  /** Webhook deliveries to this endpoint only. */
  webhookEndpointId?: string;
  /** Entries older than this one (newest-first paging). */
  before?: { createdAt: number; id: string };
  limit: number;
}

/** The worker's side of the outbox: claim due messages, record what happened. */
export interface OutboxQueue {
  /** Claims up to `limit` due messages (and ones whose lease ran out) for `leaseMs`. */
  claim(workerId: string, limit: number, now: number, leaseMs: number): Promise<ClaimedMessage[]>;
  /** Records the outcome; ignored when the claim was lost to another worker meanwhile. */
  finish(workerId: string, message: ClaimedMessage, outcome: DeliveryOutcome, now: number, durationMs: number): Promise<boolean>;
  list(filter: OutboxFilter): Promise<OutboxEntry[]>;
  find(id: string): Promise<ClaimedMessage | null>;
  attempts(id: string): Promise<DeliveryAttempt[]>;
  /** Puts a dead letter back in the queue; false when it is not dead. */
  requeue(id: string, now: number): Promise<boolean>;
}
