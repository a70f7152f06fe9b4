import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookEndpoint } from '../src/app/notifications/manage-webhooks.js';
import { updateNotificationSettings } from '../src/app/notifications/update-notification-settings.js';
import type { OutboxService } from '../src/jobs/outbox-service.js';
import type { Resolver } from '../src/jobs/webhooks/ssrf-guard.js';
import { WebhookSender } from '../src/jobs/webhooks/webhook-sender.js';
import { verifyWebhook } from '../src/jobs/webhooks/webhook-signature.js';
import { ENGINES, type TestRuntime } from './support/databases.js';
import { type MessagingFixture, messagingFixture } from './support/messaging-fixture.js';
import { type WebhookReceiver, startWebhookReceiver } from './support/webhook-receiver.js';

const admin = { type: 'cli' as const, id: 'tester' };

/** DNS as the tests need it: names of our choosing that point at loopback, private or metadata addresses. */
const DNS: Record<string, string[]> = {
  'hooks.internal.test': ['127.0.0.1'],
  'rebind.example.test': ['127.0.0.1'],
  'mixed.example.test': ['93.184.215.14', '10.1.2.3'],
  'metadata.example.test': ['169.254.169.254'],
  'mapped.example.test': ['::ffff:127.0.0.1'],
};
const resolver: Resolver = async (host) => {
  const addresses = DNS[host];
  if (!addresses) throw new Error(`ENOTFOUND ${host}`);
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

describe.each(ENGINES)('webhooks on %s', (engine) => {
  let f: MessagingFixture;
  let rt: TestRuntime;
  let app: FastifyInstance;
  let receiver: WebhookReceiver;
  let outbox: OutboxService;
  let secret: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    f = await messagingFixture(engine, { webhooks: new WebhookSender(resolver) });
    ({ rt, app, outbox } = f);
    await updateNotificationSettings(rt.ctx, { orgSlug: 'shop', webhookAllowedHosts: ['hooks.internal.test'] }, admin);
    const created = await createWebhookEndpoint(
      rt.ctx,
      { orgSlug: 'shop', url: `http://hooks.internal.test:${receiver.port}/slotguard`, events: ['booking.created', 'booking.cancelled'] },
      admin,
    );
    secret = created.secret;
  });
  afterAll(async () => {
    await f?.close();
    await receiver?.close();
  });

  const book = (start: string) => f.book(start);

  it('posts a signed event without personal data that the receiver can verify', async () => {
    const created = await book('2027-03-02T09:00:00+01:00');
    await outbox.worker.drain();
    expect(receiver.received).toHaveLength(1);
    const hook = receiver.received[0];
    if (!hook) throw new Error('no hook');
    const timestamp = Number(hook.headers['x-slotguard-timestamp']);
    expect(timestamp).toBe(Math.floor(rt.clock.now() / 1000));
    expect(hook.headers['x-slotguard-event']).toBe('booking.created');
    expect(verifyWebhook(secret, String(hook.headers['x-slotguard-signature']), timestamp, hook.body, timestamp)).toBe(true);
    expect(verifyWebhook(secret, String(hook.headers['x-slotguard-signature']), timestamp, hook.body.replace('confirmed', 'cancelled'), timestamp)).toBe(false);
    expect(verifyWebhook('whsec_wrong', String(hook.headers['x-slotguard-signature']), timestamp, hook.body, timestamp)).toBe(false);
    expect(verifyWebhook(secret, String(hook.headers['x-slotguard-signature']), timestamp, hook.body, timestamp + 301)).toBe(false);

    const body = JSON.parse(hook.body);
    expect(body).toMatchObject({
      id: hook.headers['x-slotguard-delivery'],
      type: 'booking.created',
      data: { bookingId: created.booking.id, status: 'confirmed', start: '2027-03-02T08:00:00.000Z', timeZone: 'Europe/Berlin' },
    });
    expect(hook.body).not.toMatch(/Mia|mia@example|1234567|First visit/);
  });

  it('sends only the events an endpoint subscribed to', async () => {
    const created = await book('2027-03-02T10:00:00+01:00');
    const moved = await app.inject({
      method: 'POST',
      url: `/api/v1/bookings/manage/${created.manageToken}`,
      payload: { action: 'reschedule', start: '2027-03-02T11:00:00+01:00' },
    });
    expect(moved.statusCode).toBe(200);
    await app.inject({ method: 'POST', url: `/api/v1/bookings/manage/${created.manageToken}`, payload: { action: 'cancel' } });
    const before = receiver.received.length;
    await outbox.worker.drain();
    const events = receiver.received.slice(before).map((h) => h.headers['x-slotguard-event']);
    expect(events.sort()).toEqual(['booking.cancelled', 'booking.created']);
  });

  it('retries a failing endpoint with backoff and logs every attempt', async () => {
    receiver.status = (n) => (n === receiver.received.length ? 503 : 204);
    const before = receiver.received.length;
    await book('2027-03-03T09:00:00+01:00');
    expect(await outbox.worker.drain()).toMatchObject({ retried: 1 });
    receiver.status = () => 204;
    rt.clock.advance(30_000);
    expect(await outbox.worker.drain()).toMatchObject({ sent: 1 });
    expect(receiver.received.length).toBe(before + 1);
    const [sent] = await rt.outboxQueue.list({ channel: 'webhook', status: 'sent', limit: 1 });
    const attempts = await rt.outboxQueue.attempts(sent?.id ?? '');
    expect(attempts.map((a) => [a.outcome, a.code])).toEqual([
      ['retry', 'webhook_http_503'],
      ['sent', null],
    ]);
  });

  it('refuses loopback, private, link-local and metadata addresses when registering', async () => {
    for (const url of ['https://127.0.0.1/x', 'https://10.0.0.5/x', 'https://169.254.169.254/latest/meta-data', 'https://[::1]/x', 'https://[fd00:ec2::254]/x', 'http://example.com/x']) {
      await expect(createWebhookEndpoint(rt.ctx, { orgSlug: 'shop', url, events: ['booking.created'] }, admin), url).rejects.toMatchObject({
        code: 'invalid_request',
      });
    }
    await expect(createWebhookEndpoint(rt.ctx, { orgSlug: 'shop', url: 'https://ok.example.test/x', events: ['booking.exploded'] }, admin)).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  it('re-checks every address after DNS resolution and makes refused deliveries dead letters at once', async () => {
    const names = ['rebind.example.test', 'mixed.example.test', 'metadata.example.test', 'mapped.example.test'];
    for (const name of names) {
      await createWebhookEndpoint(rt.ctx, { orgSlug: 'shop', url: `https://${name}/hook`, events: ['booking.created'] }, admin);
    }
    const before = receiver.received.length;
    await book('2027-03-04T09:00:00+01:00');
    const report = await outbox.worker.drain();
    // Sent: the confirmation email and the allowed endpoint.
    expect(report).toMatchObject({ sent: 2, dead: names.length, retried: 0 });
    expect(receiver.received.length).toBe(before + 1);
    const dead = await rt.outboxQueue.list({ channel: 'webhook', status: 'dead', limit: 10 });
    expect(dead.map((d) => d.lastError)).toEqual(names.map(() => 'ssrf_refused'));
  });
});
