import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCustomer } from '../src/app/privacy/erase-customer.js';
import { DataKeyCache } from '../src/db/crypto/data-key-cache.js';
import { DataKeyDestroyedError } from '../src/db/crypto/key-ring.js';
import { fieldCrypto } from '../src/db/unit-of-work.js';
import { buildHttpApp } from '../src/http/app.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, bookingBody, seedShop } from './support/fixtures.js';

const admin = { type: 'cli' as const, id: 'tester' };

describe.each(ENGINES)('erasing a customer on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    shop = await seedShop(rt);
    app = await buildHttpApp(rt);
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  it('makes every earlier copy of their fields unreadable and keeps the booking', async () => {
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/shop/bookings',
        payload: bookingBody(shop, '2027-03-03T09:00:00+01:00', {
          customer: { name: 'Erin Erase', email: 'erin@example.org', phone: '+4930111222' },
          notes: 'private note',
        }),
      })
    ).json();
    const { db } = rt.database;
    // A copy of the sealed rows as an older backup would hold them.
    const before = await db.selectFrom('customers').selectAll().where('email_index', '!=', '').execute();
    const copy = before.find((c) => c.erased_at === null && c.phone_enc !== null);
    expect(copy).toBeDefined();

    const erased = await eraseCustomer(rt.ctx, { orgSlug: 'shop', email: 'ERIN@example.org' }, admin);
    expect(erased.customerId).toBe(copy?.id);

    const view = (await app.inject({ method: 'GET', url: `/api/v1/bookings/manage/${created.manageToken}` })).json();
    expect(view.booking.id).toBe(created.booking.id);
    expect(view.booking.customer).toBeNull();
    expect(view.booking.notes).toBeNull();
    expect(await rt.ctx.uow.read((r) => r.customers.findByEmail(shop.orgId, 'erin@example.org'))).toBeNull();

    // With the live keys (a fresh cache, as after a restart), the old ciphertext is noise.
    const crypto = fieldCrypto(db, { clock: rt.clock, masterKeys: rt.masterKeys, keyCache: new DataKeyCache() });
    await expect(crypto.open({ table: 'customers', column: 'name', rowId: copy?.id ?? '' }, copy?.name_enc ?? '')).rejects.toBeInstanceOf(
      DataKeyDestroyedError,
    );
    const keys = await db.selectFrom('data_keys').selectAll().where('owner_id', '=', copy?.id ?? '').execute();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.wrapped === null && k.destroyed_at !== null)).toBe(true);

    const entries = await rt.auditReader.list({ orgId: shop.orgId, action: 'customer.erase', limit: 5 });
    expect(entries[0]).toMatchObject({ outcome: 'success', objectIds: [copy?.id] });
  });

  it('lets the same email book again as a new customer', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs/shop/bookings',
      payload: bookingBody(shop, '2027-03-03T10:00:00+01:00', { customer: { name: 'Erin Again', email: 'erin@example.org' } }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().booking.customer.name).toBe('Erin Again');
  });

  it('answers not found for an unknown or already erased customer, and needs exactly one selector', async () => {
    await expect(eraseCustomer(rt.ctx, { orgSlug: 'shop', email: 'nobody@example.org' }, admin)).rejects.toMatchObject({ code: 'not_found' });
    await expect(eraseCustomer(rt.ctx, { orgSlug: 'shop' }, admin)).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
