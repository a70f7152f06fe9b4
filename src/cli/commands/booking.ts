import type { Command } from 'commander';
import { decideBooking } from '../../app/booking/decide-booking.js';
import { cliActor } from '../cli-actor.js';
import { printResult, withRuntime } from '../with-runtime.js';

const FLAGS = { orgSlug: '--org', bookingId: '--id' };

export function registerBookingCommands(program: Command): void {
  const booking = program.command('booking').description('bookings that wait for the business');
  for (const decision of ['approve', 'decline'] as const) {
    booking
      .command(decision)
      .description(`${decision} a booking request; the customer gets a message`)
      .requiredOption('--org <slug>', 'organization slug')
      .requiredOption('--id <bookingId>', 'booking id')
      .action(async (o: { org: string; id: string }) => {
        printResult(await withRuntime((rt) => decideBooking(rt.ctx, { orgSlug: o.org, bookingId: o.id, decision }, cliActor()), FLAGS));
      });
  }
}
