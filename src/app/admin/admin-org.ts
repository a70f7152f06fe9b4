import { notFound } from '../../domain/errors.js';
import type { Organization, StaffMember } from '../../domain/model.js';
import type { AppContext, Repositories } from '../ports.js';
import { requireOrg } from '../public/load-public.js';

/**
 * The org's id for an audit entry written before (or without) the transaction: a failure
 * is then still filed under the right organization. Null when the slug names none.
 */
export async function orgIdForAudit(ctx: AppContext, orgSlug: unknown): Promise<string | null> {
  if (typeof orgSlug !== 'string' || orgSlug.length === 0) return null;
  const org = await ctx.uow.read((repos) => repos.orgs.findBySlug(orgSlug));
  return org?.id ?? null;
}

/** The org and one of its staff members; another org's staff member is simply not found. */
export async function requireOrgStaff(
  repos: Repositories,
  orgSlug: string,
  staffId: string,
): Promise<{ org: Organization; staff: StaffMember }> {
  const org = await requireOrg(repos, orgSlug);
  const staff = typeof staffId === 'string' && staffId.length > 0 ? await repos.staff.findById(org.id, staffId) : null;
  if (!staff) throw notFound('Staff member');
  return { org, staff };
}
