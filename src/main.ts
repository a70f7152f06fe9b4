import type { AppContext, Clock } from './app/ports.js';
import type { Config } from './config.js';
import { type Database, type DatabaseTarget, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { KyselyAuditLog } from './db/repositories/audit-repository.js';
import { KyselyUnitOfWork } from './db/unit-of-work.js';

export const systemClock: Clock = { now: () => Date.now() };

/** Everything the HTTP server, the CLI and the tests share: the composition root. */
export interface Runtime {
  database: Database;
  ctx: AppContext;
  auditReader: KyselyAuditLog;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  database: DatabaseTarget;
  publicUrl: string;
  clock?: Clock;
  migrate?: boolean;
}

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const clock = options.clock ?? systemClock;
  const database = openDatabase(options.database);
  try {
    if (options.migrate !== false) await migrateToLatest(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  return {
    database,
    ctx: { uow: new KyselyUnitOfWork(database, clock), clock, publicUrl: options.publicUrl },
    auditReader: new KyselyAuditLog(database.db, clock),
    close: () => database.close(),
  };
}

export function runtimeOptionsFrom(config: Config): RuntimeOptions {
  const database: DatabaseTarget =
    config.database.kind === 'sqlite' ? { kind: 'sqlite', file: config.database.file } : { kind: 'postgres', url: config.database.url };
  return { database, publicUrl: config.publicUrl };
}
