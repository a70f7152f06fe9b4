import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxService } from '../src/jobs/outbox-service.js';
import { DEFAULT_SECURITY_POLICY } from '../src/app/auth/security-policy.js';
import { addUser, signIn } from './support/accounts.js';
import { ENGINES, type TestRuntime } from './support/databases.js';
import type { Shop } from './support/fixtures.js';
import { type MessagingFixture, messagingFixture } from './support/messaging-fixture.js';
import type { SmtpSink } from './support/smtp-sink.js';

describe.each(ENGINES)('notices to the staff member on %s', (engine) => {
  let f: MessagingFixture;
  let rt: TestRuntime;
  let shop: Shop;
  let sink: SmtpSink;
  let outbox: OutboxService;

  const setContact = async (staffId: string, over: { email?: string | null; userId?: string | null }) =>
    rt.ctx.uow.write(async (r) => {
      const [profile] = await r.staff.profiles(shop.orgId, [staffId]);
      if (!profile) throw new Error('no staff member');
      const { serviceIds: _services, ...rest } = profile;
      await r.staff.update({ ...rest, ...over });
    });
  /** What the worker sends now, to one address. */
  const mailTo = async (address: string): Promise<ParsedMail[]> => {
    const before = sink.received.length;
    await outbox.worker.drain();
    return sink.received.slice(before).filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address);
  };
  const staffTemplates = async (bookingId: string) =>
    (await rt.outboxQueue.list({ bookingId, limit: 20 })).map((m) => m.template).filter((t) => t.startsWith('staff.'));

  beforeAll(async () => {
    f = await messagingFixture(engine);
    ({ rt, shop, sink, outbox } = f);
  });
  afterAll(() => f?.close());

  it('writes nothing for a staff member without a work email or account', async () => {
    const booked = await f.book('2027-03-02T10:00:00+01:00', { staffId: shop.staff.ben });
    expect(await staffTemplates(booked.booking.id)).toEqual([]);
  });

  it('tells the staff member of a new, moved and cancelled booking: service, time, first name; no notes or contact', async () => {
    await setContact(shop.staff.ana, { email: 'ana@shop.example' });
    const booked = await f.book('2027-03-03T09:00:00+01:00', {
      staffId: shop.staff.ana,
      customer: { name: 'Mia Muster', email: 'mia@example.com', phone: '+49 30 1234567' },
      notes: 'knee surgery last month',
    });
    const [created] = await mailTo('ana@shop.example');
    if (!created) throw new Error('no staff notice');
    expect(created.subject).toBe('New booking: Haircut, Wednesday, 3 March 2027, 09:00 – 09:30 (Europe/Berlin) – Shop');
    expect(created.text).toContain('Hello Ana,');
    expect(created.text).toContain('Shop: a new appointment was booked with you.');
    expect(created.text).toContain('Haircut – Mia\nWednesday, 3 March 2027, 09:00 – 09:30 (Europe/Berlin)');
    const everything = `${created.subject}${created.text}${created.html}`;
    for (const secret of ['Muster', 'knee', 'mia@example.com', '1234567', '/manage']) expect(everything).not.toContain(secret);
    expect(created.attachments).toHaveLength(0);

    expect((await f.manage(booked.manageToken, { action: 'reschedule', start: '2027-03-03T11:00:00+01:00' })).statusCode).toBe(200);
    const [moved] = await mailTo('ana@shop.example');
    expect(moved?.subject).toBe('Booking moved: Haircut, Wednesday, 3 March 2027, 11:00 – 11:30 (Europe/Berlin) – Shop');
    expect(moved?.text).toContain('It was Wednesday, 3 March 2027, 09:00 – 09:30 (Europe/Berlin); the new time is below.');

    expect((await f.manage(booked.manageToken, { action: 'cancel' })).statusCode).toBe(200);
    const [cancelled] = await mailTo('ana@shop.example');
    expect(cancelled?.subject).toBe('Booking cancelled: Haircut, Wednesday, 3 March 2027, 11:00 – 11:30 (Europe/Berlin) – Shop');
    expect(await staffTemplates(booked.booking.id)).toEqual(['staff.booking_cancelled', 'staff.booking_rescheduled', 'staff.booking_created']);
  });

  it("writes in the organization's language whatever the customer chose, and falls back to the account email", async () => {
    const user = await addUser(rt, 'shop', 'staff', 'ben.account@shop.example');
    await setContact(shop.staff.ben, { userId: user.id, email: null });
    await rt.database.db.updateTable('organizations').set({ locale: 'zh-CN' }).where('id', '=', shop.orgId).execute();
    try {
      const booked = await f.book('2027-03-04T10:00:00+01:00', { serviceId: shop.consult.id, locale: 'en', customer: { name: 'Lu Chen', email: 'lu@example.com' } });
      const [notice] = await mailTo('ben.account@shop.example');
      expect(notice?.subject).toBe('新预约申请：Consultation，2027年3月4日星期四 10:00 – 10:30 (Europe/Berlin) – Shop');
      expect(notice?.text).toContain('Ben，您好：');
      expect(notice?.text).toContain('Consultation – Lu\n');
      // The customer's own message stays in the language they chose.
      const customer = sink.received.find((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === 'lu@example.com');
      expect(customer?.subject).toBe('Request received: Consultation – Shop');
      expect(await staffTemplates(booked.booking.id)).toEqual(['staff.booking_requested']);
    } finally {
      await rt.database.db.updateTable('organizations').set({ locale: 'en' }).where('id', '=', shop.orgId).execute();
    }
  });

  it('is written in the same transaction as the booking: a refused booking tells nobody', async () => {
    const before = (await rt.outboxQueue.list({ limit: 500 })).length;
    const taken = await f.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/shop/bookings',
      payload: { serviceId: shop.haircut.id, start: '2027-03-03T11:00:00+01:00', staffId: shop.staff.ana, timeZone: 'Europe/Berlin', customer: { name: 'X Y', email: 'x@example.com' }, consent: { privacyNoticeVersion: '2027-01' } },
    });
    // 11:00 with Ana is free again after the cancellation above: book it twice, the second is refused.
    expect(taken.statusCode).toBe(201);
    const again = await f.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/shop/bookings',
      payload: { serviceId: shop.haircut.id, start: '2027-03-03T11:00:00+01:00', staffId: shop.staff.ana, timeZone: 'Europe/Berlin', customer: { name: 'Z Q', email: 'z@example.com' }, consent: { privacyNoticeVersion: '2027-01' } },
    });
    expect(again.statusCode).toBe(409);
    const after = await rt.outboxQueue.list({ limit: 500 });
    // The one booking that committed wrote its confirmation, two reminders and Ana's notice.
    expect(after.length - before).toBe(4);
    expect(after.filter((m) => m.template === 'staff.booking_created' && m.bookingId === taken.json().booking.id)).toHaveLength(1);
  });
  it('a move to another staff member is a cancellation for one and a new booking for the other', async () => {
    await rt.ctx.uow.write((r) => r.accounts.securityPolicies.save(shop.orgId, { ...DEFAULT_SECURITY_POLICY, mfaRequiredRoles: [] }));
    const owner = await signIn(f.app, await addUser(rt, 'shop', 'owner', 'owner@shop.example'));
    const booked = await f.book('2027-03-05T09:00:00+01:00', { staffId: shop.staff.ana, customer: { name: 'Kim Lee', email: 'kim@example.com' } });
    await outbox.worker.drain();
    const moved = await f.app.inject({
      method: 'POST',
      url: `/api/v1/org/bookings/${booked.booking.id}/reschedule`,
      headers: owner.headers,
      payload: { start: '2027-03-05T10:00:00+01:00', staffId: shop.staff.ben, timeZone: 'Europe/Berlin' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await outbox.worker.drain();
    const last = (address: string) => sink.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address === address).at(-1);
    expect(last('ana@shop.example')?.subject).toBe('Booking cancelled: Haircut, Friday, 5 March 2027, 09:00 – 09:30 (Europe/Berlin) – Shop');
    expect(last('ben.account@shop.example')?.subject).toBe('New booking: Haircut, Friday, 5 March 2027, 10:00 – 10:30 (Europe/Berlin) – Shop');
    expect(last('ben.account@shop.example')?.text).toContain('Haircut – Kim\n');
  });
});
