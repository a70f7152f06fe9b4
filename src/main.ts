import { OutboxSignal } from './app/notifications/outbox-signal.js';
import type { AppContext, Clock } from './app/ports.js';
import { SlotAnswerCache } from './app/public/slot-answer-cache.js';
import type { Config } from './config.js';
import { type Database, type DatabaseTarget, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { FileErasureLedger, databaseOnlyErasures } from './db/backup/erasure-ledger.js';
import { KyselyAuditLog } from './db/repositories/audit-repository.js';
import { KyselyOutboxQueue } from './db/repositories/outbox-queue-repository.js';
import { DataKeyCache } from './db/crypto/data-key-cache.js';
import { KyselyUnitOfWork, fieldCrypto } from './db/unit-of-work.js';
import { loadMasterKeys } from './security/crypto/master-key-source.js';
import type { MasterKeyProvider } from './security/crypto/master-key.js';

export const systemClock: Clock = { now: () => Date.now() };

/** Everything the HTTP server, the CLI and the tests share: the composition root. */
export interface Runtime {
  database: Database;
  masterKeys: MasterKeyProvider;
  ctx: AppContext;
  auditReader: KyselyAuditLog;
  /** The worker's side of the outbox, and the signal that new messages committed. */
  outboxQueue: KyselyOutboxQueue;
  outboxSignal: OutboxSignal;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  database: DatabaseTarget;
  publicUrl: string;
  masterKeys: MasterKeyProvider;
  clock?: Clock;
  migrate?: boolean;
  /** Where erasures are written down outside the database; none: only in the database. */
  erasureLedgerFile?: string;
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
  const outboxSignal = new OutboxSignal();
  const deps = { clock, masterKeys: options.masterKeys, keyCache: new DataKeyCache(), outboxSignal };
  const uow = new KyselyUnitOfWork(database, deps);
  return {
    database,
    masterKeys: options.masterKeys,
    ctx: {
      uow,
      clock,
      publicUrl: options.publicUrl,
      slotAnswers: new SlotAnswerCache(),
      erasures: options.erasureLedgerFile ? new FileErasureLedger(options.erasureLedgerFile) : databaseOnlyErasures,
    },
    auditReader: new KyselyAuditLog(database.db, clock),
    outboxQueue: new KyselyOutboxQueue(database.db, database.engine, fieldCrypto(database.db, deps)),
    outboxSignal,
    close: () => database.close(),
  };
}

/** Options from the validated configuration; `warn` hears about a development master key. */
export function runtimeOptionsFrom(config: Config, warn: (message: string) => void = () => {}): RuntimeOptions {
  const database: DatabaseTarget =
    config.database.kind === 'sqlite' ? { kind: 'sqlite', file: config.database.file } : { kind: 'postgres', url: config.database.url };
  const keys = loadMasterKeys({ ...config.masterKey, production: config.nodeEnv === 'production' }, Date.now());
  if (keys.warning) warn(keys.warning);
  return { database, publicUrl: config.publicUrl, masterKeys: keys.provider, erasureLedgerFile: config.erasureLedgerFile };
}
