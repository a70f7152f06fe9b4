import type { Kysely } from 'kysely';
import type { OutboxSignal } from '../app/notifications/outbox-signal.js';
import type { Clock, Repositories, UnitOfWork, WriteOptions } from '../app/ports.js';
import type { MasterKeyProvider } from '../security/crypto/master-key.js';
import { DataKeyCache } from './crypto/data-key-cache.js';
import { FieldCrypto } from './crypto/field-crypto.js';
import { KeyRing } from './crypto/key-ring.js';
import type { Database } from './database.js';
import { accountRepositories } from './repositories/account-repositories.js';
import { KyselyAvailabilityVersions, VersionMemo } from './repositories/availability-version-repository.js';
import { KyselyAuditLog } from './repositories/audit-repository.js';
import { KyselyBookingRepository } from './repositories/booking-repository.js';
import { KyselyCalendarFeedRepository } from './repositories/calendar-feed-repository.js';
import { KyselyCustomerRepository } from './repositories/customer-repository.js';
import { KyselyIdempotencyRepository } from './repositories/idempotency-repository.js';
import { KyselyManageTokenRepository } from './repositories/manage-token-repository.js';
import { KyselyNotificationRepository } from './repositories/notification-repository.js';
import { KyselyOrganizationRepository } from './repositories/organization-repository.js';
import { KyselyOutbox } from './repositories/outbox-repository.js';
import { KyselyServiceRepository } from './repositories/service-repository.js';
import { KyselyStaffRepository } from './repositories/staff-repository.js';
import { KyselyWebhookRepository } from './repositories/webhook-repository.js';
import type { DB } from './schema.js';
import { SqliteGroupCommit } from './sqlite-group-commit.js';

const RETRYABLE_PG = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 3;

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

function repositories(db: Kysely<DB>, deps: RepositoryDeps, versions: VersionMemo): Repositories {
  const crypto = fieldCrypto(db, deps);
  const clock = deps.clock;
  return {
    orgs: new KyselyOrganizationRepository(db, crypto),
    services: new KyselyServiceRepository(db),
    staff: new KyselyStaffRepository(db, crypto),
    bookings: new KyselyBookingRepository(db, crypto),
    customers: new KyselyCustomerRepository(db, crypto),
    manageTokens: new KyselyManageTokenRepository(db),
    idempotency: new KyselyIdempotencyRepository(db),
    audit: new KyselyAuditLog(db, clock),
    accounts: accountRepositories(db, crypto, clock),
    outbox: new KyselyOutbox(db, crypto, clock),
    notifications: new KyselyNotificationRepository(db, crypto),
    webhooks: new KyselyWebhookRepository(db, crypto),
    calendarFeeds: new KyselyCalendarFeedRepository(db),
    availability: new KyselyAvailabilityVersions(db, versions),
  };
}

/**
 * Transactions on both engines. SQLite: `BEGIN IMMEDIATE` takes the database write lock up
 * front, so a re-check of availability and the insert that follows see the same state even
 * across processes; transactions waiting together share one COMMIT (SqliteGroupCommit), each
 * in its own savepoint. PostgreSQL: the staff rows are locked (sorted, so two bookings never
 * deadlock) and the exclusion constraint backs that up.
 */
export class KyselyUnitOfWork implements UnitOfWork {
  /** SQLite only: the queue that batches write transactions under one COMMIT. */
  readonly groupCommit: SqliteGroupCommit | null;
  private readonly versions: VersionMemo;

  constructor(
    private readonly database: Database,
    private readonly deps: RepositoryDeps,
  ) {
    this.groupCommit = database.engine === 'sqlite' ? new SqliteGroupCommit(database.db) : null;
    this.versions = new VersionMemo(() => database.changeMark());
  }

  read<T>(fn: (repos: Repositories) => Promise<T>): Promise<T> {
    return fn(repositories(this.database.db, this.deps, this.versions));
  }

  async write<T>(fn: (repos: Repositories) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    if (this.groupCommit) return this.writeSqlite(this.groupCommit, fn);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.writePostgres(fn, options);
      } catch (e) {
        const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
        if (!RETRYABLE_PG.has(code) || attempt >= MAX_ATTEMPTS) throw e;
      }
    }
  }

  private async writeSqlite<T>(groupCommit: SqliteGroupCommit, fn: (repos: Repositories) => Promise<T>): Promise<T> {
    const { result, repos } = await groupCommit.run(async (conn) => {
      const repos = repositories(conn, this.deps, this.versions);
      return { result: await fn(repos), repos };
    });
    this.signalMessages(repos);
    return result;
  }

  private signalMessages(repos: Repositories): void {
    if (repos.outbox instanceof KyselyOutbox && repos.outbox.wrote) this.deps.outboxSignal?.notify();
  }

  private async writePostgres<T>(fn: (repos: Repositories) => Promise<T>, options: WriteOptions): Promise<T> {
    let repos: Repositories | null = null;
    const result = await this.database.db.transaction().execute(async (trx) => {
      const lock = [...new Set(options.lockStaffIds ?? [])].sort();
      if (lock.length > 0) {
        await trx.selectFrom('staff_members').select('id').where('id', 'in', lock).orderBy('id').forUpdate().execute();
      }
      repos = repositories(trx, this.deps, this.versions);
      return fn(repos);
    });
    if (repos) this.signalMessages(repos);
    return result;
  }
}
