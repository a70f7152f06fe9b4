import { readFileSync } from 'node:fs';
import type { Runtime } from '../main.js';
import { type EmailTransport, DevOutboxEmailTransport } from '../notify/email-transport.js';
import type { NotifyConfig } from '../notify/notify-config.js';
import { DevOutboxSmsSender, HttpSmsSender, type SmsSender } from '../notify/sms-sender.js';
import { SmtpEmailTransport } from '../notify/smtp-email-transport.js';
import { OutboxWorker, type WorkerOptions } from './outbox-worker.js';
import { WebhookSender } from './webhooks/webhook-sender.js';

export interface OutboxService {
  worker: OutboxWorker;
  email: EmailTransport;
  sms: SmsSender;
  /** Starts polling; new messages committed in this process wake it at once. */
  start(): void;
  /** Finishes the current batch, stops, closes SMTP connections. */
  stop(): Promise<void>;
}

export interface Adapters {
  email?: EmailTransport;
  sms?: SmsSender;
  webhooks?: WebhookSender;
}

/** The outbox worker with the adapters the configuration names (composition for `start` and `worker`). */
export function createOutboxService(runtime: Runtime, notify: NotifyConfig, options: WorkerOptions = {}, adapters: Adapters = {}): OutboxService {
  const email = adapters.email ?? emailTransport(notify);
  const sms = adapters.sms ?? smsSender(notify);
  const worker = new OutboxWorker(
    runtime.outboxQueue,
    {
      email,
      sms,
      webhooks: adapters.webhooks ?? new WebhookSender(),
      render: { publicUrl: runtime.ctx.publicUrl, fromAddress: notify.fromAddress },
      uow: runtime.ctx.uow,
    },
    runtime.ctx.clock,
    options,
  );
  let unsubscribe: (() => void) | null = null;
  return {
    worker,
    email,
    sms,
    start() {
      unsubscribe ??= runtime.outboxSignal.subscribe(() => worker.wake());
      worker.start();
    },
    async stop() {
      unsubscribe?.();
      unsubscribe = null;
      await worker.stop();
      email.close();
    },
  };
}

function emailTransport(notify: NotifyConfig): EmailTransport {
  if (!notify.smtp) return new DevOutboxEmailTransport();
  const dkim = notify.smtp.dkim;
  return new SmtpEmailTransport({
    url: notify.smtp.url,
    from: notify.from,
    dkim: dkim ? { domainName: dkim.domainName, keySelector: dkim.keySelector, privateKey: readFileSync(dkim.privateKeyFile, 'utf8') } : null,
  });
}

function smsSender(notify: NotifyConfig): SmsSender {
  return notify.sms ? new HttpSmsSender(notify.sms) : new DevOutboxSmsSender();
}
