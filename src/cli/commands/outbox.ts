import type { Command } from 'commander';
import { listOutbox, retryDeadMessage, showOutboxMessage } from '../../app/notifications/outbox-admin.js';
import type { MessageStatus } from '../../app/notifications/outbox-port.js';
import { createOutboxService } from '../../jobs/outbox-service.js';
import { renderMessage } from '../../notify/templates/render-message.js';
import { cliActor } from '../cli-actor.js';
import { parseWhole } from '../parse-numbers.js';
import { UsageError } from '../usage-error.js';
import { printResult, withRuntime } from '../with-runtime.js';

const STATUSES: readonly MessageStatus[] = ['pending', 'sending', 'sent', 'dead', 'cancelled'];

interface ListOptions {
  org?: string;
  status?: string;
  limit?: string;
}

export function registerOutboxCommands(program: Command): void {
  const outbox = program.command('outbox').description('messages waiting, sent and dead (the development outbox when no SMTP is set)');
  outbox
    .command('list')
    .description('newest messages first: id, template, channel, status, attempts (no personal data)')
    .option('--org <slug>', 'only this organization')
    .option('--status <status>', STATUSES.join(' | '))
    .option('--limit <n>', 'at most this many (default 50)')
    .action(async (o: ListOptions) => {
      if (o.status && !STATUSES.includes(o.status as MessageStatus)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
      const input = { orgSlug: o.org ?? null, status: (o.status as MessageStatus | undefined) ?? null, limit: o.limit ? parseWhole(o.limit, '--limit') : 50 };
      const entries = await withRuntime((rt) => listOutbox(rt.ctx, rt.outboxQueue, input, cliActor()), { orgSlug: '--org' });
      printResult(entries.map((e) => ({ ...e, availableAt: new Date(e.availableAt).toISOString(), createdAt: new Date(e.createdAt).toISOString() })));
    });
  outbox
    .command('show')
    .description('one message as the recipient sees it (audited: it shows personal data)')
    .argument('<id>', 'message id')
    .action(async (id: string) => {
      printResult(
        await withRuntime(async (rt, config) => {
          const { message: m, attempts } = await showOutboxMessage(rt.ctx, rt.outboxQueue, id, cliActor());
          const base = { id: m.id, template: m.template, channel: m.channel, locale: m.locale, status: m.status, attempts };
          if (m.personal === null) return { ...base, erased: true };
          if (m.channel === 'webhook') return { ...base, endpointId: m.personal.to, data: m.data };
          const r = renderMessage({ id: m.id, template: m.template, locale: m.locale, data: m.data, to: m.personal.to, secret: m.personal.secret }, {
            publicUrl: config.publicUrl,
            fromAddress: config.notify.fromAddress,
          });
          if (m.channel === 'sms') return { ...base, to: m.personal.to, text: r.sms };
          return { ...base, to: m.personal.to, subject: r.subject, text: r.text, attachments: r.attachments.map((a) => ({ filename: a.filename, content: a.content })) };
        }),
      );
    });
  outbox
    .command('drain')
    .description('deliver every message due now, then exit (prints counts)')
    .action(async () => {
      printResult(
        await withRuntime(async (rt, config) => {
          const service = createOutboxService(rt, config.notify);
          try {
            return await service.worker.drain();
          } finally {
            await service.stop();
          }
        }),
      );
    });
  outbox
    .command('retry')
    .description('send a dead letter again')
    .argument('<id>', 'message id')
    .action(async (id: string) => {
      printResult(await withRuntime((rt) => retryDeadMessage(rt.ctx, rt.outboxQueue, id, cliActor())));
    });
}
