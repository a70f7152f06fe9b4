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
  return { org, staff: await requireStaffOf(repos, org, staffId) };
}

/**
 * Which organization a setup change is for: the CLI names it by slug; a signed-in user's is
 * the session's, by id (after requireAccess).
 */
export type OrgRef = { slug: string } | { id: string };

export async function findOrg(repos: Repositories, ref: OrgRef): Promise<Organization> {
  if ('slug' in ref) return requireOrg(repos, ref.slug);
  const org = await repos.orgs.findById(ref.id);
  if (!org) throw notFound('Organization');
  return org;
}

/** orgIdForAudit for either way of naming the organization. */
export async function auditOrgId(ctx: AppContext, ref: OrgRef): Promise<string | null> {
  return 'id' in ref ? ref.id : orgIdForAudit(ctx, ref.slug);
}

/** One staff member of the org; another org's is simply not found. */
export async function requireStaffOf(repos: Repositories, org: Organization, staffId: string): Promise<StaffMember> {
  const staff = typeof staffId === 'string' && staffId.length > 0 ? await repos.staff.findById(org.id, staffId) : null;
  if (!staff) throw notFound('Staff member');
  return staff;
}
