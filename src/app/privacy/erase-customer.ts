import { notFound } from '../../domain/errors.js';
import { orgIdForAudit } from '../admin/admin-org.js';
import { audited } from '../audited.js';
import { InputCheck } from '../input-rules.js';
import type { Actor, AppContext } from '../ports.js';
import { requireOrg } from '../public/load-public.js';

export interface EraseCustomerInput {
  orgSlug: string;
  /** The customer, by id or by email (exact, case-insensitive). */
  customerId?: string | null;
  email?: string | null;
}

export interface ErasedCustomer {
  customerId: string;
  erasedAt: number;
}

/**
 * GDPR Art. 17 erasure by crypto-shredding: the customer's data keys are destroyed, so their
 * name, email, phone and booking notes are unreadable everywhere, backups included. Bookings
 * stay (the business's own records) but no longer say who made them. The erasure also goes
 * to the ledger outside the database, so an older backup restored later is erased again.
 */
export async function eraseCustomer(ctx: AppContext, input: EraseCustomerInput, actor: Actor): Promise<ErasedCustomer> {
  const check = new InputCheck();
  check.require(Boolean(input.customerId) !== Boolean(input.email), 'customerId', 'give either a customer id or an email');
  const email = input.email ? check.email('email', input.email) : null;
  check.done();
  const audit = { orgId: await orgIdForAudit(ctx, input.orgSlug), actor, action: 'customer.erase', objectType: 'customer', objectIds: [] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      const org = await requireOrg(repos, input.orgSlug);
      const customer = email
        ? await repos.customers.findByEmail(org.id, email)
        : await repos.customers.findById(org.id, input.customerId as string);
      if (!customer || customer.erased) throw notFound('Customer');
      const now = ctx.clock.now();
      // Written down outside the database first: if the commit then fails, re-applying the
      // ledger finishes what was asked; the other order could lose the erasure on a restore.
      await ctx.erasures.record({ orgId: org.id, customerId: customer.id, erasedAt: now });
      await repos.customers.erase(org.id, customer.id, now);
      await repos.audit.record({ ...audit, orgId: org.id, objectIds: [customer.id], outcome: 'success' });
      return { customerId: customer.id, erasedAt: now };
    }),
  );
}
