import type { Command } from 'commander';
import { createStaffMember } from '../../app/admin/create-staff-member.js';
import { linkStaffUser } from '../../app/admin/update-staff-member.js';
import { cliActor } from '../cli-actor.js';
import { printResult, withRuntime } from '../with-runtime.js';

const FLAGS = { orgSlug: '--org', name: '--name', timeZone: '--time-zone', staffId: '--staff', email: '--email', userId: '--email' };

interface StaffLinkOptions {
  org: string;
  staff: string;
  email: string;
}

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
  staff
    .command('link')
    .description('link a staff member to the user account they sign in with (a member of the same organization)')
    .requiredOption('--org <slug>', 'organization slug')
    .requiredOption('--staff <id>', 'staff member id')
    .requiredOption('--email <email>', "the user's sign-in email")
    .action(async (o: StaffLinkOptions) => {
      const input = { orgSlug: o.org, staffId: o.staff, email: o.email };
      const { email: _email, phone: _phone, ...linked } = await withRuntime((rt) => linkStaffUser(rt.ctx, input, cliActor()), FLAGS);
      printResult(linked);
    });
}
