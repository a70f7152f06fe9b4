import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCustomer } from '../src/app/privacy/erase-customer.js';
import { reapplyErasures } from '../src/app/privacy/reapply-erasures.js';
import { backupKeyring, parseBackupSecrets } from '../src/db/backup/backup-keys.js';
import { FileErasureLedger } from '../src/db/backup/erasure-ledger.js';
import { createSqliteBackup } from '../src/db/backup/sqlite-backup.js';
import { restoreSqliteBackup } from '../src/db/backup/sqlite-restore.js';
import { DataKeyCache } from '../src/db/crypto/data-key-cache.js';
import { DataKeyDestroyedError } from '../src/db/crypto/key-ring.js';
import type { CustomersTable, DB, DataKeysTable } from '../src/db/schema.js';
import { fieldCrypto } from '../src/db/unit-of-work.js';
import { buildHttpApp } from '../src/http/app.js';
import { type Runtime, createRuntime } from '../src/main.js';
import { runCli } from './support/cli.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, bookingBody, seedShop } from './support/fixtures.js';

const admin = { type: 'cli' as const, id: 'tester' };
const MARKER = { name: 'Zed Ledgerwood', email: 'zed.ledgerwood@example.org', phone: '+4930555000111' };
const OTHER = { name: 'Olga Keeps', email: 'olga.keeps@example.org' };

/** Books for the customer and answers their id. */
async function book(rt: TestRuntime, app: FastifyInstance, shop: Shop, start: string, customer: { name: string; email: string }): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/orgs/shop/bookings', payload: bookingBody(shop, start, { customer, notes: 'allergic to ledger ink' }) });
  expect(res.statusCode).toBe(201);
  const found = await rt.ctx.uow.read((r) => r.customers.findByEmail(shop.orgId, customer.email));
  if (!found) throw new Error('the booking made no customer');
  return found.id;
}

/** The customer's sealed name as the database holds it now. */
async function sealedName(rt: Pick<Runtime, 'database'>, customerId: string): Promise<string> {
  const row = await rt.database.db.selectFrom('customers').select('name_enc').where('id', '=', customerId).executeTakeFirstOrThrow();
  return row.name_enc;
}

/**
 * Opens a sealed name with the keys the database holds, through a fresh key cache (as after
 * a restart); by default the name the database holds now.
 */
async function readName(rt: Pick<Runtime, 'database' | 'masterKeys'>, customerId: string, sealed?: string): Promise<string> {
  const crypto = fieldCrypto(rt.database.db, { clock: { now: () => Date.now() }, masterKeys: rt.masterKeys, keyCache: new DataKeyCache() });
  return crypto.open({ table: 'customers', column: 'name', rowId: customerId }, sealed ?? (await sealedName(rt, customerId)));
}

interface OlderCopy {
  customer: Selectable<CustomersTable>;
  keys: Selectable<DataKeysTable>[];
}

async function copyOf(db: Kysely<DB>, customerId: string): Promise<OlderCopy> {
  return {
    customer: await db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirstOrThrow(),
    keys: await db.selectFrom('data_keys').selectAll().where('owner_id', '=', customerId).execute(),
  };
}

/** Puts the rows back as restoring an older dump (pg_dump | psql, or an older file) would. */
async function putBack(db: Kysely<DB>, copy: OlderCopy): Promise<void> {
  const { id, ...customer } = copy.customer;
  await db.updateTable('customers').set(customer).where('id', '=', id).execute();
  for (const { id: keyId, ...key } of copy.keys) await db.updateTable('data_keys').set(key).where('id', '=', keyId).execute();
}

