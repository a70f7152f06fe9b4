import type { Command } from 'commander';
import { listOrganizations } from '../../app/admin/list-organizations.js';
import { issueSetupLink } from '../../app/auth/first-run-setup.js';
import { seedDemo } from '../../app/demo/seed-demo.js';
import { reapplyErasures } from '../../app/privacy/reapply-erasures.js';
import { loadConfig } from '../../config.js';
import { migrateToLatest } from '../../db/migrate.js';
import { requireDeliveryConfig, startOutboxWorker } from './worker.js';
import type { Runtime } from '../../main.js';
import { cliActor } from '../cli-actor.js';
import { openRuntime } from '../with-runtime.js';

const say = (line: string) => process.stdout.write(`${line}\n`);

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('migrate the database, seed the demo when SLOTGUARD_DEMO=1 and the database is empty, and serve HTTP')
    .action(async () => {
      const config = loadConfig();
      requireDeliveryConfig(config);
      const runtime = await openRuntime(config, { migrate: false });
      try {
        await prepare(runtime, config.demo);
        // Loaded only here: the other commands never need the HTTP stack.
        const { startServer } = await import('../../http/server.js');
        const server = await startServer(config, runtime);
        say(`Slotguard is listening on ${server.url}`);
        if (server.redirectUrl) say(`Plain HTTP on ${server.redirectUrl} redirects to ${config.publicUrl}`);
        for (const url of await urlsToOpen(runtime, config.publicUrl)) say(`  ${url}`);
        const setup = await issueSetupLink(runtime.ctx);
        if (setup) say(`No user yet: create the first owner with this one-time link (24 hours): ${setup}`);
        const outbox = config.notify.worker === 'in-process' ? startOutboxWorker(runtime, config, say) : null;
        stopOnSignal(async () => {
          await server.close();
          await outbox?.stop();
          await runtime.close();
        });
      } catch (e) {
        await runtime.close();
        throw e;
      }
    });
}

async function prepare(runtime: Runtime, demo: boolean): Promise<void> {
  const { applied } = await migrateToLatest(runtime.database);
  for (const name of applied) say(`applied migration ${name}`);
  const erasures = await reapplyErasures(runtime.ctx, cliActor());
  if (erasures.reapplied > 0) say(`erased again ${erasures.reapplied} customer(s) from the erasure ledger (the database was older than the ledger)`);
  if (!demo) return;
  const seeded = await seedDemo(runtime.ctx, cliActor());
  if (seeded.created) say(`seeded demo data: ${seeded.orgs.map((o) => `${o.slug} (${o.bookings} bookings)`).join(', ')}`);
}

async function urlsToOpen(runtime: Runtime, publicUrl: string): Promise<string[]> {
  const orgs = await listOrganizations(runtime.ctx);
  return [
    ...orgs.slice(0, 5).map((o) => `${publicUrl}/api/v1/orgs/${o.slug}/services`),
    `${publicUrl}/api/docs`,
    `${publicUrl}/api/openapi.json`,
  ];
}

/** Finishes in-flight requests and closes the database on SIGINT/SIGTERM; a second signal forces the exit. */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`${signal} again: exiting now\n`);
      process.exit(1);
    }
    stopping = true;
    say(`${signal} received: shutting down`);
    stop().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`error: shutdown failed: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
