import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../src/http/app.js';
import { httpLoggerOptions } from '../src/http/logging.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, bookingBody, seedShop } from './support/fixtures.js';

const MARKERS = ['Quincy Leakcheck', 'quincy.leakcheck@example.org', '+4917011223344', 'leaky-note-marker', 'leaky-reason-marker'];

describe.each(ENGINES)('logs and error answers leak nothing on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  const lines: string[] = [];
  const bodies: string[] = [];

  beforeAll(async () => {
    rt = await testRuntime(engine);
    shop = await seedShop(rt);
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    app = await buildHttpApp(rt, { logger: httpLoggerOptions('trace', stream) });
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  it('keeps markers out of every log line and every error body through the main flows', async () => {
    const customer = { name: MARKERS[0], email: MARKERS[1], phone: MARKERS[2] };
    const send = async (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
      const res = await app.inject({ method, url, payload: payload as Record<string, unknown>, headers });
      if (res.statusCode >= 400) bodies.push(res.body);
      return res;
    };
    const created = await send('POST', '/api/v1/orgs/shop/bookings', bookingBody(shop, '2027-03-02T09:00:00+01:00', { customer, notes: MARKERS[3] }), {
      'idempotency-key': 'leak-check-key-1',
    });
    expect(created.statusCode).toBe(201);
    const token = created.json().manageToken as string;
    await send('GET', `/api/v1/bookings/manage/${token}`);
    await send('POST', `/api/v1/bookings/manage/${token}`, { action: 'cancel', reason: MARKERS[4] });
    // Failures: taken slot, bad email with the marker inside, unknown field, control characters, bad JSON.
    await send('POST', '/api/v1/orgs/shop/bookings', bookingBody(shop, '2027-03-02T09:00:00+01:00', { customer, staffId: shop.staff.ana }));
    await send('POST', '/api/v1/orgs/shop/bookings', bookingBody(shop, '2027-03-02T09:30:00+01:00', { customer: { ...customer, email: `${MARKERS[0]} <x>` } }));
    await send('POST', '/api/v1/orgs/shop/bookings', { ...bookingBody(shop, '2027-03-02T09:30:00+01:00', { customer }), nickname: MARKERS[3] });
    await send('POST', '/api/v1/orgs/shop/bookings', bookingBody(shop, '2027-03-02T09:30:00+01:00', { customer: { ...customer, name: `${MARKERS[0]}\r\n{"level":60,"msg":"forged"}` } }));
    await send('POST', '/api/v1/orgs/shop/bookings', `{"customer":{"name":"${MARKERS[0]}"`, { 'content-type': 'application/json' });
    await send('GET', `/api/v1/bookings/manage/${'x'.repeat(43)}`);

    expect(lines.length).toBeGreaterThan(10);
    const log = lines.join('\n');
    for (const marker of [...MARKERS, token, 'leak-check-key-1']) expect(log).not.toContain(marker);
    expect(lines.every((l) => JSON.parse(l).level !== 60 || !String(JSON.parse(l).msg).includes('forged'))).toBe(true);
    expect(log).toContain('/manage/[redacted]');

    expect(bodies.length).toBeGreaterThanOrEqual(5);
    for (const body of bodies) {
      for (const marker of MARKERS) expect(body).not.toContain(marker);
      expect(body).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack traces
    }
  });

  it('answers an internal failure with a bland 500 and logs it without the request data', async () => {
    const failing = await buildHttpApp(
      { ...rt, ctx: { ...rt.ctx, uow: { read: async () => Promise.reject(new Error(`db exploded near ${MARKERS[1]}`)), write: async () => Promise.reject(new Error('x')) } } },
      { logger: httpLoggerOptions('info', new Writable({ write: (c, _e, d) => (lines.push(String(c)), d()) })) },
    );
    const res = await failing.inject({ method: 'GET', url: '/api/v1/orgs/shop/services' });
    await failing.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    expect(res.body).not.toContain('exploded');
  });
});

describe('security headers', () => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  beforeAll(async () => {
    rt = await testRuntime('sqlite');
    await seedShop(rt);
    app = await buildHttpApp(rt);
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  it('sends a strict CSP, nosniff, referrer policy, frame denial and no-store on API answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/orgs/shop/services' });
    const csp = String(res.headers['content-security-policy']);
    for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
    const errorRes = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(errorRes.headers['content-security-policy']).toBeDefined();
    expect(errorRes.headers['cache-control']).toBe('no-store');
  });
});
