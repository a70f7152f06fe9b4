import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService } from '../src/app/admin/create-service.js';
import { setWorkingHours } from '../src/app/admin/set-working-hours.js';
import type { Actor } from '../src/app/ports.js';
import { MAX_BUSY_SPAN_MS } from '../src/domain/slots/slot-rules.js';
import { buildHttpApp } from '../src/http/app.js';
import { newId } from '../src/security/ids.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, bookingBody, seedShop } from './support/fixtures.js';

const admin: Actor = { type: 'cli', id: 'tester' };

/**
 * The busy-time search looks back at most MAX_BUSY_SPAN_MS before the range it checks: the
 * longest booking the service rules allow (a day, with a day of buffer on each side) must
 * still block the days it covers.
 */
describe.each(ENGINES)('the longest bookings on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let retreat: string;
  let short: string;

  beforeAll(async () => {
    rt = await testRuntime(engine, '2027-03-01T00:00:00Z');
    shop = await seedShop(rt, 'shop');
    app = await buildHttpApp(rt);
    const { ana } = shop.staff;
    const longest = { durationMin: 1440, bufferBeforeMin: 1440, bufferAfterMin: 1440, minNoticeMin: 0, staffIds: [ana] };
    retreat = (await createService(rt.ctx, { orgSlug: 'shop', name: 'Retreat', ...longest }, admin)).id;
    short = (await createService(rt.ctx, { orgSlug: 'shop', name: 'Short', durationMin: 60, minNoticeMin: 0, staffIds: [ana] }, admin)).id;
    const allDay = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: 0, end: 1440 }));
    await setWorkingHours(rt.ctx, { orgSlug: 'shop', staffId: ana, hours: allDay }, admin);
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  async function slotsOn(serviceId: string, date: string): Promise<string[]> {
    const url = `/api/v1/orgs/shop/services/${serviceId}/slots?from=${date}&to=${date}&timeZone=Europe/Berlin&staffId=${shop.staff.ana}`;
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    return (res.json() as { slots: { start: string }[] }).slots.map((s) => s.start);
  }

  it('a day-long booking with day-long buffers blocks the day before and the day after, then frees the next', async () => {
    expect(await slotsOn(retreat, '2027-03-10')).toEqual(['2027-03-10T00:00:00+01:00']);
    const booked = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs/shop/bookings',
      payload: bookingBody(shop, '2027-03-10T00:00:00+01:00', { serviceId: retreat, staffId: shop.staff.ana }),
    });
    expect(booked.statusCode).toBe(201);

    for (const blocked of ['2027-03-09', '2027-03-10', '2027-03-11']) expect(await slotsOn(short, blocked)).toEqual([]);
    expect(await slotsOn(short, '2027-03-08')).toHaveLength(24);
    expect(await slotsOn(short, '2027-03-12')).toHaveLength(24);
    // A retreat needs its buffers free too: the nearest ones start three days away.
    expect(await slotsOn(retreat, '2027-03-12')).toEqual([]);
    expect(await slotsOn(retreat, '2027-03-13')).toEqual(['2027-03-13T00:00:00+01:00']);
    expect(await slotsOn(retreat, '2027-03-07')).toEqual(['2027-03-07T00:00:00+01:00']);
  });

  it('the store refuses a booking that would occupy longer than the longest the rules allow', async () => {
    const stored = await rt.ctx.uow.read(async (repos) => (await repos.bookings.list(shop.orgId, { from: 0, to: Number.MAX_SAFE_INTEGER, statuses: ['confirmed'] }))[0]);
    if (!stored) throw new Error('the first test books one');
    const tooLong = { ...stored, id: newId(), busyEnd: stored.busyStart + MAX_BUSY_SPAN_MS + 60_000 };
    await expect(rt.ctx.uow.write((repos) => repos.bookings.insert(tooLong))).rejects.toThrow(/would occupy/);
    const exact = { ...stored, id: newId(), status: 'cancelled' as const, busyEnd: stored.busyStart + MAX_BUSY_SPAN_MS };
    await rt.ctx.uow.write((repos) => repos.bookings.insert(exact));
  });
});
