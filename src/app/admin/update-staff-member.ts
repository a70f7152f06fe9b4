import { notFound } from '../../domain/errors.js';
import type { StaffProfile } from '../../domain/model.js';
import { requireAccess } from '../access/require-access.js';
import type { AuthContext } from '../auth/session-model.js';
import { audited } from '../audited.js';
import type { Actor, AppContext, Repositories } from '../ports.js';
import { type OrgRef, auditOrgId, findOrg } from './admin-org.js';
import { type StaffChange, cleanStaffChange, requireProfile, saveStaffChange } from './staff-profile-input.js';

/** Changes a staff member of the signed-in admin's organization; fields left out keep their value. */
export async function updateStaffMember(ctx: AppContext, auth: AuthContext | null, staffId: string, change: StaffChange): Promise<StaffProfile> {
  const access = await requireAccess(ctx, auth, 'org:manage', [{ type: 'staff', id: staffId }]);
  return changeStaff(ctx, { id: access.orgId }, staffId, access.actor, async () => cleanStaffChange(change));
}

export interface LinkStaffUserInput {
  orgSlug: string;
  staffId: string;
  /** The email the user signs in with; they must be a staff member of the same organization. */
  email: string;
}

/** Links a staff member to the user account they sign in with, so they see their own calendar. */
export async function linkStaffUser(ctx: AppContext, input: LinkStaffUserInput, actor: Actor): Promise<StaffProfile> {
  return changeStaff(ctx, { slug: input.orgSlug }, input.staffId, actor, async (repos) => {
    const user = typeof input.email === 'string' ? await repos.accounts.users.findByEmail(input.email) : null;
    if (!user) throw notFound('User');
    return { userId: user.id };
  });
}

async function changeStaff(
  ctx: AppContext,
  ref: OrgRef,
  staffId: string,
  actor: Actor,
  changeOf: (repos: Repositories) => Promise<StaffChange>,
): Promise<StaffProfile> {
  const audit = { orgId: await auditOrgId(ctx, ref), actor, action: 'staff.update', objectType: 'staff_member', objectIds: [staffId] };
  return audited(ctx.uow, audit, () =>
    ctx.uow.write(
      async (repos) => {
        const change = await changeOf(repos);
        const org = await findOrg(repos, ref);
        const current = await requireProfile(repos, org.id, staffId);
        const next = await saveStaffChange(repos, current, change, ctx.clock.now());
        // Which fields changed, never their values.
        await repos.audit.record({ ...audit, orgId: org.id, outcome: 'success', reason: Object.keys(change).sort().join(',') || null });
        return next;
      },
      { lockStaffIds: [staffId] },
    ),
  );
}
