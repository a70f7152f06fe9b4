import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY } from '../src/app/auth/security-policy.js';
import type { OutboxService } from '../src/jobs/outbox-service.js';
import type { Resolver } from '../src/jobs/webhooks/ssrf-guard.js';
import { WebhookSender } from '../src/jobs/webhooks/webhook-sender.js';
import { type Browser, type TestUser, addUser, signIn } from './support/accounts.js';
import { ENGINES, type TestRuntime } from './support/databases.js';
import { type Shop, seedShop } from './support/fixtures.js';
import { type MessagingFixture, messagingFixture } from './support/messaging-fixture.js';
import { codeMessage } from './support/outbox-messages.js';
import type { SmtpSink } from './support/smtp-sink.js';
import { type WebhookReceiver, startWebhookReceiver } from './support/webhook-receiver.js';

// DNS is an outside service: the one name the tests use points at the loopback receiver.
const resolver: Resolver = async (host) => {
  if (host !== 'hooks.internal.test') throw new Error(`ENOTFOUND ${host}`);
  return [{ address: '127.0.0.1', family: 4 }];
};

describe.each(ENGINES)('organization messages over HTTP on %s', (engine) => {
  let f: MessagingFixture;
  let rt: TestRuntime;
  let app: FastifyInstance;
  let shop: Shop;
  let other: Shop;
  let sink: SmtpSink;
  let outbox: OutboxService;
  let receiver: WebhookReceiver;
  const as: Record<'owner' | 'auditor' | 'staff' | 'otherOwner', Browser> = {} as never;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    f = await messagingFixture(engine, { webhooks: new WebhookSender(resolver) });
    ({ rt, app, shop, sink, outbox } = f);
    other = await seedShop(rt, 'other-shop');
    await rt.ctx.uow.write(async (r) => {
      for (const orgId of [shop.orgId, other.orgId]) await r.accounts.securityPolicies.save(orgId, { ...DEFAULT_SECURITY_POLICY, mfaRequiredRoles: [] });
    });
    const users: Record<keyof typeof as, TestUser> = {
      owner: await addUser(rt, 'shop', 'owner', 'owner@shop.example'),
      auditor: await addUser(rt, 'shop', 'auditor', 'auditor@shop.example'),
      staff: await addUser(rt, 'shop', 'staff', 'staff@shop.example'),
      otherOwner: await addUser(rt, 'other-shop', 'owner', 'owner@other.example'),
    };
    for (const [k, u] of Object.entries(users)) as[k as keyof typeof as] = await signIn(app, u);
  });
  afterAll(async () => {
    await f?.close();
    await receiver?.close();
  });

  const get = (who: Browser, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who.headers });
  const send = (who: Browser, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload ? { payload } : {}) });

  it('lists the outbox page by page, newest first, without names, addresses or notes', async () => {
    const booked = await f.book('2027-03-02T09:00:00+01:00', { customer: { name: 'Mia Muster', email: 'mia@example.com' }, notes: 'bad knee' });
    const first = await get(as.owner, '/org/outbox?limit=2');
    expect(first.statusCode).toBe(200);
    const page1 = first.json() as { messages: { id: string; template: string; bookingId: string; status: string }[]; nextCursor: string | null };
    expect(page1.messages).toHaveLength(2);
    expect(page1.messages.every((m) => m.bookingId === booked.booking.id && m.status === 'pending')).toBe(true);
    expect(first.body).not.toMatch(/Mia|mia@example|knee|manage/i);
    expect(page1.nextCursor).toEqual(expect.any(String));

    const second = (await get(as.owner, `/org/outbox?limit=2&cursor=${page1.nextCursor}`)).json() as typeof page1;
    expect(second.messages.map((m) => m.template)).toEqual(['booking.confirmed']);
    expect(second.nextCursor).toBeNull();
    const ids = [...page1.messages, ...second.messages].map((m) => m.id);
    expect(new Set(ids).size).toBe(3);

    expect((await get(as.auditor, '/org/outbox?status=sent')).json().messages).toEqual([]);
    expect((await get(as.otherOwner, '/org/outbox')).json().messages).toEqual([]);
    expect((await get(as.staff, '/org/outbox')).statusCode).toBe(403);
    const bad = await get(as.owner, '/org/outbox?cursor=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_request');
    expect((await get(as.owner, '/org/outbox?status=lost')).json().error.code).toBe('invalid_request');
  });

  it('shows a message as the customer saw it, audited; notes only to roles that may read health notes', async () => {
    expect((await send(as.owner, 'PUT', '/org/notification-settings', { includeNotesInMessages: true })).statusCode).toBe(200);
    const booked = await f.book('2027-03-03T10:00:00+01:00', { customer: { name: 'Lu Chen', email: 'lu@example.com' }, notes: 'allergic to latex' });
    await outbox.worker.drain();
    const list = (await get(as.owner, '/org/outbox?status=sent')).json().messages as { id: string; bookingId: string; template: string }[];
    const confirmation = list.find((m) => m.bookingId === booked.booking.id && m.template === 'booking.confirmed');
    if (!confirmation) throw new Error('no confirmation');

    const shown = await get(as.owner, `/org/outbox/${confirmation.id}`);
    expect(shown.statusCode).toBe(200);
    const detail = shown.json();
    expect(detail.message).toMatchObject({ id: confirmation.id, channel: 'email', status: 'sent', attempts: 1 });
    expect(detail.attempts).toEqual([expect.objectContaining({ outcome: 'sent' })]);
    expect(detail.rendered).toMatchObject({ to: 'lu@example.com', subject: 'Booking confirmed: Haircut – Shop', attachments: ['invite.ics'] });
    expect(detail.rendered.text).toContain('Hello Lu Chen,');
    expect(detail.rendered.text).toContain('allergic to latex');
    // What the customer got is what the admin sees.
    // (Found by its greeting: the worker also delivered other messages, in no fixed order.)
    expect(sink.received.find((m) => m.text?.includes('Hello Lu Chen,'))?.text).toContain('allergic to latex');

    const byAuditor = (await get(as.auditor, `/org/outbox/${confirmation.id}`)).json();
    expect(byAuditor.rendered.text).toContain('Hello Lu Chen,');
    expect(byAuditor.rendered.text).not.toContain('latex');

    const reads = await rt.auditReader.list({ orgId: shop.orgId, action: 'outbox.show', limit: 10 });
    expect(reads.slice(0, 2).map((e) => [e.actor.type, e.objectIds, e.outcome])).toEqual([
      ['user', [confirmation.id], 'success'],
      ['user', [confirmation.id], 'success'],
    ]);
    // Another organization's message is not found, as if it did not exist.
    const foreign = await get(as.otherOwner, `/org/outbox/${confirmation.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('not_found');
    expect((await send(as.otherOwner, 'POST', `/org/outbox/${confirmation.id}/retry`)).statusCode).toBe(404);
    await send(as.owner, 'PUT', '/org/notification-settings', { includeNotesInMessages: false });
  });

  it('sends a dead letter again on an admin retry; a message that is not dead cannot be retried', async () => {
    sink.reply = () => ({ code: 550, message: 'Mailbox unavailable' });
    await rt.ctx.uow.write((r) => r.outbox.enqueue(codeMessage(shop.orgId, 77)));
    await outbox.worker.drain();
    rt.clock.advance(30_000);
    await outbox.worker.drain();
    rt.clock.advance(60_000);
    expect(await outbox.worker.drain()).toMatchObject({ dead: 1 });
    sink.reply = () => 'accept';

    const dead = (await get(as.auditor, '/org/outbox?status=dead')).json().messages as { id: string; lastError: string }[];
    expect(dead).toEqual([expect.objectContaining({ lastError: 'smtp_550' })]);
    const id = dead[0]?.id ?? '';
    expect((await send(as.auditor, 'POST', `/org/outbox/${id}/retry`)).statusCode).toBe(403);
    const retried = await send(as.owner, 'POST', `/org/outbox/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual({ id, status: 'pending' });
    const again = await send(as.owner, 'POST', `/org/outbox/${id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
    expect(await outbox.worker.drain()).toMatchObject({ sent: 1 });
    expect(sink.received.at(-1)?.subject).toMatch(/^100077 /);
    const audit = await rt.auditReader.list({ orgId: shop.orgId, action: 'outbox.retry', limit: 5 });
    expect(audit.map((e) => e.outcome)).toEqual(['failure', 'success']);
  });

  it('reads and changes the message settings; refuses bad values and unknown fields', async () => {
    const before = (await get(as.auditor, '/org/notification-settings')).json();
    expect(before).toMatchObject({ reminderOffsetsMin: [1440, 120], quietHours: { startMin: 1260, endMin: 480 }, followUpAfterMin: null });
    const changed = await send(as.owner, 'PUT', '/org/notification-settings', { reminderOffsetsMin: [60, 2880, 60], quietHours: null, followUpAfterMin: 90 });
    expect(changed.statusCode).toBe(200);
    // A field the request leaves out keeps its value.
    expect(changed.json()).toMatchObject({ reminderOffsetsMin: [2880, 60], quietHours: null, followUpAfterMin: 90, includeNotesInMessages: before.includeNotesInMessages });
    expect((await get(as.owner, '/org/notification-settings')).json()).toEqual(changed.json());
    // The other organization keeps its own.
    expect((await get(as.otherOwner, '/org/notification-settings')).json().reminderOffsetsMin).toEqual([1440, 120]);

    const equal = await send(as.owner, 'PUT', '/org/notification-settings', { quietHours: { startMin: 60, endMin: 60 } });
    expect(equal.statusCode).toBe(400);
    expect(equal.json().error.details).toEqual([expect.objectContaining({ path: 'quietHours' })]);
    const unknown = await send(as.owner, 'PUT', '/org/notification-settings', { smsProvider: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect((await send(as.auditor, 'PUT', '/org/notification-settings', { followUpAfterMin: null })).statusCode).toBe(403);
    await send(as.owner, 'PUT', '/org/notification-settings', { reminderOffsetsMin: [1440, 120], quietHours: { startMin: 1260, endMin: 480 }, followUpAfterMin: null });
  });

  it('registers a webhook (secret shown once), logs its deliveries, and removes it', async () => {
    const refused = await send(as.owner, 'POST', '/org/webhooks', { url: 'https://10.0.0.5/hook', events: ['booking.created'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].message).toMatch(/private/);
    await send(as.owner, 'PUT', '/org/notification-settings', { webhookAllowedHosts: ['hooks.internal.test'] });
    const created = await send(as.owner, 'POST', '/org/webhooks', { url: `http://hooks.internal.test:${receiver.port}/in`, events: ['booking.created'] });
    expect(created.statusCode).toBe(201);
    const { webhook, secret } = created.json();
    expect(secret).toMatch(/^whsec_/);
    const listed = await get(as.auditor, '/org/webhooks');
    expect(listed.json().webhooks).toEqual([expect.objectContaining({ id: webhook.id, active: true, events: ['booking.created'] })]);
    expect(listed.body).not.toContain(secret);
    expect((await get(as.otherOwner, '/org/webhooks')).json().webhooks).toEqual([]);

    const booked = await f.book('2027-03-04T11:00:00+01:00');
    await outbox.worker.drain();
    expect(receiver.received).toHaveLength(1);
    const deliveries = (await get(as.auditor, `/org/webhooks/${webhook.id}/deliveries`)).json();
    expect(deliveries.messages).toEqual([expect.objectContaining({ channel: 'webhook', bookingId: booked.booking.id, status: 'sent', attempts: 1 })]);
    expect((await get(as.otherOwner, `/org/webhooks/${webhook.id}/deliveries`)).statusCode).toBe(404);
    expect((await send(as.otherOwner, 'DELETE', `/org/webhooks/${webhook.id}`)).statusCode).toBe(404);

    const removed = await send(as.owner, 'DELETE', `/org/webhooks/${webhook.id}`);
    expect(removed.json()).toEqual({ id: webhook.id, active: false });
    await f.book('2027-03-04T13:00:00+01:00');
    await outbox.worker.drain();
    expect(receiver.received).toHaveLength(1);
    const audit = await rt.auditReader.list({ orgId: shop.orgId, action: 'webhook.create', limit: 5 });
    expect(audit.map((e) => e.outcome)).toEqual(['success', 'failure']);
  });
});
