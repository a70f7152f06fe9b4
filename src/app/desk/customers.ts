import { notFound } from '../../domain/errors.js';
import type { Customer } from '../../domain/model.js';
import { audited } from '../audited.js';
import type { AuthContext } from '../auth/session-model.js';
import { InputCheck } from '../input-rules.js';
import type { AppContext, Repositories } from '../ports.js';
import { requireTimeZone } from '../time-window.js';
import { type BookingItem, type CustomerSummary, bookingItem, customerSummary, loadLookups } from './booking-item.js';
import { type DeskAccess, onlyStaffId, requireDeskAccess } from './desk-access.js';
import { recordRead } from './list-bookings.js';

export interface CustomerItem extends CustomerSummary {
  /** Bookings the caller can see (a staff member: theirs only). */
  bookingCount: number;
}

export interface CustomerQuery {
  /** An exact email (found through the blind index); the page is then that customer or nobody. */
  email?: string | null;
  limit?: number | null;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
}

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

async function withCounts(repos: Repositories, access: DeskAccess, customers: Customer[]): Promise<CustomerItem[]> {
  const counts = await repos.bookings.countForCustomers(access.orgId, customers.map((c) => c.id), onlyStaffId(access));
  return customers.map((c) => ({ ...customerSummary(c.id, c), bookingCount: counts.get(c.id) ?? 0 }));
}

/** The business's customers, by id in pages, or one by exact email; a staff member sees their own customers only. */
export async function listCustomers(ctx: AppContext, auth: AuthContext | null, q: CustomerQuery): Promise<{ customers: CustomerItem[]; nextCursor: string | null }> {
  const access = await requireDeskAccess(ctx, auth, 'customers:read');
  const audit = { orgId: access.orgId, actor: access.actor, action: 'customer.list', objectType: 'customer', objectIds: [] };
  return audited(ctx.uow, audit, async () => {
    const check = new InputCheck();
    const email = q.email ? check.email('email', q.email) : null;
    const limit = q.limit ?? DEFAULT_PAGE;
    check.require(Number.isInteger(limit) && limit >= 1 && limit <= MAX_PAGE, 'limit', `must be 1 to ${MAX_PAGE}`);
    check.done();
    const only = onlyStaffId(access);
    const page = await ctx.uow.read(async (repos) => {
      if (email) {
        const found = await repos.customers.findByEmail(access.orgId, email);
        const items = found ? await withCounts(repos, access, [found]) : [];
        // A staff member finds only customers who booked with them.
        return { customers: items.filter((c) => only === null || c.bookingCount > 0), nextCursor: null };
      }
      const found = await repos.customers.list(access.orgId, { limit: limit + 1, afterId: q.cursor ?? null, staffId: only });
      const customers = await withCounts(repos, access, found.slice(0, limit));
      return { customers, nextCursor: found.length > limit ? (customers.at(-1)?.id ?? null) : null };
    });
    await recordRead(ctx, access, 'customer.list', 'customer', page.customers.map((c) => c.id));
    return page;
  });
}

/** One customer with the bookings the caller may see; times in `timeZone`, else the organization's zone. */
export async function viewCustomer(
  ctx: AppContext,
  auth: AuthContext | null,
  customerId: string,
  timeZone: string | null,
): Promise<{ customer: CustomerItem; bookings: BookingItem[] }> {
  const access = await requireDeskAccess(ctx, auth, 'customers:read', [{ type: 'customer', id: customerId }]);
  const audit = { orgId: access.orgId, actor: access.actor, action: 'customer.view', objectType: 'customer', objectIds: [customerId] };
  return audited(ctx.uow, audit, async () => {
    const requested = timeZone ? requireTimeZone(timeZone) : null;
    const only = onlyStaffId(access);
    const view = await ctx.uow.read(async (repos) => {
      const customer = await repos.customers.findById(access.orgId, customerId);
      const bookings = await repos.bookings.listForCustomer(access.orgId, customerId, only);
      if (!customer || (only !== null && bookings.length === 0)) throw notFound('Customer');
      const zone = requested ?? (await repos.orgs.findById(access.orgId))?.timeZone ?? 'UTC';
      const lookups = await loadLookups(repos, access.orgId, bookings);
      return {
        customer: { ...customerSummary(customer.id, customer), bookingCount: bookings.length },
        bookings: bookings.map((b) => bookingItem(b, lookups, zone, access.readsHealthNotes)),
      };
    });
    await recordRead(ctx, access, 'customer.view', 'customer', [customerId, ...view.bookings.map((b) => b.id)]);
    return view;
  });
}
