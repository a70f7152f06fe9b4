import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/app/access/roles.js';
import { createWebhookEndpoint } from '../src/app/notifications/manage-webhooks.js';
import { updateNotificationSettings } from '../src/app/notifications/update-notification-settings.js';
import { buildHttpApp } from '../src/http/app.js';
import { type TestUser, addUser, seedTwoShopsWithoutMfa, signIn } from './support/accounts.js';
import { ENGINES, type TestRuntime, testRuntime } from './support/databases.js';
import { bookPublicly, deskClient, linkStaffUser } from './support/desk.js';
import type { Shop } from './support/fixtures.js';

const WEEK = 'from=2027-03-01&to=2027-03-07&timeZone=Europe/Berlin';
const CLI = { type: 'cli' as const, id: 'test' };

interface Item {
  id: string;
  status: string;
  staffId: string;
  start: string;
  notes?: string | null;
  customer: { name: string; email: string };
}

describe.each(ENGINES)('staff calendar API (bookings) on %s', (engine) => {
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  const users = new Map<string, TestUser>();
  let ids: { ana: string; ben: string; pending: string; declineMe: string };

  const as = async (who: string) => {
    const user = users.get(who);
    if (!user) throw new Error(who);
    return deskClient(app, await signIn(app, user));
  };
  const idsOf = (res: { json(): { bookings: Item[] } }) => res.json().bookings.map((b) => b.id);

  beforeAll(async () => {
    rt = await testRuntime(engine);
    ({ shop } = await seedTwoShopsWithoutMfa(rt));
    app = await buildHttpApp(rt);
    for (const role of ['owner', 'admin', 'staff', 'receptionist', 'auditor', 'customer'] as Role[]) {
      users.set(role, await addUser(rt, 'shop', role, `${role}@example.org`));
    }
    users.set('unlinked', await addUser(rt, 'shop', 'staff', 'unlinked@example.org'));
    users.set('outsider', await addUser(rt, 'other-shop', 'owner', 'outsider@example.org'));
    await linkStaffUser(rt, shop.staff.ana, users.get('staff')?.id ?? '');
    await updateNotificationSettings(rt.ctx, { orgSlug: 'shop', webhookAllowedHosts: ['hooks.internal.test'] }, CLI);
    await createWebhookEndpoint(rt.ctx, { orgSlug: 'shop', url: 'http://hooks.internal.test:9/slotguard', events: ['booking.cancelled'] }, CLI);
    ids = {
      ana: await bookPublicly(app, shop, '2027-03-02T09:00:00+01:00', { staffId: shop.staff.ana, notes: 'Allergic to latex' }),
      ben: await bookPublicly(app, shop, '2027-03-02T10:00:00+01:00', {
        staffId: shop.staff.ben,
        customer: { name: 'Leo Lang', email: 'leo@example.com' },
      }),
      pending: await bookPublicly(app, shop, '2027-03-03T09:00:00+01:00', { serviceId: shop.consult.id }),
      declineMe: await bookPublicly(app, shop, '2027-03-03T10:00:00+01:00', { serviceId: shop.consult.id }),
    };
  });
  afterAll(async () => {
    await app?.close();
    await rt?.dispose();
  });

  it('lists the week by start, in the zone asked for, with health notes for the owner, and audits the read', async () => {
    const owner = await as('owner');
    const res = await owner.get(`/org/bookings?${WEEK}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().timeZone).toBe('Europe/Berlin');
    expect(idsOf(res)).toEqual([ids.ana, ids.ben, ids.pending, ids.declineMe]);
    const first = res.json().bookings[0];
    expect(first).toMatchObject({
      status: 'confirmed',
      serviceId: shop.haircut.id,
      serviceName: 'Haircut',
      staffId: shop.staff.ana,
      staffName: 'Ana',
      start: '2027-03-02T09:00:00+01:00',
      end: '2027-03-02T09:30:00+01:00',
      seats: 1,
      notes: 'Allergic to latex',
      customer: { name: 'Mia Muster', email: 'mia@example.com', phone: '+49301234567', erased: false },
    });
    const shanghai = await owner.get('/org/bookings?from=2027-03-02&to=2027-03-02&timeZone=Asia/Shanghai');
    expect(shanghai.json().bookings.map((b: Item) => b.start)).toEqual(['2027-03-02T16:00:00+08:00', '2027-03-02T17:00:00+08:00']);
    const [entry] = await rt.auditReader.list({ action: 'booking.list', limit: 1 });
    expect(entry).toMatchObject({ outcome: 'success', reason: 'with_health_notes', objectIds: [ids.ana, ids.ben] });
    expect(entry?.actor.id).toBe(users.get('owner')?.id);
  });

  it('never sends the notes field to receptionists and auditors; an auditor may read but not change', async () => {
    for (const who of ['receptionist', 'auditor']) {
      const c = await as(who);
      const list = await c.get(`/org/bookings?${WEEK}`);
      expect(list.statusCode).toBe(200);
      expect(list.json().bookings).toHaveLength(4);
      for (const b of list.json().bookings) expect(Object.keys(b)).not.toContain('notes');
      const one = await c.get(`/org/bookings/${ids.ana}`);
      expect(one.statusCode).toBe(200);
      expect(Object.keys(one.json())).not.toContain('notes');
      expect(one.body).not.toContain('Allergic');
    }
    const auditor = await as('auditor');
    for (const action of ['cancel', 'complete', 'no-show', 'approve', 'decline']) {
      const res = await auditor.post(`/org/bookings/${ids.pending}/${action}`);
      expect(res.statusCode, action).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const [entry] = await rt.auditReader.list({ action: 'booking.view', limit: 1 });
    expect(entry).toMatchObject({ outcome: 'success', reason: null, objectIds: [ids.ana] });
  });

  it("shows a staff member only their own bookings; another's answers 404; unlinked staff see nothing", async () => {
    const ana = await as('staff');
    const list = await ana.get(`/org/bookings?${WEEK}`);
    expect(idsOf(list)).toEqual([ids.ana]);
    expect(list.json().bookings[0].notes).toBe('Allergic to latex');
    expect(idsOf(await ana.get(`/org/bookings?${WEEK}&staffId=${shop.staff.ben}`))).toEqual([]);
    for (const res of [
      await ana.get(`/org/bookings/${ids.ben}`),
      await ana.post(`/org/bookings/${ids.ben}/cancel`, {}),
      await ana.post(`/org/bookings/${ids.pending}/approve`),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const unlinked = await as('unlinked');
    expect(idsOf(await unlinked.get(`/org/bookings?${WEEK}`))).toEqual([]);
    expect((await unlinked.get(`/org/bookings/${ids.ana}`)).statusCode).toBe(404);
  });

  it('refuses customers and strangers, and hides bookings from another organization', async () => {
    expect((await (await as('customer')).get(`/org/bookings?${WEEK}`)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/v1/org/bookings?${WEEK}` })).statusCode).toBe(401);
    const outsider = await as('outsider');
    expect(idsOf(await outsider.get(`/org/bookings?${WEEK}`))).toEqual([]);
    const res = await outsider.get(`/org/bookings/${ids.ana}`);
    expect(res.statusCode).toBe(404);
    expect((await outsider.post(`/org/bookings/${ids.ana}/cancel`, {})).statusCode).toBe(404);
    expect((await (await as('owner')).get(`/org/bookings/${ids.ana}`)).json().status).toBe('confirmed');
  });

  it('serves API keys by their scopes: the calendar without health notes, writes only with bookings:write', async () => {
    const owner = await signIn(app, users.get('owner') as TestUser);
    const createKey = async (scopes: string[]) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/org/api-keys', headers: owner.headers, payload: { name: 'Sync', scopes } });
      expect(res.statusCode, res.body).toBe(201);
      return { authorization: `Bearer ${res.json().key}` };
    };
    const reader = await createKey(['bookings:read']);
    const list = await app.inject({ method: 'GET', url: `/api/v1/org/bookings?${WEEK}`, headers: reader });
    expect(list.statusCode, list.body).toBe(200);
    expect(idsOf(list)).toHaveLength(4);
    for (const b of list.json().bookings) expect(Object.keys(b)).not.toContain('notes');
    const [entry] = await rt.auditReader.list({ action: 'booking.list', limit: 1 });
    expect(entry?.actor.type).toBe('api_key');
    const refused = await app.inject({ method: 'POST', url: `/api/v1/org/bookings/${ids.ben}/cancel`, headers: reader, payload: {} });
    expect(refused.statusCode).toBe(403);
    const customers = await app.inject({ method: 'GET', url: '/api/v1/org/customers', headers: reader });
    expect(customers.statusCode).toBe(403);
    const writer = await createKey(['bookings:read', 'bookings:write']);
    const detail = await app.inject({ method: 'GET', url: `/api/v1/org/bookings/${ids.ana}`, headers: writer });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain('Allergic');
  });

  it('answers 400 for a range over 62 days, an unknown status or zone, and unknown fields', async () => {
    const owner = await as('owner');
    for (const query of [
      'from=2027-03-01&to=2027-05-02&timeZone=Europe/Berlin',
      `${WEEK}&status=confirmed,bogus`,
      'from=2027-03-01&to=2027-03-07&timeZone=Mars/Olympus',
      `${WEEK}&orgId=${shop.orgId}`,
    ]) {
      const res = await owner.get(`/org/bookings?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
    }
    expect((await owner.get('/org/bookings?from=2027-03-01&to=2027-05-01&timeZone=Europe/Berlin')).statusCode).toBe(200);
  });

  it('filters by status, staff member and service', async () => {
    const owner = await as('owner');
    expect(idsOf(await owner.get(`/org/bookings?${WEEK}&status=pending`))).toEqual([ids.pending, ids.declineMe]);
    expect(idsOf(await owner.get(`/org/bookings?${WEEK}&staffId=${shop.staff.ben}&serviceId=${shop.haircut.id}`))).toEqual([ids.ben]);
    expect(idsOf(await owner.get(`/org/bookings?${WEEK}&status=cancelled,no_show`))).toEqual([]);
  });

  it('approves and declines requests (the customer is told); a second decision is a 409', async () => {
    const rita = await as('receptionist');
    const approved = await rita.post(`/org/bookings/${ids.pending}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ id: ids.pending, status: 'confirmed', timeZone: 'Europe/Berlin' });
    expect(approved.json().history.map((h: { type: string; actor: string }) => [h.type, h.actor])).toEqual([
      ['created', 'customer'],
      ['confirmed', 'business'],
    ]);
    const again = await rita.post(`/org/bookings/${ids.pending}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('booking_not_modifiable');
    const declined = await rita.post(`/org/bookings/${ids.declineMe}/decline`, { reason: 'Fully booked that day' });
    expect(declined.json()).toMatchObject({ status: 'declined' });
    expect(declined.json().history.at(-1)).toMatchObject({ type: 'declined', actor: 'business', note: 'Fully booked that day' });
    const messages = await rt.outboxQueue.list({ bookingId: ids.pending, channel: 'email', limit: 10 });
    expect(messages.map((m) => m.template)).toContain('booking.approved');
    const declinedMail = await rt.outboxQueue.list({ bookingId: ids.declineMe, channel: 'email', limit: 10 });
    expect(declinedMail.map((m) => m.template)).toContain('booking.declined');
  });

  it('books on the phone for a customer: confirmed without approval, the usual confirmation, idempotent, no double booking', async () => {
    const rita = await as('receptionist');
    const body = {
      serviceId: shop.consult.id,
      start: '2027-03-04T09:00:00+01:00',
      timeZone: 'Europe/Berlin',
      customer: { name: 'Zhang Wei', email: 'wei@example.com', phone: '+86 138 0013 8000' },
      notes: 'Prefers mornings',
      locale: 'zh-CN',
    };
    const created = await rita.post('/org/bookings', body, { 'idempotency-key': 'phone-call-0001' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'confirmed', staffId: shop.staff.ben, customer: { name: 'Zhang Wei', phone: '+8613800138000' } });
    expect(Object.keys(created.json())).not.toContain('notes');
    expect(created.json().history).toEqual([expect.objectContaining({ type: 'created', actor: 'business' })]);
    const id = created.json().id as string;
    const mail = await rt.outboxQueue.list({ bookingId: id, channel: 'email', limit: 10 });
    expect(mail.find((m) => m.template === 'booking.confirmed')).toMatchObject({ locale: 'zh-CN', status: 'pending' });

    const replay = await rita.post('/org/bookings', body, { 'idempotency-key': 'phone-call-0001' });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(id);
    const reused = await rita.post('/org/bookings', { ...body, start: '2027-03-04T10:00:00+01:00' }, { 'idempotency-key': 'phone-call-0001' });
    expect(reused.json().error.code).toBe('idempotency_conflict');

    const taken = await rita.post('/org/bookings', { ...body, serviceId: shop.haircut.id, staffId: shop.staff.ana, start: '2027-03-02T09:00:00+01:00' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('slot_unavailable');
    const consent = await rita.post('/org/bookings', { ...body, consent: { privacyNoticeVersion: 'x' } });
    expect(consent.statusCode).toBe(400);
  });

  it('lets a staff member book only on their own calendar', async () => {
    const ana = await as('staff');
    const body = {
      serviceId: shop.haircut.id,
      start: '2027-03-04T11:00:00+01:00',
      timeZone: 'Europe/Berlin',
      customer: { name: 'Ola Nord', email: 'ola@example.com' },
      notes: 'Sensitive scalp',
    };
    const forBen = await ana.post('/org/bookings', { ...body, staffId: shop.staff.ben });
    expect(forBen.statusCode).toBe(403);
    const mine = await ana.post('/org/bookings', body);
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ staffId: shop.staff.ana, notes: 'Sensitive scalp' });
    expect((await (await as('unlinked')).post('/org/bookings', body)).statusCode).toBe(403);
  });

  it('cancels as the business after the customer cutoff: the message says the business cancelled, reminders go, the webhook fires', async () => {
    const id = await bookPublicly(app, shop, '2027-03-05T09:00:00+01:00', { staffId: shop.staff.ana });
    const reminders = async (status: 'pending' | 'cancelled') =>
      (await rt.outboxQueue.list({ bookingId: id, status, limit: 20 })).filter((m) => m.template === 'booking.reminder');
    expect((await reminders('pending')).length).toBeGreaterThan(0);
    rt.clock.set('2027-03-05T07:30:00Z'); // 08:30 in Berlin: past the customer's 2-hour cutoff
    const res = await (await as('admin')).post(`/org/bookings/${id}/cancel`, { reason: 'Ana is ill' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled' });
    expect(res.json().history.at(-1)).toMatchObject({ type: 'cancelled', actor: 'business', note: 'Ana is ill' });
    expect(await reminders('pending')).toEqual([]);
    expect((await reminders('cancelled')).length).toBeGreaterThan(0);
    // The confirmation is still pending too: no worker runs in this test.
    const pending = await rt.outboxQueue.list({ bookingId: id, status: 'pending', limit: 20 });
    expect(pending.map((m) => [m.channel, m.template]).sort()).toEqual([
      ['email', 'booking.cancelled_by_business'],
      ['email', 'booking.confirmed'],
      // Ana's own notices: the booking, then its cancellation.
      ['email', 'staff.booking_cancelled'],
      ['email', 'staff.booking_created'],
      ['webhook', 'webhook'],
    ]);
    const notice = pending.find((m) => m.template === 'booking.cancelled_by_business');
    const shown = await (await as('owner')).get(`/org/outbox/${notice?.id}`);
    expect(shown.json().rendered).toMatchObject({ to: 'mia@example.com', subject: expect.stringContaining('Booking cancelled by the business') });
    expect(shown.json().rendered.text).toContain('Shop has cancelled your appointment');
    expect(shown.json().rendered.attachments).toEqual(['cancel.ics']);

    // The same in the customer's language: the booking made on the phone in zh-CN.
    const phoned = (await (await as('owner')).get(`/org/customers?email=wei@example.com`)).json().customers[0].id;
    const weiBooking = (await (await as('owner')).get(`/org/customers/${phoned}`)).json().bookings[0].id;
    expect((await (await as('admin')).post(`/org/bookings/${weiBooking}/cancel`)).statusCode).toBe(200);
    const [zh] = (await rt.outboxQueue.list({ bookingId: weiBooking, status: 'pending', limit: 20 })).filter((m) => m.template === 'booking.cancelled_by_business');
    const zhShown = await (await as('owner')).get(`/org/outbox/${zh?.id}`);
    expect(zhShown.json().rendered.subject).toContain('商家已取消预约');
    expect(zhShown.json().rendered.text).toContain('Shop 已取消您的预约');

    const again = await (await as('admin')).post(`/org/bookings/${id}/cancel`, {});
    expect(again.json().error.code).toBe('booking_not_modifiable');
    const [entry] = await rt.auditReader.list({ action: 'booking.cancel', limit: 1 });
    expect(entry).toMatchObject({ outcome: 'failure', reason: 'booking_not_modifiable', objectIds: [id] });
  });

  it('reschedules past the cutoff to a free time, to another staff member, never onto a taken slot', async () => {
    rt.clock.set('2027-03-07T12:00:00Z');
    const moving = await bookPublicly(app, shop, '2027-03-08T09:00:00+01:00', { staffId: shop.staff.ana });
    const blocker = await bookPublicly(app, shop, '2027-03-08T14:00:00+01:00', { staffId: shop.staff.ana, customer: { name: 'B', email: 'b@example.com' } });
    rt.clock.set('2027-03-08T07:30:00Z');
    const rita = await as('receptionist');
    const moved = await rita.post(`/org/bookings/${moving}/reschedule`, { start: '2027-03-08T07:00:00-05:00', timeZone: 'America/New_York' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ start: '2027-03-08T07:00:00-05:00', staffId: shop.staff.ana, timeZone: 'America/New_York' });
    expect(moved.json().history.at(-1)).toMatchObject({ type: 'rescheduled', actor: 'business' });
    const clash = await rita.post(`/org/bookings/${moving}/reschedule`, { start: '2027-03-08T14:00:00+01:00', timeZone: 'Europe/Berlin' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('slot_unavailable');
    const toBen = await rita.post(`/org/bookings/${moving}/reschedule`, { start: '2027-03-08T14:00:00+01:00', staffId: shop.staff.ben, timeZone: 'Europe/Berlin' });
    expect(toBen.json()).toMatchObject({ staffId: shop.staff.ben, start: '2027-03-08T14:00:00+01:00' });
    const mail = await rt.outboxQueue.list({ bookingId: moving, channel: 'email', status: 'pending', limit: 20 });
    expect(mail.map((m) => m.template)).toContain('booking.rescheduled');
    const ana = await as('staff');
    const handOver = await ana.post(`/org/bookings/${blocker}/reschedule`, { start: '2027-03-08T15:00:00+01:00', staffId: shop.staff.ben, timeZone: 'Europe/Berlin' });
    expect(handOver.statusCode).toBe(403);
    expect((await ana.post(`/org/bookings/${moving}/reschedule`, { start: '2027-03-08T15:00:00+01:00', timeZone: 'Europe/Berlin' })).statusCode).toBe(404);
  });

  it('marks an appointment completed or a no-show only once it has started, and only once', async () => {
    rt.clock.set('2027-03-08T12:00:00Z');
    const done = await bookPublicly(app, shop, '2027-03-09T09:00:00+01:00', { staffId: shop.staff.ana });
    const missed = await bookPublicly(app, shop, '2027-03-09T10:00:00+01:00', { staffId: shop.staff.ana });
    rt.clock.set('2027-03-09T07:00:00Z');
    const early = await (await as('staff')).post(`/org/bookings/${done}/complete`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('booking_not_modifiable');
    rt.clock.set('2027-03-09T09:30:00Z');
    const ana = await as('staff');
    const completed = await ana.post(`/org/bookings/${done}/complete`);
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({ status: 'completed' });
    expect((await ana.post(`/org/bookings/${done}/no-show`)).json().error.code).toBe('booking_not_modifiable');
    expect((await ana.post(`/org/bookings/${done}/cancel`, {})).statusCode).toBe(409);
    const noShow = await ana.post(`/org/bookings/${missed}/no-show`);
    expect(noShow.json()).toMatchObject({ status: 'no_show' });
    expect(noShow.json().history.at(-1)).toMatchObject({ type: 'no_show', actor: 'business' });
    const left = await rt.outboxQueue.list({ bookingId: missed, status: 'pending', limit: 20 });
    expect(left.filter((m) => m.template === 'booking.reminder' || m.template === 'booking.follow_up')).toEqual([]);
    const [entry] = await rt.auditReader.list({ action: 'booking.no_show', limit: 1 });
    expect(entry).toMatchObject({ outcome: 'success', objectIds: [missed] });
  });
});
