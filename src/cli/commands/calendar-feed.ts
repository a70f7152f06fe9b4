import type { Command } from 'commander';
import { createCalendarFeed, revokeCalendarFeed } from '../../app/notifications/calendar-feeds.js';
import { cliActor } from '../cli-actor.js';
import { printResult, withRuntime } from '../with-runtime.js';

const FLAGS = { orgSlug: '--org', staffId: '--staff', feedId: '--id' };

export function registerCalendarFeedCommands(program: Command): void {
  const feed = program.command('calendar-feed').description("staff members' calendar subscription URLs");
  feed
    .command('create')
    .description('a new secret ICS URL for Google, Apple or Outlook calendars; printed once')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--staff <id>', 'staff member id')
    .action(async (o: { org: string; staff: string }) => {
      printResult(await withRuntime((rt) => createCalendarFeed(rt.ctx, { orgSlug: o.org, staffId: o.staff }, cliActor()), FLAGS));
    });
  feed
    .command('revoke')
    .description('the URL stops working for good')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--id <feedId>', 'feed id')
    .action(async (o: { org: string; id: string }) => {
      printResult(await withRuntime((rt) => revokeCalendarFeed(rt.ctx, { orgSlug: o.org, feedId: o.id }, cliActor()), FLAGS));
    });
}
