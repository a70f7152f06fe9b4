import type { Command } from 'commander';
import { type AddDateOverrideInput, addDateOverride } from '../../app/admin/add-date-override.js';
import { cliActor } from '../cli-actor.js';
import { parseIntervals } from '../parse-times.js';
import { UsageError } from '../usage-error.js';
import { printResult, withRuntime } from '../with-runtime.js';

const FLAGS = { orgSlug: '--org', staffId: '--staff', date: '--date', intervals: '--hours/--extra' };

interface OverrideAddOptions {
  org: string;
  staff: string;
  date: string;
  off?: boolean;
  hours?: string;
  extra?: string;
}

export function registerOverrideCommands(program: Command): void {
  const override = program.command('override').description('changes to one date of a staff member');
  override
    .command('add')
    .description("set one date's hours, replacing what that date had")
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--staff <id>', 'staff member id')
    .requiredOption('--date <YYYY-MM-DD>', "a date in the staff member's zone")
    .option('--off', 'a day off')
    .option('--hours <ranges>', 'these hours instead of the weekly ones, e.g. 10:00-14:00,15:00-16:00')
    .option('--extra <ranges>', 'hours on top of the weekly ones, e.g. 18:00-20:00')
    .action(async (o: OverrideAddOptions) => {
      const input = overrideInput(o);
      printResult(await withRuntime((rt) => addDateOverride(rt.ctx, input, cliActor()), FLAGS));
    });
}

function overrideInput(o: OverrideAddOptions): AddDateOverrideInput {
  const chosen = [o.off ? 'off' : null, o.hours !== undefined ? 'hours' : null, o.extra !== undefined ? 'extra' : null].filter((k) => k !== null);
  if (chosen.length !== 1) throw new UsageError('give exactly one of --off, --hours <ranges> or --extra <ranges>');
  const base = { orgSlug: o.org, staffId: o.staff, date: o.date };
  if (o.hours !== undefined) return { ...base, kind: 'hours', intervals: parseIntervals(o.hours) };
  if (o.extra !== undefined) return { ...base, kind: 'extra', intervals: parseIntervals(o.extra) };
  return { ...base, kind: 'off', intervals: [] };
}
