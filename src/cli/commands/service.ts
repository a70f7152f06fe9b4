import type { Command } from 'commander';
import { type CreateServiceInput, createService } from '../../app/admin/create-service.js';
import { cliActor } from '../cli-actor.js';
import { parseList, parsePrice, parseWhole } from '../parse-numbers.js';
import { printResult, withRuntime } from '../with-runtime.js';

const FLAGS = {
  orgSlug: '--org',
  name: '--name',
  description: '--description',
  durationMin: '--duration',
  priceCents: '--price',
  currency: '--currency',
  bufferBeforeMin: '--buffer-before',
  bufferAfterMin: '--buffer-after',
  slotIntervalMin: '--interval',
  minNoticeMin: '--notice',
  maxAdvanceDays: '--max-advance-days',
  capacity: '--capacity',
  cutoffMin: '--cutoff',
  staffIds: '--staff',
};

interface ServiceCreateOptions {
  org: string;
  name: string;
  duration: string;
  description?: string;
  price?: string;
  currency?: string;
  bufferBefore?: string;
  bufferAfter?: string;
  interval?: string;
  notice?: string;
  maxAdvanceDays?: string;
  capacity?: string;
  approval?: boolean;
  cutoff?: string;
  staff?: string;
}

export function registerServiceCommands(program: Command): void {
  const service = program.command('service').description('bookable services');
  service
    .command('create')
    .description('add a service; prints it with its id')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--name <name>', 'name shown to customers')
    .requiredOption('--duration <minutes>', 'length of an appointment, 5-1440')
    .option('--description <text>', 'shown on the booking page')
    .option('--price <amount>', 'price in major units, e.g. 35.00 (needs --currency)')
    .option('--currency <code>', 'ISO 4217 code, e.g. EUR, CNY')
    .option('--buffer-before <minutes>', 'free time kept before each appointment')
    .option('--buffer-after <minutes>', 'free time kept after each appointment')
    .option('--interval <minutes>', 'distance between offered starts (default: the duration)')
    .option('--notice <minutes>', 'minimum notice before a booking (default 60)')
    .option('--max-advance-days <days>', 'how far ahead customers may book, or "none" (default 90)')
    .option('--capacity <n>', 'people per slot; more than 1 for classes (default 1)')
    .option('--approval', 'bookings wait for the business to confirm them')
    .option('--cutoff <minutes>', "no online changes this close to the start (default: the organization's)")
    .option('--staff <ids>', 'comma-separated ids of the staff who offer it')
    .action(async (o: ServiceCreateOptions) => {
      const input = serviceInput(o);
      printResult(await withRuntime((rt) => createService(rt.ctx, input, cliActor()), FLAGS));
    });
}

function serviceInput(o: ServiceCreateOptions): CreateServiceInput {
  const whole = (value: string | undefined, flag: string) => (value === undefined ? undefined : parseWhole(value, flag));
  return {
    orgSlug: o.org,
    name: o.name,
    description: o.description ?? '',
    durationMin: parseWhole(o.duration, '--duration'),
    priceCents: o.price === undefined ? null : parsePrice(o.price),
    currency: o.currency ?? null,
    bufferBeforeMin: whole(o.bufferBefore, '--buffer-before'),
    bufferAfterMin: whole(o.bufferAfter, '--buffer-after'),
    slotIntervalMin: whole(o.interval, '--interval'),
    minNoticeMin: whole(o.notice, '--notice'),
    maxAdvanceDays: o.maxAdvanceDays === 'none' ? null : whole(o.maxAdvanceDays, '--max-advance-days'),
    capacity: whole(o.capacity, '--capacity'),
    requiresApproval: o.approval === true,
    cutoffMin: whole(o.cutoff, '--cutoff'),
    staffIds: o.staff === undefined ? [] : parseList(o.staff),
  };
}
