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
 * after `backup restore`; each customer erased again gets its own audit entry.
 */
export async function reapplyErasures(ctx: AppContext, actor: Actor): Promise<ReappliedErasures> {
  const entries = await ctx.erasures.entries();
  const latest = new Map(entries.map((e) => [`${e.orgId}/${e.customerId}`, e]));
  let reapplied = 0;
  for (const entry of latest.values()) {
    const audit = { orgId: entry.orgId, actor, action: 'customer.erase.reapplied', objectType: 'customer', objectIds: [entry.customerId] };
    const erased = await audited(ctx.uow, audit, () =>
      ctx.uow.write(async (repos) => {
        const done = await repos.customers.erase(entry.orgId, entry.customerId, entry.erasedAt);
        if (done) await repos.audit.record({ ...audit, outcome: 'success' });
        return done;
      }),
    );
    if (erased) reapplied++;
  }
  return { checked: entries.length, reapplied };
}
