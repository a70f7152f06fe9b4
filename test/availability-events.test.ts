import type { FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDateOverride } from '../src/app/admin/add-date-override.js';
import { setWorkingHours } from '../src/app/admin/set-working-hours.js';
import type { Actor } from '../src/app/ports.js';
import { type HttpOptions, buildHttpApp } from '../src/http/app.js';
import { httpLoggerOptions } from '../src/http/logging.js';
import { type Runtime, createRuntime } from '../src/main.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { EventStreamReader } from './support/event-stream-reader.js';
import { type Shop, bookingBody, seedShop } from './support/fixtures.js';

const admin: Actor = { type: 'cli', id: 'tester' };
const START = '2027-03-01T00:00:00Z';
/** Fast checks and heartbeats, so the tests need not wait a second per change. */
const CHECK_EVERY_MS = 50;
const LIVE: HttpOptions['liveAvailability'] = { checkEveryMs: CHECK_EVERY_MS, heartbeatMs: 200 };
/** Several checks: long enough for the watch to notice whatever was written before. */
const SETTLE_MS = 6 * CHECK_EVERY_MS;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function listening(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

describe.each(ENGINES)('live availability events on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let base: string;
  let shop: Shop;
  /** A second app process on the same database. */
  let rt2: Runtime;
  let app2: FastifyInstance;
  let base2: string;
  const readers: EventStreamReader[] = [];

  beforeAll(async () => {
    rt = await testRuntime(engine, START);
    shop = await seedShop(rt, 'shop');
    app = await buildHttpApp(rt, { liveAvailability: LIVE });
    base = await listening(app);
    rt2 = await createRuntime({ database: rt.target, publicUrl: 'https://book.example.test', clock: rt.clock, masterKeys: rt.masterKeys, migrate: false });
    app2 = await buildHttpApp(rt2, { liveAvailability: LIVE });
    base2 = await listening(app2);
  });
  afterAll(async () => {
    for (const r of readers) r.close();
    await app2?.close();
    await rt2?.close();
    await app?.close();
    await rt?.dispose();
  });

  const eventsUrl = (on: string, serviceId = shop.haircut.id, org = 'shop') => `${on}/api/v1/orgs/${org}/services/${serviceId}/availability/events`;

  /** A stream of the haircut's events, past its first event and anything written before. */
  async function watching(on = base): Promise<{ reader: EventStreamReader; version: string }> {
    const reader = await EventStreamReader.open(eventsUrl(on));
    readers.push(reader);
    expect(reader.response.status).toBe(200);
    const first = await reader.next();
    await sleep(SETTLE_MS);
    const later = reader.drain();
    const last = later.length > 0 ? later[later.length - 1] : first;
    return { reader, version: (JSON.parse(last?.data ?? '{}') as { version: string }).version };
  }

  /** The next event is an availability change of the haircut, to another version. */
  async function expectChange(reader: EventStreamReader, before: string, timeoutMs = 5_000): Promise<string> {
    const event = await reader.next(timeoutMs);
    expect(event.event).toBe('availability');
    const data = JSON.parse(event.data) as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['serviceId', 'version']);
    expect(data.serviceId).toBe(shop.haircut.id);
    expect(data.version).not.toBe(before);
    return String(data.version);
  }

  async function expectNoEvent(reader: EventStreamReader): Promise<void> {
    await sleep(SETTLE_MS);
    expect(reader.drain()).toEqual([]);
  }

  const counters = async () => (await sql`SELECT id, version FROM availability_versions ORDER BY id`.execute(rt.database.db)).rows;

  const slotsAt = async (date: string, hhmm: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/orgs/shop/services/${shop.haircut.id}/slots?from=${date}&to=${date}&timeZone=Europe/Berlin` });
    const slots = (res.json() as { slots: { start: string; staffIds: string[] }[] }).slots;
    return slots.find((s) => s.start.slice(11, 16) === hhmm)?.staffIds ?? [];
  };

  it('opens as an event stream with the usual security headers and the current version', async () => {
    const reader = await EventStreamReader.open(eventsUrl(base));
    readers.push(reader);
    const headers = reader.response.headers;
    expect(reader.response.status).toBe(200);
    expect(headers.get('content-type')).toBe('text/event-stream');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('x-accel-buffering')).toBe('no');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    const first = await reader.next();
    expect(first.event).toBe('availability');
    expect(JSON.parse(first.data)).toEqual({ serviceId: shop.haircut.id, version: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) });
    // Nothing changes: no event, only heartbeats.
    await expectNoEvent(reader);
    expect(reader.comments).toContain('keep-alive');
    reader.close();
  });

  it('is described in the OpenAPI document as an event stream', async () => {
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    const route = doc.paths['/api/v1/orgs/{org}/services/{serviceId}/availability/events']?.get;
    expect(Object.keys(route?.responses['200']?.content ?? {})).toEqual(['text/event-stream']);
    expect(Object.keys(route?.responses ?? {}).sort()).toEqual(['200', '400', '404', '429']);
  });

  it('sends an event when a booking is made through the API, and when it is cancelled', async () => {
    const { reader, version } = await watching();
    const booked = await app.inject({ method: 'POST', url: '/api/v1/orgs/shop/bookings', payload: bookingBody(shop, '2027-03-02T09:00:00+01:00', { staffId: shop.staff.ana }) });
    expect(booked.statusCode).toBe(201);
    const afterBooking = await expectChange(reader, version);
    expect(await slotsAt('2027-03-02', '09:00')).toEqual([shop.staff.ben]);
    await expectNoEvent(reader);

    const cancel = await app.inject({ method: 'POST', url: `/api/v1/bookings/manage/${booked.json().manageToken}`, payload: { action: 'cancel' } });
    expect(cancel.statusCode).toBe(200);
    await expectChange(reader, afterBooking);
    reader.close();
  });

  it('sends an event when working hours change, for a day off, and when the service itself changes', async () => {
    const { reader, version } = await watching();
    const mornings = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: 540, end: 720 }));
    await setWorkingHours(rt.ctx, { orgSlug: 'shop', staffId: shop.staff.ben, hours: mornings }, admin);
    const afterHours = await expectChange(reader, version);
    await expectNoEvent(reader);

    await addDateOverride(rt.ctx, { orgSlug: 'shop', staffId: shop.staff.ana, date: '2027-03-03', kind: 'off', intervals: [] }, admin);
    const afterDayOff = await expectChange(reader, afterHours);
    await expectNoEvent(reader);

    // Even a change made outside the use cases: the database keeps the versions.
    await sql`UPDATE services SET slot_interval_min = 60 WHERE id = ${shop.haircut.id}`.execute(rt.database.db);
    await expectChange(reader, afterDayOff);
    await sql`UPDATE services SET slot_interval_min = 30 WHERE id = ${shop.haircut.id}`.execute(rt.database.db);
    reader.close();
  });

  it('sends an event when a hold is taken, and again when it expires with nothing written', async () => {
    try {
      const { reader, version } = await watching();
      const hold = await app.inject({
        method: 'POST',
        url: '/api/v1/orgs/shop/holds',
        payload: { serviceId: shop.haircut.id, start: '2027-03-05T09:00:00+01:00', staffId: shop.staff.ana, timeZone: 'Europe/Berlin' },
      });
      expect(hold.statusCode).toBe(201);
      const held = await expectChange(reader, version);
      expect(await slotsAt('2027-03-05', '09:00')).toEqual([shop.staff.ben]);

      // Nine minutes on, the 10-minute hold still stands: no event.
      rt.clock.advance(9 * 60_000);
      await expectNoEvent(reader);
      const written = await counters();

      rt.clock.advance(2 * 60_000);
      await expectChange(reader, held);
      expect(await slotsAt('2027-03-05', '09:00')).toEqual([shop.staff.ana, shop.staff.ben]);
      // The event came from the clock alone: no counter moved.
      expect(await counters()).toEqual(written);
      await expectNoEvent(reader);
      reader.close();
    } finally {
      rt.clock.set(START);
    }
  });

  it('a second app process on the same database notices a booking made through the first', async () => {
    const { reader, version } = await watching(base2);
    const booked = await app.inject({ method: 'POST', url: '/api/v1/orgs/shop/bookings', payload: bookingBody(shop, '2027-03-08T09:00:00+01:00', { staffId: shop.staff.ana }) });
    expect(booked.statusCode).toBe(201);
    await expectChange(reader, version);
    reader.close();
  });

  it('answers 404 not_found for an unknown service, an unknown org, or another org\'s service', async () => {
    const other = await seedShop(rt, 'other');
    for (const url of [
      eventsUrl(base, '0190aaaa-0000-7000-8000-000000000000'),
      eventsUrl(base, shop.haircut.id, 'nobody'),
      eventsUrl(base, other.haircut.id, 'shop'),
    ]) {
      const res = await fetch(url);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
    const bad = await fetch(eventsUrl(base, 'not an id!'));
    expect(bad.status).toBe(400);
  });

  it('takes clients that drop mid-stream in its stride: nothing logged above info, and the server keeps serving', async () => {
    const lines: string[] = [];
    const logged = await buildHttpApp(rt, { logger: httpLoggerOptions('info', new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) })), liveAvailability: LIVE });
    const on = await listening(logged);
    try {
      for (let i = 0; i < 5; i++) {
        const reader = await EventStreamReader.open(eventsUrl(on));
        await reader.next();
        reader.close();
      }
      // One dropped before its first byte was read.
      const abort = new AbortController();
      const early = fetch(eventsUrl(on), { signal: abort.signal });
      abort.abort();
      await expect(early).rejects.toThrow();
      await sleep(SETTLE_MS);
      const still = await EventStreamReader.open(eventsUrl(on));
      await expect(still.next()).resolves.toMatchObject({ event: 'availability' });
      still.close();
    } finally {
      await logged.close();
    }
    const levels = lines.map((l) => (JSON.parse(l) as { level: number }).level);
    expect(levels.filter((level) => level > 30)).toEqual([]);
    expect(lines.some((l) => l.includes('/availability/events'))).toBe(true);
  });

  it('limits open streams per client address and per server with 429 rate_limited, and gives a place back when a client leaves', async () => {
    const capped = await buildHttpApp(rt, { trustProxy: ['127.0.0.1'], liveAvailability: { ...LIVE, maxStreams: 3, maxStreamsPerClient: 2 } });
    const on = await listening(capped);
    const open = (client: string) => EventStreamReader.open(eventsUrl(on), { 'x-forwarded-for': client });
    const refused = async (client: string, message: RegExp) => {
      const res = await fetch(eventsUrl(on), { headers: { 'x-forwarded-for': client } });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('rate_limited');
      expect(body.error.message).toMatch(message);
    };
    try {
      const a1 = await open('192.0.2.1');
      const a2 = await open('192.0.2.1');
      readers.push(a1, a2);
      expect([a1.response.status, a2.response.status]).toEqual([200, 200]);
      await refused('192.0.2.1', /from this address/);
      const b1 = await open('192.0.2.2');
      readers.push(b1);
      expect(b1.response.status).toBe(200);
      await refused('192.0.2.3', /^Too many live connections; try again later/);

      // A client that leaves gives its place back.
      a1.close();
      let again: EventStreamReader | null = null;
      for (let i = 0; i < 50 && !again; i++) {
        const attempt = await open('192.0.2.1');
        if (attempt.response.status === 200) again = attempt;
        else await sleep(20);
      }
      expect(again).not.toBeNull();
      if (again) readers.push(again);
      await expect(again?.next()).resolves.toMatchObject({ event: 'availability' });

      // Closing the server ends the open streams at once instead of waiting for them.
      const closed = capped.close();
      await Promise.all([a2.end(1_000), b1.end(1_000), again?.end(1_000)]);
      await closed;
    } finally {
      await capped.close();
    }
  });
});
