import type { Command } from 'commander';
import { createUser } from '../../app/auth/create-user.js';
import { operatorFlagPasswordCompromised } from '../../app/auth/password-compromised.js';
import { type Role, isRole } from '../../app/access/roles.js';
import type { Locale } from '../../domain/model.js';
import { cliActor } from '../cli-actor.js';
import { UsageError } from '../usage-error.js';
import { printResult, withRuntime } from '../with-runtime.js';
import { readPassword } from './read-password.js';

const FLAGS = { orgSlug: '--org', email: '--email', name: '--name', role: '--role', phone: '--phone', expiresAt: '--expires', password: 'the password' };

interface UserCreateOptions {
  org: string;
  email: string;
  role: string;
  name?: string;
  phone?: string;
  locale: string;
  expires?: string;
  passwordStdin?: boolean;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('people who sign in: owners, admins, staff, receptionists, auditors');
  user
    .command('create')
    .description('create a user with a role in an organization; asks for the password (never takes it as an argument)')
    .requiredOption('--org <slug>', 'the organization')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--role <role>', 'owner, admin, staff, receptionist, auditor or customer')
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .option('--phone <phone>', 'mobile number for SMS codes, e.g. +49 151 2345678')
    .option('--locale <locale>', 'zh-CN or en', 'en')
    .option('--expires <instant>', 'end of the membership (e.g. an outside auditor), ISO 8601 with offset')
    .option('--password-stdin', 'read the password from standard input instead of asking')
    .action(async (o: UserCreateOptions) => {
      if (!isRole(o.role)) throw new UsageError(`--role must be owner, admin, staff, receptionist, auditor or customer (got "${o.role}")`);
      const expiresAt = o.expires === undefined ? null : Date.parse(o.expires);
      if (expiresAt !== null && Number.isNaN(expiresAt)) throw new UsageError('--expires must be an instant such as 2027-06-30T18:00:00+02:00');
      const password = await readPassword(Boolean(o.passwordStdin));
      const input = {
        orgSlug: o.org,
        email: o.email,
        name: o.name ?? o.email.split('@')[0] ?? o.email,
        role: o.role as Role,
        password,
        locale: o.locale as Locale,
        phone: o.phone ?? null,
        expiresAt,
      };
      printResult(await withRuntime((rt) => createUser(rt.ctx, input, cliActor()), FLAGS));
    });
  user
    .command('flag-compromised')
    .description("the user's password is known to be compromised: every session ends; the next sign-in must set a new password")
    .requiredOption('--email <email>', 'sign-in email')
    .action(async (o: { email: string }) => {
      printResult(await withRuntime((rt) => operatorFlagPasswordCompromised(rt.ctx, o.email, cliActor()), { email: '--email' }));
    });
}
