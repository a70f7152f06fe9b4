import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../src/http/app.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { type Shop, bookingBody, seedShop } from './support/fixtures.js';

interface Outcome {
  status: number;
  code?: string;
}

describe.each(ENGINES)('no double booking on %s, through a real HTTP listener', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let base: string;

  beforeAll(async () => {
    rt = await testRuntime(engine, '2027-03-01T00:00:00Z');
    shop = await seedShop(rt);
    app = await buildHttpApp(rt);
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  async function post(body: Record<string, unknown>): Promise<Outcome> {
    const res = await fetch(`${base}/api/v1/orgs/shop/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { error?: { code: string } };
    return { status: res.status, code: json.error?.code };
  }

  function tally(outcomes: Outcome[]) {
    return {
      created: outcomes.filter((o) => o.status === 201).length,
      conflicts: outcomes.filter((o) => o.status === 409 && o.code === 'slot_unavailable').length,
      serverErrors: outcomes.filter((o) => o.status >= 500).length,
    };
  }

  it('lets exactly one of 50 simultaneous requests for one staff slot win', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(bookingBody(shop, '2027-03-15T09:00:00+01:00', { staffId: shop.staff.ana, customer: { name: `C${i}`, email: `c${i}@example.com` } })),
      ),
    );
    expect(tally(outcomes)).toEqual({ created: 1, conflicts: 49, serverErrors: 0 });
  });

  it('gives each of two staff one booking when 60 ask for "anyone" at once', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => post(bookingBody(shop, '2027-03-15T10:00:00+01:00', { customer: { name: `A${i}`, email: `a${i}@example.com` } }))),
    );
    expect(tally(outcomes)).toEqual({ created: 2, conflicts: 58, serverErrors: 0 });
  });

  it('lets exactly one of many pairwise-overlapping bookings of different lengths win', async () => {
    // Colour 10:00-11:00, colour 10:30-11:30 and a haircut 10:30-11:00, all for Ana: every
    // pair overlaps, so whichever arrives first must be the only one.
    const kinds = [
      { serviceId: shop.colour.id, start: '2027-03-16T10:00:00+01:00' },
      { serviceId: shop.colour.id, start: '2027-03-16T10:30:00+01:00' },
      { serviceId: shop.haircut.id, start: '2027-03-16T10:30:00+01:00' },
    ];
    const outcomes = await Promise.all(
      Array.from({ length: 57 }, (_, i) => {
        const kind = kinds[i % 3] as (typeof kinds)[number];
        return post(bookingBody(shop, kind.start, { ...kind, staffId: shop.staff.ana, customer: { name: `O${i}`, email: `o${i}@example.com` } }));
      }),
    );
    expect(tally(outcomes)).toEqual({ created: 1, conflicts: 56, serverErrors: 0 });
    const live = await rt.ctx.uow.read((r) =>
      r.bookings.busy(shop.orgId, [shop.staff.ana], Date.parse('2027-03-16T00:00:00Z'), Date.parse('2027-03-17T00:00:00Z'), rt.clock.now()),
    );
    expect(live).toHaveLength(1);
  });

  it('books a group class to exactly its capacity under a rush', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(bookingBody(shop, '2027-03-17T09:00:00+01:00', { serviceId: shop.yoga.id, customer: { name: `Y${i}`, email: `y${i}@example.com` } })),
      ),
    );
    expect(tally(outcomes)).toEqual({ created: 3, conflicts: 47, serverErrors: 0 });
  });
});
