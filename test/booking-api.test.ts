import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../src/http/app.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, bookingBody, seedShop } from './support/fixtures.js';

describe.each(ENGINES)('public booking API on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let other: Shop;

  beforeAll(async () => {
    rt = await testRuntime(engine, '2027-03-01T00:00:00Z');
    shop = await seedShop(rt, 'shop');
    other = await seedShop(rt, 'other-shop');
    app = await buildHttpApp(rt);
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  const slots = (serviceId: string, query: string) =>
    app.inject({ method: 'GET', url: `/api/v1/orgs/shop/services/${serviceId}/slots?${query}` });
  const book = (body: Record<string, unknown>, headers: Record<string, string> = {}, org = 'shop') =>
    app.inject({ method: 'POST', url: `/api/v1/orgs/${org}/bookings`, payload: body, headers });

  it('lists the services of a business with their staff', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/orgs/shop/services' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.org).toMatchObject({ slug: 'shop', timeZone: 'Europe/Berlin' });
    const haircut = body.services.find((s: { name: string }) => s.name === 'Haircut');
    expect(haircut).toMatchObject({ durationMin: 30, price: { amountCents: 3500, currency: 'EUR' } });
    expect(haircut.staff.map((s: { name: string }) => s.name)).toEqual(['Ana', 'Ben']);
  });

  it('shows free times in the customer time zone, breaks excluded', async () => {
    const res = await slots(shop.haircut.id, 'from=2027-03-01&to=2027-03-01&timeZone=Europe/Berlin');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.timeZone).toBe('Europe/Berlin');
    expect(body.slots).toHaveLength(14);
    expect(body.slots[0]).toEqual({
      start: '2027-03-01T09:00:00+01:00',
      end: '2027-03-01T09:30:00+01:00',
      staffIds: [shop.staff.ana, shop.staff.ben],
    });
    expect(body.slots.map((s: { start: string }) => s.start.slice(11, 16))).not.toContain('12:00');

    const shanghai = (await slots(shop.haircut.id, 'from=2027-03-01&to=2027-03-01&timeZone=Asia/Shanghai')).json();
    expect(shanghai.slots[0].start).toBe('2027-03-01T16:00:00+08:00');
    expect(shanghai.slots).toHaveLength(14);
  });

  it('books a free slot and gives the customer a manage link', async () => {
    const res = await book(bookingBody(shop, '2027-03-02T09:00:00+01:00', { staffId: shop.staff.ana }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.booking).toMatchObject({
      status: 'confirmed',
      start: '2027-03-02T09:00:00+01:00',
      end: '2027-03-02T09:30:00+01:00',
      staff: { id: shop.staff.ana, name: 'Ana' },
      customer: { name: 'Mia Muster', email: 'mia@example.com', phone: '+49301234567' },
    });
    expect(body.manageUrl).toBe(`https://book.example.test/manage#${body.manageToken}`);
    expect(Buffer.from(body.manageToken, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(res.headers['cache-control']).toBe('no-store');

    const after = (await slots(shop.haircut.id, 'from=2027-03-02&to=2027-03-02&timeZone=Europe/Berlin')).json();
    expect(after.slots[0]).toMatchObject({ start: '2027-03-02T09:00:00+01:00', staffIds: [shop.staff.ben] });
  });

  it('answers 409 slot_unavailable for a taken or never-offered time', async () => {
    await book(bookingBody(shop, '2027-03-02T10:00:00+01:00', { staffId: shop.staff.ana }));
    const taken = await book(bookingBody(shop, '2027-03-02T10:00:00+01:00', { staffId: shop.staff.ana }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('slot_unavailable');

    for (const start of ['2027-03-02T10:10:00+01:00', '2027-03-02T12:00:00+01:00', '2027-03-06T10:00:00+01:00', '2027-03-01T00:30:00+01:00']) {
      const res = await book(bookingBody(shop, start));
      expect(res.statusCode, start).toBe(409);
      expect(res.json().error.code).toBe('slot_unavailable');
    }
  });

  it('assigns "any available staff" fairly and explains the choice', async () => {
    const first = (await book(bookingBody(shop, '2027-03-03T11:00:00+01:00'))).json();
    const second = (await book(bookingBody(shop, '2027-03-03T11:00:00+01:00'))).json();
    expect(new Set([first.booking.staff.id, second.booking.staff.id])).toEqual(new Set([shop.staff.ana, shop.staff.ben]));
    expect(first.booking.assignment.rule).toBe('least_booked_then_round_robin');
    expect(first.booking.assignment.explanation).toMatch(/free staff/);
    const third = await book(bookingBody(shop, '2027-03-03T11:00:00+01:00'));
    expect(third.statusCode).toBe(409);
  });

  it('books nothing twice when a request is retried with the same Idempotency-Key', async () => {
    const body = bookingBody(shop, '2027-03-04T09:00:00+01:00', { staffId: shop.staff.ben });
    const key = { 'idempotency-key': 'retry-key-0001' };
    const first = await book(body, key);
    const retry = await book(body, key);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().booking.id).toBe(first.json().booking.id);
    expect(retry.json().manageToken).toBe(first.json().manageToken);

    const reused = await book(bookingBody(shop, '2027-03-04T10:00:00+01:00'), key);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('idempotency_conflict');

    const list = (await slots(shop.haircut.id, 'from=2027-03-04&to=2027-03-04&timeZone=Europe/Berlin')).json();
    expect(list.slots[0]).toMatchObject({ start: '2027-03-04T09:00:00+01:00', staffIds: [shop.staff.ana] });
  });

  it('refuses bad input with 400 invalid_request and details, and keeps nothing', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['unknown field', bookingBody(shop, '2027-03-05T09:00:00+01:00', { price: 0 }), /unknown field .{0,2}price/],
      ['control characters', bookingBody(shop, '2027-03-05T09:00:00+01:00', { customer: { name: 'Mia\u0000\nX', email: 'mia@example.com' } }), /control/],
      ['bad email', bookingBody(shop, '2027-03-05T09:00:00+01:00', { customer: { name: 'Mia', email: 'not-an-email' } }), /email/],
      ['bad zone', bookingBody(shop, '2027-03-05T09:00:00+01:00', { timeZone: 'Mars/Olympus' }), /time zone/i],
      ['start without offset', bookingBody(shop, '2027-03-05T09:00:00'), /offset/],
      ['impossible date', bookingBody(shop, '2027-02-30T09:00:00+01:00'), /offset/],
      ['card number in notes', bookingBody(shop, '2027-03-05T09:00:00+01:00', { notes: 'pay with 4111-1111-1111-1111 exp 12/29' }), /payment card/],
      ['missing consent', { ...bookingBody(shop, '2027-03-05T09:00:00+01:00'), consent: undefined }, /consent/],
    ];
    for (const [what, body, detail] of cases) {
      const res = await book(body);
      expect(res.statusCode, what).toBe(400);
      const err = res.json().error;
      expect(err.code, what).toBe('invalid_request');
      expect(JSON.stringify(err.details ?? err.message), what).toMatch(detail);
    }
    const free = (await slots(shop.haircut.id, 'from=2027-03-05&to=2027-03-05&timeZone=Europe/Berlin')).json();
    expect(free.slots[0].staffIds).toHaveLength(2);
  });

  it('refuses malformed requests without crashing', async () => {
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs/shop/bookings',
      payload: '{"serviceId":',
      headers: { 'content-type': 'application/json' },
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe('invalid_request');

    const huge = await book(bookingBody(shop, '2027-03-05T09:00:00+01:00', { notes: 'x'.repeat(70_000) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');

    const text = await app.inject({ method: 'POST', url: '/api/v1/orgs/shop/bookings', payload: 'hi', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(415);

    const key = await book(bookingBody(shop, '2027-03-05T09:00:00+01:00'), { 'idempotency-key': 'short' });
    expect(key.statusCode).toBe(400);

    const longRange = await slots(shop.haircut.id, 'from=2027-03-01&to=2027-05-15&timeZone=Europe/Berlin');
    expect(longRange.statusCode).toBe(400);
    expect(JSON.stringify(longRange.json())).toMatch(/62 days/);
    const badDate = await slots(shop.haircut.id, 'from=2027-13-01&to=2027-13-02&timeZone=Europe/Berlin');
    expect(badDate.statusCode).toBe(400);
    const extra = await slots(shop.haircut.id, 'from=2027-03-01&to=2027-03-01&timeZone=Europe/Berlin&admin=1');
    expect(extra.statusCode).toBe(400);
  });

  it('never reveals another business or its services', async () => {
    const unknownOrg = await app.inject({ method: 'GET', url: '/api/v1/orgs/nobody/services' });
    expect(unknownOrg.statusCode).toBe(404);
    expect(unknownOrg.json().error.code).toBe('not_found');
    const foreign = await slots(other.haircut.id, 'from=2027-03-01&to=2027-03-01&timeZone=Europe/Berlin');
    expect(foreign.statusCode).toBe(404);
    const foreignStaff = await book(bookingBody(shop, '2027-03-05T09:00:00+01:00', { staffId: other.staff.ana }));
    expect(foreignStaff.statusCode).toBe(404);
  });

  it('lets a customer view, reschedule and cancel through the manage link only', async () => {
    const created = (await book(bookingBody(shop, '2027-03-08T09:00:00+01:00', { staffId: shop.staff.ana }))).json();
    const url = `/api/v1/bookings/manage/${created.manageToken}`;
    const view = await app.inject({ method: 'GET', url });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ booking: { id: created.booking.id }, canCancel: true, canReschedule: true });
    expect(view.headers['referrer-policy']).toBe('no-referrer');

    const moved = await app.inject({ method: 'POST', url, payload: { action: 'reschedule', start: '2027-03-08T14:00:00+01:00' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().booking).toMatchObject({ id: created.booking.id, start: '2027-03-08T14:00:00+01:00' });
    expect(moved.json().history.map((h: { type: string }) => h.type)).toEqual(['created', 'rescheduled']);

    const free = (await slots(shop.haircut.id, 'from=2027-03-08&to=2027-03-08&timeZone=Europe/Berlin&staffId=' + shop.staff.ana)).json();
    const starts = free.slots.map((s: { start: string }) => s.start);
    expect(starts).toContain('2027-03-08T09:00:00+01:00');
    expect(starts).not.toContain('2027-03-08T14:00:00+01:00');

    const cancelled = await app.inject({ method: 'POST', url, payload: { action: 'cancel', reason: 'Sick' } });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().booking).toMatchObject({ status: 'cancelled', cancelReason: 'Sick' });
    const again = await app.inject({ method: 'POST', url, payload: { action: 'cancel' } });
    expect(again.statusCode).toBe(409);

    const wrong = await app.inject({ method: 'GET', url: `/api/v1/bookings/manage/${'A'.repeat(43)}` });
    expect(wrong.statusCode).toBe(404);
  });

  it('refuses online changes after the cancellation cutoff', async () => {
    const created = (await book(bookingBody(shop, '2027-03-09T09:00:00+01:00'))).json();
    rt.clock.set('2027-03-09T07:30:00Z'); // 30 minutes before; the cutoff is 2 hours
    try {
      const res = await app.inject({ method: 'POST', url: `/api/v1/bookings/manage/${created.manageToken}`, payload: { action: 'cancel' } });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('cutoff_passed');
    } finally {
      rt.clock.set('2027-03-01T00:00:00Z');
    }
  });

  it('holds a slot while the customer types, then books it; an expired hold frees it', async () => {
    const hold = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs/shop/holds',
      payload: { serviceId: shop.haircut.id, start: '2027-03-10T09:00:00+01:00', staffId: shop.staff.ana, timeZone: 'Europe/Berlin' },
    });
    expect(hold.statusCode).toBe(201);
    const { holdToken } = hold.json();
    const other = await book(bookingBody(shop, '2027-03-10T09:00:00+01:00', { staffId: shop.staff.ana }));
    expect(other.statusCode).toBe(409);
    const mine = await book(bookingBody(shop, '2027-03-10T09:00:00+01:00', { staffId: shop.staff.ana, holdToken }));
    expect(mine.statusCode).toBe(201);
    expect(mine.json().booking.status).toBe('confirmed');

    const second = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/shop/holds',
        payload: { serviceId: shop.haircut.id, start: '2027-03-10T10:00:00+01:00', staffId: shop.staff.ana, timeZone: 'Europe/Berlin' },
      })
    ).json();
    rt.clock.advance(11 * 60_000);
    try {
      const late = await book(bookingBody(shop, '2027-03-10T10:00:00+01:00', { staffId: shop.staff.ana, holdToken: second.holdToken }));
      expect(late.statusCode).toBe(409);
      const free = await book(bookingBody(shop, '2027-03-10T10:00:00+01:00', { staffId: shop.staff.ana }));
      expect(free.statusCode).toBe(201);
    } finally {
      rt.clock.set('2027-03-01T00:00:00Z');
    }
  });

  it('gives a held slot back at once when the customer releases the hold', async () => {
    const start = '2027-03-10T11:00:00+01:00';
    const offered = async () =>
      (await slots(shop.haircut.id, `from=2027-03-10&to=2027-03-10&timeZone=Europe/Berlin&staffId=${shop.staff.ana}`))
        .json()
        .slots.map((s: { start: string }) => s.start);
    const hold = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs/shop/holds',
      payload: { serviceId: shop.haircut.id, start, staffId: shop.staff.ana, timeZone: 'Europe/Berlin' },
    });
    expect(hold.statusCode).toBe(201);
    const { holdToken } = hold.json();
    expect(await offered()).not.toContain(start);

    const release = (token: string) => app.inject({ method: 'POST', url: '/api/v1/orgs/shop/holds/release', payload: { holdToken: token } });
    expect((await release(holdToken)).statusCode).toBe(204);
    expect(await offered()).toContain(start);
    // Released once: the token holds nothing any more.
    expect((await release(holdToken)).json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await release('not a token')).statusCode).toBe(400);
    const late = await book(bookingBody(shop, start, { staffId: shop.staff.ana, holdToken }));
    expect(late.statusCode).toBe(409);
    const entries = await rt.auditReader.list({ orgId: shop.orgId, action: 'booking.hold.release', limit: 5 });
    expect(entries.map((e) => e.outcome).sort()).toEqual(['failure', 'success']);
  });

  it('fills a group class up to its capacity', async () => {
    const start = '2027-03-11T09:00:00+01:00';
    for (let i = 0; i < 3; i++) {
      const res = await book(bookingBody(shop, start, { serviceId: shop.yoga.id, customer: { name: `P${i}`, email: `p${i}@example.com` } }));
      expect(res.statusCode).toBe(201);
    }
    const full = await book(bookingBody(shop, start, { serviceId: shop.yoga.id }));
    expect(full.statusCode).toBe(409);
    const list = (await slots(shop.yoga.id, 'from=2027-03-11&to=2027-03-11&timeZone=Europe/Berlin')).json();
    expect(list.slots.map((s: { start: string }) => s.start)).not.toContain(start);
  });

  it('keeps bookings that need approval pending', async () => {
    const res = await book(bookingBody(shop, '2027-03-12T09:00:00+01:00', { serviceId: shop.consult.id }));
    expect(res.statusCode).toBe(201);
    expect(res.json().booking.status).toBe('pending');
  });

  it('records every booking attempt in the audit log without personal data', async () => {
    const entries = await rt.auditReader.list({ orgId: shop.orgId, limit: 500 });
    const creates = entries.filter((e) => e.action === 'booking.create');
    expect(creates.some((e) => e.outcome === 'success' && e.objectIds.length === 1)).toBe(true);
    expect(creates.some((e) => e.outcome === 'failure' && e.reason === 'slot_unavailable')).toBe(true);
    expect(entries.some((e) => e.action === 'booking.view' && e.outcome === 'success')).toBe(true);
    const everything = await rt.auditReader.list({ limit: 1000 });
    expect(everything.some((e) => e.action === 'booking.cancel' && e.outcome === 'failure')).toBe(true);
    expect(entries.every((e) => e.actor.ip !== undefined)).toBe(true);
    expect(JSON.stringify(entries)).not.toMatch(/mia@example.com|Mia Muster|First visit/);
  });

  it('reports liveness and readiness', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual({ database: true, migrations: true });
  });
});
