import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.js';
import type { Engine } from './engine.js';
import * as foundation from './migrations/0001-foundation.js';
import * as accounts from './migrations/0003-accounts.js';
import * as outbox from './migrations/0002-outbox.js';

interface EngineMigration {
  up(db: Kysely<unknown>, engine: Engine): Promise<void>;
}

/** Migrations live in code (not read from disk) so the built CLI and the tests share them. */
const MIGRATIONS: Record<string, EngineMigration> = {
  '0001-foundation': foundation,
  '0003-accounts': accounts,
  '0002-outbox': outbox,
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

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date; safe to run from several processes at once. */
export async function migrateToLatest(database: Database): Promise<MigrationReport> {
  const migrator = new Migrator({ db: database.db, provider: new CodeMigrationProvider(database.engine) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** True when every known migration has been applied (used by /readyz). */
export async function migrationsCurrent(database: Database): Promise<boolean> {
  const migrator = new Migrator({ db: database.db, provider: new CodeMigrationProvider(database.engine) });
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
