import type { Kysely } from 'kysely';
import type { AccountRepositories } from '../app/auth/account-ports.js';
import type { OutboxSignal } from '../app/notifications/outbox-signal.js';
import type {
  AuditLog,
  AvailabilityVersions,
  BookingRepository,
  Clock,
  CustomerRepository,
  HoldExpiries,
  IdempotencyRepository,
  ManageTokenRepository,
  OrganizationRepository,
  Repositories,
  ServiceRepository,
  StaffRepository,
} from '../app/ports.js';
import type { CalendarFeedRepository, NotificationRepository, WebhookRepository } from '../app/notifications/notification-ports.js';
import type { MasterKeyProvider } from '../security/crypto/master-key.js';
import type { DataKeyCache } from './crypto/data-key-cache.js';
import { FieldCrypto } from './crypto/field-crypto.js';
import { KeyRing } from './crypto/key-ring.js';
import { accountRepositories } from './repositories/account-repositories.js';
import { KyselyAvailabilityVersions, type VersionMemo } from './repositories/availability-version-repository.js';
import { KyselyAuditLog } from './repositories/audit-repository.js';
import { KyselyBookingRepository } from './repositories/booking-repository.js';
import { KyselyCalendarFeedRepository } from './repositories/calendar-feed-repository.js';
import { KyselyCustomerRepository } from './repositories/customer-repository.js';
import { KyselyHoldExpiries } from './repositories/hold-expiry-repository.js';
import { KyselyIdempotencyRepository } from './repositories/idempotency-repository.js';
import { KyselyManageTokenRepository } from './repositories/manage-token-repository.js';
import { KyselyNotificationRepository } from './repositories/notification-repository.js';
import { KyselyOrganizationRepository } from './repositories/organization-repository.js';
import { KyselyOutbox } from './repositories/outbox-repository.js';
import { KyselyServiceRepository } from './repositories/service-repository.js';
import { KyselyStaffRepository } from './repositories/staff-repository.js';
import { KyselyWebhookRepository } from './repositories/webhook-repository.js';
import type { DB } from './schema.js';

/** What repositories need besides a connection: the clock and the keys for sealed fields. */
export interface RepositoryDeps {
  clock: Clock;
  masterKeys: MasterKeyProvider;
  keyCache: DataKeyCache;
  /**
   * Replaces how sealed fields are handled. Only the encryption-cost benchmark sets it (to
   * measure bookings with and without sealing in one run); the composition root never does.
   */
  fieldCryptoFactory?: (db: Kysely<DB>, deps: RepositoryDeps) => FieldCrypto;
  /** Hears when a committed transaction wrote outbox messages (wakes in-process workers). */
  outboxSignal?: OutboxSignal;
}

export function fieldCrypto(db: Kysely<DB>, deps: RepositoryDeps): FieldCrypto {
  if (deps.fieldCryptoFactory) return deps.fieldCryptoFactory(db, deps);
  return new FieldCrypto(new KeyRing(db, deps.masterKeys, deps.keyCache, () => deps.clock.now()));
}

/**
 * The repositories of one unit of work, each made on first use. Most units of work use two or
 * three of them (a slot answer from the cache only the availability versions), and making all
 * of them, about thirty objects with the account repositories, cost more than such a request.
 * They share one FieldCrypto, so an owner's active key is looked up once per unit of work.
 */
export class KyselyRepositories implements Repositories {
  private made: {
    crypto?: FieldCrypto;
    orgs?: OrganizationRepository;
    services?: ServiceRepository;
    staff?: StaffRepository;
    bookings?: BookingRepository;
    customers?: CustomerRepository;
    manageTokens?: ManageTokenRepository;
    idempotency?: IdempotencyRepository;
    audit?: AuditLog;
    accounts?: AccountRepositories;
    outbox?: KyselyOutbox;
    notifications?: NotificationRepository;
    webhooks?: WebhookRepository;
    calendarFeeds?: CalendarFeedRepository;
    availability?: AvailabilityVersions;
    holdExpiries?: HoldExpiries;
  } = {};

  constructor(
    private readonly db: Kysely<DB>,
    private readonly deps: RepositoryDeps,
    private readonly versions: VersionMemo,
  ) {}

  /** Whether this unit of work wrote outbox messages (asked without making the outbox). */
  get wroteMessages(): boolean {
    return this.made.outbox?.wrote === true;
  }

  private get crypto(): FieldCrypto {
    return (this.made.crypto ??= fieldCrypto(this.db, this.deps));
  }

  get orgs(): OrganizationRepository {
    return (this.made.orgs ??= new KyselyOrganizationRepository(this.db, this.crypto));
  }

  get services(): ServiceRepository {
    return (this.made.services ??= new KyselyServiceRepository(this.db));
  }

  get staff(): StaffRepository {
    return (this.made.staff ??= new KyselyStaffRepository(this.db, this.crypto));
  }

  get bookings(): BookingRepository {
    return (this.made.bookings ??= new KyselyBookingRepository(this.db, this.crypto));
  }

  get customers(): CustomerRepository {
    return (this.made.customers ??= new KyselyCustomerRepository(this.db, this.crypto));
  }

  get manageTokens(): ManageTokenRepository {
    return (this.made.manageTokens ??= new KyselyManageTokenRepository(this.db));
  }

  get idempotency(): IdempotencyRepository {
    return (this.made.idempotency ??= new KyselyIdempotencyRepository(this.db));
  }

  get audit(): AuditLog {
    return (this.made.audit ??= new KyselyAuditLog(this.db, this.deps.clock));
  }

  get accounts(): AccountRepositories {
    return (this.made.accounts ??= accountRepositories(this.db, this.crypto, this.deps.clock));
  }

  get outbox(): KyselyOutbox {
    return (this.made.outbox ??= new KyselyOutbox(this.db, this.crypto, this.deps.clock));
  }

  get notifications(): NotificationRepository {
    return (this.made.notifications ??= new KyselyNotificationRepository(this.db, this.crypto));
  }

  get webhooks(): WebhookRepository {
    return (this.made.webhooks ??= new KyselyWebhookRepository(this.db, this.crypto));
  }

  get calendarFeeds(): CalendarFeedRepository {
    return (this.made.calendarFeeds ??= new KyselyCalendarFeedRepository(this.db));
  }

  get availability(): AvailabilityVersions {
    return (this.made.availability ??= new KyselyAvailabilityVersions(this.db, this.versions));
  }

  get holdExpiries(): HoldExpiries {
    return (this.made.holdExpiries ??= new KyselyHoldExpiries(this.db));
  }
}
