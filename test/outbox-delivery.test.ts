import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxService } from '../src/jobs/outbox-service.js';
import { ENGINES, type TestRuntime } from './support/databases.js';
import type { Shop } from './support/fixtures.js';
import { type MessagingFixture, messagingFixture } from './support/messaging-fixture.js';
import { testOutbox } from './support/notify-setup.js';
import { codeMessage, enqueueCodes } from './support/outbox-messages.js';
import type { SmtpSink } from './support/smtp-sink.js';

describe.each(ENGINES)('outbox delivery on %s', (engine) => {
  let f: MessagingFixture;
  let rt: TestRuntime;
  let shop: Shop;
  let sink: SmtpSink;
  let outbox: OutboxService;

  beforeAll(async () => {
    f = await messagingFixture(engine);
    ({ rt, shop, sink, outbox } = f);
  });
  afterAll(() => f?.close());
  afterEach(() => {
    sink.reply = () => 'accept';
  });

  it('keeps one message per idempotency key, even when enqueued twice', async () => {
    const message = codeMessage(shop.orgId, 900);
    const [first, second] = await rt.ctx.uow.write(async (r) => [await r.outbox.enqueue(message), await r.outbox.enqueue(message)]);
    expect([first, second]).toEqual([true, false]);
    expect(await rt.ctx.uow.write((r) => r.outbox.enqueue(message))).toBe(false);
    await outbox.worker.drain();
    expect(sink.received.filter((m) => m.subject?.startsWith('100900 '))).toHaveLength(1);
  });

  it('says what a one-time code is for and that staff never ask for it', async () => {
    await rt.ctx.uow.write((r) => r.outbox.enqueue(codeMessage(shop.orgId, 901, { secret: { code: '100901', antiPhishingPhrase: 'blue heron 42' } })));
    await outbox.worker.drain();
    const mail = sink.received.find((m) => m.subject?.startsWith('100901 '));
    expect(mail?.subject).toBe('100901 is your sign-in code – Shop');
    expect(mail?.text).toContain('Shop staff will never ask you for it');
    expect(mail?.text).toContain('Your anti-phishing phrase: "blue heron 42"');
    expect(mail?.text).not.toMatch(/password:/i);
  });

  it('retries after an SMTP 4xx with backoff, then delivers once', async () => {
    sink.reply = (n) => (n === sink.raw.length ? { code: 451, message: 'Try again later' } : 'accept');
    const before = sink.received.length;
    await rt.ctx.uow.write((r) => r.outbox.enqueue(codeMessage(shop.orgId, 1)));
    expect(await outbox.worker.drain()).toMatchObject({ claimed: 1, retried: 1, sent: 0 });
    const [waiting] = await rt.outboxQueue.list({ status: 'pending', limit: 1 });
    expect(waiting).toMatchObject({ attempts: 1, lastError: 'smtp_451', availableAt: rt.clock.now() + 30_000 });

    expect(await outbox.worker.drain()).toMatchObject({ claimed: 0 });
    rt.clock.advance(30_000);
    sink.reply = () => 'accept';
    expect(await outbox.worker.drain()).toMatchObject({ claimed: 1, sent: 1 });
    expect(sink.received.length).toBe(before + 1);
    const attempts = await rt.outboxQueue.attempts(waiting?.id ?? '');
    expect(attempts.map((a) => [a.outcome, a.code])).toEqual([
      ['retry', 'smtp_451'],
      ['sent', null],
    ]);
  });

  it('makes a dead letter after repeated 5xx, visible to admins, and sends it when retried', async () => {
    sink.reply = () => ({ code: 550, message: 'Mailbox unavailable' });
    await rt.ctx.uow.write((r) => r.outbox.enqueue(codeMessage(shop.orgId, 2)));
    expect(await outbox.worker.drain()).toMatchObject({ retried: 1 });
    rt.clock.advance(30_000);
    expect(await outbox.worker.drain()).toMatchObject({ retried: 1 });
    rt.clock.advance(60_000);
    expect(await outbox.worker.drain()).toMatchObject({ dead: 1 });
    rt.clock.advance(24 * 3_600_000);
    expect(await outbox.worker.drain()).toMatchObject({ claimed: 0 });

    const [dead] = await rt.outboxQueue.list({ status: 'dead', limit: 5 });
    expect(dead).toMatchObject({ template: 'security.code', attempts: 3, lastError: 'smtp_550' });
    const audit = await rt.auditReader.list({ orgId: shop.orgId, action: 'message.dead_letter', limit: 5 });
    expect(audit[0]).toMatchObject({ objectIds: [dead?.id], outcome: 'failure', reason: 'smtp_550', actor: { type: 'system' } });
    sink.reply = () => 'accept';
    expect(await rt.outboxQueue.requeue(dead?.id ?? '', rt.clock.now())).toBe(true);
    expect(await outbox.worker.drain()).toMatchObject({ sent: 1 });
    expect(sink.received.at(-1)?.subject).toMatch(/^100002 /);
  });

  it('never hands one message to two workers claiming at the same time', async () => {
    const second = testOutbox(rt, sink.url);
    const before = sink.received.length;
    await enqueueCodes(rt, shop.orgId, 40, 100);
    const [a, b] = await Promise.all([outbox.worker.drain(), second.worker.drain()]);
    await second.stop();
    expect(a.sent + b.sent).toBe(40);
    const ids = sink.received.slice(before).map((m) => m.messageId);
    expect(new Set(ids).size).toBe(40);
    expect(ids).toHaveLength(40);
  });
});
