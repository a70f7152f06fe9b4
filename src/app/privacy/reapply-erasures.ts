import { audited } from '../audited.js';
import type { Actor, AppContext } from '../ports.js';

export interface ReappliedErasures {
  /** Entries in the ledger. */
  checked: number;
  /** Customers the database still held readable, erased again now. */
  reapplied: number;
}

/**
 * Re-applies the erasure ledger to the database: after a restore of a database or backup
 * made before some erasures, those customers' data keys are back; this destroys them again
 * (crypto-shredding), so the older copy cannot bring anyone back. Runs at every start and
 * after `backup restore`, so the whole ledger goes through one transaction (an entry already
 * erased costs one no-op update); each customer erased again gets its own audit entry.
 */
export async function reapplyErasures(ctx: AppContext, actor: Actor): Promise<ReappliedErasures> {
  const entries = await ctx.erasures.entries();
  if (entries.length === 0) return { checked: 0, reapplied: 0 };
  const latest = [...new Map(entries.map((e) => [`${e.orgId}/${e.customerId}`, e])).values()];
  const audit = { orgId: null, actor, action: 'customer.erase.reapplied', objectType: 'customer', objectIds: [] };
  const reapplied = await audited(ctx.uow, audit, () =>
    ctx.uow.write(async (repos) => {
      let erased = 0;
      for (const entry of latest) {
        if (!(await repos.customers.erase(entry.orgId, entry.customerId, entry.erasedAt))) continue;
        await repos.audit.record({ ...audit, orgId: entry.orgId, objectIds: [entry.customerId], outcome: 'success' });
        erased++;
      }
      return erased;
    }),
  );
  return { checked: entries.length, reapplied };
}
