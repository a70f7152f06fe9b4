import type { Command } from 'commander';
import { createOrganization } from '../../app/admin/create-organization.js';
import { listOrganizations } from '../../app/admin/list-organizations.js';
import type { Locale } from '../../domain/model.js';
import { cliActor } from '../cli-actor.js';
import { printResult, withRuntime } from '../with-runtime.js';

const FLAGS = { slug: '--slug', name: '--name', timeZone: '--time-zone', locale: '--locale' };

interface OrgCreateOptions {
  slug: string;
  name: string;
  timeZone: string;
  locale: string;
}

export function registerOrgCommands(program: Command): void {
  const org = program.command('org').description('organizations (businesses)');
  org
    .command('create')
    .description('register a business; prints its id')
    .requiredOption('--slug <slug>', 'URL name: 3-63 lowercase letters, digits, hyphens')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--time-zone <zone>', 'IANA time zone, e.g. Europe/Berlin or Asia/Shanghai')
    .option('--locale <locale>', 'zh-CN or en', 'en')
    .action(async (o: OrgCreateOptions) => {
      const input = { slug: o.slug, name: o.name, timeZone: o.timeZone, locale: o.locale as Locale };
      printResult(await withRuntime((rt) => createOrganization(rt.ctx, input, cliActor()), FLAGS));
    });
  org
    .command('list')
    .description('list organizations')
    .action(async () => {
      printResult(await withRuntime((rt) => listOrganizations(rt.ctx)));
    });
}
