import type { Command } from 'commander';
import { eraseCustomer } from '../../app/privacy/erase-customer.js';
import { reapplyErasures } from '../../app/privacy/reapply-erasures.js';
import { cliActor } from '../cli-actor.js';
import { printResult, withRuntime } from '../with-runtime.js';

const FLAGS = { orgSlug: '--org', customerId: '--id', email: '--email' };

interface EraseOptions {
  org: string;
  id?: string;
  email?: string;
}

export function registerCustomerCommands(program: Command): void {
  const customer = program.command('customer').description("customers' personal data");
  customer
    .command('erase')
    .description('erase a customer (GDPR Art. 17): their data keys are destroyed, their data unreadable everywhere')
    .requiredOption('--org <slug>', 'organization slug')
    .option('--id <customerId>', 'the customer id')
    .option('--email <email>', 'or the customer email')
    .action(async (o: EraseOptions) => {
      const input = { orgSlug: o.org, customerId: o.id ?? null, email: o.email ?? null };
      printResult(await withRuntime((rt) => eraseCustomer(rt.ctx, input, cliActor()), FLAGS));
    });
  customer
    .command('reapply-erasures')
    .description('erase again every customer in the erasure ledger (after restoring an older database; start does this too)')
    .action(async () => {
      printResult(await withRuntime((rt) => reapplyErasures(rt.ctx, cliActor())));
    });
}
