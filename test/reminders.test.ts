import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateNotificationSettings } from '../src/app/notifications/update-notification-settings.js';
import type { OutboxService } from '../src/jobs/outbox-service.js';
import { HttpSmsSender } from '../src/notify/sms-sender.js';
import { ENGINES, type TestRuntime } from './support/databases.js';
import type { Shop } from './support/fixtures.js';
import { type MessagingFixture, messagingFixture } from './support/messaging-fixture.js';
import type { SmtpSink } from './support/smtp-sink.js';
import { type FakeSmsApi, startFakeSmsApi } from './support/sms-api.js';

describe.each(ENGINES)('reminders on %s', (engine) => {
  let f: MessagingFixture;
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let sink: SmtpSink;
  let smsApi: FakeSmsApi;
  let outbox: OutboxService;

  beforeAll(async () => {
    smsApi = await startFakeSmsApi();
    const sms = new HttpSmsSender({ url: smsApi.url, username: 'AC123', password: 'token', from: '+15005550006' });
    f = await messagingFixture(engine, { sms });
    ({ rt, app, shop, sink, outbox } = f);
  });
  afterAll(async () => {
    await f?.close();
    await smsApi?.close();
  });

  const book = (start: string, over: Record<string, unknown> = {}) => f.book(start, over);
  /** Runs the worker at an instant and returns the subjects of the mail it sent. */
  const runAt = async (iso: string) => {
    rt.clock.set(iso);
    const before = sink.received.length;
    await outbox.worker.drain();
    return sink.received.slice(before).map((m) => `${m.subject} | ${m.text?.split('\n')[2] ?? ''}`);
  };

  it('arrives at 24 h and 2 h before, by email and opted-in SMS, across the spring DST change', async () => {
    rt.clock.set('2027-03-01T00:00:00Z');
    // Monday 29 March 09:00 CEST = 07:00Z; clocks went forward on Sunday 28 March.
    await book('2027-03-29T09:00:00+02:00', { staffId: shop.staff.ana, smsReminders: true });
    expect(await runAt('2027-03-01T00:00:00Z')).toEqual(['Booking confirmed: Haircut – Shop | Shop has confirmed your appointment. The calendar file attached adds it to your calendar.']);
    // The confirmation reaches the opted-in phone at once, too.
    expect(smsApi.sent.map((s) => s.body)).toEqual(['Shop: booking confirmed, Haircut, Monday, 29 March 2027, 09:00 – 09:30 (Europe/Berlin).']);

    expect(await runAt('2027-03-28T06:59:59Z')).toEqual([]);
    expect(await runAt('2027-03-28T07:00:00Z')).toEqual(['Reminder: Haircut – Shop | A reminder of your appointment with Shop.']);
    expect(smsApi.sent).toHaveLength(2);
    expect(smsApi.sent[1]).toMatchObject({ to: '+49301234567', from: '+15005550006', authorization: `Basic ${Buffer.from('AC123:token').toString('base64')}` });
    expect(smsApi.sent[1]?.body).toBe('Shop: reminder, Haircut, Monday, 29 March 2027, 09:00 – 09:30 (Europe/Berlin).');

    // The 2 h reminder would fall at 07:00, inside quiet hours (21:00-08:00): it comes at 08:00 CEST.
    expect(await runAt('2027-03-29T05:59:59Z')).toEqual([]);
    expect(await runAt('2027-03-29T06:00:00Z')).toHaveLength(1);
    expect(smsApi.sent).toHaveLength(3);
    expect(await runAt('2027-03-29T09:00:00Z')).toEqual([]);
  });

  it('follows a reschedule: only the new time is reminded', async () => {
    rt.clock.set('2027-03-01T00:00:00Z');
    const created = await book('2027-03-10T10:00:00+01:00', { staffId: shop.staff.ben });
    const moved = await app.inject({
      method: 'POST',
      url: `/api/v1/bookings/manage/${created.manageToken}`,
      payload: { action: 'reschedule', start: '2027-03-11T14:00:00+01:00' },
    });
    expect(moved.statusCode).toBe(200);
    await runAt('2027-03-01T00:00:00Z');

    expect(await runAt('2027-03-09T09:00:00Z')).toEqual([]);
    expect(await runAt('2027-03-10T08:00:00Z')).toEqual([]);
    const first = await runAt('2027-03-10T13:00:00Z');
    expect(first).toHaveLength(1);
    expect(sink.received.at(-1)?.text).toContain('Thursday, 11 March 2027, 14:00 – 14:30 (Europe/Berlin)');
    expect(await runAt('2027-03-11T11:00:00Z')).toHaveLength(1);
  });

  it('stops for a cancelled booking', async () => {
    rt.clock.set('2027-03-01T00:00:00Z');
    const created = await book('2027-03-12T10:00:00+01:00', { staffId: shop.staff.ben });
    const cancelled = await app.inject({ method: 'POST', url: `/api/v1/bookings/manage/${created.manageToken}`, payload: { action: 'cancel' } });
    expect(cancelled.statusCode).toBe(200);
    await runAt('2027-03-01T00:00:00Z');
    expect(await runAt('2027-03-12T09:30:00Z')).toEqual([]);
    const left = await rt.outboxQueue.list({ bookingId: created.booking.id, status: 'pending', limit: 10 });
    expect(left).toEqual([]);
  });

  it('keeps quiet hours in the customer zone, not the business zone', async () => {
    rt.clock.set('2027-03-01T00:00:00Z');
    // Friday 16:00 in Berlin is 23:00 in Shanghai, where the customer lives.
    const created = await book('2027-03-05T16:00:00+01:00', { staffId: shop.staff.ana, timeZone: 'Asia/Shanghai' });
    const due = (await rt.outboxQueue.list({ bookingId: created.booking.id, status: 'pending', limit: 10 }))
      .filter((m) => m.template === 'booking.reminder')
      .map((m) => new Date(m.availableAt).toISOString())
      .sort();
    // 24 h before is 23:00 Shanghai: moved to 08:00 Shanghai that morning. 2 h before is 21:00: moved to 20:45.
    expect(due).toEqual(['2027-03-05T00:00:00.000Z', '2027-03-05T12:45:00.000Z']);
  });

  it('sends a follow-up after the appointment when the business turns it on, not for a cancelled one', async () => {
    rt.clock.set('2027-03-01T00:00:00Z');
    await updateNotificationSettings(rt.ctx, { orgSlug: 'shop', followUpAfterMin: 60 }, { type: 'cli', id: 'tester' });
    await book('2027-03-16T10:00:00+01:00', { staffId: shop.staff.ana });
    const dropped = await book('2027-03-16T11:00:00+01:00', { staffId: shop.staff.ana });
    await app.inject({ method: 'POST', url: `/api/v1/bookings/manage/${dropped.manageToken}`, payload: { action: 'cancel' } });
    await runAt('2027-03-01T00:00:00Z');
    await runAt('2027-03-16T09:00:00Z');
    expect(await runAt('2027-03-16T10:29:59Z')).toEqual([]);
    expect(await runAt('2027-03-16T10:30:00Z')).toEqual([
      'Thank you for your visit: Haircut – Shop | Thank you for visiting Shop. We hope everything went well; you can book your next appointment on their booking page.',
    ]);
    expect(await runAt('2027-03-16T12:00:00Z')).toEqual([]);
  });

  it('sends SMS only to a customer who gave a phone number and opted in, in their language', async () => {
    rt.clock.set('2027-03-01T00:00:00Z');
    const before = smsApi.sent.length;
    await book('2027-03-17T10:00:00+01:00', { staffId: shop.staff.ana });
    await book('2027-03-17T11:00:00+01:00', { staffId: shop.staff.ana, smsReminders: true, customer: { name: 'No Phone', email: 'np@example.com' } });
    await runAt('2027-03-01T00:00:00Z');
    expect(smsApi.sent).toHaveLength(before);

    await book('2027-03-18T10:00:00+01:00', { serviceId: shop.consult.id, smsReminders: true, locale: 'zh-CN' });
    await runAt('2027-03-01T00:00:00Z');
    expect(smsApi.sent.slice(before).map((s) => s.body)).toEqual(['Shop：已收到申请（尚未确认），Consultation，2027年3月18日星期四 10:00 – 10:30 (Europe/Berlin)。']);
  });
});
