import { notFound } from '../../domain/errors.js';
import { requireAccess } from '../access/require-access.js';
import type { AuthContext } from '../auth/session-model.js';
import { audited } from '../audited.js';
import type { AppContext } from '../ports.js';

/** Removes one date override: the date goes back to the weekly hours. */
export async function removeStaffOverride(ctx: AppContext, auth: AuthContext | null, staffId: string, overrideId: string): Promise<void> {
  const access = await requireAccess(ctx, auth, 'org:manage', [{ type: 'staff', id: staffId }]);
  const audit = { orgId: access.orgId, actor: access.actor, action: 'staff.override.remove', objectType: 'staff_member', objectIds: [staffId, overrideId] };
  await audited(ctx.uow, audit, () =>
    ctx.uow.write(
      async (repos) => {
        if (!(await repos.staff.removeOverride(access.orgId, staffId, overrideId))) throw notFound('Override');
        await repos.audit.record({ ...audit, outcome: 'success' });
      },
      { lockStaffIds: [staffId] },
    ),
  );
}
