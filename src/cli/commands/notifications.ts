import type { Command } from 'commander';
import { type UpdateNotificationSettingsInput, updateNotificationSettings } from '../../app/notifications/update-notification-settings.js';
import { cliActor } from '../cli-actor.js';
import { parseList, parseWhole } from '../parse-numbers.js';
import { parseInterval } from '../parse-times.js';
import { printResult, withRuntime } from '../with-runtime.js';

const FLAGS = {
  orgSlug: '--org',
  reminderOffsetsMin: '--reminders',
  quietHours: '--quiet-hours',
  webhookAllowedHosts: '--webhook-hosts',
};

interface SetOptions {
  org: string;
  reminders?: string;
  quietHours?: string;
  followUp?: string;
  notes?: boolean;
  feedFullNames?: boolean;
  webhookHosts?: string;
}

export function registerNotificationCommands(program: Command): void {
  const notifications = program.command('notifications').description("an organization's message settings");
  notifications
    .command('set')
    .description('change reminders, quiet hours, message contents, webhook hosts; prints the settings')
    .requiredOption('--org <slug>', 'organization slug')
    .option('--reminders <minutes>', 'minutes before the start, comma-separated (default 1440,120)')
    .option('--quiet-hours <HH:MM-HH:MM|off>', "no reminders in this window of the customer's day (default 21:00-08:00)")
    .option('--follow-up <minutes|off>', 'a thank-you message this long after the appointment ends (default off)')
    .option('--notes', 'include booking notes in messages (they may hold health details: off by default)')
    .option('--no-notes', 'leave booking notes out of messages')
    .option('--feed-full-names', "calendar feeds show customers' full names")
    .option('--no-feed-full-names', 'calendar feeds show first names only')
    .option('--webhook-hosts <hosts>', 'comma-separated host names webhooks may reach on private addresses ("" for none)')
    .action(async (o: SetOptions) => {
      const input: UpdateNotificationSettingsInput = { orgSlug: o.org };
      if (o.reminders !== undefined) input.reminderOffsetsMin = parseList(o.reminders).map((m) => parseWhole(m, '--reminders'));
      if (o.quietHours !== undefined) {
        const range = o.quietHours === 'off' ? null : parseInterval(o.quietHours);
        input.quietHours = range ? { startMin: range.start, endMin: range.end } : null;
      }
      if (o.followUp !== undefined) input.followUpAfterMin = o.followUp === 'off' ? null : parseWhole(o.followUp, '--follow-up');
      if (o.notes !== undefined) input.includeNotesInMessages = o.notes;
      if (o.feedFullNames !== undefined) input.calendarFeedFullNames = o.feedFullNames;
      if (o.webhookHosts !== undefined) input.webhookAllowedHosts = parseList(o.webhookHosts);
      printResult(await withRuntime((rt) => updateNotificationSettings(rt.ctx, input, cliActor()), FLAGS));
    });
}
