import type { Command } from 'commander';
import { setWorkingHours } from '../../app/admin/set-working-hours.js';
import type { WeeklyHours } from '../../domain/slots/types.js';
import { cliActor } from '../cli-actor.js';
import { parseClock, parseWeek, parseWeekdays } from '../parse-times.js';
import { UsageError } from '../usage-error.js';
import { printResult, withRuntime } from '../with-runtime.js';

const FLAGS = { orgSlug: '--org', staffId: '--staff', hours: '--day/--from/--to or --week' };

interface HoursSetOptions {
  org: string;
  staff: string;
  day: string[];
  from: string[];
  to: string[];
  week: string[];
  clear?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerHoursCommands(program: Command): void {
  const hours = program.command('hours').description("a staff member's weekly working hours");
  hours
    .command('set')
    .description('replace the whole week (days not given are days off)')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--staff <id>', 'staff member id')
    .option('--day <days>', 'mon..sun, 0-6 (0 = Sunday), a range mon-fri or a list mon,wed; repeatable', collect, [])
    .option('--from <HH:MM>', 'start of the interval for the --day at the same position', collect, [])
    .option('--to <HH:MM>', 'end of the interval for the --day at the same position', collect, [])
    .option('--week <spec>', 'compact form, e.g. "mon-fri 09:00-12:00,13:00-17:00; sat 10:00-14:00"; repeatable', collect, [])
    .option('--clear', 'no working hours at all')
    .addHelpText('after', '\nExample:\n  slotguard hours set --org shop --staff <id> --day mon-fri --from 09:00 --to 12:00 --day mon-fri --from 13:00 --to 17:00')
    .action(async (o: HoursSetOptions) => {
      const week = weekFrom(o);
      printResult(await withRuntime((rt) => setWorkingHours(rt.ctx, { orgSlug: o.org, staffId: o.staff, hours: week }, cliActor()), FLAGS));
    });
}

function weekFrom(o: HoursSetOptions): WeeklyHours[] {
  if (o.day.length !== o.from.length || o.day.length !== o.to.length) {
    throw new UsageError(`each --day needs one --from and one --to (got ${o.day.length} --day, ${o.from.length} --from, ${o.to.length} --to)`);
  }
  const week: WeeklyHours[] = [];
  o.day.forEach((days, i) => {
    const start = parseClock(o.from[i] as string);
    const end = parseClock(o.to[i] as string);
    for (const weekday of parseWeekdays(days)) week.push({ weekday, start, end });
  });
  for (const spec of o.week) week.push(...parseWeek(spec));
  if (week.length === 0 && !o.clear) throw new UsageError('give hours with --day/--from/--to or --week (or --clear for none)');
  if (week.length > 0 && o.clear) throw new UsageError('--clear cannot be combined with hours');
  return week;
}
