import type { BookingStatus } from '../domain/booking/booking-status.js';
import type {
  Booking,
  BookingEvent,
  Customer,
  Organization,
  Service,
  StaffMember,
  StaffProfile,
  StaffSchedule,
} from '../domain/model.js';
import type { DateOverride, StoredDateOverride, WeeklyHours } from '../domain/slots/types.js';
import type { AccountRepositories } from './auth/account-ports.js';
import type { CalendarFeedRepository, NotificationRepository, WebhookRepository } from './notifications/notification-ports.js';
import type { Outbox } from './notifications/outbox-port.js';
import type { SlotAnswerCache } from './public/slot-answer-cache.js';

/** The app's view of time: always passed in, never read from the wall clock directly. */
export interface Clock {
  now(): number;
}

/** Who is acting: recorded with every change and every read of personal data. */
export interface Actor {
  /** 'api_key': an integration; `id` is the key's id (never its secret). */
  type: 'public' | 'manage_link' | 'user' | 'api_key' | 'cli' | 'system';
  id: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  orgId: string | null;
  actor: Actor;
  action: string;
  objectType: string;
  objectIds: string[];
  outcome: AuditOutcome;
  /** An error code or short machine reason; never personal data. */
  reason?: string | null;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

export interface StoredAuditEntry extends AuditEntry {
  id: string;
  at: number;
}

export interface AuditReader {
  list(filter: { orgId?: string | null; action?: string; limit: number }): Promise<StoredAuditEntry[]>;
}

export interface OrganizationRepository {
  findBySlug(slug: string): Promise<Organization | null>;
  findById(id: string): Promise<Organization | null>;
  insert(org: Organization): Promise<void>;
  list(): Promise<Organization[]>;
  /** Name, zone, locale and booking policies. */
  update(org: Organization): Promise<void>;
  /** Origins that may frame the org's booking page (https, no path); none for an unknown org. */
  allowedFrameOrigins(org: { id: string } | { slug: string }): Promise<string[]>;
  setAllowedFrameOrigins(orgId: string, origins: readonly string[]): Promise<void>;
}

export interface ServiceRepository {
  listActive(orgId: string): Promise<Service[]>;
  findById(orgId: string, id: string): Promise<Service | null>;
  /**
   * The service as one staff member offers it: `staffIds` is that member when they are active
   * and linked to it, else empty. Cheaper than findById's whole staff list.
   */
  findOffering(orgId: string, id: string, staffId: string): Promise<Service | null>;
  /** Every service, inactive ones too, each with all its staff (inactive staff too): the admin's view. */
  listAll(orgId: string): Promise<Service[]>;
  insert(service: Service): Promise<void>;
  /** Changes the service's fields; its staff links are replaced only when `staffIds` is given. */
  update(service: Omit<Service, 'staffIds'>, staffIds?: readonly string[]): Promise<void>;
}

export interface StaffRepository {
  findById(orgId: string, id: string): Promise<StaffMember | null>;
  listByIds(orgId: string, ids: readonly string[]): Promise<StaffMember[]>;
  list(orgId: string): Promise<StaffMember[]>;
  /** The staff member a signed-in user is, if any (staff_members.user_id). */
  findByUserId(orgId: string, userId: string): Promise<StaffMember | null>;
  insert(staff: StaffMember): Promise<void>;
  /** With account, work contact and services: the admin's view (one id, or the whole org). */
  profiles(orgId: string, ids?: readonly string[]): Promise<StaffProfile[]>;
  /** Changes name, zone, active, account and contact; service links are replaced when `serviceIds` is given. */
  update(profile: Omit<StaffProfile, 'serviceIds'>, serviceIds?: readonly string[]): Promise<void>;
  replaceWeeklyHours(orgId: string, staffId: string, hours: WeeklyHours[]): Promise<void>;
  /** Replaces whatever the override's date had; returns the new override's id. */
  replaceOverride(orgId: string, staffId: string, override: DateOverride): Promise<string>;
  /** Overrides with dates in [from, to] (either bound may be absent), by date. */
  overrides(orgId: string, staffId: string, from: string | null, to: string | null): Promise<StoredDateOverride[]>;
  /** False when the staff member has no override with this id. */
  removeOverride(orgId: string, staffId: string, overrideId: string): Promise<boolean>;
  schedules(orgId: string, staffIds: readonly string[]): Promise<StaffSchedule[]>;
  lastAssigned(orgId: string, staffIds: readonly string[]): Promise<Map<string, number | null>>;
  markAssigned(orgId: string, staffId: string, at: number): Promise<void>;
}

/** A live booking's hold on a staff member's time. */
export interface BusyBooking {
  bookingId: string;
  staffId: string;
  serviceId: string;
  start: number;
  busyStart: number;
  busyEnd: number;
  status: BookingStatus;
  /** A hold's end: its time is free again from then on (null for other bookings). */
  holdExpiresAt: number | null;
}

export interface BookingRepository {
  /** Live (held and unexpired, pending, confirmed) bookings of these staff overlapping [from, to). */
  busy(orgId: string, staffIds: readonly string[], from: number, to: number, now: number): Promise<BusyBooking[]>;
  /** Marks holds past their expiry as expired; returns how many. */
  expireHolds(staffIds: readonly string[], now: number): Promise<number>;
  findById(orgId: string, id: string): Promise<Booking | null>;
  findHold(orgId: string, holdTokenHash: string, now: number): Promise<Booking | null>;
  /** Ends a live hold now (status expired); its booking id, or null when no live hold has this token. */
  releaseHold(orgId: string, holdTokenHash: string, now: number): Promise<string | null>;
  insert(booking: Booking, holdTokenHash?: string | null): Promise<void>;
  /** Optimistic update: fails with a conflict if the version moved on. */
  update(booking: Booking, expectedVersion: number): Promise<void>;
  addEvent(orgId: string, event: BookingEvent): Promise<void>;
  events(orgId: string, bookingId: string): Promise<BookingEvent[]>;
  countLive(orgId: string, staffIds: readonly string[], from: number, to: number): Promise<Map<string, number>>;
  /** Bookings with a customer starting in [from, to), by start: the staff calendar. */
  list(orgId: string, filter: BookingListFilter): Promise<Booking[]>;
  /** A customer's bookings, by start; only those of one staff member when `staffId` is given. */
  listForCustomer(orgId: string, customerId: string, staffId: string | null): Promise<Booking[]>;
  /** How many bookings each customer has (with one staff member when `staffId` is given). */
  countForCustomers(orgId: string, customerIds: readonly string[], staffId: string | null): Promise<Map<string, number>>;
}

export interface BookingListFilter {
  from: number;
  to: number;
  staffId?: string | null;
  serviceId?: string | null;
  statuses: readonly BookingStatus[];
}

export interface CustomerRepository {
  findByEmail(orgId: string, email: string): Promise<Customer | null>;
  findById(orgId: string, id: string): Promise<Customer | null>;
  insert(customer: Customer): Promise<void>;
  update(customer: Customer): Promise<void>;
  listByIds(orgId: string, ids: readonly string[]): Promise<Customer[]>;
  /**
   * A page of customers in id order after `afterId`; with `staffId`, only customers who have
   * a booking with that staff member.
   */
  list(orgId: string, page: { limit: number; afterId: string | null; staffId: string | null }): Promise<Customer[]>;
  /** Crypto-shreds the customer's personal data; false when already erased or not found. */
  erase(orgId: string, id: string, now: number): Promise<boolean>;
}

export interface ManageTokenRepository {
  insert(tokenHash: string, orgId: string, bookingId: string, expiresAt: number, now: number): Promise<void>;
  find(tokenHash: string): Promise<{ orgId: string; bookingId: string; expiresAt: number } | null>;
  extend(bookingId: string, expiresAt: number): Promise<void>;
}

export interface IdempotencyRecord {
  requestHash: string;
  statusCode: number;
  /** Sealed with a key derived from the idempotency key itself: unreadable without it. */
  response: string;
}

export interface IdempotencyRepository {
  find(orgId: string, keyHash: string): Promise<IdempotencyRecord | null>;
  insert(orgId: string, keyHash: string, record: IdempotencyRecord, now: number): Promise<void>;
}

/**
 * Counters raised (by the database, in the same transaction) whenever something that decides
 * a service's slots changes: its rules, who offers it, those staff members' hours, overrides
 * and bookings. See src/db/migrations/0006-availability-versions.ts.
 */
export interface AvailabilityVersions {
  /** The counters of an org's service and its staff, as one comparable text; null if no such service. */
  ofService(orgSlug: string, serviceId: string): Promise<string | null>;
}

/**
 * When held time becomes free again by itself: a hold's expiry changes what a service offers
 * without any write, so no availability version moves then.
 */
export interface HoldExpiries {
  /** The earliest expiry after `now` of a live hold on any staff member offering the org's service; null if none. */
  nextOfService(orgId: string, serviceId: string, now: number): Promise<number | null>;
}

export interface Repositories {
  orgs: OrganizationRepository;
  services: ServiceRepository;
  staff: StaffRepository;
  bookings: BookingRepository;
  customers: CustomerRepository;
  manageTokens: ManageTokenRepository;
  idempotency: IdempotencyRepository;
  audit: AuditLog;
  /** Users, memberships, sessions, MFA and sign-in state (src/app/auth/account-ports.ts). */
  accounts: AccountRepositories;
  /** Messages written in the same transaction as the change that causes them. */
  outbox: Outbox;
  notifications: NotificationRepository;
  webhooks: WebhookRepository;
  calendarFeeds: CalendarFeedRepository;
  availability: AvailabilityVersions;
  holdExpiries: HoldExpiries;
}

export interface WriteOptions {
  /** Staff whose time the transaction may take: locked for its duration. */
  lockStaffIds?: readonly string[];
}

/** Transactions: every change runs in one `write`, which either commits whole or not at all. */
export interface UnitOfWork {
  read<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  write<T>(fn: (repos: Repositories) => Promise<T>, options?: WriteOptions): Promise<T>;
}

/** Everything a use case may need; each use case takes only what it names. */
export interface AppContext {
  uow: UnitOfWork;
  clock: Clock;
  publicUrl: string;
  /** This process's cache of computed slot answers (checked against AvailabilityVersions). */
  slotAnswers: SlotAnswerCache;
  /** Erasures kept outside the database (see ErasureLedger). */
  erasures: ErasureLedger;
}

/** One customer's erasure, as the ledger outside the database keeps it: ids only. */
export interface ErasureRecord {
  orgId: string;
  customerId: string;
  erasedAt: number;
}

/**
 * Erasures written down outside the database before they commit, so that restoring a
 * database (or a backup) made before an erasure cannot bring the customer back: every
 * start re-applies the ledger (src/app/privacy/reapply-erasures.ts).
 */
export interface ErasureLedger {
  /** Durable when it returns. */
  record(entry: ErasureRecord): Promise<void>;
  entries(): Promise<ErasureRecord[]>;
}
