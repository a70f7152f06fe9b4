import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendarFeed, revokeCalendarFeed } from '../src/app/notifications/calendar-feeds.js';
import { updateNotificationSettings } from '../src/app/notifications/update-notification-settings.js';
import { ENGINES, type TestRuntime } from './support/databases.js';
import { dumpDatabase } from './support/database-dump.js';
import type { Shop } from './support/fixtures.js';
import { type MessagingFixture, messagingFixture } from './support/messaging-fixture.js';

const admin = { type: 'cli' as const, id: 'tester' };

describe.each(ENGINES)('staff calendar feeds on %s', (engine) => {
  let f: MessagingFixture;
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;

  beforeAll(async () => {
    f = await messagingFixture(engine);
    ({ rt, app, shop } = f);
  });
  afterAll(() => f?.close());

  const book = (start: string, staffId: string, name: string) =>
    f.book(start, { staffId, customer: { name, email: `${name.split(' ')[0]?.toLowerCase()}@example.com` } });
  const events = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .map((e) => ({ summary: e.summary, start: e.startDate.toJSDate().toISOString(), uid: e.uid }))
      .sort((a, b) => a.start.localeCompare(b.start));

  it("shows one staff member's appointments with service and first name only, through a secret URL", async () => {
    const first = await book('2027-03-02T09:00:00+01:00', shop.staff.ana, 'Mia Muster');
    await book('2027-03-02T10:00:00+01:00', shop.staff.ana, 'Zoë Beispiel');
    await book('2027-03-02T09:00:00+01:00', shop.staff.ben, 'Otto Other');
    const { url, feed } = await createCalendarFeed(rt.ctx, { orgSlug: 'shop', staffId: shop.staff.ana }, admin);
    expect(url).toMatch(/^https:\/\/book\.example\.test\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const res = await app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(events(res.body)).toEqual([
      { summary: 'Haircut – Mia', start: '2027-03-02T08:00:00.000Z', uid: `${first.booking.id}@book.example.test` },
      { summary: 'Haircut – Zoë', start: '2027-03-02T09:00:00.000Z', uid: expect.any(String) },
    ]);
    expect(res.body).not.toMatch(/Muster|Beispiel|Otto|@example\.com/);

    const token = url.split('/').at(-1)?.replace('.ics', '') ?? '';
    expect(await dumpDatabase(rt)).not.toContain(token);
    const reads = await rt.auditReader.list({ orgId: shop.orgId, action: 'calendar_feed.read', limit: 5 });
    expect(reads[0]).toMatchObject({ outcome: 'success', objectIds: [feed.id] });

    await updateNotificationSettings(rt.ctx, { orgSlug: 'shop', calendarFeedFullNames: true }, admin);
    const full = await app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(events(full.body)[0]?.summary).toBe('Haircut – Mia Muster');

    await app.inject({ method: 'POST', url: `/api/v1/bookings/manage/${first.manageToken}`, payload: { action: 'cancel' } });
    const after = await app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(events(after.body)).toHaveLength(1);
  });

  it('stops working once revoked, and never opens with a guessed token', async () => {
    const { url, feed } = await createCalendarFeed(rt.ctx, { orgSlug: 'shop', staffId: shop.staff.ben }, admin);
    expect((await app.inject({ method: 'GET', url: new URL(url).pathname })).statusCode).toBe(200);
    await revokeCalendarFeed(rt.ctx, { orgSlug: 'shop', feedId: feed.id }, admin);
    const revoked = await app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json().error.code).toBe('not_found');
    expect((await app.inject({ method: 'GET', url: `/api/v1/calendar/${'A'.repeat(43)}.ics` })).statusCode).toBe(404);
    await expect(revokeCalendarFeed(rt.ctx, { orgSlug: 'shop', feedId: feed.id }, admin)).rejects.toMatchObject({ code: 'not_found' });
  });
});
