import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../src/http/app.js';
import { FieldDecryptionError } from '../src/security/crypto/field-cipher.js';
import { dumpDatabase } from './support/database-dump.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, bookingBody, seedShop } from './support/fixtures.js';

const MARKERS = {
  name: 'Zebulon Markerfield',
  email: 'zebulon.markerfield@example.org',
  phone: '+4915799887766',
  notes: 'allergic-to-markerium',
};

describe.each(ENGINES)('no plaintext personal data at rest on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let manageToken: string;

  beforeAll(async () => {
    rt = await testRuntime(engine);
    shop = await seedShop(rt);
    app = await buildHttpApp(rt);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs/shop/bookings',
      payload: bookingBody(shop, '2027-03-02T09:00:00+01:00', {
        customer: { name: MARKERS.name, email: MARKERS.email, phone: MARKERS.phone },
        notes: MARKERS.notes,
      }),
    });
    expect(res.statusCode).toBe(201);
    manageToken = res.json().manageToken;
    await app.inject({ method: 'POST', url: `/api/v1/bookings/manage/${manageToken}`, payload: { action: 'cancel', reason: `${MARKERS.notes} reason` } });
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  it('stores names, emails, phones, notes and reasons only as ciphertext', async () => {
    const dump = await dumpDatabase(rt);
    expect(dump.length).toBeGreaterThan(1000);
    for (const marker of [...Object.values(MARKERS), '15799887766', 'markerfield']) {
      expect(dump.toLowerCase()).not.toContain(marker.toLowerCase());
    }
    expect(dump).toContain('f1.');
    expect(dump).not.toContain(manageToken);
  });

  if (engine === 'sqlite') {
    it('leaves no marker in the raw database file or its write-ahead log', async () => {
      const file = rt.target.kind === 'sqlite' ? rt.target.file : '';
      const paths = [file, `${file}-wal`].filter((p) => p && existsSync(p));
      expect(paths.length).toBeGreaterThan(0);
      for (const p of paths) {
        const raw = readFileSync(p).toString('latin1').toLowerCase();
        for (const marker of Object.values(MARKERS)) expect(raw).not.toContain(marker.toLowerCase());
      }
    });
  }

  it('still shows the customer their own data through the manage link', async () => {
    const view = (await app.inject({ method: 'GET', url: `/api/v1/bookings/manage/${manageToken}` })).json();
    expect(view.booking.customer).toEqual({ name: MARKERS.name, email: MARKERS.email, phone: MARKERS.phone });
    expect(view.booking.notes).toBe(MARKERS.notes);
  });

  it('refuses a ciphertext copied into another row', async () => {
    const second = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/shop/bookings',
        payload: bookingBody(shop, '2027-03-02T10:00:00+01:00', { customer: { name: 'Other', email: 'other@example.org' } }),
      })
    ).json();
    const { db } = rt.database;
    const rows = await db.selectFrom('customers').select(['id', 'name_enc']).execute();
    const victim = rows.find((r) => r.id !== second.booking.customer?.id);
    const otherRow = await db.selectFrom('bookings').select('customer_id').where('id', '=', second.booking.id).executeTakeFirstOrThrow();
    await db.updateTable('customers').set({ name_enc: victim?.name_enc }).where('id', '=', otherRow.customer_id as string).execute();
    await expect(rt.ctx.uow.read((r) => r.customers.findById(shop.orgId, otherRow.customer_id as string))).rejects.toBeInstanceOf(
      FieldDecryptionError,
    );
  });

  it('finds a returning customer by email through the blind index', async () => {
    const found = await rt.ctx.uow.read((r) => r.customers.findByEmail(shop.orgId, `  ${MARKERS.email.toUpperCase()} `));
    expect(found?.name).toBe(MARKERS.name);
  });
});
