import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { Clock } from '../../src/app/ports.js';
import type { DatabaseTarget } from '../../src/db/database.js';
import type { Engine } from '../../src/db/engine.js';
import { type Runtime, createRuntime } from '../../src/main.js';
import { LocalMasterKeyProvider, type MasterKeyVersion, randomMasterKey } from '../../src/security/crypto/master-key.js';

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface TestDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

/**
 * A fresh, private database: a new SQLite file, or a new PostgreSQL schema, so that test files
 * and concurrent runs never see each other's rows.
 */
export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'slotguard-test-'));
    return { target: { kind: 'sqlite', file: join(dir, 'test.db') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return {
    target: { kind: 'postgres', url: PG_URL, schema, poolSize: 8 },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

export interface TestRuntime extends Runtime {
  clock: FakeClock;
  target: DatabaseTarget;
  /** The one master key (version k1) the runtime started with. */
  masterKey: MasterKeyVersion;
  /** This runtime's erasure ledger (a private temporary file). */
  erasureLedgerFile: string;
  dispose(): Promise<void>;
}

export async function testRuntime(engine: Engine, nowIso = '2027-03-01T00:00:00Z'): Promise<TestRuntime> {
  const fresh = await freshDatabase(engine);
  const clock = new FakeClock(Date.parse(nowIso));
  const masterKey = randomMasterKey('k1');
  const masterKeys = new LocalMasterKeyProvider([masterKey]);
  const erasureLedgerFile = join(mkdtempSync(join(tmpdir(), 'slotguard-erasures-')), 'erasures.log');
  const runtime = await createRuntime({ database: fresh.target, publicUrl: 'https://book.example.test', clock, masterKeys, erasureLedgerFile });
  return {
    ...runtime,
    clock,
    target: fresh.target,
    masterKey,
    erasureLedgerFile,
    dispose: async () => {
      await runtime.close();
      await fresh.drop();
      rmSync(dirname(erasureLedgerFile), { recursive: true, force: true });
    },
  };
}
