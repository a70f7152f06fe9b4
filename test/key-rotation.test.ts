import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataKeyCache } from '../src/db/crypto/data-key-cache.js';
import { KeyRotation } from '../src/db/crypto/key-rotation.js';
import { SEALED_COLUMNS } from '../src/db/crypto/sealed-columns.js';
import { KyselyOutboxQueue } from '../src/db/repositories/outbox-queue-repository.js';
import { KyselyUnitOfWork, fieldCrypto } from '../src/db/unit-of-work.js';
import { buildHttpApp } from '../src/http/app.js';
import { keyIdOf } from '../src/security/crypto/field-cipher.js';
import { LocalMasterKeyProvider, type MasterKeyVersion, randomMasterKey } from '../src/security/crypto/master-key.js';
import { hashToken } from '../src/security/tokens.js';
import { type TestUser, addUser } from './support/accounts.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, bookingBody, seedShop } from './support/fixtures.js';

describe.each(ENGINES)('key rotation on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let k1: MasterKeyVersion;
  const k2 = randomMasterKey('k2');
  const tokens: string[] = [];
  let user: TestUser;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    k1 = rt.masterKey;
    shop = await seedShop(rt);
    user = await addUser(rt, 'shop', 'admin', 'rotated.admin@example.org');
    app = await buildHttpApp(rt);
    for (let i = 0; i < 6; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/shop/bookings',
        payload: bookingBody(shop, `2027-03-0${2 + (i % 3)}T${10 + Math.floor(i / 3)}:00:00+01:00`, {
          customer: { name: `Person ${i}`, email: `p${i}@example.org` },
          notes: `note ${i}`,
        }),
      });
      expect(res.statusCode).toBe(201);
      tokens.push(res.json().manageToken);
    }
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  const uowWith = (keys: MasterKeyVersion[]) =>
    new KyselyUnitOfWork(rt.database, { clock: rt.clock, masterKeys: new LocalMasterKeyProvider(keys), keyCache: new DataKeyCache() });
  const names = (uow: KyselyUnitOfWork) =>
    uow.read(async (r) => Promise.all([0, 1, 2, 3, 4, 5].map(async (i) => (await r.customers.findByEmail(shop.orgId, `p${i}@example.org`))?.name)));

  it('re-wraps every data key with a new master key, after which the old one is not needed', async () => {
    const rotation = new KeyRotation(rt.database.db, new LocalMasterKeyProvider([k2, k1]), () => rt.clock.now(), 4);
    expect((await rotation.status()).staleWraps).toBeGreaterThan(0);
    const rewrapped = await rotation.rewrap();
    expect(rewrapped).toBeGreaterThanOrEqual(8);
    const status = await rotation.status();
    expect(status.staleWraps).toBe(0);
    expect(status.masterKeys.find((k) => k.version === 'k1')?.dataKeys).toBe(0);
    expect(await names(uowWith([k2]))).toEqual(['Person 0', 'Person 1', 'Person 2', 'Person 3', 'Person 4', 'Person 5']);
    await expect(names(uowWith([k1]))).rejects.toThrow(/k2/);
  });

  it('re-encrypts every sealed field under new data keys while bookings go on, and can run again', async () => {
    const provider = new LocalMasterKeyProvider([k2]);
    const rotation = new KeyRotation(rt.database.db, provider, () => rt.clock.now(), 3);
    const before = await rt.database.db.selectFrom('customers').select(['id', 'name_enc']).execute();
    const oldKeys = new Set(before.map((c) => keyIdOf(c.name_enc)));

    const concurrentApp = await buildHttpApp({ ...rt, ctx: { ...rt.ctx, uow: uowWith([k2]) } });
    const [moved, booked] = await Promise.all([
      rotation.reencrypt(),
      concurrentApp.inject({
        method: 'POST',
        url: '/api/v1/orgs/shop/bookings',
        payload: bookingBody(shop, '2027-03-05T10:00:00+01:00', { customer: { name: 'During', email: 'during@example.org' } }),
      }),
    ]);
    await concurrentApp.close();
    expect(booked.statusCode).toBe(201);
    expect(moved).toBeGreaterThanOrEqual(12);

    const after = await rt.database.db.selectFrom('customers').select(['id', 'name_enc']).execute();
    const stillOld = after.filter((c) => oldKeys.has(keyIdOf(c.name_enc)));
    expect(stillOld.length).toBeLessThanOrEqual(1); // at most the customer written during the run
    expect(await rotation.reencrypt()).toBeGreaterThanOrEqual(0);
    const final = await rt.database.db.selectFrom('customers').select(['name_enc']).execute();
    expect(final.every((c) => !oldKeys.has(keyIdOf(c.name_enc)))).toBe(true);

    expect(await names(uowWith([k2]))).toEqual(['Person 0', 'Person 1', 'Person 2', 'Person 3', 'Person 4', 'Person 5']);
    const status = await rotation.status();
    expect(status.dataKeys.destroyed).toBeGreaterThanOrEqual(oldKeys.size);
    const view = await uowWith([k2]).read(async (r) => {
      const found = await r.manageTokens.find(hashToken(tokens[0] as string));
      return found ? r.bookings.findById(shop.orgId, found.bookingId) : null;
    });
    expect(view?.notes).toBe('note 0');

    // Every other owner's sealed values too: users, second factors, queued messages.
    const account = await uowWith([k2]).read((r) => r.accounts.users.findById(user.id));
    expect(account?.email).toBe('rotated.admin@example.org');
    const queue = new KyselyOutboxQueue(rt.database.db, rt.database.engine, fieldCrypto(rt.database.db, { clock: rt.clock, masterKeys: provider, keyCache: new DataKeyCache() }));
    const messages = await rt.database.db.selectFrom('outbox_messages').select('id').where('sealed', 'is not', null).execute();
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect((await queue.find(m.id))?.personal?.to).toMatch(/@example\.org$/);
  });

  it('knows every sealed column of the schema, so rotation neither skips nor destroys one', async () => {
    // On PostgreSQL other test runs' schemas share the database: only this runtime's schema counts.
    const schema = engine === 'postgres' ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(rt.database.db)).rows[0]?.s : undefined;
    const tables = (await rt.database.db.introspection.getTables()).filter((t) => schema === undefined || t.schema === schema);
    const sealedInSchema = tables.flatMap((t) => t.columns.filter((c) => c.name.endsWith('_enc') || c.name === 'sealed').map((c) => `${t.name}.${c.name}`));
    expect(sealedInSchema.length).toBeGreaterThan(5);
    expect(sealedInSchema.sort()).toEqual(SEALED_COLUMNS.map((c) => `${c.table}.${c.dbColumn}`).sort());
  });
});
