import type { Command } from 'commander';
import { createStaffMember } from '../../app/admin/create-staff-member.js';
import { cliActor } from '../cli-actor.js';
import { printResult, withRuntime } from '../with-runtime.js';

const FLAGS = { orgSlug: '--org', name: '--name', timeZone: '--time-zone' };

interface StaffCreateOptions {
  org: string;
  name: string;
  timeZone?: string;
}

export function registerStaffCommands(program: Command): void {
  const staff = program.command('staff').description('staff members who can be booked');
  staff
    .command('create')
    .description('add a staff member; prints their id')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--name <name>', 'name shown to customers')
    .option('--time-zone <zone>', "zone of their working hours (default: the organization's)")
    .action(async (o: StaffCreateOptions) => {
      const input = { orgSlug: o.org, name: o.name, timeZone: o.timeZone ?? null };
      printResult(await withRuntime((rt) => createStaffMember(rt.ctx, input, cliActor()), FLAGS));
    });
}