describe.each(ENGINES)('the erasure ledger on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let erasedId: string;
  let keptId: string;
  let older: OlderCopy;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    shop = await seedShop(rt);
    app = await buildHttpApp(rt);
    erasedId = await book(rt, app, shop, '2027-03-03T09:00:00+01:00', MARKER);
    keptId = await book(rt, app, shop, '2027-03-03T10:00:00+01:00', OTHER);
    older = await copyOf(rt.database.db, erasedId);
    await eraseCustomer(rt.ctx, { orgSlug: 'shop', customerId: erasedId }, admin);
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  it('writes the erasure outside the database: ids and an instant, no personal data, 0600', async () => {
    const text = readFileSync(rt.erasureLedgerFile, 'utf8');
    expect(statSync(rt.erasureLedgerFile).mode & 0o777).toBe(0o600);
    for (const marker of Object.values(MARKER)) expect(text).not.toContain(marker);
    expect(await new FileErasureLedger(rt.erasureLedgerFile).entries()).toEqual([{ orgId: shop.orgId, customerId: erasedId, erasedAt: rt.clock.now() }]);
  });

  it('erases again a customer that an older copy of the database brought back, and only them', async () => {
    await putBack(rt.database.db, older);
    // The older copy really is readable again: without the ledger the customer would be back.
    expect(await readName(rt, erasedId)).toBe(MARKER.name);

    expect(await reapplyErasures(rt.ctx, admin)).toEqual({ checked: 1, reapplied: 1 });
    await expect(readName(rt, erasedId, older.customer.name_enc)).rejects.toBeInstanceOf(DataKeyDestroyedError);
    expect(await readName(rt, keptId)).toBe(OTHER.name);
    const keys = await rt.database.db.selectFrom('data_keys').selectAll().where('owner_id', '=', erasedId).execute();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.wrapped === null && k.destroyed_at !== null)).toBe(true);
    const audit = await rt.auditReader.list({ orgId: shop.orgId, action: 'customer.erase.reapplied', limit: 5 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'success', objectIds: [erasedId] });

    // Nothing left to do the second time.
    expect(await reapplyErasures(rt.ctx, admin)).toEqual({ checked: 1, reapplied: 0 });
  });
});

describe('an erased customer in an older SQLite backup', () => {
  const BACKUP_KEY = randomBytes(32).toString('base64');
  const keyring = backupKeyring(parseBackupSecrets(BACKUP_KEY, 'BACKUP_KEY'));
  let dir: string;
  let rt: TestRuntime;
  let app: FastifyInstance;
  let erasedId: string;
  let keptId: string;
  let backupFile: string;
  /** The erased customer's sealed name as the backup holds it. */
  let sealedInBackup: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'slotguard-erasure-backup-'));
    rt = await testRuntime('sqlite');
    const shop = await seedShop(rt);
    app = await buildHttpApp(rt);
    erasedId = await book(rt, app, shop, '2027-03-03T09:00:00+01:00', MARKER);
    keptId = await book(rt, app, shop, '2027-03-03T10:00:00+01:00', OTHER);
    backupFile = join(dir, 'before-erasure.sgbackup');
    if (rt.target.kind !== 'sqlite') throw new Error('sqlite expected');
    await createSqliteBackup(rt.target.file, backupFile, keyring.current, new Date());
    sealedInBackup = await sealedName(rt, erasedId);
    await eraseCustomer(rt.ctx, { orgSlug: 'shop', customerId: erasedId }, admin);
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('cannot be read from the restored backup once the ledger is applied; everyone else can', async () => {
    const restoredFile = join(dir, 'restored.db');
    await restoreSqliteBackup(backupFile, restoredFile, keyring, { force: false });
    const restored = await createRuntime({
      database: { kind: 'sqlite', file: restoredFile },
      publicUrl: 'https://book.example.test',
      masterKeys: rt.masterKeys,
      erasureLedgerFile: rt.erasureLedgerFile,
      migrate: false,
    });
    try {
      // The backup was made before the erasure: by itself it still holds the customer.
      const sealed = await sealedName(restored, erasedId);
      expect(await readName(restored, erasedId)).toBe(MARKER.name);
      expect(await reapplyErasures(restored.ctx, admin)).toEqual({ checked: 1, reapplied: 1 });
      await expect(readName(restored, erasedId, sealed)).rejects.toBeInstanceOf(DataKeyDestroyedError);
      expect(await readName(restored, keptId)).toBe(OTHER.name);
    } finally {
      await restored.close();
    }
  });

  it('is erased again by `slotguard backup restore` itself', async () => {
    const restoredFile = join(dir, 'restored-by-cli.db');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: join(dir, 'unused.db'),
      BACKUP_KEY,
      // A restore needs no master key and must not make one.
      MASTER_KEY_FILE: join(dir, 'no-master-key.json'),
      ERASURE_LEDGER_FILE: rt.erasureLedgerFile,
      LOG_LEVEL: 'silent',
    };
    delete env.BACKUP_KEY_FILE;
    delete env.MASTER_KEY;
    const out = await runCli(env, ['backup', 'restore', backupFile, '--to', restoredFile]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ restoredTo: restoredFile, erasures: { checked: 1, reapplied: 1 } });
    expect(existsSync(join(dir, 'no-master-key.json'))).toBe(false);
    const restored = await createRuntime({ database: { kind: 'sqlite', file: restoredFile }, publicUrl: 'https://book.example.test', masterKeys: rt.masterKeys, migrate: false });
    try {
      await expect(readName(restored, erasedId, sealedInBackup)).rejects.toBeInstanceOf(DataKeyDestroyedError);
      expect(await readName(restored, keptId)).toBe(OTHER.name);
    } finally {
      await restored.close();
    }
  });
});
