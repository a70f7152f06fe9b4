import type { FastifyInstance } from 'fastify';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDateOverride } from '../src/app/admin/add-date-override.js';
import { setWorkingHours } from '../src/app/admin/set-working-hours.js';
import type { Actor } from '../src/app/ports.js';
import { buildHttpApp } from '../src/http/app.js';
import { type Runtime, createRuntime } from '../src/main.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, bookingBody, seedShop } from './support/fixtures.js';

const admin: Actor = { type: 'cli', id: 'tester' };
const START = '2027-03-01T00:00:00Z';

interface Slot {
  start: string;
  staffIds: string[];
}

describe.each(ENGINES)('cached slot answers on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  /** A second app process on the same database, with its own cache. */
  let rt2: Runtime;
  let app2: FastifyInstance;

  beforeAll(async () => {
    rt = await testRuntime(engine, START);
    shop = await seedShop(rt, 'shop');
    app = await buildHttpApp(rt);
    rt2 = await createRuntime({ database: rt.target, publicUrl: 'https://book.example.test', clock: rt.clock, masterKeys: rt.masterKeys, migrate: false });
    app2 = await buildHttpApp(rt2);
  });
  afterAll(async () => {
    await app2?.close();
    await rt2?.close();
    await app?.close();
    await rt?.dispose();
  });

  async function slotsOn(date: string, on = app, serviceId = shop.haircut.id): Promise<Slot[]> {
    const res = await on.inject({ method: 'GET', url: `/api/v1/orgs/shop/services/${serviceId}/slots?from=${date}&to=${date}&timeZone=Europe/Berlin` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return (res.json() as { slots: Slot[] }).slots;
  }
  const at = (slots: Slot[], hhmm: string) => slots.find((s) => s.start.slice(11, 16) === hhmm);
  const book = (body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/orgs/shop/bookings', payload: body });

  it('stops offering a slot as soon as it is booked through the API', async () => {
    const { ana, ben } = shop.staff;
    expect(at(await slotsOn('2027-03-02'), '09:00')?.staffIds).toEqual([ana, ben]);
    const hits = rt.ctx.slotAnswers.stats.hits;
    expect(at(await slotsOn('2027-03-02'), '09:00')?.staffIds).toEqual([ana, ben]);
    expect(rt.ctx.slotAnswers.stats.hits).toBe(hits + 1);

    const booked = await book(bookingBody(shop, '2027-03-02T09:00:00+01:00', { staffId: ana }));
    expect(booked.statusCode).toBe(201);
    expect(at(await slotsOn('2027-03-02'), '09:00')?.staffIds).toEqual([ben]);

    // Cancelled through the manage link: offered again at once.
    const cancel = await app.inject({ method: 'POST', url: `/api/v1/bookings/manage/${booked.json().manageToken}`, payload: { action: 'cancel' } });
    expect(cancel.statusCode).toBe(200);
    expect(at(await slotsOn('2027-03-02'), '09:00')?.staffIds).toEqual([ana, ben]);
  });

  it('shows changed working hours and date overrides at once', async () => {
    const { ana, ben } = shop.staff;
    expect(at(await slotsOn('2027-03-03'), '14:00')?.staffIds).toEqual([ana, ben]);
    const mornings = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: 540, end: 720 }));
    await setWorkingHours(rt.ctx, { orgSlug: 'shop', staffId: ben, hours: mornings }, admin);
    expect(at(await slotsOn('2027-03-03'), '14:00')?.staffIds).toEqual([ana]);

    await addDateOverride(rt.ctx, { orgSlug: 'shop', staffId: ana, date: '2027-03-03', kind: 'off', intervals: [] }, admin);
    const dayOff = await slotsOn('2027-03-03');
    expect(at(dayOff, '14:00')).toBeUndefined();
    expect(dayOff.every((s) => s.staffIds.join() === ben)).toBe(true);
  });

  it('stops offering a slot the moment it is within the minimum notice, with nothing written', async () => {
    try {
      // 08:30 in Berlin; a haircut needs 60 minutes' notice.
      rt.clock.set('2027-03-04T07:30:00Z');
      expect((await slotsOn('2027-03-04'))[0]?.start).toBe('2027-03-04T09:30:00+01:00');
      const misses = rt.ctx.slotAnswers.stats.misses;
      rt.clock.advance(60_000);
      expect((await slotsOn('2027-03-04'))[0]?.start).toBe('2027-03-04T10:00:00+01:00');
      expect(rt.ctx.slotAnswers.stats.misses).toBe(misses);
    } finally {
      rt.clock.set(START);
    }
  });

  it('offers a slot the moment it enters the booking window (90 days ahead)', async () => {
    try {
      expect(await slotsOn('2027-05-31')).toEqual([]);
      // 09:00 in Berlin on 31 May is 07:00Z, exactly 90 days after this instant.
      rt.clock.set('2027-03-02T07:00:00Z');
      expect((await slotsOn('2027-05-31')).map((s) => s.start)).toEqual(['2027-05-31T09:00:00+02:00']);
      rt.clock.advance(30 * 60_000);
      expect((await slotsOn('2027-05-31')).map((s) => s.start)).toEqual(['2027-05-31T09:00:00+02:00', '2027-05-31T09:30:00+02:00']);
    } finally {
      rt.clock.set(START);
    }
  });

  it('offers a held slot again once the hold expires, with nothing written', async () => {
    const { ana, ben } = shop.staff;
    try {
      const hold = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/shop/holds',
        payload: { serviceId: shop.haircut.id, start: '2027-03-05T09:00:00+01:00', staffId: ana, timeZone: 'Europe/Berlin' },
      });
      expect(hold.statusCode).toBe(201);
      expect(at(await slotsOn('2027-03-05'), '09:00')?.staffIds).toEqual([ben]);
      expect(at(await slotsOn('2027-03-05'), '09:00')?.staffIds).toEqual([ben]);
      rt.clock.advance(11 * 60_000);
      expect(at(await slotsOn('2027-03-05'), '09:00')?.staffIds).toEqual([ana, ben]);
    } finally {
      rt.clock.set(START);
    }
  });

  it('a second app process on the same database sees a booking made through the first', async () => {
    const { ana, ben } = shop.staff;
    expect(at(await slotsOn('2027-03-08', app2), '09:00')?.staffIds).toEqual([ana, ben]);
    expect(at(await slotsOn('2027-03-08', app2), '09:00')?.staffIds).toEqual([ana, ben]);
    expect(rt2.ctx.slotAnswers.size).toBeGreaterThan(0);

    const booked = await book(bookingBody(shop, '2027-03-08T09:00:00+01:00', { staffId: ana }));
    expect(booked.statusCode).toBe(201);
    expect(at(await slotsOn('2027-03-08', app2), '09:00')?.staffIds).toEqual([ben]);
  });

  it('sends an answer from the cache gzip-compressed to a client that accepts gzip, the same JSON', async () => {
    const url = `/api/v1/orgs/shop/services/${shop.haircut.id}/slots?from=2027-03-10&to=2027-03-16&timeZone=Asia/Shanghai`;
    const gzip = { 'accept-encoding': 'gzip, deflate, br' };
    // Computed for this request: sent as it is, even to a client that accepts gzip.
    const fresh = await app.inject({ method: 'GET', url, headers: gzip });
    expect(fresh.headers['content-encoding']).toBeUndefined();
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.vary).toBe('Accept-Encoding');
    const expected = fresh.json() as { slots: Slot[] };
    expect(expected.slots.length).toBeGreaterThan(20);

    const hit = await app.inject({ method: 'GET', url, headers: gzip });
    expect(hit.statusCode).toBe(200);
    expect(hit.headers['content-encoding']).toBe('gzip');
    expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(hit.headers.vary).toBe('Accept-Encoding');
    expect(hit.headers['cache-control']).toBe('no-store');
    expect(hit.rawPayload.length).toBeLessThan(fresh.rawPayload.length / 4);
    expect(JSON.parse(gunzipSync(hit.rawPayload).toString('utf8'))).toEqual(expected);

    for (const headers of [{}, { 'accept-encoding': 'br, gzip;q=0' }, { 'accept-encoding': 'identity' }]) {
      const plain = await app.inject({ method: 'GET', url, headers });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.json()).toEqual(expected);
    }
  });

  it('notices a change written outside the use cases too (the database keeps the versions)', async () => {
    const { ana, ben } = shop.staff;
    expect(at(await slotsOn('2027-03-09'), '09:00')?.staffIds).toEqual([ana, ben]);
    await rt.database.db.deleteFrom('working_hours').where('staff_id', '=', ana).execute();
    expect(at(await slotsOn('2027-03-09'), '09:00')?.staffIds).toEqual([ben]);

    await sql`UPDATE services SET slot_interval_min = 60 WHERE id = ${shop.haircut.id}`.execute(rt.database.db);
    expect(at(await slotsOn('2027-03-09'), '09:30')).toBeUndefined();

    await sql`UPDATE services SET active = 0 WHERE id = ${shop.haircut.id}`.execute(rt.database.db);
    const gone = await app.inject({ method: 'GET', url: `/api/v1/orgs/shop/services/${shop.haircut.id}/slots?from=2027-03-09&to=2027-03-09&timeZone=Europe/Berlin` });
    expect(gone.statusCode).toBe(404);
  });

});
