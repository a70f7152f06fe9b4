import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxService } from '../src/jobs/outbox-service.js';
import { type Runtime, createRuntime } from '../src/main.js';
import { parseMasterKeyEnv } from '../src/security/crypto/master-key-source.js';
import { LocalMasterKeyProvider } from '../src/security/crypto/master-key.js';
import { ENGINES, FakeClock, PG_URL, type TestDatabase, freshDatabase } from './support/databases.js';
import { notifyConfig } from './support/notify-setup.js';
import { codeMessage } from './support/outbox-messages.js';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.js';

const PUBLIC_URL = 'https://book.example.test';
const MESSAGES = 6;

function databaseUrl(db: TestDatabase): string {
  if (db.target.kind === 'sqlite') return db.target.file;
  return `${PG_URL}?options=${encodeURIComponent(`-c search_path=${db.target.schema},public`)}`;
}

/** Resolves once the child has reported `count` delivered messages (it logs after recording each). */
function deliveries(child: ChildProcess, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      seen += lines.filter((l) => l.includes('"outcome":"sent"')).length;
      if (seen >= count) resolve();
    });
    child.on('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
}

describe.each(ENGINES)('a worker killed mid-batch on %s', (engine) => {
  let db: TestDatabase;
  let rt: Runtime;
  let sink: SmtpSink;
  const clock = new FakeClock(Date.now() - 60_000);
  const masterKey = `k1:${randomBytes(32).toString('base64')}`;

  beforeAll(async () => {
    db = await freshDatabase(engine);
    rt = await createRuntime({ database: db.target, publicUrl: PUBLIC_URL, clock, masterKeys: new LocalMasterKeyProvider(parseMasterKeyEnv(masterKey)) });
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
    await rt?.close();
    await db?.drop();
  });

  it('loses no message and sends none twice when restarted', async () => {
    await rt.ctx.uow.write(async (r) => {
      for (let i = 0; i < MESSAGES; i++) await r.outbox.enqueue(codeMessage('org-restart', i));
    });
    // The third message reaches the server, which never answers: the worker is killed then.
    sink.reply = (n) => (n === 2 ? 'hold' : 'accept');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker'], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl(db),
        MASTER_KEY: masterKey,
        SMTP_URL: sink.url,
        SMTP_FROM: 'Shop <bookings@shop.example>',
        PUBLIC_URL,
        LOG_LEVEL: 'info',
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await Promise.all([sink.held, deliveries(child, MESSAGES - 1)]);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(sink.received).toHaveLength(MESSAGES - 1);
    const stuck = await rt.outboxQueue.list({ status: 'sending', limit: 10 });
    expect(stuck).toHaveLength(1);

    // A worker started after the dead one's lease ran out takes over what it left.
    sink.reply = () => 'accept';
    clock.set(new Date(Date.now() + 121_000).toISOString());
    const restarted = createOutboxService(rt, notifyConfig(sink.url));
    expect(await restarted.worker.drain()).toMatchObject({ claimed: 1, sent: 1 });
    await restarted.stop();

    const codes = sink.received.map((m) => m.subject?.slice(0, 6)).sort();
    expect(codes).toEqual(Array.from({ length: MESSAGES }, (_, i) => String(100000 + i)));
    expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(MESSAGES);
    expect(await rt.outboxQueue.list({ status: 'sent', limit: 10 })).toHaveLength(MESSAGES);
  });
});
