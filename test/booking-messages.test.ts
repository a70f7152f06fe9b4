import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideBooking } from '../src/app/booking/decide-booking.js';
import { eraseCustomer } from '../src/app/privacy/erase-customer.js';
import type { OutboxService } from '../src/jobs/outbox-service.js';
import { ENGINES, type TestRuntime } from './support/databases.js';
import { type Shop, bookingBody } from './support/fixtures.js';
import { type MessagingFixture, messagingFixture } from './support/messaging-fixture.js';
import { FROM_ADDRESS, calendarOf } from './support/notify-setup.js';
import type { SmtpSink } from './support/smtp-sink.js';

describe.each(ENGINES)('booking messages through SMTP on %s', (engine) => {
  let f: MessagingFixture;
  let rt: TestRuntime;
  let shop: Shop;
  let sink: SmtpSink;
  let outbox: OutboxService;
  let app: FastifyInstance;

  beforeAll(async () => {
    f = await messagingFixture(engine);
    ({ rt, shop, sink, outbox, app } = f);
  });
  afterAll(() => f?.close());

  const book = (start: string, over: Record<string, unknown> = {}) => f.book(start, over);
  const manage = (token: string, payload: Record<string, unknown>) => f.manage(token, payload);

  it('confirms a booking by email with a calendar invitation, sent only by the worker', async () => {
    const created = await book('2027-03-02T09:00:00+01:00', {
      staffId: shop.staff.ana,
      customer: { name: 'Mia <b>Muster</b> & "Co"', email: 'mia@example.com' },
      notes: 'knee surgery last month',
    });
    expect(sink.received).toHaveLength(0);
    const pending = await rt.outboxQueue.list({ bookingId: created.booking.id, limit: 10 });
    expect(pending.map((m) => [m.template, m.channel, m.status]).sort()).toEqual([
      ['booking.confirmed', 'email', 'pending'],
      ['booking.reminder', 'email', 'pending'],
      ['booking.reminder', 'email', 'pending'],
    ]);

    const report = await outbox.worker.drain();
    expect(report).toMatchObject({ claimed: 1, sent: 1 });
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0];
    if (!mail) throw new Error('no mail');
    expect(mail.subject).toBe('Booking confirmed: Haircut – Shop');
    expect(mail.from?.value[0]?.address).toBe(FROM_ADDRESS);
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@book\.example\.test>$/);
    expect(mail.text).toContain('Tuesday, 2 March 2027, 09:00 – 09:30 (Europe/Berlin)');
    expect(mail.text).toContain(`Manage your booking: ${created.manageUrl}`);
    expect(mail.text).toContain('Genuine messages only link to book.example.test');
    expect(mail.text).toMatch(/Report a suspicious message: https:\/\/book\.example\.test\/report-suspicious\?ref=/);
    // User input is escaped in HTML; health notes stay out of messages by default.
    expect(mail.html).toContain('Mia &lt;b&gt;Muster&lt;/b&gt; &amp; &quot;Co&quot;');
    expect(mail.html).not.toContain('<b>Muster');
    expect(`${mail.text}${mail.html}`).not.toContain('knee');
    for (const link of String(mail.html).match(/href="[^"]+"/g) ?? []) expect(link).toMatch(/^href="https:\/\/book\.example\.test\//);

    const invite = calendarOf(mail);
    expect(invite).toMatchObject({ method: 'REQUEST', uid: `${created.booking.id}@book.example.test`, sequence: 1, status: 'CONFIRMED' });
    expect(invite.start.toISOString()).toBe('2027-03-02T08:00:00.000Z');
    expect(invite.end.toISOString()).toBe('2027-03-02T08:30:00.000Z');

    const sent = await rt.outboxQueue.list({ bookingId: created.booking.id, status: 'sent', limit: 10 });
    expect(sent).toHaveLength(1);
    expect(await outbox.worker.drain()).toMatchObject({ claimed: 0 });
    expect(sink.received).toHaveLength(1);
  });

  it('moves the invitation on reschedule (same UID, higher SEQUENCE) and removes it on cancellation', async () => {
    const created = await book('2027-03-03T09:00:00+01:00', { staffId: shop.staff.ben });
    await outbox.worker.drain();
    const first = calendarOf(sink.received.at(-1) as NonNullable<(typeof sink.received)[number]>);

    const moved = await manage(created.manageToken, { action: 'reschedule', start: '2027-03-03T11:00:00+01:00' });
    expect(moved.statusCode).toBe(200);
    await outbox.worker.drain();
    const movedMail = sink.received.at(-1);
    if (!movedMail) throw new Error('no mail');
    expect(movedMail.subject).toBe('Booking moved: Haircut – Shop');
    expect(movedMail.text).toContain('It was Wednesday, 3 March 2027, 09:00 – 09:30 (Europe/Berlin)');
    const update = calendarOf(movedMail);
    expect(update).toMatchObject({ method: 'REQUEST', uid: first.uid });
    expect(update.sequence).toBeGreaterThan(first.sequence);
    expect(update.start.toISOString()).toBe('2027-03-03T10:00:00.000Z');

    const cancelled = await manage(created.manageToken, { action: 'cancel' });
    expect(cancelled.statusCode).toBe(200);
    await outbox.worker.drain();
    const cancelMail = sink.received.at(-1);
    if (!cancelMail) throw new Error('no mail');
    expect(cancelMail.subject).toBe('Booking cancelled: Haircut – Shop');
    const cancel = calendarOf(cancelMail);
    expect(cancel).toMatchObject({ method: 'CANCEL', uid: first.uid, status: 'CANCELLED' });
    expect(cancel.sequence).toBeGreaterThan(update.sequence);

    const reminders = await rt.outboxQueue.list({ bookingId: created.booking.id, limit: 20 });
    const left = reminders.filter((m) => m.template === 'booking.reminder' && m.status === 'pending');
    expect(left).toHaveLength(0);
  });

  it('writes "request received" for a service that needs approval, in the customer language', async () => {
    await book('2027-03-04T09:00:00+01:00', { serviceId: shop.consult.id, locale: 'zh-CN' });
    await outbox.worker.drain();
    const mail = sink.received.at(-1);
    if (!mail) throw new Error('no mail');
    expect(mail.subject).toBe('已收到预约申请：Consultation – Shop');
    expect(mail.text).toContain('尚未确认');
    expect(mail.text).toContain('2027年3月4日星期四 09:00 – 09:30 (Europe/Berlin)');
    expect(mail.attachments.filter((a) => a.contentType === 'text/calendar')).toHaveLength(0);
  });

  it('writes no message when the booking fails', async () => {
    const before = (await rt.outboxQueue.list({ limit: 500 })).length;
    const taken = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs/shop/bookings',
      payload: bookingBody(shop, '2027-03-02T09:00:00+01:00', { staffId: shop.staff.ana }),
    });
    expect(taken.statusCode).toBe(409);
    expect((await rt.outboxQueue.list({ limit: 500 })).length).toBe(before);
  });

  it('sends nothing to a customer erased before the worker ran: their sealed address is unreadable', async () => {
    const created = await book('2027-03-05T09:00:00+01:00', { customer: { name: 'Erin Erase', email: 'erin@example.org' } });
    await eraseCustomer(rt.ctx, { orgSlug: 'shop', email: 'erin@example.org' }, { type: 'cli', id: 'tester' });
    const before = sink.received.length;
    expect(await outbox.worker.drain()).toMatchObject({ sent: 0, skipped: 1 });
    expect(sink.received.length).toBe(before);
    const [message] = await rt.outboxQueue.list({ bookingId: created.booking.id, status: 'cancelled', limit: 5 });
    expect(message).toMatchObject({ template: 'booking.confirmed', lastError: 'recipient_erased' });
  });

  it('tells the customer when the business approves (with the invitation and reminders) or declines', async () => {
    const admin = { type: 'cli' as const, id: 'tester' };
    const accepted = await book('2027-03-08T09:00:00+01:00', { serviceId: shop.consult.id });
    const declined = await book('2027-03-08T10:00:00+01:00', { serviceId: shop.consult.id });
    await outbox.worker.drain();
    const reminders = async (id: string) =>
      (await rt.outboxQueue.list({ bookingId: id, status: 'pending', limit: 10 })).filter((m) => m.template === 'booking.reminder');
    expect(await reminders(accepted.booking.id)).toHaveLength(0);

    expect(await decideBooking(rt.ctx, { orgSlug: 'shop', bookingId: accepted.booking.id, decision: 'approve' }, admin)).toEqual({
      id: accepted.booking.id,
      status: 'confirmed',
    });
    await outbox.worker.drain();
    const yes = sink.received.at(-1);
    if (!yes) throw new Error('no mail');
    expect(yes.subject).toBe('Booking confirmed: Consultation – Shop');
    expect(calendarOf(yes)).toMatchObject({ method: 'REQUEST', sequence: 2 });
    expect(await reminders(accepted.booking.id)).toHaveLength(2);

    await decideBooking(rt.ctx, { orgSlug: 'shop', bookingId: declined.booking.id, decision: 'decline' }, admin);
    await outbox.worker.drain();
    const no = sink.received.at(-1);
    expect(no?.subject).toBe('Request declined: Consultation – Shop');
    expect(no?.attachments.filter((a) => a.contentType === 'text/calendar')).toHaveLength(0);
    expect(await reminders(declined.booking.id)).toHaveLength(0);
    await expect(decideBooking(rt.ctx, { orgSlug: 'shop', bookingId: declined.booking.id, decision: 'approve' }, admin)).rejects.toMatchObject({
      code: 'booking_not_modifiable',
    });
  });

  it('answers a "report a suspicious message" with whether the message was ours, and tells the admins', async () => {
    await book('2027-03-09T09:00:00+01:00');
    await outbox.worker.drain();
    const ref = /report-suspicious\?ref=([0-9a-f-]{36})/.exec(String(sink.received.at(-1)?.text))?.[1];
    expect(ref).toBeDefined();
    const report = (body: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/messages/report', payload: body });
    expect((await report({ ref })).json()).toEqual({ received: true, genuine: true });
    expect((await report({ ref: '0190a6f0-0000-7000-8000-000000000000' })).json()).toEqual({ received: true, genuine: false });
    expect((await report({ ref, note: 'x' })).statusCode).toBe(400);
    const audit = await rt.auditReader.list({ orgId: shop.orgId, action: 'message.reported_suspicious', limit: 5 });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ objectIds: [ref], reason: 'ours', actor: { type: 'public' } });

    // What the reporter noticed comes as fixed choices; free text is refused.
    const detailed = await report({ ref, what: ['unexpected_link', 'asked_for_secret'], contactMe: true });
    expect(detailed.json()).toEqual({ received: true, genuine: true });
    expect((await report({ ref, what: ['my own words'] })).statusCode).toBe(400);
    expect((await report({ what: ['asked_for_payment'], contactMe: true })).json()).toEqual({ received: true, genuine: false });
    const latest = await rt.auditReader.list({ orgId: shop.orgId, action: 'message.reported_suspicious', limit: 5 });
    expect(latest[0]).toMatchObject({ objectIds: [ref], reason: 'ours:asked_for_secret,unexpected_link:contact_ok' });
    const unowned = await rt.auditReader.list({ orgId: null, action: 'message.reported_suspicious', limit: 5 });
    expect(unowned[0]?.reason).toBe('no_reference:asked_for_payment');
  });
});
