/**
 * Notification delivery benchmark:
 *   npx tsx bench/notify.ts [--engine sqlite|postgres] [--messages 2000] [--bookings 300]
 * 1. Throughput: one outbox worker delivers `--messages` booking confirmations (text, HTML and
 *    an ICS attachment each) to a local SMTP server running in its own thread.
 * 2. Latency: `--bookings` bookings one after another through the booking use case, with the
 *    in-process worker running; for each, the time from the booking's commit to the moment
 *    the SMTP server accepted its confirmation (p50, p99). `--pace N` waits N ms between
 *    bookings (0: back to back, the worker competing with the bookings for the database).
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { bookAppointment } from '../src/app/booking/book-appointment.js';
import type { MessageToSend } from '../src/app/notifications/outbox-port.js';
import { DEFAULT_POLICIES } from '../src/domain/model.js';
import { createOutboxService } from '../src/jobs/outbox-service.js';
import { type Runtime, createRuntime } from '../src/main.js';
import type { EmailToSend, EmailTransport } from '../src/notify/email-transport.js';
import { SmtpEmailTransport } from '../src/notify/smtp-email-transport.js';
import { LocalMasterKeyProvider, randomMasterKey } from '../src/security/crypto/master-key.js';
import { newId } from '../src/security/ids.js';
import { freshDatabase } from '../test/support/databases.js';

const PUBLIC_URL = 'https://book.example.test';
const NOTIFY = { smtp: null, from: 'Bench <bench@shop.example>', fromAddress: 'bench@shop.example', sms: null, worker: 'off' as const };

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** An SMTP server that accepts and discards, on its own event loop; reports each acceptance time. */
async function startSmtpThread(): Promise<{ url: string; accepted: () => number; stop: () => Promise<number> }> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { SMTPServer } = require('smtp-server');
    let accepted = 0;
    const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, _s, cb) { stream.on('data', () => {}); stream.on('end', () => { accepted++; parentPort.postMessage({ accepted }); cb(); }); } });
    server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.server.address().port }));
    parentPort.on('message', () => server.close(() => parentPort.postMessage({ closed: accepted })));`;
  const thread = new Worker(code, { eval: true });
  let accepted = 0;
  const port = await new Promise<number>((resolve) => {
    thread.on('message', (m: { port?: number; accepted?: number }) => {
      if (m.port) resolve(m.port);
      if (m.accepted) accepted = m.accepted;
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted: () => accepted,
    stop: () =>
      new Promise((resolve) => {
        thread.on('message', (m: { closed?: number }) => {
          if (m.closed !== undefined) thread.terminate().then(() => resolve(m.closed as number));
        });
        thread.postMessage('close');
      }),
  };
}

/** A shop open around the clock every day, 15-minute appointments, one staff member. */
async function seed(rt: Runtime): Promise<{ serviceId: string }> {
  const orgId = newId();
  const staffId = newId();
  const serviceId = newId();
  await rt.ctx.uow.write(async (r) => {
    await r.orgs.insert({ id: orgId, slug: 'bench', name: 'Bench Shop', timeZone: 'Europe/Berlin', locale: 'en', policies: DEFAULT_POLICIES, createdAt: Date.now() });
    await r.staff.insert({ id: staffId, orgId, name: 'Ana', timeZone: 'Europe/Berlin', active: true });
    await r.staff.replaceWeeklyHours(orgId, staffId, [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: 0, end: 1440 })));
    await r.services.insert({
      id: serviceId, orgId, locationId: null, name: 'Check-up', description: '', durationMin: 15, priceCents: null, currency: null,
      bufferBeforeMin: 0, bufferAfterMin: 0, slotIntervalMin: 15, minNoticeMin: 0, maxAdvanceDays: 90, capacity: 1,
      requiresApproval: false, cutoffMin: 0, active: true, staffIds: [staffId],
    });
  });
  return { serviceId };
}

function confirmation(orgId: string, i: number, start: number): MessageToSend {
  return {
    orgId, channel: 'email', template: 'booking.confirmed', locale: i % 2 === 0 ? 'en' : 'zh-CN', idempotencyKey: `bench:${i}`,
    owner: { type: 'customer', id: `bench-customer-${i % 50}` }, to: `bench-${i}@example.com`,
    data: { orgName: 'Bench Shop', serviceName: 'Check-up', staffName: 'Ana', bookingId: newId(), start, end: start + 900_000, timeZone: 'Europe/Berlin', sequence: 1, stamp: Date.now(), ics: 'request', previousStart: null, previousEnd: null },
    secret: { name: `Customer ${i}`, manageUrl: `${PUBLIC_URL}/manage#${randomBytes(32).toString('base64url')}` },
  };
}

