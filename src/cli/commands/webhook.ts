import type { Command } from 'commander';
import { createWebhookEndpoint, listWebhookEndpoints, removeWebhookEndpoint } from '../../app/notifications/manage-webhooks.js';
import { cliActor } from '../cli-actor.js';
import { parseList } from '../parse-numbers.js';
import { printResult, withRuntime } from '../with-runtime.js';

const FLAGS = { orgSlug: '--org', url: '--url', events: '--events' };

export function registerWebhookCommands(program: Command): void {
  const webhook = program.command('webhook').description('signed event deliveries to integrations');
  webhook
    .command('add')
    .description('register an endpoint; prints its signing secret once')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--url <url>', 'https URL of the receiver')
    .requiredOption('--events <list>', 'comma-separated: booking.created, booking.confirmed, booking.declined, booking.rescheduled, booking.cancelled')
    .action(async (o: { org: string; url: string; events: string }) => {
      const input = { orgSlug: o.org, url: o.url, events: parseList(o.events) };
      printResult(await withRuntime((rt) => createWebhookEndpoint(rt.ctx, input, cliActor()), FLAGS));
    });
  webhook
    .command('list')
    .description("an organization's endpoints")
    .requiredOption('--org <slug>', 'organization slug')
    .action(async (o: { org: string }) => {
      printResult(await withRuntime((rt) => listWebhookEndpoints(rt.ctx, o.org), FLAGS));
    });
  webhook
    .command('remove')
    .description('stop deliveries to an endpoint')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--id <id>', 'endpoint id')
    .action(async (o: { org: string; id: string }) => {
      printResult(await withRuntime((rt) => removeWebhookEndpoint(rt.ctx, o.org, o.id, cliActor()), FLAGS));
    });
}
