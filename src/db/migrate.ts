import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Database } from './database.js';
import type { Engine } from './engine.js';
import * as foundation from './migrations/0001-foundation.js';
import * as accounts from './migrations/0003-accounts.js';
import * as outbox from './migrations/0002-outbox.js';
import * as staffAccounts from './migrations/0004-staff-accounts.js';
import * as availabilityVersions from './migrations/0006-availability-versions.js';
import * as apiKeys from './migrations/0005-api-keys.js';
import * as bookingCustomerIndex from './migrations/0008-booking-customer-index.js';
import * as antiPhishing from './migrations/0007-anti-phishing-phrase.js';
import * as liveHoldsIndex from './migrations/0009-live-holds-index.js';
import * as busySearchIndex from './migrations/0010-busy-search-index.js';
import * as dropDataKeysMasterIndex from './migrations/0011-drop-data-keys-master-index.js';
import * as customerEmailOrder from './migrations/0012-customer-email-order.js';
import * as holdTokenPartialIndex from './migrations/0013-hold-token-partial-index.js';

interface EngineMigration {
  up(db: Kysely<unknown>, engine: Engine): Promise<void>;
}

/** Migrations live in code (not read from disk) so the built CLI and the tests share them. */
const MIGRATIONS: Record<string, EngineMigration> = {
  '0001-foundation': foundation,
  '0003-accounts': accounts,
  '0002-outbox': outbox,
  '0004-staff-accounts': staffAccounts,
  '0006-availability-versions': availabilityVersions,
  '0005-api-keys': apiKeys,
  '0008-booking-customer-index': bookingCustomerIndex,
  '0007-anti-phishing-phrase': antiPhishing,
  '0009-live-holds-index': liveHoldsIndex,
  '0010-busy-search-index': busySearchIndex,
  '0011-drop-data-keys-master-index': dropDataKeysMasterIndex,
  '0012-customer-email-order': customerEmailOrder,
  '0013-hold-token-partial-index': holdTokenPartialIndex,
};

class CodeMigrationProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      out[name] = { up: (db) => m.up(db, this.engine) };
    }
    return out;
  }
}

/**
 * On PostgreSQL the migration tables are looked up in the connection's own schema: Kysely
 * otherwise finds them in any schema of the database (another tenant's, another test run's)
 * and then fails to use them from this one.
 */
async function migratorFor(database: Database): Promise<Migrator> {
  const provider = new CodeMigrationProvider(database.engine);
  if (database.engine !== 'postgres') return new Migrator({ db: database.db, provider });
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(database.db);
  const schema = rows[0]?.schema;
  return new Migrator({ db: database.db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date; safe to run from several processes at once. */
export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  const migrator = await migratorFor(database);
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** True when every known migration has been applied (used by /readyz). */
export async function migrationsCurrent(database: Database): Promise<boolean> {
  const migrator = await migratorFor(database);
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