/** Times when each address's confirmation was accepted by the SMTP server. */
class TimedTransport implements EmailTransport {
  readonly kind = 'smtp' as const;
  readonly acceptedAt = new Map<string, number>();
  constructor(private readonly inner: SmtpEmailTransport) {}
  async send(m: EmailToSend) {
    const result = await this.inner.send(m);
    this.acceptedAt.set(m.to, performance.now());
    return result;
  }
  close() {
    this.inner.close();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function main(): Promise<void> {
  const engine = option('engine', 'sqlite');
  const messages = Number(option('messages', '2000'));
  const bookings = Number(option('bookings', '300'));
  const pace = Number(option('pace', '0'));
  const db = await freshDatabase(engine === 'postgres' ? 'postgres' : 'sqlite');
  const smtp = await startSmtpThread();
  const rt = await createRuntime({ database: db.target, publicUrl: PUBLIC_URL, masterKeys: new LocalMasterKeyProvider([randomMasterKey('k1')]) });
  try {
    const { serviceId } = await seed(rt);
    const org = await rt.ctx.uow.read((r) => r.orgs.findBySlug('bench'));
    if (!org) throw new Error('no org');

    // 1. Throughput of one worker.
    const base = Date.now() + 86_400_000;
    for (let i = 0; i < messages; i += 100) {
      await rt.ctx.uow.write(async (r) => {
        for (let j = i; j < Math.min(messages, i + 100); j++) await r.outbox.enqueue(confirmation(org.id, j, base + j * 900_000));
      });
    }
    const throughputTransport = new SmtpEmailTransport({ url: smtp.url, from: NOTIFY.from, maxConnections: 4 });
    const drainer = createOutboxService(rt, NOTIFY, { batchSize: 50 }, { email: throughputTransport });
    const t0 = performance.now();
    const report = await drainer.worker.drain(100_000);
    const seconds = (performance.now() - t0) / 1000;
    await drainer.stop();
    if (report.sent !== messages) throw new Error(`sent ${report.sent} of ${messages}`);

    // 2. Booking -> confirmation accepted by SMTP, with the in-process worker woken on commit.
    const timed = new TimedTransport(new SmtpEmailTransport({ url: smtp.url, from: NOTIFY.from, maxConnections: 4 }));
    const live = createOutboxService(rt, NOTIFY, { batchSize: 50 }, { email: timed });
    live.start();
    const committedAt = new Map<string, number>();
    const firstSlot = Math.ceil((Date.now() + 3_600_000) / 900_000) * 900_000;
    for (let i = 0; i < bookings; i++) {
      const email = `latency-${i}@example.com`;
      const start = new Date(firstSlot + i * 900_000).toISOString();
      const request = { serviceId, start, timeZone: 'Europe/Berlin', customer: { name: `Latency ${i}`, email }, consent: { privacyNoticeVersion: 'bench' } };
      await bookAppointment(rt.ctx, 'bench', request, null, { type: 'system', id: 'bench' });
      committedAt.set(email, performance.now());
      if (pace > 0) await new Promise((resolve) => setTimeout(resolve, pace));
    }
    while (timed.acceptedAt.size < bookings) await new Promise((resolve) => setTimeout(resolve, 20));
    await live.stop();
    const delays = [...committedAt].map(([email, at]) => (timed.acceptedAt.get(email) ?? Number.NaN) - at).sort((a, b) => a - b);

    const cpu = cpus();
    console.log(JSON.stringify({
      machine: `${cpu.length} cores (${cpu[0]?.model.trim()}), Node ${process.version}`,
      engine,
      throughput: { messages, seconds: Number(seconds.toFixed(2)), perSecond: Math.round(messages / seconds), smtpAccepted: smtp.accepted() },
      latency: { bookings, paceMs: pace, p50Ms: Number(percentile(delays, 50).toFixed(1)), p99Ms: Number(percentile(delays, 99).toFixed(1)), maxMs: Number((delays.at(-1) ?? 0).toFixed(1)) },
    }, null, 2));
  } finally {
    await rt.close();
    await smtp.stop();
    await db.drop();
  }
}

await main();
