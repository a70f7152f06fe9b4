import type { Service, StaffProfile } from '../../domain/model.js';
import { requireAccess } from '../access/require-access.js';
import { roleAllows } from '../access/permissions.js';
import type { AuthContext } from '../auth/session-model.js';
import type { AppContext } from '../ports.js';

/** Every service of the caller's organization, inactive ones too, with all the staff who offer it. */
export async function listOrgServices(ctx: AppContext, auth: AuthContext | null): Promise<Service[]> {
  const access = await requireAccess(ctx, auth, 'org:read');
  return ctx.uow.read((repos) => repos.services.listAll(access.orgId));
}

/**
 * Every staff member of the caller's organization. Work email and phone are personal data:
 * shown to roles that may see the organization's people, and to each staff member for their
 * own record; the read is audited.
 */
export async function listOrgStaff(ctx: AppContext, auth: AuthContext | null): Promise<StaffProfile[]> {
  const access = await requireAccess(ctx, auth, 'org:read');
  const seesEveryone = roleAllows(access.role, 'members:read');
  const staff = (await ctx.uow.read((repos) => repos.staff.profiles(access.orgId))).map((s) =>
    seesEveryone || s.userId === access.userId ? s : { ...s, email: null, phone: null },
  );
  const shown = staff.filter((s) => s.email !== null || s.phone !== null).map((s) => s.id);
  if (shown.length > 0) {
    await ctx.uow.write((repos) =>
      repos.audit.record({ orgId: access.orgId, actor: access.actor, action: 'staff.contact.read', objectType: 'staff_member', objectIds: shown, outcome: 'success' }),
    );
  }
  return staff;
}
