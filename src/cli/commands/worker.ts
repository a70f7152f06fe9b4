import type { Command } from 'commander';
import { type Config, ConfigError, loadConfig } from '../../config.js';
import { deliveryProblems } from '../../notify/notify-config.js';
import { type OutboxService, createOutboxService } from '../../jobs/outbox-service.js';
import type { Runtime } from '../../main.js';
import { reapplyErasures } from '../../app/privacy/reapply-erasures.js';
import { cliActor } from '../cli-actor.js';
import { openRuntime } from '../with-runtime.js';
import { stopOnSignal } from './start.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('deliver the outbox (email, SMS, webhooks) in this process; run several for scale-out (OUTBOX_WORKER=off on app processes)')
    .action(async () => {
      const config = loadConfig();
      requireDeliveryConfig(config, true);
      const runtime = await openRuntime(config);
      const erasures = await reapplyErasures(runtime.ctx, cliActor());
      if (erasures.reapplied > 0) say(`erased again ${erasures.reapplied} customer(s) from the erasure ledger`);
      const outbox = startOutboxWorker(runtime, config, say);
      stopOnSignal(async () => {
        await outbox.stop();
        await runtime.close();
      });
    });
}

/** Refuses to start a delivering process that would keep production mail in the development outbox. */
export function requireDeliveryConfig(config: Config, delivers = config.notify.worker === 'in-process'): void {
  const problems = delivers ? deliveryProblems(config.notify, config.nodeEnv === 'production') : [];
  if (problems.length > 0) throw new ConfigError(problems);
}

/** Starts delivering; one line per delivery with ids and codes only (never an address). */
export function startOutboxWorker(runtime: Runtime, config: Config, out: (line: string) => void): OutboxService {
  const verbose = config.logLevel === 'debug' || config.logLevel === 'trace' || config.logLevel === 'info';
  const service = createOutboxService(runtime, config.notify, {
    log: verbose ? (e) => out(JSON.stringify({ msg: 'outbox delivery', ...e })) : undefined,
    onError: (e) => process.stderr.write(`error: outbox worker: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`),
  });
  const mode = config.notify.smtp ? `SMTP ${describeSmtp(config.notify.smtp.url)}` : 'development outbox (slotguard outbox list)';
  out(`outbox worker ${service.worker.id} delivering email via ${mode}`);
  service.start();
  return service;
}

/** Host and port only: the URL's credentials never reach a log. */
function describeSmtp(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}
